package utrace.model;

/**
 * {@code task->state} and {@code task->exit_state} bit values of the series
 * (PATCHES.md, "Constants the seed lost"; TASK_UTRACED from patch 14).
 */
public final class TaskState {
    private TaskState() {}

    public static final int RUNNING = 0;
    public static final int INTERRUPTIBLE = 1;
    public static final int UNINTERRUPTIBLE = 2;
    public static final int STOPPED_BIT = 4;   // __TASK_STOPPED
    public static final int TRACED_BIT = 8;    // __TASK_TRACED
    public static final int UTRACED_BIT = 16;  // __TASK_UTRACED (patch 14)
    public static final int WAKEKILL = 256;

    /** TASK_STOPPED = TASK_WAKEKILL | __TASK_STOPPED: SIGKILL wakes it. */
    public static final int TASK_STOPPED = WAKEKILL | STOPPED_BIT;
    /** TASK_TRACED = TASK_WAKEKILL | __TASK_TRACED. */
    public static final int TASK_TRACED = WAKEKILL | TRACED_BIT;

    public static final int EXIT_NONE = 0;
    public static final int EXIT_ZOMBIE = 32;
    public static final int EXIT_DEAD = 64;

    public static final int STOP_BITS = STOPPED_BIT | TRACED_BIT | UTRACED_BIT;

    public static boolean isStoppedOrTraced(int state) {
        return (state & STOP_BITS) != 0;
    }

    public static String name(int state) {
        if (state == RUNNING) return "RUNNING";
        StringBuilder b = new StringBuilder();
        if ((state & INTERRUPTIBLE) != 0) b.append("|INTERRUPTIBLE");
        if ((state & UNINTERRUPTIBLE) != 0) b.append("|UNINTERRUPTIBLE");
        if ((state & STOPPED_BIT) != 0) b.append("|STOPPED");
        if ((state & TRACED_BIT) != 0) b.append("|TRACED");
        if ((state & UTRACED_BIT) != 0) b.append("|UTRACED");
        if ((state & WAKEKILL) != 0) b.append("|WAKEKILL");
        return b.substring(1);
    }

    public static String exitName(int exit) {
        switch (exit) {
            case EXIT_NONE: return "0";
            case EXIT_ZOMBIE: return "ZOMBIE";
            case EXIT_DEAD: return "DEAD";
            default: return Integer.toString(exit);
        }
    }
}

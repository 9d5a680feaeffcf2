package utrace.model;

/** Thread-info flags the model tracks (one bit each in the TIF slot). */
public final class Tif {
    private Tif() {}

    public static final int SIGPENDING = 1;
    public static final int NOTIFY_RESUME = 2;
    public static final int SYSCALL_TRACE = 4;
    public static final int SINGLESTEP = 8;
    public static final int SYSCALL_EMU = 16;

    public static String names(int tif) {
        if (tif == 0) return "0";
        StringBuilder b = new StringBuilder();
        if ((tif & SIGPENDING) != 0) b.append("|SIGPENDING");
        if ((tif & NOTIFY_RESUME) != 0) b.append("|NOTIFY_RESUME");
        if ((tif & SYSCALL_TRACE) != 0) b.append("|SYSCALL_TRACE");
        if ((tif & SINGLESTEP) != 0) b.append("|SINGLESTEP");
        if ((tif & SYSCALL_EMU) != 0) b.append("|SYSCALL_EMU");
        return b.substring(1);
    }
}

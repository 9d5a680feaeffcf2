package utrace.model;

/**
 * An ordering constraint on one item of an actor's script ({@code ... after
 * ACTOR:K} in a scenario): the item may start only once actor ACTOR has
 * finished its first K items (a ptrace request returned, a signal was sent;
 * with {@code killers N}, every killer has sent K),
 * or once the tracee is in a state: {@code tracee:stopped} (asleep in a group
 * stop, what /proc shows as "T (stopped)"), {@code tracee:traced} (in a
 * ptrace or utrace stop, "t (tracing stop)": patch 14 reports TASK_UTRACED
 * so too), {@code tracee:zombie} (exit_notify made it a zombie; "Z"), {@code tracee:sleeping} (asleep in
 * TASK_INTERRUPTIBLE in a read() or pause(), "S (sleeping)").
 * This states exactly what a test gets with sleep() or by polling
 * /proc/PID/status between two calls, instead of widening the scenario into
 * races the test rules out.
 */
public record Guard(String actor, int count, TraceeState state) {
    public enum TraceeState {
        STOPPED("stopped"), TRACED("traced"), ZOMBIE("zombie"),
        /** asleep in TASK_INTERRUPTIBLE in a system call (read, pause): "S (sleeping)" */
        SLEEPING("sleeping");

        public final String word;
        TraceeState(String word) { this.word = word; }
    }

    public static Guard after(String actor, int count) { return new Guard(actor, count, null); }

    public static Guard tracee(TraceeState s) { return new Guard("tracee", 0, s); }

    public String text() {
        return "after " + actor + ":" + (state != null ? state.word : Integer.toString(count));
    }
}

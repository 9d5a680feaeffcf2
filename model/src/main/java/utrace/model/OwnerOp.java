package utrace.model;

/**
 * One engine-API call in an owner's script, with its ordering guard ({@code control DETACH after
 * killer:1}), or none: the call starts only once the guard holds.
 */
public record OwnerOp(Kind kind, int arg, Guard guard) {
    public enum Kind {
        ATTACH("attach"), SET_EVENTS("set_events"), CONTROL("control"), BARRIER("barrier"),
        EXAMINE("examine"), PUT("put"),
        /** Not an API call: block until the tracee is in a stop or dead, as a debugger waits before acting on it. */
        WAIT_STOPPED("wait_stopped");

        public final String word;
        Kind(String word) { this.word = word; }
    }

    /**
     * An attach's arg: UTRACE_ATTACH_CREATE|UTRACE_ATTACH_EXCLUSIVE with no MATCH flag ('attach exclusive'),
     * which refuses with -EEXIST when any engine is attached; 0 is a plain UTRACE_ATTACH_CREATE.
     */
    public static final int ATTACH_EXCLUSIVE = 1;

    /** A call with no ordering guard. */
    public OwnerOp(Kind kind, int arg) {
        this(kind, arg, null);
    }

    /** The call as the API names it ("control DETACH"), without its guard: traces print it after "utrace_". */
    @Override public String toString() {
        switch (kind) {
            case SET_EVENTS: return "set_events " + Events.names(arg);
            case CONTROL: return "control " + Actions.name(arg);
            case ATTACH: return arg == ATTACH_EXCLUSIVE ? "attach exclusive" : "attach";
            default: return kind.word;
        }
    }

    /** The call as a scenario writes it, with its guard ("control DETACH after killer:1"). */
    public String text() {
        return guard == null ? toString() : toString() + " " + guard.text();
    }
}

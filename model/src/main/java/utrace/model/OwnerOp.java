package utrace.model;

/** One engine-API call in an owner's script. */
public record OwnerOp(Kind kind, int arg) {
    public enum Kind {
        ATTACH("attach"), SET_EVENTS("set_events"), CONTROL("control"), BARRIER("barrier"),
        EXAMINE("examine"), PUT("put"),
        /** Not an API call: block until the tracee is in a stop or dead, as a debugger waits before acting on it. */
        WAIT_STOPPED("wait_stopped");

        public final String word;
        Kind(String word) { this.word = word; }
    }

    @Override public String toString() {
        switch (kind) {
            case SET_EVENTS: return "set_events " + Events.names(arg);
            case CONTROL: return "control " + Actions.name(arg);
            default: return kind.word;
        }
    }
}

package utrace.model;

/**
 * Something a step did that invariants over transitions look at: a callback
 * into an engine, an engine-API call returning, or the tracee entering user
 * mode.
 */
public record Obs(Kind kind, int engine, int code, int ret, int aux) {
    public enum Kind { CALLBACK, API_RETURN, USER_ENTRY }

    /** A callback for {@code event} (an {@link Events} bit) into engine {@code e}; live = its real ops. */
    public static Obs callback(int e, int event, int action, boolean live) {
        return new Obs(Kind.CALLBACK, e, event, action, live ? 1 : 0);
    }

    public static Obs apiReturn(int e, OwnerOp.Kind op, int ret, int arg) {
        return new Obs(Kind.API_RETURN, e, op.ordinal(), ret, arg);
    }

    public static Obs userEntry() {
        return new Obs(Kind.USER_ENTRY, -1, 0, 0, 0);
    }

    public boolean liveCallback() { return kind == Kind.CALLBACK && aux == 1; }

    public boolean isReturnOf(OwnerOp.Kind op) { return kind == Kind.API_RETURN && code == op.ordinal(); }
}

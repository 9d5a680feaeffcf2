package utrace.model;

/**
 * What {@code engine->ops} points to. DETACHED is {@code &utrace_detached_ops},
 * the vector mark_engine_detached() installs (patch 01); NULL means fully
 * detached (utrace_reset or the reap teardown cleared it) or never attached.
 */
public final class Ops {
    private Ops() {}

    public static final int NULL = 0;
    public static final int LIVE = 1;
    public static final int DETACHED = 2;

    public static String name(int ops) {
        switch (ops) {
            case NULL: return "NULL";
            case LIVE: return "live";
            case DETACHED: return "utrace_detached_ops";
            default: return "ops#" + ops;
        }
    }
}

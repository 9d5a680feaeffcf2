package utrace.model;

/**
 * How the model's shared accesses reach memory. {@code sc}: every step is
 * atomic and its stores are visible at once (sequential consistency, the
 * default). {@code weak}: the stores that take part in the barrier pairs
 * B1-B5 of the series go through a bounded per-CPU store buffer, and the load
 * that smp_rmb() orders may be performed early, so the explorer sees the
 * reorderings Linux's memory model allows where a barrier is missing (see
 * {@link Barrier} and {@link WeakMemory}).
 */
public enum MemoryModel {
    SC("sc"),
    WEAK("weak");

    public final String id;

    MemoryModel(String id) {
        this.id = id;
    }

    /** The model of that id, or null. */
    public static MemoryModel byId(String id) {
        for (MemoryModel m : values()) if (m.id.equals(id)) return m;
        return null;
    }
}

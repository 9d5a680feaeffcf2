package utrace.model;

import java.util.Arrays;

/**
 * One model state: an immutable array of ints laid out by {@link Slots} and
 * the actors' blocks. Accessors name the kernel variables so invariants read
 * like the documentation ("utrace.reporting", "engine[i].flags").
 */
public final class State {
    /** Fixed fingerprint seed; logged with statistics so runs are reproducible. */
    public static final long FINGERPRINT_SEED = 0x5eed_0f_07ace5L;

    private final int[] v;
    /** Arrays.hashCode(v), computed on first use (0 = not yet): most states are never hashed. */
    private int hash;
    /** Null, except in a copy made by {@link #recording}: then every read through an accessor is added to it. */
    private final Footprint reads;

    public State(int[] values) {
        this(values, null);
    }

    private State(int[] values, Footprint reads) {
        this.v = values;
        this.reads = reads;
    }

    /**
     * A copy of {@code s} that records into {@code reads} which slots (and bits) its accessors
     * read: used to check that the invariants read no more than they declare visible
     * (partial-order reduction's visibility condition). Equal to {@code s}.
     */
    public static State recording(State s, Footprint reads) {
        return new State(s.v, reads);
    }

    private int at(int slot) { return at(slot, -1); }

    private int at(int slot, int bits) {
        if (reads != null) reads.read(slot, bits);
        return v[slot];
    }

    public int get(int slot) { return at(slot); }

    /** {@code slot}'s value masked with {@code bits} (reads only those bits). */
    public int bits(int slot, int bits) { return at(slot, bits) & bits; }

    /**
     * A slot for a violation's message only, read without recording: the verdict must not depend on
     * it (partial-order reduction's visibility covers what decides, not what a message describes).
     */
    public int forMessage(int slot) { return v[slot]; }

    /** True if any of {@code bits} is set in {@code slot} (reads only those bits). */
    public boolean has(int slot, int bits) { return (at(slot, bits) & bits) != 0; }

    public int size() { return v.length; }

    int[] copyValues() { return v.clone(); }

    /** 64-bit fingerprint (murmur3-style mixing over all slots, fixed seed). */
    public long fingerprint() {
        long h = FINGERPRINT_SEED ^ (v.length * 0x9E3779B97F4A7C15L);
        for (int x : v) {
            long k = x * 0xC2B2AE3D27D4EB4FL;
            k = Long.rotateLeft(k, 31) * 0x9E3779B97F4A7C15L;
            h ^= k;
            h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    public static String hex(long fp) {
        return String.format("%016x", fp);
    }

    // task_struct
    public int taskState() { return at(Slots.TASK_STATE); }
    public int exitState() { return at(Slots.EXIT_STATE); }
    public int pendingSignals() { return at(Slots.SIGPENDING); }
    public int tif() { return at(Slots.TIF); }
    public int utraceFlags() { return at(Slots.UTRACE_FLAGS); }
    public boolean killed() { return has(Slots.G_TASK, Slots.G_KILLED); }
    public boolean taskHistory(int bit) { return has(Slots.G_TASK, bit); }

    // struct utrace
    public int attached() { return at(Slots.ATTACHED); }
    public int attaching() { return at(Slots.ATTACHING); }
    /** utrace->reporting as an engine index, -1 for NULL. */
    public int reporting() { return at(Slots.REPORTING) - 1; }
    public int resume() { return at(Slots.RESUME); }
    public boolean utraceBit(int bit) { return has(Slots.UBITS, bit); }
    public int lockHolder(int lockSlot) { return at(lockSlot) - 1; }

    // engines
    public int engineOps(int e) { return at(Slots.engine(e, Slots.E_OPS)); }
    public int engineFlags(int e) { return at(Slots.engine(e, Slots.E_FLAGS)); }
    public int engineRef(int e) { return at(Slots.engine(e, Slots.E_REF)); }
    public int engineSeq(int e) { return at(Slots.engine(e, Slots.E_SEQ)); }
    public int engineMask(int e) { return at(Slots.engine(e, Slots.E_MASK)); }
    public boolean engineHistory(int e, int bit) { return has(Slots.engine(e, Slots.E_GHOST), bit); }

    @Override public boolean equals(Object o) {
        return o == this || o instanceof State && Arrays.equals(((State) o).v, v);
    }

    /** Racy but safe lazy caching, as String.hashCode: every thread computes the same value. */
    @Override public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(v);
            hash = h;
        }
        return h;
    }
}

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

    public State(int[] values) {
        this.v = values;
    }

    public int get(int slot) { return v[slot]; }

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
    public int taskState() { return v[Slots.TASK_STATE]; }
    public int exitState() { return v[Slots.EXIT_STATE]; }
    public int pendingSignals() { return v[Slots.SIGPENDING]; }
    public int tif() { return v[Slots.TIF]; }
    public int utraceFlags() { return v[Slots.UTRACE_FLAGS]; }
    public boolean killed() { return (v[Slots.G_TASK] & Slots.G_KILLED) != 0; }
    public boolean taskHistory(int bit) { return (v[Slots.G_TASK] & bit) != 0; }

    // struct utrace
    public int attached() { return v[Slots.ATTACHED]; }
    public int attaching() { return v[Slots.ATTACHING]; }
    /** utrace->reporting as an engine index, -1 for NULL. */
    public int reporting() { return v[Slots.REPORTING] - 1; }
    public int resume() { return v[Slots.RESUME]; }
    public boolean utraceBit(int bit) { return (v[Slots.UBITS] & bit) != 0; }
    public int lockHolder(int lockSlot) { return v[lockSlot] - 1; }

    // engines
    public int engineOps(int e) { return v[Slots.engine(e, Slots.E_OPS)]; }
    public int engineFlags(int e) { return v[Slots.engine(e, Slots.E_FLAGS)]; }
    public int engineRef(int e) { return v[Slots.engine(e, Slots.E_REF)]; }
    public int engineSeq(int e) { return v[Slots.engine(e, Slots.E_SEQ)]; }
    public int engineMask(int e) { return v[Slots.engine(e, Slots.E_MASK)]; }
    public boolean engineHistory(int e, int bit) { return (v[Slots.engine(e, Slots.E_GHOST)] & bit) != 0; }

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

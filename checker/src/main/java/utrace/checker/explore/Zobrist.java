package utrace.checker.explore;

import utrace.model.State;

/**
 * The visited-set fingerprint of {@link LevelExplorer}: Zobrist-style, the
 * XOR over all slots of a 64-bit key for (slot, value). A step changes two to
 * six of the model's ~66 slots, so a successor's fingerprint is its parent's
 * with the keys of the changed slots swapped ({@link #update}): a few
 * multiplications per transition instead of a pass over the whole state.
 *
 * <p>The key of (slot, value) is a bijective 64-bit mix (SplitMix64's
 * finalizer) of the pair packed into one long and offset by {@link #SEED}, so
 * distinct pairs get distinct, well-spread keys; states that differ get
 * fingerprints that collide with probability about 2^-64 per pair, as for any
 * 64-bit hash (the statistics print the bound, about n^2 / 2^65). No table:
 * the keys are computed, so values of any size need no escape.
 *
 * <p>{@link State#fingerprint()} is unrelated and unchanged: traces record it.
 */
public final class Zobrist {
    /** Fixed, printed in headers so a run can be reproduced. */
    public static final long SEED = 0x5eed_2b01_57c0_ffeeL;

    private Zobrist() {}

    /** The key of value {@code x} in slot {@code slot}. */
    public static long key(int slot, int x) {
        long z = (((long) slot << 32) | (x & 0xFFFF_FFFFL)) + SEED;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The fingerprint of a whole state, from scratch. */
    public static long of(int[] v) {
        long h = 0;
        for (int i = 0; i < v.length; i++) h ^= key(i, v[i]);
        return h;
    }

    public static long of(State s) {
        long h = 0;
        for (int i = 0, n = s.size(); i < n; i++) h ^= key(i, s.get(i));
        return h;
    }

    /** {@code fp} with slot {@code slot} changed from {@code was} to {@code now}. */
    public static long update(long fp, int slot, int was, int now) {
        return was == now ? fp : fp ^ key(slot, was) ^ key(slot, now);
    }
}

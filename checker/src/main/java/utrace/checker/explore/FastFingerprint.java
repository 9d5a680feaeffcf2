package utrace.checker.explore;

import utrace.model.State;

/**
 * The visited-set fingerprint of {@link LevelExplorer}, by its old name (the
 * reports print {@link #SEED}): now {@link Zobrist}'s, which the search
 * updates incrementally from the slots a step changed. {@link State#fingerprint()}
 * stays the fingerprint traces record; the two are unrelated 64-bit hashes of
 * the same slots, and the explorer only needs distinct states to get distinct
 * values, with the collision odds printed with the statistics (about n^2 / 2^65).
 */
public final class FastFingerprint {
    /** Fixed, printed in headers so a run can be reproduced. */
    public static final long SEED = Zobrist.SEED;

    private FastFingerprint() {}

    public static long of(State s) {
        return Zobrist.of(s);
    }
}

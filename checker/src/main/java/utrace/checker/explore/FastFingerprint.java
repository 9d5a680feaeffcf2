package utrace.checker.explore;

import utrace.model.State;

/**
 * The visited-set fingerprint of {@link LevelExplorer}: 64 bits over all
 * slots with a fixed seed, in four independent lanes so that the CPU
 * overlaps the multiplications (State.fingerprint() chains every slot through
 * one register: it stays the fingerprint traces record, because changing it
 * would invalidate every stored trace). Both are 64-bit hashes of the same
 * slots; the explorer only needs distinct states to get distinct values, with
 * the collision odds printed with the statistics (about n^2 / 2^65).
 */
public final class FastFingerprint {
    /** Fixed, printed in headers so a run can be reproduced. */
    public static final long SEED = 0x5eed_fa57_0f07_ace5L;

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private FastFingerprint() {}

    public static long of(State s) {
        int n = s.size();
        long h0 = SEED;
        long h1 = SEED ^ 0x9E3779B97F4A7C15L;
        long h2 = SEED ^ 0xC2B2AE3D27D4EB4FL;
        long h3 = SEED ^ 0x165667B19E3779F9L;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h0 = Long.rotateLeft(h0 ^ (s.get(i) * C1), 31) * C2;
            h1 = Long.rotateLeft(h1 ^ (s.get(i + 1) * C1), 31) * C2;
            h2 = Long.rotateLeft(h2 ^ (s.get(i + 2) * C1), 31) * C2;
            h3 = Long.rotateLeft(h3 ^ (s.get(i + 3) * C1), 31) * C2;
        }
        for (; i < n; i++) h0 = Long.rotateLeft(h0 ^ (s.get(i) * C1), 31) * C2;
        long h = h0 ^ Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 34) ^ Long.rotateLeft(h3, 51) ^ n;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}

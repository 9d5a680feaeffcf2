package utrace.checker.explore;

/**
 * The fingerprints of the successors met so far in one slice of a level
 * ({@link LevelExplorer}): a small open-addressing table that stays in the
 * cache, emptied per slice by bumping a generation instead of clearing.
 *
 * <p>Why: neighbouring states of a breadth-first level are mostly siblings,
 * and two interleavings of independent steps meet in the same successor, so
 * more than half of a slice's successors repeat one met earlier in the same
 * slice (bench-large: 3,762,915 of 6,716,578; scale-size-6: 8,162,503 of
 * 14,831,644). Each repeat would cost a candidate (its changes, packed and
 * copied) and a probe of the visited set, which misses the cache. Keeping
 * only the first is exactly what the insert phase would do: candidates are
 * added in key order, so the first is the one with the smallest key, the one
 * the visited set would mark new; the repeats would be marked not new, and
 * nothing (counts at a violation, --max-states, traces) looks at a candidate
 * that is not new.
 */
final class SliceSeen {
    private long[] fps = new long[1 << 12];
    private int[] gens = new int[1 << 12];
    private int gen = 1;
    private int size;

    /** Forgets every fingerprint: the next slice starts. */
    void clear() {
        size = 0;
        if (++gen == Integer.MAX_VALUE) {
            java.util.Arrays.fill(gens, 0);
            gen = 1;
        }
    }

    /** Adds {@code fp}; true if it was not met before in this slice. */
    boolean add(long fp) {
        int mask = fps.length - 1;
        // Zobrist fingerprints are uniform in every bit: the low bits index directly.
        for (int i = (int) fp & mask; ; i = (i + 1) & mask) {
            if (gens[i] != gen) {
                gens[i] = gen;
                fps[i] = fp;
                if (++size * 2 > fps.length) grow();
                return true;
            }
            if (fps[i] == fp) return false;
        }
    }

    private void grow() {
        long[] oldFps = fps;
        int[] oldGens = gens;
        int oldGen = gen;
        fps = new long[oldFps.length * 2];
        gens = new int[oldFps.length * 2];
        gen = 1;
        int mask = fps.length - 1;
        for (int j = 0; j < oldFps.length; j++) {
            if (oldGens[j] != oldGen) continue;
            int i = (int) oldFps[j] & mask;
            while (gens[i] == gen) i = (i + 1) & mask;
            gens[i] = gen;
            fps[i] = oldFps[j];
        }
    }
}

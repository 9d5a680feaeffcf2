package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The per-slice set of successor fingerprints answers as a fresh set would,
 * slice after slice: across clears, with repeats, with colliding low bits
 * and past its initial size (it grows). That it changes no search result is
 * LevelExplorerTest's comparison with Explorer on every scenario.
 */
class SliceSeenTest {
    @Test
    void answersAsAFreshSetPerSlice() {
        SliceSeen seen = new SliceSeen();
        Random rnd = new Random(42);
        for (int slice = 0; slice < 200; slice++) {
            seen.clear();
            Set<Long> want = new HashSet<>();
            int n = slice % 10 == 0 ? 20_000 : rnd.nextInt(1500); // some slices force growth
            long[] pool = new long[Math.max(1, n / 3)];
            for (int i = 0; i < pool.length; i++) {
                // every third value shares its low 12 bits with others: long probe runs
                pool[i] = i % 3 == 0 ? ((long) rnd.nextInt(1 << 20) << 12) | 7 : rnd.nextLong();
            }
            for (int i = 0; i < n; i++) {
                long fp = pool[rnd.nextInt(pool.length)];
                assertEquals(want.add(fp), seen.add(fp), "slice " + slice + ", add " + i);
            }
        }
    }

    @Test
    void aClearForgetsEverything() {
        SliceSeen seen = new SliceSeen();
        for (long fp = 1; fp <= 3000; fp++) assertEquals(true, seen.add(fp * 0x9E3779B97F4A7C15L));
        seen.clear();
        for (long fp = 1; fp <= 3000; fp++) assertEquals(true, seen.add(fp * 0x9E3779B97F4A7C15L));
        for (long fp = 1; fp <= 3000; fp++) assertEquals(false, seen.add(fp * 0x9E3779B97F4A7C15L));
    }
}

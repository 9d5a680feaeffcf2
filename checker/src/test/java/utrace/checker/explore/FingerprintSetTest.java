package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintSetTest {
    @Test
    void addAndContains() {
        FingerprintSet s = new FingerprintSet();
        assertFalse(s.contains(42));
        assertTrue(s.add(42), "new");
        assertFalse(s.add(42), "already there");
        assertTrue(s.contains(42));
        assertFalse(s.contains(43));
        assertTrue(s.add(-42));
        assertTrue(s.add(Long.MIN_VALUE));
        assertTrue(s.add(Long.MAX_VALUE));
        assertTrue(s.contains(Long.MIN_VALUE));
        assertEquals(4, s.size());
    }

    @Test
    void fingerprintZeroIsAnOrdinaryMember() {
        // 0 marks an empty slot in the table; it must still behave as a value of its own.
        FingerprintSet s = new FingerprintSet(4);
        assertFalse(s.contains(0));
        assertTrue(s.add(0));
        assertTrue(s.contains(0));
        assertFalse(s.add(0));
        assertEquals(1, s.size());
        assertFalse(s.contains(1), "0 and 1 are different fingerprints");
        assertTrue(s.add(1), "1 is new even after 0");
        assertEquals(2, s.size());
        for (long x = 2; x < 100; x++) s.add(x); // grow several times with 0 inside
        assertTrue(s.contains(0));
        assertFalse(s.add(0));
        assertEquals(100, s.size());

        FingerprintSet t = new FingerprintSet(4);
        assertTrue(t.add(1));
        assertFalse(t.contains(0), "1 does not make 0 present");
        assertTrue(t.add(0));
    }

    @Test
    void growsFromATinyTableAndKeepsEverything() {
        FingerprintSet s = new FingerprintSet(2);
        long before = s.bytes();
        Random r = new Random(7);
        long[] xs = new long[10_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextLong();
            assertTrue(s.add(xs[i]));
        }
        assertEquals(xs.length, s.size());
        assertTrue(s.bytes() > before, "the table grew");
        assertTrue(s.bytes() >= 8L * xs.length / 0.6, "load factor stays at or below 60%");
        for (long x : xs) {
            assertTrue(s.contains(x));
            assertFalse(s.add(x));
        }
        assertEquals(xs.length, s.size());
    }

    @Test
    void collidingSlotsProbeLinearly() {
        // Many values that are equal modulo a small table still all fit and are all found.
        FingerprintSet s = new FingerprintSet(8);
        for (long i = 1; i <= 64; i++) assertTrue(s.add(i << 40));
        for (long i = 1; i <= 64; i++) assertTrue(s.contains(i << 40));
        assertFalse(s.contains(65L << 40));
    }

    /** Property: a random sequence of adds and lookups agrees with HashSet<Long>. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 99, 0x5eed, 20111121})
    void agreesWithHashSet(long seed) {
        Random r = new Random(seed);
        FingerprintSet s = new FingerprintSet(1 << (1 + r.nextInt(6)));
        Set<Long> ref = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            long x;
            switch (r.nextInt(4)) {
                case 0: x = r.nextInt(16) - 4; break;                 // small values, including 0, 1 and negatives
                case 1: x = r.nextLong(); break;                      // fresh random fingerprints
                case 2: x = (long) r.nextInt(1 << 12) << 52; break;   // high bits only
                default: x = r.nextInt(2000); break;                  // repeats
            }
            if (r.nextBoolean()) {
                assertEquals(ref.add(x), s.add(x), "add(" + x + ")");
            } else {
                assertEquals(ref.contains(x), s.contains(x), "contains(" + x + ")");
            }
            assertEquals(ref.size(), s.size());
        }
    }
}

package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import utrace.model.State;

/** Packed states read back equal, including slots that need the escape (outside 16 bits). */
class StateArenaTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 0xdecafL})
    void packedStatesReadBackEqual(long seed) {
        Random rnd = new Random(seed);
        int slots = 1 + rnd.nextInt(120);
        StateArena arena = new StateArena(8);
        List<State> states = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int[] v = new int[slots];
            for (int j = 0; j < slots; j++) {
                switch (rnd.nextInt(4)) {
                    case 0 -> v[j] = rnd.nextInt(16);
                    case 1 -> v[j] = rnd.nextInt(1 << 16) - (1 << 15);
                    case 2 -> v[j] = rnd.nextInt();
                    default -> v[j] = rnd.nextBoolean() ? Integer.MIN_VALUE : Short.MIN_VALUE;
                }
            }
            State s = new State(v);
            states.add(s);
            offsets.add(arena.add(s));
        }
        StateArena.Reader all = arena.new Reader(0, slots);
        for (State s : states) assertEquals(s, all.next());
        int k = 137;
        assertEquals(states.get(k), arena.new Reader(offsets.get(k), slots).next());
        assertEquals(300, arena.count());
        // Skipping (LevelExplorer steps over candidates already visited) lands on the next state, escapes included.
        StateArena.Reader every3rd = arena.new Reader(0, slots);
        for (int i = 0; i < states.size(); i++) {
            if (i % 3 == 0) assertEquals(states.get(i), every3rd.next());
            else every3rd.skip();
        }
    }

    /** The int[] twins of add/next, and the strided block copy with a patch the explorer uses between levels. */
    @Test
    void plainArenasCopyAndPatchByStride() {
        Random rnd = new Random(7);
        int slots = 66;
        StateArena plain = new StateArena(slots * 10);
        List<int[]> states = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int[] v = new int[slots];
            for (int j = 0; j < slots; j++) v[j] = rnd.nextInt(65535) - 32767;
            assertEquals(i * slots, plain.add(v), "a plain state takes exactly its slots");
            states.add(v);
        }
        assertFalse(plain.escaped());
        StateArena.Reader r = plain.new Reader(0, slots);
        int[] got = new int[slots];
        for (int[] v : states) {
            r.nextInto(got);
            assertArrayEquals(v, got);
        }
        StateArena out = new StateArena(4);
        int[] pairs = {3, 1234, 65, -32767};
        int off = out.addPatched(plain, 4 * slots, slots, pairs, 0, pairs.length);
        int[] want = states.get(4).clone();
        want[3] = 1234;
        want[65] = -32767;
        out.plainAt(off, got);
        assertArrayEquals(want, got);
        int[] wide = want.clone();
        wide[10] = Short.MIN_VALUE; // needs the escape
        out.add(wide);
        assertTrue(out.escaped());
        StateArena.Reader r2 = out.new Reader(0, slots);
        r2.nextInto(got);
        assertArrayEquals(want, got);
        r2.nextInto(got);
        assertArrayEquals(wide, got);
    }
}

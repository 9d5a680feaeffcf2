package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
}

package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Stepper;

/**
 * The incremental fingerprint LevelExplorer computes (the parent's, with the
 * keys of the slots a step wrote swapped) equals the fingerprint computed from
 * scratch, on seeded random walks over every shipped, finding and matrix
 * scenario; and the check is sharp: an update that forgets one written slot is
 * caught.
 */
class ZobristTest {
    /** The explorer's update: from the parent's fingerprint over the slots the held step wrote. */
    static long incremental(long parentFp, Stepper st, boolean forgetLast) {
        int[] parent = st.parentValues();
        int[] next = st.values();
        long fp = parentFp;
        int n = st.writtenCount() - (forgetLast ? 1 : 0);
        for (int j = 0; j < n; j++) {
            int slot = st.written(j);
            fp = Zobrist.update(fp, slot, parent[slot], next[slot]);
        }
        return fp;
    }

    /** Walks every scenario at random; the number of steps where the incremental and scratch fingerprints differ. */
    static long[] walk(boolean forgetLast) throws Exception {
        Random rnd = new Random(0x2b01_57L);
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        long steps = 0;
        long wrong = 0;
        for (String name : names) {
            Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
            Stepper st = m.stepper();
            for (int walk = 0; walk < 15; walk++) {
                State s = m.initial();
                long fp = Zobrist.of(s);
                for (int depth = 0; depth < 150; depth++) {
                    assertEquals(Zobrist.of(s), fp);
                    st.load(s);
                    List<State> next = new ArrayList<>();
                    List<Long> fps = new ArrayList<>();
                    for (int a = 0; a < m.actorCount(); a++) {
                        if (!st.step(a)) continue;
                        long inc = incremental(fp, st, forgetLast);
                        State after = new State(st.values().clone());
                        steps++;
                        if (inc != Zobrist.of(after)) wrong++;
                        next.add(after);
                        fps.add(Zobrist.of(after));
                    }
                    if (next.isEmpty()) break;
                    int pick = rnd.nextInt(next.size());
                    s = next.get(pick);
                    fp = fps.get(pick);
                }
            }
        }
        return new long[] {steps, wrong};
    }

    @Test
    void incrementalEqualsFromScratchOnRandomWalks() throws Exception {
        long[] r = walk(false);
        assertTrue(r[0] > 15_000, "steps " + r[0]);
        assertEquals(0, r[1], "steps whose incremental fingerprint differs from the full one");
    }

    @Test
    void anUpdateThatMissesAWrittenSlotIsCaught() throws Exception {
        long[] r = walk(true);
        assertTrue(r[1] > 0, "a wrong incremental update went unnoticed");
    }

    @Test
    void theReportedSeedIsZobrists() throws Exception {
        // (State.fingerprint(), which traces record, is another function: the corpus check pins it.)
        Model m = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        assertEquals(Zobrist.of(m.initial()), FastFingerprint.of(m.initial()));
        assertEquals(Zobrist.SEED, FastFingerprint.SEED);
    }

    @Test
    void distinctStatesGetDistinctFingerprintsOverAWholeSpace() throws Exception {
        Model m = new Model(Scenarios.load("bench-small"), ModelConfig.fullSeries());
        Map<Long, State> seen = new HashMap<>();
        java.util.ArrayDeque<State> q = new java.util.ArrayDeque<>();
        q.add(m.initial());
        seen.put(Zobrist.of(m.initial()), m.initial());
        while (!q.isEmpty()) {
            State s = q.poll();
            for (int a = 0; a < m.actorCount(); a++) {
                var t = m.step(s, a);
                if (t == null) continue;
                State prev = seen.putIfAbsent(Zobrist.of(t.after()), t.after());
                if (prev == null) q.add(t.after());
                else assertEquals(prev, t.after(), "two states share a fingerprint");
            }
        }
        assertTrue(seen.size() > 1000, "states " + seen.size());
    }
}

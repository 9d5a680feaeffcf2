package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/** A cached may-footprint is the one Model.mayFootprint computes, on seeded random walks over every scenario. */
class MayCacheTest {
    @Test
    void cachedMayFootprintsEqualComputedOnes() throws Exception {
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        Random rnd = new Random(0x3a7L);
        long compared = 0;
        for (String name : names) {
            Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
            MayCache cache = new MayCache(m);
            for (int walk = 0; walk < 4; walk++) {
                State s = m.initial();
                for (int d = 0; d < 150; d++) {
                    int[] v = new int[s.size()];
                    for (int i = 0; i < v.length; i++) v[i] = s.get(i);
                    for (int a = 0; a < m.actorCount(); a++) {
                        Footprint want = new Footprint(m.stateSize());
                        m.mayFootprint(s, a, want);
                        Footprint got = cache.may(v, a);
                        for (int slot = 0; slot < m.stateSize(); slot++) {
                            assertEquals(want.reads(slot), got.reads(slot), name + " " + m.actorName(a) + " reads of " + slot);
                            assertEquals(want.writes(slot), got.writes(slot), name + " " + m.actorName(a) + " writes of " + slot);
                        }
                        compared++;
                    }
                    List<State> next = new ArrayList<>();
                    for (int a = 0; a < m.actorCount(); a++) {
                        Transition t = m.step(s, a);
                        if (t != null) next.add(t.after());
                    }
                    if (next.isEmpty()) break;
                    s = next.get(rnd.nextInt(next.size()));
                }
            }
        }
        assertTrue(compared > 10_000, "compared " + compared);
    }
}

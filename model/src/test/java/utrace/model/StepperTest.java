package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The in-place {@link Stepper} takes exactly the steps of the copying
 * {@link Model#step}: on seeded random walks over every shipped, finding,
 * matrix and ptrace-tests scenario, for every state met and every actor, the
 * same enabledness, successor, observations and step info; its write log is
 * exactly the write footprint {@code Model.step(State, int, Footprint)}
 * records; and undo gives the parent back.
 */
class StepperTest {
    static List<String> names() {
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        names.addAll(Scenarios.ptraceTestNames());
        return new ArrayList<>(names);
    }

    @Test
    void stepsInPlaceAsTheCopyingStepDoes() throws Exception {
        Random rnd = new Random(0x5eed_57e9L);
        int compared = 0;
        for (String name : names()) {
            Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
            Stepper st = m.stepper();
            Footprint fp = new Footprint(m.stateSize());
            for (int walk = 0; walk < 6; walk++) {
                State s = m.initial();
                for (int depth = 0; depth < 200; depth++) {
                    st.load(s);
                    List<State> next = new ArrayList<>();
                    for (int a = 0; a < m.actorCount(); a++) {
                        Transition t = m.step(s, a);
                        boolean on = st.step(a);
                        assertEquals(t != null, on, name + ": enabledness of " + m.actorName(a));
                        if (t == null) {
                            assertEquals(s, new State(st.values().clone()), name + ": a disabled step left the buffer changed");
                            continue;
                        }
                        compared++;
                        assertEquals(t.after(), new State(st.values().clone()), name + ": successor of " + m.actorName(a));
                        assertEquals(t.obs(), st.obs(), name + ": observations of " + m.actorName(a));
                        assertEquals(t.info(), st.info(), name + ": step info of " + m.actorName(a));
                        assertEquals(!t.after().equals(s), st.changed());
                        m.step(s, a, fp);
                        for (int slot = 0; slot < m.stateSize(); slot++) {
                            assertEquals(fp.writes(slot), st.writtenBits(slot), name + ": write bits of slot " + slot + " by " + m.actorName(a));
                        }
                        Set<Integer> listed = new java.util.HashSet<>();
                        for (int k = 0; k < st.writtenCount(); k++) assertTrue(listed.add(st.written(k)), "a slot logged twice");
                        for (int slot = 0; slot < m.stateSize(); slot++) {
                            if (st.writtenBits(slot) != 0) assertTrue(listed.contains(slot), "slot " + slot + " written but not logged");
                            if (st.values()[slot] != s.get(slot)) assertTrue(listed.contains(slot), "slot " + slot + " changed but not logged");
                        }
                        next.add(t.after());
                        st.undo();
                        assertEquals(s, new State(st.values().clone()), name + ": undo of " + m.actorName(a));
                    }
                    if (next.isEmpty()) break;
                    s = next.get(rnd.nextInt(next.size()));
                }
            }
        }
        assertTrue(compared > 10_000, "compared " + compared + " steps");
    }
}

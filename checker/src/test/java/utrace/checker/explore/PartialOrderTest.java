package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Obs;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Each condition of the ample-set choice, one at a time: in a state where one actor's step
 * is expanded alone, that step stops being chosen as soon as it observes something, writes
 * a variable an invariant reads, conflicts with what another actor may still do, or leads
 * back into the levels already seen (the proviso).
 */
class PartialOrderTest {
    Model model;
    PartialOrder po;
    State s;
    Transition[] ts;
    Footprint[] fps;
    int chosen;

    @BeforeEach
    void aStateWhereOneStepIsExpandedAlone() throws Exception {
        model = new Model(Scenarios.load("signal-engine-vs-kill"), ModelConfig.fullSeries());
        List<Invariant> all = InvariantSet.resolve("all").invariants();
        po = PartialOrder.of(model, all);
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        seen.add(model.initial());
        queue.add(model.initial());
        while (!queue.isEmpty()) {
            State cur = queue.poll();
            Footprint[] f = new Footprint[model.actorCount()];
            Transition[] t = po.steps(cur, f);
            int a = po.ample(cur, t, f, n -> true);
            if (a >= 0 && otherRunning(cur, a) >= 0) {
                s = cur;
                ts = t;
                fps = f;
                chosen = a;
                return;
            }
            for (Transition x : t) if (x != null && seen.add(x.after())) queue.add(x.after());
        }
        fail("no state of signal-engine-vs-kill has an ample step");
    }

    /** A slot another actor than {@code a} may still write in {@code st}, or -1 if the others are all done. */
    int otherRunning(State st, int a) {
        for (int q = 0; q < model.actorCount(); q++) {
            if (q == a) continue;
            Footprint may = new Footprint(model.stateSize());
            model.mayFootprint(st, q, may);
            for (int slot = 0; slot < may.slots(); slot++) if (may.writes(slot) != 0) return slot;
        }
        return -1;
    }

    @Test
    void theChosenStepIsQuietInvisibleAndIndependent() {
        assertEquals(chosen, po.ample(s, ts, fps, n -> true));
        assertTrue(ts[chosen].obs().isEmpty());
    }

    @Test
    void anObservationMakesItVisible() {
        Transition t = ts[chosen];
        ts[chosen] = new Transition(t.actor(), t.info(), t.detail(), t.after(), List.of(Obs.stopLeft()));
        assertNotEquals(chosen, po.ample(s, ts, fps, n -> true));
    }

    @Test
    void writingWhatAnInvariantReadsMakesItVisible() throws Exception {
        // a bit some invariant reads but no other actor may touch: only visibility can reject the step
        Footprint visible = new Footprint(model.stateSize());
        for (Invariant i : InvariantSet.resolve("all").invariants()) i.visible(model, visible);
        Footprint others = new Footprint(model.stateSize());
        for (int q = 0; q < model.actorCount(); q++) if (q != chosen) model.mayFootprint(s, q, others);
        int slot = -1;
        int bits = 0;
        for (int x = 0; x < visible.slots() && slot < 0; x++) {
            int free = visible.reads(x) & ~others.reads(x) & ~others.writes(x);
            if (free != 0) {
                slot = x;
                bits = Integer.lowestOneBit(free);
            }
        }
        assertTrue(slot >= 0, "no visible bit outside the other actors' may-footprints");
        fps[chosen].write(slot, bits);
        assertNotEquals(chosen, po.ample(s, ts, fps, n -> true));
    }

    @Test
    void touchingWhatAnotherActorMayWriteMakesItDependent() {
        fps[chosen].read(otherRunning(s, chosen), -1); // a read: visibility only looks at writes

        assertNotEquals(chosen, po.ample(s, ts, fps, n -> true));
    }

    @Test
    void aSuccessorAlreadySeenFailsTheProviso() {
        State back = ts[chosen].after();
        assertNotEquals(chosen, po.ample(s, ts, fps, n -> !n.equals(back)));
    }
}

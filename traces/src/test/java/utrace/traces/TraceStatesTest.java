package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import utrace.model.State;
import utrace.model.Transition;

/** Whole states rebuilt from a trace (final state + changes) are the states the model went through. */
class TraceStatesTest {
    @Test void everyRebuiltStateIsTheModelsState() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        List<Map<String, String>> rebuilt = TraceStates.of(t);
        assertEquals(t.steps().size() + 1, rebuilt.size());
        State s = f.model().initial();
        assertEquals(f.model().describe(s), rebuilt.get(0), "initial state");
        for (int i = 0; i < f.schedule().size(); i++) {
            Transition tr = f.model().step(s, f.schedule().get(i));
            s = tr.after();
            assertEquals(f.model().describe(s), rebuilt.get(i + 1), "state after step " + (i + 1));
            assertEquals(new ArrayList<>(f.model().describe(s).keySet()), new ArrayList<>(rebuilt.get(i + 1).keySet()),
                "variable order kept");
        }
    }

    @Test void aTraceWhoseChangesContradictItsFinalStateIsRejectedNamingTheStep() throws Exception {
        Trace t = Fixtures.reapTrace();
        Trace.Step last = t.steps().get(t.steps().size() - 1);
        Trace.Change c = last.changes().get(0);
        List<Trace.Change> wrong = new ArrayList<>(last.changes());
        wrong.set(0, new Trace.Change(c.var(), c.oldValue(), c.newValue() + "-edited"));
        Trace edited = Fixtures.withStep(t, last.index(), new Trace.Step(last.index(), last.actor(), last.actorName(),
            last.role(), last.label(), last.function(), last.patch(), last.detail(), last.fingerprint(), wrong));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceStates.of(edited));
        assertTrue(e.getMessage().startsWith("step " + last.index() + " changes " + c.var()), e.getMessage());
    }
}

package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

class TraceBuilderTest {
    @Test void recordsEveryStepOfTheSchedule() throws Exception {
        Counterexamples.Found f = Counterexamples.reapNotDeferred();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());

        assertEquals(1, t.schemaVersion());
        assertEquals("utrace-checker 0.1.0", t.tool());
        assertEquals("reap-races-death", t.scenario().name());
        assertEquals("model/scenarios/reap-races-death.scenario", t.scenario().file());
        assertEquals(f.model().scenario().source(), t.scenario().source());
        assertEquals("all", t.config().patches());
        assertEquals(List.of("reap-not-deferred"), t.config().mutations());
        assertEquals("sc", t.config().memoryModel());
        assertEquals("reap-after-death", t.invariant().name());
        assertEquals(f.violation().invariant().statement(), t.invariant().statement());
        assertEquals("TRANSITION", t.violation().kind());
        assertEquals(f.violation().message(), t.violation().message());
        assertEquals(f.schedule().size(), t.steps().size());

        Model m = f.model();
        State s = m.initial();
        assertEquals(State.hex(s.fingerprint()), t.initialFingerprint());
        for (int i = 0; i < t.steps().size(); i++) {
            Trace.Step step = t.steps().get(i);
            assertEquals(i + 1, step.index());
            assertEquals((int) f.schedule().get(i), step.actor());
            assertEquals(m.actorName(step.actor()), step.actorName());
            assertEquals(m.actorRole(step.actor()), step.role());
            Map<String, String> before = m.describe(s);
            Transition tr = m.step(s, step.actor(), true);
            s = tr.after();
            assertEquals(tr.info().label(), step.label());
            assertEquals(tr.info().function(), step.function());
            assertEquals(tr.info().patch(), step.patch());
            assertEquals(tr.info().ref().line(), step.seedLine());
            assertEquals(tr.info().ref().file(), step.file());
            assertTrue(step.fingerprint().matches("[0-9a-f]{16}"), step.fingerprint());
            assertEquals(State.hex(s.fingerprint()), step.fingerprint());
            Map<String, String> after = m.describe(s);
            for (Trace.Change c : step.changes()) {
                assertEquals(before.get(c.var()), c.oldValue(), c.var());
                assertEquals(after.get(c.var()), c.newValue(), c.var());
                assertNotEquals(c.oldValue(), c.newValue(), c.var());
            }
            long changed = after.keySet().stream().filter(k -> !after.get(k).equals(before.get(k))).count();
            assertEquals(changed, step.changes().size(), "step " + step.index() + " lists every changed variable");
        }
        assertEquals(new ArrayList<>(m.describe(s).entrySet()), new ArrayList<>(t.finalState().entrySet()),
            "final_state is describe() of the last state, in order");
        assertTrue(t.steps().stream().anyMatch(st -> !st.detail().isEmpty()), "details are recorded");
    }

    @Test void aStepThatIsNotEnabledIsAnError() throws Exception {
        Counterexamples.Found f = Counterexamples.reapNotDeferred();
        Model m = f.model();
        int blocked = -1;
        for (int a = 0; a < m.actorCount() && blocked < 0; a++) if (m.step(m.initial(), a) == null) blocked = a;
        assertTrue(blocked >= 0, "some actor cannot move in the initial state (the parent waits for a zombie)");
        int b = blocked;
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> TraceBuilder.build(m, List.of(b), f.violation()));
        assertTrue(e.getMessage().startsWith("step 1: " + m.actorName(b) + " cannot move"), e.getMessage());
    }

    @Test void anActorOutOfRangeIsAnError() throws Exception {
        Counterexamples.Found f = Counterexamples.reapNotDeferred();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> TraceBuilder.build(f.model(), List.of(0, 99), f.violation()));
        assertTrue(e.getMessage().contains("step 2: actor index 99 out of range"), e.getMessage());
    }

    @Test void callerNamesTheScenarioFile() throws Exception {
        Counterexamples.Found f = Counterexamples.reapNotDeferred();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation(), "my/dir/x.scenario");
        assertEquals("my/dir/x.scenario", t.scenario().file());
    }
}

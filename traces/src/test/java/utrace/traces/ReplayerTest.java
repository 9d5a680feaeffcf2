package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.traces.ReplayResult.Outcome;

class ReplayerTest {
    @TempDir Path dir;

    @Test void aFreshTraceReproduces() throws Exception {
        Trace t = Fixtures.reapTrace();
        ReplayResult r = Replayer.replay(t);
        assertEquals(Outcome.REPRODUCED, r.outcome(), r.message());
        assertEquals(t.steps().size(), r.stepsReplayed());
        assertEquals(-1, r.divergedAtStep());
        assertEquals(t.violation().message(), r.message());
    }

    @Test void aTraceReadBackFromDiskReproduces() throws Exception {
        Path file = dir.resolve("t.json");
        TraceWriter.writeJson(Fixtures.reapTrace(), file);
        assertEquals(Outcome.REPRODUCED, Replayer.replay(TraceReader.read(file)).outcome());
    }

    @Test void aTerminalViolationReproduces() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        assertEquals("TERMINAL", f.violation().kind().name());
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        ReplayResult r = Replayer.replay(t);
        assertEquals(Outcome.REPRODUCED, r.outcome(), r.message());
        assertEquals(f.violation().message(), r.message());
    }

    @Test void aTamperedFingerprintDivergesAtThatStep() throws Exception {
        Trace t = Fixtures.reapTrace();
        int k = 5;
        Trace.Step s = t.steps().get(k - 1);
        ReplayResult r = Replayer.replay(Fixtures.withStep(t, k, Fixtures.withFingerprint(s, "0123456789abcdef")));
        assertEquals(Outcome.DIVERGED, r.outcome());
        assertEquals(k, r.divergedAtStep());
        assertEquals(k - 1, r.stepsReplayed());
        assertTrue(r.message().startsWith("step " + k + " (" + s.actorName() + ": " + s.function() + ": " + s.label()
            + "): expected state 0123456789abcdef, the model now reaches " + s.fingerprint()), r.message());
    }

    @Test void aTamperedInitialFingerprintDivergesBeforeStepOne() throws Exception {
        Trace t = Fixtures.reapTrace();
        Trace bad = new Trace(t.schemaVersion(), t.tool(), t.scenario(), t.config(), t.invariant(), t.violation(),
            "ffffffffffffffff", t.steps(), t.finalState());
        ReplayResult r = Replayer.replay(bad);
        assertEquals(Outcome.DIVERGED, r.outcome());
        assertEquals(0, r.divergedAtStep());
        assertTrue(r.message().contains("initial state differs"), r.message());
    }

    @Test void anActorOutOfRangeOrBlockedDiverges() throws Exception {
        Trace t = Fixtures.reapTrace();
        ReplayResult r = Replayer.replay(Fixtures.withStep(t, 2, Fixtures.withActor(t.steps().get(1), 42)));
        assertEquals(Outcome.DIVERGED, r.outcome());
        assertEquals(2, r.divergedAtStep());
        assertTrue(r.message().contains("actor index 42 is out of range"), r.message());

        // Step 1 of the parent: it waits for a zombie that does not exist yet.
        Trace.Step first = t.steps().get(0);
        Trace.Step parentFirst = new Trace.Step(1, 1, "parent", "parent", first.label(), first.function(),
            first.patch(), first.detail(), first.fingerprint(), first.changes());
        r = Replayer.replay(Fixtures.withStep(t, 1, parentFirst));
        assertEquals(Outcome.DIVERGED, r.outcome());
        assertEquals(1, r.divergedAtStep());
        assertTrue(r.message().contains("parent cannot move now"), r.message());
    }

    @Test void withoutTheMutationTheTraceNoLongerReproduces() throws Exception {
        Trace t = Fixtures.reapTrace();
        Trace fixed = Fixtures.withConfig(t, new Trace.ConfigInfo("all", List.of(), "sc"));
        ReplayResult r = Replayer.replay(fixed);
        assertNotEquals(Outcome.REPRODUCED, r.outcome(), r.message());
        if (r.outcome() == Outcome.DIVERGED) {
            assertTrue(r.divergedAtStep() >= 1 && r.divergedAtStep() <= t.steps().size(), r.toString());
            assertTrue(r.message().contains("differs in"), r.message());
        }
    }

    @Test void aTraceWithNoStepsChecksTheInitialState() throws Exception {
        // A transition invariant cannot fail without a transition.
        ReplayResult r = Replayer.replay(Fixtures.withSteps(Fixtures.reapTrace(), List.of()));
        assertEquals(Outcome.NO_LONGER_VIOLATES, r.outcome());
        assertEquals(0, r.stepsReplayed());
    }

    @Test void unknownReferencesAreFormatErrors() throws Exception {
        Trace t = Fixtures.reapTrace();
        TraceFormatException e = assertThrows(TraceFormatException.class,
            () -> Replayer.replay(Fixtures.withInvariant(t, "made-up")));
        assertTrue(e.getMessage().contains("invariant.name: unknown invariant \"made-up\""), e.getMessage());
        e = assertThrows(TraceFormatException.class,
            () -> Replayer.replay(Fixtures.withConfig(t, new Trace.ConfigInfo("all", List.of("made-up"), "sc"))));
        assertTrue(e.getMessage().contains("config.mutations[0]: unknown mutation \"made-up\""), e.getMessage());
    }
}

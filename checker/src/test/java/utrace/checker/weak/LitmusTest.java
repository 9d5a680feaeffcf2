package utrace.checker.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.model.Litmus;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The weak memory model's self-test: SB, MP, MP+dependency and R, with and
 * without their fences, explored on the same store buffers the utrace model
 * uses. Each verdict must be LKMM's (tools/memory-model/litmus-tests), and
 * under sc no relaxed outcome may show.
 */
class LitmusTest {
    static Stream<Litmus> tests() {
        return Litmus.all().stream();
    }

    @ParameterizedTest(name = "{0}: LKMM's verdict under the weak model")
    @MethodSource("tests")
    void weakModelGivesLkmmsVerdict(Litmus t) {
        LitmusRun.Result r = LitmusRun.run(t, MemoryModel.WEAK);
        assertEquals(t.lkmmSometimes() ? "Sometimes" : "Never", r.verdict(), t.name() + " (" + t.lkmmName() + ")\n" + t.program());
    }

    @ParameterizedTest(name = "{0}: never under sc")
    @MethodSource("tests")
    void scNeverShowsTheRelaxedOutcome(Litmus t) {
        assertFalse(LitmusRun.run(t, MemoryModel.SC).reachable(), t.name());
    }

    @Test
    void theVerdictsAreLkmmsPublishedOnes() {
        // The ones the issue names, spelled out (not derived from lkmmSometimes()).
        Map<String, Boolean> published = Map.of(
            "SB+fencembonceonces", false, "SB+poonceonces", true,
            "MP+fencewmbonceonce+fencermbonceonce", false, "MP+poonceonces", true,
            "MP+fencewmbonceonce+poonceonce", true, "MP+poonceonce+fencermbonceonce", true,
            "R+fencembonceonces", false, "R+poonceonces", true);
        int seen = 0;
        for (Litmus t : Litmus.all()) {
            Boolean sometimes = published.get(t.lkmmName());
            if (sometimes == null) continue;
            seen++;
            assertEquals(sometimes, LitmusRun.run(t, MemoryModel.WEAK).reachable(), t.lkmmName());
        }
        assertEquals(published.size(), seen);
    }

    @Test
    void theStaleReadOfMpGoesThroughABufferedStoreOrAnEarlyLoad() {
        // The witness of MP without wmb must contain a reordered flush (y passes x);
        // the one of MP without rmb an early load.
        assertTrue(steps(Litmus.mp(false, true)).stream().anyMatch(s -> s.startsWith("store buffer P0 (reordered):")),
            String.valueOf(steps(Litmus.mp(false, true))));
        assertTrue(steps(Litmus.mp(true, false)).stream().anyMatch(s -> s.startsWith("early load P1:")),
            String.valueOf(steps(Litmus.mp(true, false))));
    }

    /** The witness schedule replayed as "actor: label" lines. */
    private static List<String> steps(Litmus t) {
        LitmusRun.Result r = LitmusRun.run(t, MemoryModel.WEAK);
        assertTrue(r.reachable(), t.name());
        Model m = Model.litmus(t, MemoryModel.WEAK);
        State s = m.initial();
        List<String> out = new java.util.ArrayList<>();
        for (int a : r.witness()) {
            Transition tr = m.step(s, a, true);
            out.add(m.actorName(a) + ": " + tr.info().label());
            s = tr.after();
        }
        return out;
    }
}

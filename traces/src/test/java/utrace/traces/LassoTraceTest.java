package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.invariants.Invariants;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;
import utrace.traces.ReplayResult.Outcome;

/**
 * A CYCLE trace (livelock-freedom's lasso): steps to a state, then steps back to it. It is written with its
 * cycle_start, read back the same, replays only while the steps still close the cycle, and the reader refuses
 * a cycle_start where it means nothing.
 */
class LassoTraceTest {
    @TempDir Path dir;

    /** read-busy-waits on read-sleeps-not-spins: the tracee alone walks into its spin; the lasso ends where a state repeats. */
    static Trace spin() throws Exception {
        Model m = new Model(Scenarios.load("read-sleeps-not-spins"),
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.READ_BUSY_WAITS)));
        Map<State, Integer> seen = new HashMap<>();
        List<Integer> schedule = new ArrayList<>();
        List<Transition> steps = new ArrayList<>();
        State s = m.initial();
        seen.put(s, 0);
        while (true) {
            Transition t = m.step(s, 0);
            assertNotNull(t, "the tracee can always move: it spins");
            schedule.add(0);
            steps.add(t);
            s = t.after();
            Integer at = seen.putIfAbsent(s, schedule.size());
            if (at != null) {
                var inv = Invariants.byName("livelock-freedom");
                String msg = inv.checkCycle(m, steps.subList(at, steps.size()));
                assertNotNull(msg, "the spin never returns to user mode");
                return TraceBuilder.build(m, schedule, new Violation(inv, Violation.Kind.CYCLE, msg, at));
            }
        }
    }

    @Test void aLassoIsWrittenWithItsCycleStartAndReproduces() throws Exception {
        Trace t = spin();
        assertEquals("CYCLE", t.violation().kind());
        int k = t.violation().cycleStart();
        assertEquals(256, t.steps().size() - k, "the switch count wraps after 256 schedule() calls");
        Path file = dir.resolve("lasso.json");
        TraceWriter.writeJson(t, file);
        assertTrue(Files.readString(file).contains("\"cycle_start\": " + k), "cycle_start is written");
        Trace back = TraceReader.read(file);
        assertEquals(t, back);
        ReplayResult r = Replayer.replay(back);
        assertEquals(Outcome.REPRODUCED, r.outcome(), r.message());
        assertEquals(t.violation().message(), r.message());
        assertNull(TraceRecompute.differences(t, TraceRecompute.recompute(back)).stream().findFirst().orElse(null));
    }

    @Test void stepsThatNoLongerCloseTheCycleDoNotReproduce() throws Exception {
        Trace t = spin();
        Trace shorter = Fixtures.withSteps(t, t.steps().subList(0, t.steps().size() - 1));
        ReplayResult r = Replayer.replay(shorter);
        assertEquals(Outcome.NO_LONGER_VIOLATES, r.outcome());
        assertTrue(r.message().contains("no longer close a cycle"), r.message());
    }

    @Test void theTextAndThePageSayWhichStepsRepeat() throws Exception {
        Trace t = spin();
        int k = t.violation().cycleStart();
        String text = TextRenderer.render(t);
        assertTrue(text.contains("steps " + (k + 1) + ".." + t.steps().size() + " repeat for ever"), text.substring(0, 1200));
        // the brief interleaving folds no run across the cycle's first step, and marks it
        int marker = text.indexOf("==== the cycle: steps " + (k + 1) + ".." + t.steps().size() + " repeat for ever ====");
        assertTrue(marker > 0, text);
        assertTrue(text.substring(marker).lines().skip(1).findFirst().orElse("").trim().startsWith((k + 1) + "-"), text);
        String html = HtmlTracePage.render(t, "", null);
        assertTrue(html.contains("show where the cycle starts (step " + (k + 1) + ")"));
        assertTrue(html.contains("<tr data-step=\"" + (k + 1) + "\" class=\"violating-row"), "the cycle's rows are marked");
        assertFalse(html.contains("<tr data-step=\"" + k + "\" class=\"violating-row"), "the way in is not");
        // the diagram's band covers the cycle's rows, labelled
        assertTrue(html.contains("<g class=\"cycle\" data-from=\"" + (k + 1) + "\" data-to=\"" + t.steps().size() + "\">"), "cycle band");
        assertTrue(html.contains("steps " + (k + 1) + ".." + t.steps().size() + " repeat for ever</text>"), "cycle label");
    }

    @Test void theReaderRefusesACycleStartWhereItMeansNothing() throws Exception {
        Trace t = spin();
        Path file = dir.resolve("bad.json");
        String json = TraceJson.MAPPER.writeValueAsString(t);
        // a TERMINAL violation with a cycle_start
        Files.writeString(file, json.replace("\"kind\":\"CYCLE\"", "\"kind\":\"TERMINAL\""));
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file));
        assertTrue(e.getMessage().contains("only a CYCLE violation has a cycle_start"), e.getMessage());
        // a CYCLE without one
        Files.writeString(file, json.replaceAll(",\"cycle_start\":\\d+", ""));
        e = assertThrows(TraceFormatException.class, () -> TraceReader.read(file));
        assertTrue(e.getMessage().contains("cycle_start"), e.getMessage());
        // a CYCLE of an invariant judged on states
        Trace other = Fixtures.withInvariant(t, "deadlock-freedom");
        TraceFormatException e2 = assertThrows(TraceFormatException.class, () -> Replayer.replay(other));
        assertTrue(e2.getMessage().contains("deadlock-freedom is not judged on cycles"), e2.getMessage());
    }
}

package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.model.Errno;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Obs;
import utrace.model.PtraceOp;
import utrace.model.Scenarios;

/**
 * The per-actor summary: checked against what the model itself observed on
 * each step (the Obs records invariants read), which the summary never sees:
 * it reads the trace's details, labels and states.
 */
class TraceSummaryTest {
    @TempDir
    Path tmp;

    private static List<Trace> traces() throws Exception {
        List<Trace> out = new ArrayList<>();
        Counterexamples.Found f = Fixtures.stopThenKill();
        out.add(TraceBuilder.build(f.model(), f.schedule(), f.violation()));
        out.add(Fixtures.reapTrace());
        for (Path p : CorpusTraces.files()) out.add(TraceReader.read(p));
        return out;
    }

    private static TraceSummary.Entry at(TraceSummary.Actor a, int step, String call) {
        for (TraceSummary.Entry e : a.calls()) {
            if (!e.steps().isEmpty() && e.steps().get(e.steps().size() - 1) == step && e.call().contains(call)) return e;
        }
        return null;
    }

    @Test void everyReturnAndCallbackTheModelObservedIsInTheSummary() throws Exception {
        int checked = 0;
        for (Trace t : traces()) {
            List<List<Obs>> obs = CorpusTraces.observations(t);
            java.util.Map<String, TraceSummary.Actor> byName = TraceSummary.byName(TraceSummary.of(t));
            String name = t.scenario().name() + "/" + t.invariant().name();
            for (Trace.Step s : t.steps()) {
                TraceSummary.Actor a = byName.get(s.actorName());
                for (Obs o : obs.get(s.index() - 1)) {
                    TraceSummary.Entry e;
                    switch (o.kind()) {
                        case API_RETURN:
                            e = at(a, s.index(), "utrace_");
                            assertNotNull(e, name + ": step " + s.index() + " returns an engine call: " + a.calls());
                            assertEquals(Errno.name(o.ret()), e.result(), name + ": step " + s.index());
                            assertEquals(TraceSummary.RETURNED, e.status());
                            checked++;
                            break;
                        case PTRACE_RETURN: {
                            PtraceOp op = PtraceOp.values()[o.code()];
                            String call = op == PtraceOp.WAIT ? "wait()" : op == PtraceOp.EXIT ? "exit_ptrace()" : op.request();
                            e = at(a, s.index(), call);
                            assertNotNull(e, name + ": step " + s.index() + " returns " + call + ": " + a.calls());
                            // a request names the signal it passes ("PTRACE_DETACH SIGUSR2"); wait() returns what
                            // waitpid reported ("stopped SIGSTOP"), the WAIT_REPORT of the same step
                            String result = Errno.name(o.ret());
                            for (Obs w : obs.get(s.index() - 1)) {
                                if (w.kind() == Obs.Kind.WAIT_REPORT) result = utrace.model.WaitResult.name(w.code());
                            }
                            assertTrue(e.text().startsWith(call) && e.text().endsWith(" = " + result), name + ": step " + s.index()
                                + ": " + e.text() + " is not " + call + " ... = " + result);
                            checked++;
                            break;
                        }
                        case CALLBACK:
                            if (!o.liveCallback()) break;
                            e = at(a, s.index(), "report_");
                            assertNotNull(e, name + ": step " + s.index() + " makes a callback: " + a.calls());
                            String engine = CorpusTraces.model(t).engineName(o.engine());
                            // a report_signal before dequeuing also names its @action: report_signal(E1, UTRACE_SIGNAL_REPORT)
                            assertTrue(e.call().endsWith("(" + engine + ")") || e.call().startsWith("report_signal(" + engine + ", UTRACE_SIGNAL_"),
                                e.toString());
                            checked++;
                            break;
                        default:
                            break;
                    }
                }
            }
        }
        assertTrue(checked > 100, "the corpus exercises the summary: " + checked);
    }

    @Test void callsNeverStartedComeFromTheScript() throws Exception {
        Mutation mu = Mutation.DETACH_IGNORES_REPORTING;
        Counterexamples.Found f = Counterexamples.bfs(new Model(Scenarios.load(mu.scenario),
            ModelConfig.fullSeries().withMutations(EnumSet.of(mu))));
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        TraceSummary.Actor owner = TraceSummary.byName(TraceSummary.of(t)).get("owner E1");
        List<String> calls = new ArrayList<>();
        for (TraceSummary.Entry e : owner.calls()) calls.add(e.text());
        // detach-during-callback: owner E1 control DETACH; barrier; the violation is on DETACH's return.
        assertEquals("utrace_control(E1, DETACH) = 0", calls.get(0), calls.toString());
        assertTrue(calls.contains("utrace_barrier(E1): not started"), calls.toString());
        TraceSummary.Entry parent = TraceSummary.byName(TraceSummary.of(t)).get("parent") == null ? null
            : TraceSummary.byName(TraceSummary.of(t)).get("parent").calls().get(0);
        if (parent != null) assertEquals("wait()", parent.call());
    }

    @Test void theJsonCarriesTheSummaryAndReadsBackToTheSameTrace() throws Exception {
        Trace t = Fixtures.reapTrace();
        Path file = tmp.resolve("t.json");
        TraceWriter.writeJson(t, file);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        int summary = json.indexOf("\n  \"summary\": [");
        assertTrue(summary > json.indexOf("\n  \"violation\": {"), "after the violation");
        assertTrue(summary < json.indexOf("\n  \"initial_fingerprint\""), "before the steps");
        assertTrue(json.contains("\"text\" : \"report_reap(E1)\"") || json.contains("\"text\": \"report_reap(E1)\""), json);
        assertEquals(t, TraceReader.read(file), "the summary is derived, not read back");
    }

    /** Traces written before the summary existed (the corpus, today) read, replay-equal, and get one when written again. */
    @Test void tracesWithoutASummaryStillReadAndGetOneWhenWritten() throws Exception {
        Trace t = Fixtures.reapTrace();
        Path file = tmp.resolve("new.json");
        TraceWriter.writeJson(t, file);
        com.fasterxml.jackson.databind.node.ObjectNode tree =
            (com.fasterxml.jackson.databind.node.ObjectNode) TraceJson.MAPPER.readTree(file.toFile());
        assertNotNull(tree.remove("summary"));
        Path old = tmp.resolve("old.json");
        Files.writeString(old, TraceJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        assertEquals(t, TraceReader.read(old));
        for (Path p : CorpusTraces.files()) {
            Trace c = TraceReader.read(p);
            Path again = tmp.resolve(p.getFileName());
            TraceWriter.writeJson(c, again);
            assertEquals(c, TraceReader.read(again), p.toString());
            assertTrue(Files.readString(again, StandardCharsets.UTF_8).contains("\"summary\""));
        }
    }

    /**
     * Two golden traces as written before the summary and the label fixes (kept in test resources when the corpus
     * was refreshed): they read, replay (fingerprints, then the invariant), and render with a summary. The last step
     * of reap-not-deferred was brought up to the model of issue 16's tenth round (report_reap a step of its own:
     * its fingerprint, changes and final state); its format is as it was. The fingerprints of both follow later
     * ghost bits (stop-asked, issue 16's twelfth round); their changes and final states are as written.
     */
    @Test void tracesWrittenBeforeTheSummaryStillReplay() throws Exception {
        for (String name : List.of("reap-not-deferred", "reset-ignores-other-stoppers")) {
            Path p = Path.of("src/test/resources/old-format/" + name + ".json");
            assertFalse(Files.readString(p, StandardCharsets.UTF_8).contains("\"summary\""), p + " is in the old format");
            Trace t = TraceReader.read(p);
            assertEquals(ReplayResult.Outcome.REPRODUCED, Replayer.replay(t).outcome(), p.toString());
            assertTrue(TextRenderer.render(t).contains("What each actor did"));
            assertFalse(TraceSummary.of(t).isEmpty());
        }
    }
}

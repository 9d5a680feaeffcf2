package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The HTML page as written (the browser test in the checker module loads it
 * in chromium): self-contained, one lifeline per actor, one box per step on
 * its actor's lifeline, lock holds, callback arrows, the violation marked.
 */
class HtmlTracePageTest {
    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test void selfContainedWithALifelinePerActorAndTheViolationMarked() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        String html = HtmlTracePage.render(t, "", null);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing fetched from the network");
        assertFalse(html.contains("<link "), "no external stylesheet");
        assertEquals(f.model().actorCount(), count(html, "<g class=\"lifeline\""), "one lifeline per actor");
        for (int a = 0; a < f.model().actorCount(); a++) {
            assertTrue(html.contains("<g class=\"lifeline\" data-actor=\"" + f.model().actorName(a) + "\""), f.model().actorName(a));
        }
        assertEquals(t.steps().size(), count(html, "<g class=\"step[ \"]"), "one box per step");
        // stop-then-kill's violation is TERMINAL: marked after the last step.
        assertEquals("TERMINAL", t.violation().kind());
        assertEquals(1, count(html, "class=\"violation[ \"]"));
        assertTrue(html.contains("<g class=\"violation violation-marker\" data-step=\"" + t.steps().size() + "\""));
        assertTrue(html.contains(Html.esc(t.violation().message())));
    }

    @Test void aTransitionViolationMarksItsStep() throws Exception {
        Trace t = Fixtures.reapTrace();
        String html = HtmlTracePage.render(t, "status line", "index.html");
        int n = t.steps().size();
        assertTrue(html.contains("<g class=\"step violation\" id=\"step-" + n + "\" data-step=\"" + n + "\""), "last step marked");
        assertEquals(1, count(html, "class=\"(step )?violation[ \"]"));
        assertTrue(html.contains("status line"));
        assertTrue(html.contains("href=\"index.html\""));
    }

    @Test void everyStepRowShowsItsSeedLine() throws Exception {
        Trace t = Fixtures.reapTrace();
        String html = HtmlTracePage.render(t, "", null);
        for (Trace.Step s : t.steps()) {
            String ref = (s.patch() == 0 ? "" : "patch " + String.format("%02d", s.patch()) + ", ") + "seed:" + s.seedLine();
            assertTrue(html.contains("<td title=\"" + s.file() + "\">" + ref + "</td>"), "step " + s.index() + ": " + ref);
        }
    }

    @Test void lockHoldsBecomeBarsOnTheHoldersLifeline() throws Exception {
        // utrace_control holds utrace->lock across two steps; the owner's detach races the callback here.
        Mutation mu = Mutation.DETACH_IGNORES_REPORTING;
        Counterexamples.Found f = Counterexamples.bfs(new Model(Scenarios.load(mu.scenario),
            ModelConfig.fullSeries().withMutations(EnumSet.of(mu))));
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        List<LockHolds.Hold> holds = LockHolds.of(TraceStates.of(t));
        assertFalse(holds.isEmpty(), "utrace_control holds utrace->lock between its two steps");
        assertTrue(holds.stream().anyMatch(h -> h.lock().equals("utrace") && h.holder().equals("owner E1")), holds.toString());
        for (LockHolds.Hold h : holds) {
            // The state after each step in [from, to] names the holder; the one after to + 1 does not.
            List<java.util.Map<String, String>> states = TraceStates.of(t);
            for (int i = h.from(); i <= h.to(); i++) assertEquals(h.holder(), states.get(i).get("lock." + h.lock()));
            if (h.to() + 1 < states.size()) assertNotEquals(h.holder(), states.get(h.to() + 1).get("lock." + h.lock()));
        }
        String html = HtmlTracePage.render(t, "", null);
        assertEquals(holds.size(), count(html, "<g class=\"lock-hold\""));
    }

    @Test void callbacksIntoEnginesBecomeArrows() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        int calls = 0;
        for (Trace.Step s : t.steps()) {
            List<Callbacks.Call> cs = Callbacks.of(s);
            calls += cs.size();
            if (s.detail().matches(".*report_\\w+\\(E\\d\\) returns .*")) assertFalse(cs.isEmpty(), s.detail());
        }
        assertTrue(calls > 0, "stop-then-kill reports to its engine");
        String html = HtmlTracePage.render(t, "", null);
        assertEquals(calls, count(html, "<g class=\"msg callback"));
    }

    @Test void callbackDetailsAreRead() {
        Trace.Step s = new Trace.Step(1, 0, "tracee", "tracee", "l", "f", 1,
            "reporting = E1; utrace_detached_ops: report_quiesce(E2) returns DETACH; report_signal(E1) returns RESUME|UTRACE_SIGNAL_IGN",
            "0000000000000000", List.of());
        List<Callbacks.Call> cs = Callbacks.of(s);
        assertEquals(List.of(new Callbacks.Call("E2", "report_quiesce", "DETACH", true),
            new Callbacks.Call("E1", "report_signal", "RESUME|UTRACE_SIGNAL_IGN", false)), cs);
        Trace.Step reap = new Trace.Step(1, 0, "parent", "parent", "l", "f", 1, "no report_reap for E1; report_reap for E2",
            "0000000000000000", List.of());
        assertEquals(List.of(new Callbacks.Call("E2", "report_reap", "", false)), Callbacks.of(reap));
        // a report_signal before dequeuing names the signal action it was passed (signal-report-action)
        Trace.Step handler = new Trace.Step(1, 0, "tracee", "tracee", "l", "f", 1,
            "report_signal(E1, UTRACE_SIGNAL_HANDLER) returns SINGLESTEP", "0000000000000000", List.of());
        assertEquals(List.of(new Callbacks.Call("E1", "report_signal", "SINGLESTEP", false, "UTRACE_SIGNAL_HANDLER")),
            Callbacks.of(handler));
    }

    @Test void theSameTraceGivesTheSamePage() throws Exception {
        Trace t = Fixtures.reapTrace();
        assertEquals(HtmlTracePage.render(t, "", null), HtmlTracePage.render(t, "", null));
    }

    @Test void scriptDataCannotCloseItsElement() {
        assertEquals("{\"a\":\"<\\/script>\"}", Html.scriptSafe("{\"a\":\"</script>\"}"));
    }
    /** A ptrace request's steps say which request they are (ptrace_resume alone does not), and it is an arrow to the tracee. */
    @Test void ptraceStepsNameTheirRequest() throws Exception {
        Trace t = CorpusTraces.read("matrix-p17"); // attach; wait; PTRACE_CONT (steps 11-13)
        String html = HtmlTracePage.render(t, "", null);
        int resumes = 0;
        for (Trace.Step s : t.steps()) {
            if (!s.function().equals("ptrace_resume")) continue;
            resumes++;
            Matcher box = Pattern.compile("<g class=\"step[^\"]*\" id=\"step-" + s.index() + "\".*?</g>", Pattern.DOTALL).matcher(html);
            assertTrue(box.find());
            assertTrue(box.group().contains("PTRACE_CONT"), "step " + s.index() + " says PTRACE_CONT: " + box.group());
        }
        assertEquals(2, resumes);
        assertTrue(html.contains(">PTRACE_CONT = 0</text>"), "the request is an arrow labelled with its name and result");
        assertTrue(html.contains(">wait() = stopped SIGSTOP</text>"), "and wait() returns to the tracer what waitpid reported");
    }

    /** A signal is an arrow from its sender to the step that dequeues it; a wake-up an arrow from the waker. */
    @Test void signalsAndWakeUpsAreArrowsToTheTracee() throws Exception {
        Trace t = CorpusTraces.read("matrix-p17"); // PTRACE_ATTACH sends SIGSTOP in step 1, the tracee dequeues it in 5 (utrace_get_signal's second step)
        List<StepEvents.Story> stories = StepEvents.of(t);
        DiagramLayout l = new DiagramLayout(t, stories, false);
        String html = HtmlTracePage.render(t, "", null);
        Matcher sig = Pattern.compile("<g class=\"msg signal\" data-step=\"1\"><line x1=\"\\d+\" y1=\"(\\d+)\" x2=\"\\d+\" "
            + "y2=\"(\\d+)\"").matcher(html);
        assertTrue(sig.find(), "a signal arrow from step 1");
        assertEquals(l.rowY(5), Integer.parseInt(sig.group(2)), "it ends at step 5, where SIGSTOP is dequeued");
        assertTrue(Integer.parseInt(sig.group(1)) < Integer.parseInt(sig.group(2)), "sloped down: time passes");
        assertTrue(html.contains("dequeued by the tracee in step 5"));
        assertEquals(1, count(html, "<g class=\"msg wake\" data-step=\"13\""), "PTRACE_CONT wakes the tracee in step 13");
        // Asleep from step 5 (TRACED) to 13; utrace_control(STOP) adds UTRACED in step 11 (after PTRACE_CONT's
        // ptrace_check_attach in 10: before it, the request would fail, finding 6), so the band changes there.
        assertEquals(1, count(html, "<g class=\"sleep\" data-from=\"5\" data-to=\"11\""), html);
        assertEquals(1, count(html, "<g class=\"sleep\" data-from=\"11\" data-to=\"13\""));
    }

    /** kill() queues on signal->shared_pending: its dequeue ends the arrow too (it once read task->pending only). */
    @Test void aSignalFromTheSharedQueueEndsWhereItIsDequeued() throws Exception {
        Trace t = CorpusTraces.read("finding-attach-during-signal"); // kill(SIGUSR1) in step 1, dequeued in step 7
        String html = HtmlTracePage.render(t, "", null);
        assertTrue(html.contains("dequeued by the tracee in step 7"), html);
        assertFalse(html.contains("not dequeued by the end of the trace"));
    }

    @Test void laneHeadersAreAStripWithEveryActorAndEngine() throws Exception {
        Counterexamples.Found f = Fixtures.stopThenKill();
        Trace t = TraceBuilder.build(f.model(), f.schedule(), f.violation());
        String html = HtmlTracePage.render(t, "", null);
        assertTrue(html.indexOf("<svg id=\"lane-heads\"") < html.indexOf("<svg id=\"diagram\""));
        assertEquals(f.model().actorCount() + TraceActors.engines(t).size(), count(html, "<g class=\"lane-head "));
        assertEquals(List.of("store buffer", "owner E1", "(reordered)"), SequenceDiagram.headLines("store buffer owner E1 (reordered)", 116));
        assertEquals(List.of("store buffer", "owner E1"), SequenceDiagram.headLines("store buffer owner E1", 116));
        assertEquals(List.of("owner E1"), SequenceDiagram.headLines("owner E1", 120));
    }

    @Test void theHeaderLinksToTheViolationAndTheSummaryToSteps() throws Exception {
        Trace t = Fixtures.reapTrace();
        String html = HtmlTracePage.render(t, "", null);
        int n = t.steps().size();
        assertTrue(html.contains("<a class=\"jump\" href=\"#step-" + n + "\">"), "a jump link to the violating step");
        assertTrue(html.indexOf("id=\"summary\"") < html.indexOf("id=\"diagram\""), "the summary comes first");
        for (TraceSummary.Actor a : TraceSummary.of(t)) {
            for (TraceSummary.Entry e : a.calls()) {
                if (e.steps().isEmpty()) continue;
                assertTrue(html.contains("href=\"#step=" + e.steps().get(e.steps().size() - 1) + "\""), e.text());
            }
        }
    }
}

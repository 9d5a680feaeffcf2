package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.InvariantSet;

/**
 * What the checker finds in the seed itself (README, "Findings"). If the
 * model changes so that a finding disappears, this test says so: a finding
 * is either a kernel race or a model error, and both need a human.
 */
class FindingsTest {
    @Test
    void resumeBeforeStopLeavesTheTraceeAsleepWithNoEngineWantingTheStop() throws Exception {
        ExplorationResult r = Check.explore("resume-before-stop", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("deadlock-freedom", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("no engine wants it stopped"),
            r.counterexample().violation().message());
    }

    @Test
    void utraceResetCancelsAPtraceSingleStepTakenBeforeAUtraceStop() {
        ExplorationResult r = Check.explore("ptrace-step-vs-utrace-stop", Check.only("ptrace-step-kept"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("without TIF_SINGLESTEP"),
            r.counterexample().violation().message());
    }

    /** Finding 3, re-judged: documented behaviour (utrace.h, @report_exit), the exception sigkill-wins states. */
    @Test
    void anEngineMayHoldASigkilledThreadAtReportExitAsUtraceHDocuments() {
        ExplorationResult r = Check.explore("sigkill-held-at-exit", Check.only("sigkill-wins"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /** Finding 1, wider: utrace_barrier() between the STOP and the RESUME does not help. */
    @Test
    void resumeAfterBarrierLeavesTheTraceeAsleepToo() {
        ExplorationResult r = Check.explore("resume-after-barrier", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("no engine wants it stopped"),
            r.counterexample().violation().message());
    }

    /** Finding 1, wider: a single engine, no other thread: report_quiesce STOP, report_exit RESUME. */
    @Test
    void quiesceStopThenExitResumeLeavesTheExitingTraceeAsleep() {
        ExplorationResult r = Check.explore("exit-stop-then-resume", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(15, r.counterexample().schedule().size(), "no other actor: the tracee alone, step after step");
        assertTrue(r.counterexample().violation().message().contains("no engine wants it stopped"),
            r.counterexample().violation().message());
    }

    /** Finding 1, wider: DETACH clears utrace_flags' ENGINE_STOP only if the engine's own bit is set. */
    @Test
    void detachBeforeTheStopLeavesTheStaleBit() {
        ExplorationResult r = Check.explore("detach-after-quiesce-stop", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("no engine wants it stopped"),
            r.counterexample().violation().message());
    }

    /** Finding 7: a DETACH between exit_notify and report_death's lock strips DEATH; release_task reaps first. */
    @Test
    void aDetachBeforeTheDeathReportTakesTheLockLetsTheReapOvertakeIt() throws Exception {
        ExplorationResult r = Check.explore("detach-races-death-report", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("reap-after-death", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("before its report_death"),
            r.counterexample().violation().message());
    }

    /** Finding 6: wait_task_inactive()'s locked re-check compares with ==; TRACED|UTRACED is not TASK_TRACED. */
    @Test
    void ptraceRequestsFailWhileAnEngineHoldsThePtraceStoppedTracee() {
        ExplorationResult r = Check.explore("ptrace-check-attach-vs-utrace-stop", Check.only("ptrace-request-not-spurious"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("TRACED|UTRACED"), r.counterexample().violation().message());
    }

    /**
     * Finding 8: a fresh utrace_control(STOP) that lands while the tracee heads into utrace_stop for another
     * engine (which then detaches) returns -EINPROGRESS, and the tracee sleeps for it with no callback first.
     */
    @Test
    void stopReturnsEinprogressThenTheTraceeStopsWithoutTheCallback() throws Exception {
        ExplorationResult r = Check.explore("stop-einprogress-no-callback", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("stop-einprogress-means-callback", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("for E2 alone"), r.counterexample().violation().message());
    }

    /** Finding 10: get_utrace_lock answers -ESRCH once utrace->reap is set, before utrace_barrier looks at ->reporting. */
    @Test
    void barrierReturnsEsrchWhileTheDeathReportIsStillRunning() throws Exception {
        ExplorationResult r = Check.explore("barrier-during-death-report", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("barrier-means-quiet", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("returned -ESRCH while"),
            r.counterexample().violation().message());
    }

    /** Finding 10, the reap's half: report_reap runs lock-free after utrace->reap is set; no death report needed. */
    @Test
    void barrierReturnsEsrchWhileReportReapIsStillRunning() throws Exception {
        ExplorationResult r = Check.explore("barrier-during-reap-report", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("barrier-means-quiet", r.counterexample().violation().invariant().name());
        assertEquals(9, r.counterexample().schedule().size());
        assertTrue(r.counterexample().violation().message().contains("returned -ESRCH while"),
            r.counterexample().violation().message());
    }

    /** Finding 11: utrace_set_events adds QUIESCE on the stopped tracee; RESUME lets it go with no report_quiesce. */
    @Test
    void setEventsWithQuiesceOnAStoppedTraceeGetsNoReportQuiesce() throws Exception {
        ExplorationResult r = Check.explore("set-events-quiesce-while-stopped", Check.only("callback-promised"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("returned to user mode with no report_quiesce"),
            r.counterexample().violation().message());
        // Resumed with UTRACE_REPORT instead (findings.md's workaround), the promise is kept.
        ExplorationResult report = Check.explore("report-while-stopped", Check.only("callback-promised"));
        assertEquals(Verdict.PASS, report.verdict(), () -> report.counterexample().violation().describe());
    }

    /**
     * Finding 12: utrace_get_signal tests pending_attach, then reads utrace_flags again; E2's attach and
     * set_events(SIGNAL) land between the two, and the report_signal pass runs without splicing E2 in.
     */
    @Test
    void anEngineAttachedBetweenGetSignalsTwoReadsMissesTheSignalPass() {
        ExplorationResult r = Check.explore("attach-during-signal", Check.only("events-reported"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("SIGNAL report pass began with E2 left on ->attaching"),
            r.counterexample().violation().message());
        // The same attach racing a system call's report: the hook reads utrace_flags first and start_report()
        // then tests pending_attach, the order utrace_add_engine and utrace_set_events write them: no window.
        ExplorationResult syscall = Check.explore("attach-during-report", Check.only("events-reported"));
        assertEquals(Verdict.PASS, syscall.verdict(), () -> syscall.counterexample().violation().describe());
    }

    /**
     * Finding 13: utrace_resume() leaves its UTRACE_REPORT case before the start_callback() loop when no engine
     * asked for QUIESCE, so the STOP that finish_report() turned into UTRACE_REPORT is never applied. The same
     * engine with QUIESCE stops: the QUIESCE test is the whole difference.
     */
    @Test
    void aCallbacksStopIsDroppedWhenNoEngineAskedForQuiesce() {
        ExplorationResult r = Check.explore("stop-without-quiesce", Check.only("stop-is-sticky"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("returned to user mode without stopping"),
            r.counterexample().violation().message());
        assertEquals(17, r.counterexample().schedule().size());
        String withQuiesce = Check.source("stop-without-quiesce")
            .replace("events=SYSCALL_EXIT\n", "events=SYSCALL_EXIT|QUIESCE\n");
        assertTrue(withQuiesce.contains("events=SYSCALL_EXIT|QUIESCE"), withQuiesce);
        ExplorationResult q = Check.exploreText(withQuiesce, Check.only("stop-is-sticky"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /**
     * Finding 13's second path: report_signal's STOP for a handled signal becomes UTRACE_INTERRUPT, and the next
     * utrace_get_signal() returns -1 ("We only got here to clear utrace->signal_handler") when no engine has QUIESCE.
     */
    @Test
    void aReportSignalStopIsDroppedAfterHandlerSetupWhenNoEngineAskedForQuiesce() {
        ExplorationResult r = Check.explore("stop-without-quiesce-signal", Check.only("stop-is-sticky"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("returned to user mode without stopping"),
            r.counterexample().violation().message());
        assertEquals(24, r.counterexample().schedule().size());
        String withQuiesce = Check.source("stop-without-quiesce-signal").replace("events=SIGNAL\n", "events=SIGNAL|QUIESCE\n");
        assertTrue(withQuiesce.contains("events=SIGNAL|QUIESCE"), withQuiesce);
        ExplorationResult q = Check.exploreText(withQuiesce, Check.only("stop-is-sticky"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /**
     * Finding 13's third path: utrace_get_signal's own pass loop skips an engine that wants neither the event nor
     * QUIESCE without start_callback's ENGINE_STOP test. With no signal pending, utrace_resume stops the tracee.
     */
    @Test
    void theSignalPassSkipsAnEngineAndItsStopWhenItWantsNeitherTheEventNorQuiesce() {
        ExplorationResult r = Check.explore("stop-skipped-by-signal-pass", Check.only("stop-is-sticky"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(39, r.counterexample().schedule().size());
        String noSignal = Check.source("stop-skipped-by-signal-pass").replace("tracee raise SIGUSR1\n", "tracee syscall\n");
        assertTrue(noSignal.contains("tracee syscall"), noSignal);
        ExplorationResult q = Check.exploreText(noSignal, Check.only("stop-is-sticky"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /** Finding 8's second window: one owner, its STOP lands after its own report_quiesce in a pass that then stops. */
    @Test
    void aStopLandingMidPassAfterTheEnginesQuiesceCallbackGetsNoCallback() {
        ExplorationResult r = Check.explore("stop-einprogress-midpass", Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("no callback has been made to E1 since"),
            r.counterexample().violation().message());
    }

    /**
     * Finding 14: utrace_get_signal's early return consumes the report DETACH asked for without utrace_reset, so the
     * detached engine stays listed and utrace_barrier retries for good. With QUIESCE the pass detaches it.
     */
    @Test
    void aBarrierAfterDetachWaitsForGoodWhenGetSignalConsumedTheDetachsReport() {
        ExplorationResult r = Check.explore("barrier-after-detach-report-consumed", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("cannot finish: utrace_barrier"),
            r.counterexample().violation().message());
        String quiesce = Check.source("barrier-after-detach-report-consumed")
            .replace("events=SYSCALL_EXIT\n", "events=SYSCALL_EXIT|QUIESCE\n");
        assertTrue(quiesce.contains("SYSCALL_EXIT|QUIESCE"), quiesce);
        ExplorationResult q = Check.exploreText(quiesce, Check.only("deadlock-freedom"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /**
     * Finding 14's second shape: a DETACH that lands while another engine's STOP takes the tracee into utrace_stop
     * leaves the detached engine listed (utrace_stop runs utrace_reset only when no ENGINE_STOP is left), and
     * utrace_barrier waits as long as that stop lasts: for good here, where nobody resumes E1. The wait is bounded
     * by the stop: with an owner that resumes E1 the barrier returns and every invariant holds (no invariant judges
     * how long a call waits); with the DETACH after the tracee sleeps, utrace_control resets at once.
     */
    @Test
    void aBarrierAfterDetachWaitsAsLongAsAnotherEnginesStopLasts() throws Exception {
        ExplorationResult r = Check.explore("barrier-after-detach-held-by-other-engine", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(32, r.counterexample().schedule().size());
        assertTrue(r.counterexample().violation().message().contains("owner E2 cannot finish: utrace_barrier"),
            r.counterexample().violation().message());
        String source = Check.source("barrier-after-detach-held-by-other-engine");
        String resumed = source + "owner E1 wait_stopped; control RESUME\n";
        ExplorationResult q = Check.exploreText(resumed, InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
        String late = source.replace("owner E2 control DETACH; barrier\n", "owner E2 control DETACH after tracee:traced; barrier\n");
        assertTrue(late.contains("after tracee:traced"), late);
        ExplorationResult l = Check.exploreText(late, Check.only("deadlock-freedom"));
        assertEquals(Verdict.PASS, l.verdict(), () -> l.counterexample().violation().describe());
    }

    /**
     * Finding 16: PTRACE_ATTACH wakes a group-stopped tracee for its trap, but an engine's __TASK_UTRACED keeps it
     * asleep (patch 17), so the attach waits for JOBCTL_TRAPPING as long as the engine's stop lasts: for good here.
     * The wait is bounded by that stop (an owner that resumes E1 lets the attach return, every invariant holding),
     * and without the engine's stop the attach returns once the tracee traps.
     */
    @Test
    void ptraceAttachWaitsForTheTrapAsLongAsAnEnginesStopHoldsTheTracee() throws Exception {
        ExplorationResult r = Check.explore("ptrace-attach-held-by-engine-stop", Check.only("deadlock-freedom"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(8, r.counterexample().schedule().size());
        assertEquals("deadlock: PTRACE_ATTACH waits for JOBCTL_TRAPPING, which nobody clears (the tracee it woke is still "
            + "UTRACED|WAKEKILL: __TASK_UTRACED keeps it asleep)", r.counterexample().violation().message());
        String source = Check.source("ptrace-attach-held-by-engine-stop");
        String resumed = source.replace("owner E1 control STOP\n", "owner E1 control STOP; wait_stopped; control RESUME\n");
        assertTrue(resumed.contains("control RESUME"), resumed);
        ExplorationResult q = Check.exploreText(resumed, InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
        String noEngineStop = source.replace("owner E1 control STOP\n", "");
        assertTrue(!noEngineStop.contains("control STOP"), noEngineStop);
        ExplorationResult n = Check.exploreText(noEngineStop, InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, n.verdict(), () -> n.counterexample().violation().describe());
        String killed = source.replace("killer SIGSTOP\n", "killer SIGSTOP SIGKILL\n");
        assertTrue(killed.contains("SIGKILL"), killed);
        ExplorationResult k = Check.exploreText(killed, Check.only("deadlock-freedom"));
        assertEquals(Verdict.PASS, k.verdict(), () -> k.counterexample().violation().describe());
    }

    /**
     * Finding 17: PTRACE_KILL of a running tracee the tracer was single-stepping leaves the step on, since patch 28
     * moved user_disable_single_step() from ptrace_resume() into ptrace_stop(), which a running tracee does not
     * pass. Without patch 28 it passes; with the tracee stopped at the kill, its ptrace_stop disables the step.
     */
    @Test
    void ptraceKillOfARunningSteppedTraceeLeavesTheStepOn() throws Exception {
        ExplorationResult r = Check.explore("ptrace-kill-while-stepping", Check.only("ptrace-step-kept"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(14, r.counterexample().schedule().size());
        assertEquals("back to user mode single-stepping although neither ptrace nor an engine asks for it",
            r.counterexample().violation().message());
        ExplorationResult before28 = new utrace.checker.explore.Explorer(Check.LIMITS, utrace.checker.explore.ProgressListener.NONE)
            .explore(new utrace.model.Model(utrace.model.Scenarios.load("ptrace-kill-while-stepping"),
                utrace.model.ModelConfig.fullSeries().withPatches(utrace.model.Series.select("without:28"))),
                InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, before28.verdict(), () -> before28.counterexample().violation().describe());
        String stopped = "scenario kill-at-a-stop\ntracee syscall\nptrace attach; wait; singlestep; wait; kill\n";
        ExplorationResult s = Check.exploreText(stopped, InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, s.verdict(), () -> s.counterexample().violation().describe());
    }

    /**
     * Finding 18: an engine's UTRACE_SINGLESTEP, enabled by utrace_resume, is disabled by the ptrace_stop() a
     * debugger's PTRACE_CONT ends (patch 28; before it, by ptrace_resume()), and the TIF_NOTIFY_RESUME patch 28 sets
     * "if utrace needs the stepping it should reassert" brings a utrace_resume() that makes no callback. Controls:
     * ptrace single-steps as well; no debugger; the owner asks after the PTRACE_CONT.
     */
    @Test
    void ptraceContDisablesAnEngineStepThatNoCallbackReasserts() throws Exception {
        assertStepLost("ptrace-cont-drops-engine-step", 22);
        ExplorationResult before28 = new utrace.checker.explore.Explorer(Check.LIMITS, utrace.checker.explore.ProgressListener.NONE)
            .explore(new utrace.model.Model(utrace.model.Scenarios.load("ptrace-cont-drops-engine-step"),
                utrace.model.ModelConfig.fullSeries().withPatches(utrace.model.Series.select("without:28"))),
                Check.only("engine-step-kept"));
        assertEquals(Verdict.VIOLATION, before28.verdict(), "ptrace_resume disabled the step before patch 28");
        String head = "scenario control\nengine E1 preattached events=QUIESCE\n";
        for (String tail : java.util.List.of("tracee\nptrace attach; wait; singlestep\nowner E1 control SINGLESTEP\n",
                "tracee syscall\nowner E1 control SINGLESTEP\n",
                "tracee\nptrace attach; wait; cont\nowner E1 control SINGLESTEP after ptrace:3\n")) {
            ExplorationResult c = Check.exploreText(head + tail, InvariantSet.shipped("all").invariants());
            assertEquals(Verdict.PASS, c.verdict(), () -> tail + ": " + c.counterexample().violation().describe());
        }
    }

    /**
     * Finding 19: utrace_get_signal's explicit report, entered for another engine's pending attach, applies
     * utrace->resume = UTRACE_RESUME with finish_resume_report() and so disables the step E2's report_signal chose
     * in the pass before. Controls: no attach; the other engine attached from the start (no pending_attach).
     */
    @Test
    void anAttachSendsTheTraceeThroughAnExplicitReportThatDisablesTheStep() throws Exception {
        assertStepLost("attach-cancels-signal-step", 20);
        String engine = "engine E2 preattached events=SIGNAL|QUIESCE\ncallback E2 signal=SINGLESTEP+IGN quiesce=SINGLESTEP\n"
            + "tracee\nkiller SIGUSR1\n";
        for (String control : java.util.List.of("scenario no-attach\n" + engine,
                "scenario attached-before\nengine E1 preattached events=REAP\n" + engine)) {
            ExplorationResult c = Check.exploreText(control, InvariantSet.shipped("all").invariants());
            assertEquals(Verdict.PASS, c.verdict(), () -> control + ": " + c.counterexample().violation().describe());
        }
    }

    /** Findings 18 and 19: the shipped scenario's shortest counterexample of engine-step-kept. */
    private static void assertStepLost(String scenario, int steps) {
        ExplorationResult r = Check.explore(scenario, Check.only("engine-step-kept"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(steps, r.counterexample().schedule().size());
        assertEquals("back to user mode without TIF_SINGLESTEP although the last callbacks (or utrace_control) chose "
            + "UTRACE_SINGLESTEP or BLOCKSTEP", r.counterexample().violation().message());
    }

    /** Finding 15: INTERRUPT is accepted without QUIESCE, and no report_signal follows it. */
    @Test
    void interruptWithoutQuiesceReturnsZeroAndNoReportSignalFollows() {
        ExplorationResult r = Check.explore("interrupt-without-quiesce", Check.only("callback-promised"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        String quiesce = Check.source("interrupt-without-quiesce").replace("events=SIGNAL\n", "events=SIGNAL|QUIESCE\n");
        assertTrue(quiesce.contains("SIGNAL|QUIESCE"), quiesce);
        ExplorationResult q = Check.exploreText(quiesce, Check.only("callback-promised"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /**
     * Finding 20: E2's UTRACE_SINGLESTEP, written by finish_report after its unlocked test, overwrites E1's
     * UTRACE_INTERRUPT, and E1 never gets its report_signal. With E2 answering UTRACE_RESUME finish_report writes
     * nothing (RESUME is not below RESUME) and the report_signal comes: the overwrite is the cause.
     */
    @Test
    void finishReportsUnlockedWriteLosesAnInterrupt() {
        ExplorationResult r = Check.explore("interrupt-lost-to-finish-report", Check.only("callback-promised"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().startsWith("the tracee returned to user mode with no "
            + "report_signal to E1 since its utrace_control(INTERRUPT) returned 0"), r.counterexample().violation().message());
        String resume = Check.source("interrupt-lost-to-finish-report").replace("syscall_entry=SINGLESTEP", "syscall_entry=RESUME");
        assertTrue(resume.contains("syscall_entry=RESUME"), resume);
        ExplorationResult q = Check.exploreText(resume, Check.only("callback-promised"));
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /** Finding 8's edges: E2's own report_quiesce returned UTRACE_STOP (it asked for the stop itself). */
    @Test
    void aStopTheEngineAlreadyAskedForInItsCallbackOwesNoCallback() {
        ExplorationResult r = Check.explore("utrace-stop-relock", Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /** Finding 8's edges: E2's STOP lands while its own report_quiesce, which returns UTRACE_STOP, runs. */
    @Test
    void aStopThatLandsDuringTheEnginesOwnStoppingCallbackOwesNoCallback() {
        ExplorationResult r = Check.explore("two-engines-stop-resume", Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /**
     * Finding 8's edges: while another engine keeps the tracee stopped, utrace.h allows "no callbacks until all
     * engines let it resume" (UTRACE_REPORT, which -EINPROGRESS is "like"); once E1 resumes, E2 holds it alone.
     */
    @Test
    void anotherEngineKeepingTheTraceeStoppedDefersTheCallbackUntilItResumes() {
        String held = "scenario e1-holds\ndescription E1 stops at syscall exit; E2 asks for a stop as the tracee heads for it\n"
            + "engine E1 preattached events=SYSCALL_EXIT\ncallback E1 syscall_exit=STOP\n"
            + "engine E2 preattached events=QUIESCE\ncallback E2 quiesce=RESUME\ntracee syscall\nowner E2 control STOP\n";
        ExplorationResult r = Check.exploreText(held, Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
        ExplorationResult resumed = Check.exploreText(held + "owner E1 wait_stopped; control RESUME\n",
            Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.VIOLATION, resumed.verdict());
        assertTrue(resumed.counterexample().violation().message().contains("for E2 alone"),
            resumed.counterexample().violation().message());
    }

    @Test
    void setEventsOnAZombieCanCancelItsReap() {
        ExplorationResult r = Check.explore("zombie-set-events-then-reap", Check.only("no-engine-leak"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("after the task was released"),
            r.counterexample().violation().message());
    }

    @Test
    void aSigcontDuringAnEnginesReportOfSigstopIsLost() {
        ExplorationResult r = Check.explore("sigcont-during-signal-report", Check.only("sigcont-ends-stop"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("SIGCONT was sent after the last SIGSTOP"),
            r.counterexample().violation().message());
    }

    /** Without an engine reporting the SIGSTOP there is no window: SIGSTOP then SIGCONT leaves the group running. */
    @Test
    void sigcontCancelsTheStopWhenNoEngineReportsTheSignal() {
        ExplorationResult r = Check.explore("group-stop-and-engine", Check.only("sigcont-ends-stop"));
        assertEquals(Verdict.PASS, r.verdict());
    }

    @Test
    void waitingForTheStopBeforeResumingAvoidsIt() {
        ExplorationResult r = Check.explore("stop-then-resume", Check.only("deadlock-freedom"));
        assertEquals(Verdict.PASS, r.verdict());
    }
}

package utrace.checker.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Series;

/**
 * Seeded bugs must make Lincheck fail: a core mutation on its shipped
 * scenario breaks a documented contract, a patch left out (25, 23) loses
 * ptrace's syscall stops, a mutation inside a stop breaks linearizability.
 * Each failure is Lincheck's LincheckAssertionError, with its report on disk.
 */
class LincheckSeededBugsTest {
    @TempDir Path traces;

    @ParameterizedTest
    @CsvSource({
        "detach-ignores-reporting, detach-is-final",
        "finish-callback-clears-reporting-early, detach-is-final",
        "barrier-esrch-while-detaching, barrier-means-quiet",
        "set-events-ignores-exit-state, set-events-errors",
        "set-events-ignores-reporting, set-events-errors",
        "set-events-einprogress-on-add, set-events-errors",
        "control-report-skips-resume, callback-promised",
        "control-ignores-exit-state, control-errors",
        "control-interrupt-skips-resume, callback-promised",
        "control-stop-ignores-do-stop, stop-zero-means-stopped",
        "resume-stops-without-quiesce, stop-einprogress-means-callback",
        "dequeue-clears-sigpending, no-signal-loss",
        "add-engine-splices-immediately, attach-ordering",
        "reset-ignores-other-stoppers, stop-is-sticky",
        "finish-report-skips-notify, report-not-lost",
        "utrace-stop-gives-up-on-group-exit, exit-stop-holds",
        "group-stop-ignores-sigkill, sigkill-wins",
        "reap-not-deferred, reap-after-death",
        "utrace-stop-keeps-lock, deadlock-freedom",
        "traceme-ignores-exiting-parent, deadlock-freedom"})
    void aCoreMutationBreaksAContractOnItsScenario(String mutation, String contract) throws Exception {
        Mutation m = Mutation.byId(mutation);
        Outcome o = LincheckCheck.run(Situations.shippedContracts(List.of(m.scenario)), Mode.MODEL_CHECKING,
            new Budget(1, 200), ModelConfig.fullSeries().withMutations(EnumSet.of(m)), 1, false, traces);
        assertFailedWith(o, contract + ":");
    }

    @Test
    void finishExamineWithoutTheRecheckIsCaughtWhenSigkillWakesTheTracee() throws Exception {
        // shipped-contracts on examine-vs-sigkill does not meet this window (3 plans x 5,000 invocations): the
        // tracee's whole life is one operation there. examine-vs-kill reaches the stop in the init part and puts
        // the rest of the tracee's life after the kill in one thread; 100 invocations find it.
        Mutation m = Mutation.FINISH_EXAMINE_SKIPS_RECHECK;
        Outcome o = LincheckCheck.run(Situations.byName("examine-vs-kill"), Mode.MODEL_CHECKING, new Budget(1, 200),
            ModelConfig.fullSeries().withMutations(EnumSet.of(m)), 1, false, traces);
        assertFailedWith(o, "examine-means-unscheduled:");
    }

    @Test
    void finishStopWithoutTheUnlockWaitIsCaughtWhenSigkillWakesTheStoppedTracee() throws Exception {
        // shipped-contracts on detach-while-sigkill-wakes does not meet this window (1 plan x 3,000 invocations):
        // one step of the tracee's 50-step life against one of the owner's DETACH. detach-vs-sigkill-wake reaches
        // the stop in the init part: between 200 and 300 invocations find it (`--each-mutation` retries with 500).
        Mutation m = Mutation.FINISH_STOP_SKIPS_UNLOCK_WAIT;
        Outcome o = LincheckCheck.run(Situations.byName("detach-vs-sigkill-wake"), Mode.MODEL_CHECKING,
            new Budget(1, 400), ModelConfig.fullSeries().withMutations(EnumSet.of(m)), 1, false, traces);
        assertFailedWith(o, "detach-is-final:");
    }

    @Test
    void aCatchOnAScenarioThatFailsWithoutTheMutationTooIsNotDistinguished() {
        // exit-stop-then-resume is finding 1: with E1 alone the stale ENGINE_STOP in utrace_flags leaves the tracee
        // asleep for good on the full series, so deadlock-freedom fails with or without callback-resume-keeps-stop
        // (which declared that scenario until it had callback-resume-then-resume). The baseline tells them apart.
        EachMutation.Result r = EachMutation.run(Mutation.CALLBACK_RESUME_KEEPS_STOP, "exit-stop-then-resume",
            Mode.MODEL_CHECKING, new Budget(1, 100), ModelConfig.fullSeries(), 1, false, traces, new EachMutation.Baselines());
        assertEquals(EachMutation.Verdict.UNDISTINGUISHED, r.verdict(), r.detail());
        assertEquals("deadlock-freedom", r.contract(), r.detail());
        assertTrue(r.detail().contains("without the mutation the same run fails too"), r.detail());
        assertTrue(r.baseline().startsWith("failed: deadlock-freedom"), r.baseline());
        assertFalse(r.verdict().accounted);
    }

    @Test
    void setEventsBackingOutOnEinprogressBreaksTheBarrierPromise() throws Exception {
        // The window is the tracee's report pass between report_quiesce and start_callback's second read of
        // engine->flags, with utrace_set_events landing in it: Lincheck's model checker needs between 500 and
        // 700 invocations of this plan to hit it (`checker lincheck -s set-events-then-barrier -n 1 -k 700`), so
        // 1,500 leaves a margin.
        Mutation m = Mutation.SET_EVENTS_EINPROGRESS_KEEPS_OLD_FLAGS;
        Outcome o = LincheckCheck.run(Situations.shippedContracts(List.of(m.scenario)), Mode.MODEL_CHECKING,
            new Budget(1, 1_500), ModelConfig.fullSeries().withMutations(EnumSet.of(m)), 1, false, traces);
        assertFailedWith(o, "set-events-errors:");
        assertTrue(o.failureReport().contains("(-EINPROGRESS at step"), o.failureReport());
    }

    @Test
    void withoutPatch25PtraceSetSyscallTraceRacingUtraceResetLosesTheSyscallStops() throws Exception {
        // The window is utrace_control(DETACH)'s two steps around ptrace_set_syscall_trace: Lincheck's
        // model checker needs between 50 and 100 invocations of this plan to hit it (it stops at the first
        // failure), so 200 leaves a margin.
        Situation s = Situations.byName("ptrace-syscall-vs-detach");
        Outcome broken = LincheckCheck.run(s, Mode.MODEL_CHECKING, new Budget(1, 200),
            ModelConfig.fullSeries().withPatches(Series.select("without:25")), 1, false, traces);
        assertFailedWith(broken, "ptrace-syscall-stops:");
        // The same plan with the patch: the race is closed (a smaller budget: every invocation runs here).
        Outcome fixed = LincheckCheck.run(s, Mode.MODEL_CHECKING, new Budget(1, 100), ModelConfig.fullSeries(), 1, false, traces);
        assertFalse(fixed.failed(), () -> fixed.failureReport());
    }

    @Test
    void withoutPatch23UtraceResetClearsTheFlagPtraceNeeds() throws Exception {
        Outcome o = LincheckCheck.run(Situations.byName("ptrace-syscall-vs-detach"), Mode.MODEL_CHECKING, new Budget(2, 100),
            ModelConfig.fullSeries().withPatches(Series.select("without:23")), 1, false, traces);
        assertFailedWith(o, "ptrace-syscall-stops:");
    }

    @Test
    void aMutationInsideTheStopBreaksLinearizabilityOnAStoppedTracee() throws Exception {
        // utrace-stop-keeps-lock: the stopped tracee holds utrace->lock, so the owners' calls cannot finish:
        // results ("blocked") no sequential execution of StoppedTraceeSpec gives.
        Outcome o = LincheckCheck.run(Situations.byName("stopped-tracee"), Mode.MODEL_CHECKING, new Budget(2, 20),
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.UTRACE_STOP_KEEPS_LOCK)), 1, false, traces);
        assertTrue(o.failed(), "expected a Lincheck failure");
        assertInstanceOf(LincheckAssertionError.class, o.error());
        assertTrue(o.failureReport().contains("blocked"), o.failureReport());
    }

    private static void assertFailedWith(Outcome o, String reasonPrefix) throws Exception {
        assertTrue(o.failed(), "expected a Lincheck failure");
        assertInstanceOf(LincheckAssertionError.class, o.error());
        assertTrue(o.reason().startsWith(reasonPrefix), o.reason());
        String report = Files.readString(o.reportFile());
        assertTrue(report.contains("The following interleaving leads to the error"), "the interleaving table is in the report");
        assertTrue(report.contains(o.config().toString()));
    }
}

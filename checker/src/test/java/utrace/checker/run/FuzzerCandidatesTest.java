package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.ScenarioParser;

/**
 * The checker-side problems the fifteenth round's scenario fuzzer found (h3's candidates B1, C1, C2, C3;
 * docs/fidelity.md, the fifteenth round), and D1 and D2 of the twentieth round: each candidate passes now, and
 * the clause it tripped still fails where the kernel does break it. Each of the candidate tests fails on the
 * checker before the fix.
 */
class FuzzerCandidatesTest {
    private static ExplorationResult run(String text, List<Invariant> invariants, Mutation... mutations) {
        try {
            ModelConfig cfg = ModelConfig.fullSeries();
            if (mutations.length > 0) cfg = cfg.withMutations(java.util.EnumSet.of(mutations[0], mutations));
            return new Explorer(Check.LIMITS, ProgressListener.NONE).explore(new Model(ScenarioParser.parse("test", text), cfg),
                invariants);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void passes(String text, List<Invariant> invariants) {
        ExplorationResult r = run(text, invariants);
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /**
     * B1: E1 watches SIGNAL_TERM and lets SIGUSR2 through. utrace_get_signal returns the representative SIGTERM;
     * get_signal_to_deliver exits with info->si_signo (killed SIGUSR2) and, ptraced, calls ptrace_signal(SIGTERM)
     * (patch 19). The model died as for SIGKILL: "killed SIGKILL", and no signal-delivery stop.
     */
    @Test
    void b1TheEnginesTermDisposition() {
        passes("scenario b1\nengine E1 preattached events=SIGNAL_TERM\ntracee raise SIGUSR2\nptrace wait -> killed SIGUSR2\n"
            + "parent ptrace\n", Invariants.all());
        passes("scenario b1b\nengine E1 preattached events=SIGNAL_TERM\ntracee traceme raise SIGUSR2\n"
            + "ptrace wait -> stopped SIGTERM; cont SIGUSR2; wait -> killed SIGUSR2\nparent ptrace\n", Invariants.all());
        // the shipped scenarios (fidelity.list), and the mutation that dies of the representative
        passes(Check.source("signal-term-engine-exit-status"), Invariants.all());
        passes(Check.source("signal-term-engine-then-ptrace"), Invariants.all());
        ExplorationResult m = Check.explore("signal-term-engine-exit-status", Check.only("wait-report-correct"),
            Mutation.GET_SIGNAL_EXITS_WITH_REPRESENTATIVE);
        assertEquals(Verdict.VIOLATION, m.verdict());
        assertTrue(m.counterexample().violation().message().contains("reports killed SIGTERM"), m.counterexample().violation().message());
        // patch 19 undone: the representative's stop is not made
        ExplorationResult p = Check.explore("signal-term-engine-then-ptrace", Check.only("wait-report-correct"),
            Mutation.UTRACE_SIGNAL_SKIPS_PTRACE);
        assertEquals(Verdict.VIOLATION, p.verdict());
    }

    /**
     * C1: the tracee raises SIGCONT, ptrace_signal reports it and the tracer passes SIGSTOP: a new stop, after the
     * SIGCONT, which the kernel rightly makes. A SIGCONT sent while the tracee sits in that signal-delivery stop
     * still cancels the passed SIGSTOP (sigcont-cancels-passed-sigstop), and a mutation that keeps
     * JOBCTL_STOP_DEQUEUED across it still fails there.
     */
    @Test
    void c1ASigstopTheTracerPassesAfterAnEarlierSigcontStops() {
        String c1 = "scenario c1\ntracee traceme raise SIGCONT\nptrace wait -> stopped SIGCONT; cont SIGSTOP; "
            + "wait -> stopped SIGSTOP\nparent ptrace\n";
        passes(c1, Check.only("sigcont-ends-stop"));
        passes(c1, Check.only("wait-liveness"));
        passes(c1, Invariants.all());
        ExplorationResult r = Check.explore("sigcont-cancels-passed-sigstop", Check.only("sigcont-ends-stop"),
            Mutation.CLEAR_STOP_PENDING_KEEPS_DEQUEUED);
        assertEquals(Verdict.VIOLATION, r.verdict());
    }

    /**
     * C2: ptrace-step-kept's "single-step SIGTRAP it never asked for" is the SIGTRAP tracehook_report_syscall_exit
     * forced, not a raised one, nor ptrace_report_syscall's send_sig(exit_code) after SIGKILL woke a syscall stop.
     * The step trap ptrace did not ask for (without patch 26, utrace's step) still fails it.
     */
    @Test
    void c2OnlyTheStepTrapIsASingleStepTrap() {
        passes("scenario c2\ntracee traceme raise SIGTRAP\nptrace wait -> stopped SIGTRAP\nparent ptrace\n", Invariants.all());
        passes("scenario c2k\ntracee traceme kill SIGTRAP\nptrace wait -> stopped SIGTRAP\nparent ptrace\n", Check.only("ptrace-step-kept"));
        passes("scenario c2b\ntracee traceme raise SIGSTOP syscall\nptrace wait; syscall; wait\nparent ptrace\n"
            + "killer SIGKILL after ptrace:2\n", Invariants.all());
        ExplorationResult r = new Explorer(Check.LIMITS, ProgressListener.NONE).explore(
            model("utrace-singlestep-vs-ptrace", "without:26"), Check.only("ptrace-step-kept"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("single-step SIGTRAP it never asked for"),
            r.counterexample().violation().message());
    }

    /**
     * C3: E1's owner asks for UTRACE_REPORT on the stopped tracee, then drops QUIESCE with utrace_set_events(REAP),
     * which returns -EINPROGRESS (utrace_get_signal's pass has utrace->reporting = E1) with the new flags stored:
     * E1 withdrew the promise, as stop-einprogress-means-callback's edge has it. Finding 11 still fails
     * callback-promised.
     */
    @Test
    void c3AnEngineThatDropsQuiesceIsPromisedNothing() {
        passes("scenario c3\nengine E1 preattached events=QUIESCE\ntracee raise SIGSTOP\n"
            + "owner E1 wait_stopped; control STOP; control REPORT; set_events REAP\nkiller SIGCONT after tracee:stopped\n",
            Check.only("callback-promised"));
        ExplorationResult r = Check.explore("set-events-quiesce-while-stopped", Check.only("callback-promised"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        // keeping QUIESCE, the promise stands and is kept
        passes("scenario c3q\nengine E1 preattached events=QUIESCE\ntracee raise SIGSTOP\n"
            + "owner E1 wait_stopped; control STOP; control REPORT; set_events QUIESCE|REAP\nkiller SIGCONT after tracee:stopped\n",
            Check.only("callback-promised"));
    }

    /**
     * D1 (issue 16's twentieth round, `checker fuzz --seed 27 --count 3000 --mode random`, scenario 990): E2's
     * owner gets -EINPROGRESS from UTRACE_STOP, drops QUIESCE (set_events DEATH) and sets it again after the tracee
     * stopped for it. The pass that stopped it could call no report_quiesce, and QUIESCE set again promises a
     * callback only "when @target resumes": stop-einprogress-means-callback's promise ended with the drop. Finding 8
     * still fails it.
     */
    @Test
    void d1AnEngineThatDropsQuiesceAfterEinprogressIsPromisedNoCallback() {
        passes("scenario d1\nengine E2 preattached events=QUIESCE\ntracee unblock SIGCONT\n"
            + "owner E2 control STOP; set_events DEATH; set_events QUIESCE|EXIT|SIGNAL\n",
            Check.only("stop-einprogress-means-callback"));
        ExplorationResult r = Check.explore("stop-einprogress-no-callback", Check.only("stop-einprogress-means-callback"));
        assertEquals(Verdict.VIOLATION, r.verdict());
    }

    /**
     * D2 (twentieth round, `checker fuzz --seed 26 --count 4000 --mode mutate`, scenario 3046): E1's examination of
     * the group-stopped tracee spans a ptrace attach, a step and a detach, and SIGCONT and SIGSTOP: four switches.
     * The model's switch count had two bits, wrapped, and utrace_finish_examine returned 0 where the kernel's nvcsw
     * differs. With eight bits it returns -EAGAIN; finish-examine-ignores-switch-count still fails the invariant.
     */
    @Test
    void d2AnExaminationAcrossFourSwitchesIsNotUnscheduled() {
        String d2 = "scenario d2\nengine E1 preattached\ntracee\nowner E1 control STOP; examine\n"
            + "ptrace attach; singlestep; detach\nkiller SIGSTOP SIGCONT SIGSTOP\n";
        passes(d2, Check.only("examine-means-unscheduled"));
        ExplorationResult m = run(d2, Check.only("examine-means-unscheduled"), Mutation.FINISH_EXAMINE_IGNORES_SWITCH_COUNT);
        assertEquals(Verdict.VIOLATION, m.verdict());
    }

    private static Model model(String scenario, String patches) {
        try {
            return new Model(utrace.model.Scenarios.load(scenario),
                ModelConfig.fullSeries().withPatches(utrace.model.Series.select(patches)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

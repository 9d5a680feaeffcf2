package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rows of issue 13 this model fixes, each against the kernel function as
 * the series leaves it: a unit test of the step, and on the row's scenario
 * (model/scenarios/fidelity.list, findings.list) the interleaving the fix
 * opens, which the model before it could not reach (docs/fidelity.md).
 */
class FidelityFixesTest {
    private static Model model(String scenario, String patches) {
        try {
            return new Model(Scenarios.load(scenario), ModelConfig.fullSeries().withPatches(Series.select(patches)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int actor(Model m, String name) {
        for (int a = 0; a < m.actorCount(); a++) if (m.actorName(a).equals(name)) return a;
        throw new AssertionError("no actor " + name);
    }

    private static int traceePc(Model m, State s) { return s.get(m.actorBase(0)); }

    private static int traceeLocal(Model m, State s, int l) { return s.get(m.actorBase(0) + 1 + l); }

    private static boolean noted(Transition t, String text) { return t.detail() != null && t.detail().contains(text); }

    // ---- wait_task_inactive: the busy-wait (patch 13) and the locked re-check (untouched) -------------

    private static final String CHECK_ATTACH = "engine E1 preattached events=QUIESCE\ntracee\nptrace attach; wait; cont\n";

    /** The tracer at PTRACE_CONT's ptrace_check_attach, the tracee TASK_TRACED plus {@code extra}, asleep or not. */
    private static Transition checkAttach(String patches, int extra, boolean asleep) {
        Fixture f = Fixture.of(CHECK_ATTACH, ModelConfig.fullSeries().withPatches(Series.select(patches)));
        int tracer = 1;
        f.set(PTRACE, PT_PTRACED).set(TASK_STATE, TaskState.TASK_TRACED | extra)
            .pc(0, asleep ? TraceePtrace.PT_STOP_SLEEP : TraceePtrace.PT_STOP_DECIDE);
        f.set(f.base(tracer) + 1, 2); // L_OP: the script's third request, PTRACE_CONT
        return f.step(tracer);
    }

    private static boolean esrch(Transition t) {
        for (Obs o : t.obs()) if (o.kind() == Obs.Kind.PTRACE_RETURN) return o.ret() == Errno.ESRCH;
        return false;
    }

    @Test
    void theLockedRecheckComparesWithEqualsWithAndWithoutPatch13() {
        for (String p : new String[] {"all", "without:13"}) {
            Transition t = checkAttach(p, TaskState.UTRACED_BIT, true);
            assertNotNull(t, p);
            assertTrue(esrch(t), p + ": asleep in TRACED|UTRACED, the re-check fails: " + t.detail());
            assertTrue(noted(t, "locked re-check"), t.detail());
            Transition ok = checkAttach(p, 0, true);
            assertFalse(esrch(ok), p + ": asleep in TASK_TRACED exactly, the request goes on");
        }
    }

    @Test
    void patch13KeepsTheBusyWaitSpinningOnAnExtraBit() {
        assertNull(checkAttach("all", TaskState.UTRACED_BIT, false), "still on the CPU with TASK_TRACED's bits: spin");
        Transition t = checkAttach("without:13", TaskState.UTRACED_BIT, false);
        assertTrue(esrch(t) && noted(t, "busy-wait"), "before 13 the busy-wait gives up on !=: " + t.detail());
    }

    // ---- do_signal_stop: signal_group_exit(), and schedule() in TASK_STOPPED with SIGKILL pending ---

    private static final String STOP_KILL = "engine E1 preattached events=SIGNAL_ALL\ncallback E1 signal=RESUME\ntracee\n";

    @Test
    void doSignalStopGivesUpOnAnExitingGroup() {
        Fixture f = Fixture.of(STOP_KILL, ModelConfig.fullSeries())
            .set(SIGPENDING, Signals.SIGKILL).set(TIF, Tif.SIGPENDING).set(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT)
            .pc(0, TraceeSignal.GS_DELIVER);
        f.set(f.base(0) + 1 + Tracee.L_SIGNR, Signals.SIGSTOP);
        Transition t = f.step(0);
        assertEquals(TaskState.RUNNING, t.after().taskState(), "no group stop for an exiting group: " + t.detail());
        assertEquals(TraceeSignal.GS_HOOK, traceePc(f.model, t.after()));
    }

    @Test
    void scheduleInTaskStoppedDoesNotSleepWithSigkillPending() {
        Fixture f = Fixture.of(STOP_KILL, ModelConfig.fullSeries())
            .set(SIGPENDING, Signals.SIGKILL).set(TASK_STATE, TaskState.TASK_STOPPED).pc(0, TraceeStop.JC_SLEEP);
        Transition t = f.step(0);
        assertNotNull(t, "TASK_WAKEKILL: schedule() returns at once");
        assertEquals(TaskState.RUNNING, t.after().taskState());
        Fixture g = Fixture.of(STOP_KILL, ModelConfig.fullSeries()).set(TASK_STATE, TaskState.TASK_STOPPED)
            .pc(0, TraceeStop.JC_SLEEP);
        assertNull(g.step(0), "without SIGKILL the group stop holds");
    }

    // ---- utrace_stop: utrace_reset() unlocks, then utrace_flags is read again ----------------------

    @Test
    void aStopLandingBetweenUtraceResetAndTheRereadMakesTheTraceeRelock() {
        Model m = model("utrace-stop-relock", "all");
        int e2 = actor(m, "owner E2");
        List<Transition> p = Reach.find(m, (s, t) -> t.actor() == e2 && traceePc(m, s) == TraceeStop.STOP_RELOCK
            && noted(t, "utrace_control STOP returns -EINPROGRESS"));
        assertNotNull(p, "E2's STOP lands after utrace_reset() unlocked and before the re-read");
        State after = p.get(p.size() - 1).after();
        Transition relock = m.step(after, 0, true);
        assertTrue(noted(relock, "goto relock"), Reach.show(m, p) + relock.detail());
        Transition stop = m.step(relock.after(), 0, true);
        assertNotNull(stop);
        assertEquals(TraceeStop.STOP_SLEEP, traceePc(m, stop.after()), "it stops for E2 before any callback to E2");
    }

    /**
     * Finding 8 through the relock window: a fresh STOP (E2's callbacks resume, so E2 wanted no stop) lands
     * between utrace_reset()'s unlock and the re-read; the tracee relocks and sleeps for E2 alone, with E2
     * owed the callback -EINPROGRESS promised.
     */
    @Test
    void aFreshStopInTheRelockWindowLeavesItsEngineOwedACallback() {
        Model m = model("stop-einprogress-no-callback", "all");
        int e2 = actor(m, "owner E2");
        List<Transition> p = Reach.find(m, (s, t) -> t.actor() == e2 && traceePc(m, s) == TraceeStop.STOP_RELOCK
            && noted(t, "utrace_control STOP returns -EINPROGRESS"));
        assertNotNull(p, "E2's STOP lands after utrace_reset() unlocked and before the re-read");
        State after = p.get(p.size() - 1).after();
        assertTrue(after.engineHistory(1, EG_STOP_OWED), Reach.show(m, p));
        Transition relock = m.step(after, 0, true);
        assertTrue(noted(relock, "goto relock"), relock.detail());
        Transition stop = m.step(relock.after(), 0, true);
        assertTrue(m.traceeInUtraceStop(stop.after()));
        assertTrue(stop.after().engineHistory(1, EG_STOP_OWED), "no callback to E2 on the way");
        assertEquals(Ops.NULL, stop.after().engineOps(0), "E1 has detached: E2 alone keeps the tracee stopped");
    }

    // ---- finish_report: the lock-free test, then the locked write -----------------------------------

    @Test
    void finishReportOverwritesALowerResumeThatLandedAfterItsTest() {
        Model m = model("finish-report-vs-control", "all");
        List<Transition> p = Reach.find(m, (s, t) -> noted(t, "overwritten"));
        assertNotNull(p, "utrace_control(REPORT) between finish_report's test and its write");
        Transition w = p.get(p.size() - 1);
        assertEquals(TraceeReport.FIN_REPORT_LOCKED, traceePc(m, p.size() > 1 ? p.get(p.size() - 2).after() : m.initial()));
        assertEquals(Actions.SINGLESTEP, w.after().resume(), Reach.show(m, p));
    }

    // ---- PF_EXITING comes after utrace_report_exit -----------------------------------------------------

    /** The tracee is in its EXIT report pass (a callback step of the pass, or do_exit's hook). */
    private static boolean inExitReport(Model m, State s) {
        int pc = traceePc(m, s);
        if (pc == TraceeExit.EXIT_REPORT) return true;
        return pc >= TraceeReport.P_SET_REPORTING && pc <= TraceeReport.P_REREAD
            && traceeLocal(m, s, Tracee.L_KIND) != TraceeReport.K_SIGNAL && traceeLocal(m, s, Tracee.L_EVENT) == Events.EXIT;
    }

    @Test
    void ptraceUnlinkReinstatesTheGroupStopDuringTheExitReport() {
        Model m = model("ptrace-exit-during-exit-report", "all");
        List<Transition> p = Reach.find(m, (s, t) -> t.info().function().equals("exit_ptrace") && inExitReport(m, s)
            && !s.has(JOBCTL, JOBCTL_STOP_PENDING) && t.after().has(JOBCTL, JOBCTL_STOP_PENDING));
        assertNotNull(p, "not PF_EXITING yet: __ptrace_unlink reinstates JOBCTL_STOP_PENDING");
    }

    @Test
    void theTaskIsExitingFromExitNotifyOn() {
        Fixture f = Fixture.of("engine E1 preattached events=DEATH\ntracee exit\n", ModelConfig.fullSeries());
        for (int pc : new int[] {TraceeExit.EXIT_REPORT, TraceeExit.EXIT_NOTIFY}) {
            f.pc(0, pc);
            assertFalse(f.model.tracee().exitingIn(f.ctx(0)), "pc " + pc + ": exit_signals() has not run");
        }
        for (int pc : new int[] {TraceeExit.EXIT_UTRACE_NOTIFY, TraceeExit.DEATH_START, TraceeExit.DEAD}) {
            f.pc(0, pc);
            assertTrue(f.model.tracee().exitingIn(f.ctx(0)), "pc " + pc);
        }
        f.pc(0, TraceeReport.P_EVENT_CALL).set(f.base(0) + 1 + Tracee.L_EVENT, Events.EXIT);
        assertFalse(f.model.tracee().exitingIn(f.ctx(0)), "the EXIT report pass");
        f.set(f.base(0) + 1 + Tracee.L_EVENT, Events.DEATH);
        assertTrue(f.model.tracee().exitingIn(f.ctx(0)), "the DEATH report pass");
    }

    // ---- exit() is exit_group(), a system call: its entry hooks run before do_group_exit --------------

    @Test
    void exitGroupGetsItsSyscallEntryReportBeforeTheExit() {
        Model m = model("syscall-engine-sees-exit-group", "all");
        Transition first = m.step(m.initial(), 0, true);
        assertTrue(noted(first, "exit(42)"), first.detail());
        assertTrue(first.obs().stream().anyMatch(o -> o.kind() == Obs.Kind.REPORT_STARTED && o.code() == Events.SYSCALL_ENTRY),
            "the exit step is syscall_trace_enter's too: " + first.detail());
        List<Transition> p = Reach.find(m, (s, t) -> t.actor() == 0 && traceePc(m, t.after()) == TraceeExit.EXIT_REPORT);
        assertNotNull(p, "the task exits once E1 resumes it");
        assertTrue(p.stream().anyMatch(t -> t.obs().stream().anyMatch(o -> o.kind() == Obs.Kind.CALLBACK && o.code() == Events.SYSCALL_ENTRY)),
            "E1's report_syscall_entry comes before do_exit: " + Reach.show(m, p));
    }

    @Test
    void withNoHookArmedExitIsStillOneStep() {
        Fixture f = Fixture.of("engine E1 preattached events=DEATH\ntracee exit 3\n", ModelConfig.fullSeries());
        Transition t = f.step(0);
        assertEquals(TraceeExit.EXIT_REPORT, traceePc(f.model, t.after()), "straight to do_exit: " + t.detail());
    }

    @Test
    void underSysemuTheSystemCallsBodyDoesNotRun() {
        Fixture f = Fixture.of("tracee exit 3\nptrace attach; wait; sysemu; wait; cont\n", ModelConfig.fullSeries())
            .set(PTRACE, PT_PTRACED).set(TIF, Tif.SYSCALL_EMU);
        Transition t = f.step(0);
        assertEquals(TraceePtrace.PT_SYS_ENTRY, traceePc(f.model, t.after()), "ptrace's entry report: " + t.detail());
        assertEquals(0, traceeLocal(f.model, t.after(), Tracee.L_SYSOP), "ret = -1L: no exit_group body");
    }

    // ---- finish_resume_report: the SINGLESTEP skip is patch 27's ----------------------------------------

    @Test
    void beforePatch27UtraceEnablesTheStepEvenWhenPtraceWantsOne() {
        BiPredicateHolder enables = new BiPredicateHolder();
        assertNotNull(Reach.find(model("ptrace-singlestep-vs-utrace-singlestep", "without:27"), enables.p),
            "patches up to 26: user_enable_single_step() with PT_SINGLE_STEP set");
        assertNull(Reach.find(model("ptrace-singlestep-vs-utrace-singlestep", "all"), enables.p),
            "patch 27: !ptrace_wants_step(task) first");
    }

    /** finish_resume_report enabling stepping (history G_UTRACE_STEP) while ptrace wants a step. */
    private static final class BiPredicateHolder {
        final java.util.function.BiPredicate<State, Transition> p = (s, t) -> t.info().function().equals("finish_resume_report")
            && s.has(PTRACE, PT_SINGLE_STEP) && !s.has(G_PTRACE, G_UTRACE_STEP) && t.after().has(G_PTRACE, G_UTRACE_STEP);
    }
}

package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * task->jobctl (JobCtl): where the kernel sets and clears the bits, and
 * utrace_get_signal's "we must stop" test as patches 01, 09 and 20 write it.
 * The tracee is actor 0; its engine E1 intercepts every signal.
 */
class JobCtlTest {
    private static final String BODY = "engine E1 preattached events=SIGNAL_ALL\ncallback E1 signal=RESUME\ntracee\n";

    private static Fixture fx(String patches, String more) {
        return Fixture.of(BODY + more, ModelConfig.fullSeries().withPatches(Series.select(patches)));
    }

    private static int actor(Fixture f, String role) {
        for (int a = 0; a < f.model.actorCount(); a++) if (f.model.actorRole(a).equals(role)) return a;
        throw new AssertionError("no " + role);
    }

    private static Obs dequeued(Transition t) {
        for (Obs o : t.obs()) if (o.kind() == Obs.Kind.DEQUEUE) return o;
        return null;
    }

    /** The tracee at the top of get_signal_to_deliver's loop with SIGUSR1 queued and this jobctl. */
    private static Transition getSignal(String patches, int jobctl, int ptrace) {
        Fixture f = fx(patches, "")
            .set(JOBCTL, jobctl).set(PTRACE, ptrace).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED)
            .set(SIGPENDING, Signals.SIGUSR1 | Signals.SIGSTOP).set(TIF, Tif.SIGPENDING).pc(0, TraceeSignal.GS_HOOK);
        assertEquals(Events.SIGNAL_ALL, f.get(UTRACE_FLAGS) & Events.SIGNAL_ALL, "the engine intercepts signals");
        return throughTheSiglockHold(f);
    }

    /**
     * utrace_get_signal's first test (resume, pending_attach, signal_handler) and, siglock still held, the
     * utrace_flags re-read and the rest (GS_STEAL): the second step's transition.
     */
    private static Transition throughTheSiglockHold(Fixture f) {
        Transition test = f.step(0);
        assertEquals(TraceeSignal.GS_STEAL, test.after().get(f.base(0)), test.detail());
        return f.model.step(test.after(), 0, true);
    }

    @Test
    void stopPendingLetsTheGroupStopFromPatch09() {
        for (String p : new String[] {"all", "upto:19"}) {
            Transition t = getSignal(p, JOBCTL_STOP_PENDING, 0);
            assertNull(dequeued(t), p + ": utrace_get_signal must not steal a signal");
            assertEquals(TaskState.TASK_STOPPED, t.after().taskState(), p + ": do_signal_stop(0)");
            assertEquals(0, t.after().get(JOBCTL) & JOBCTL_STOP_PENDING, p + ": task_participate_group_stop");
            assertEquals(Signals.SIGUSR1 | Signals.SIGSTOP, t.after().pendingSignals(), p);
        }
    }

    @Test
    void beforePatch09GroupStopCountMissesAReinstatedStopPending() {
        Transition t = getSignal("without:9", JOBCTL_STOP_PENDING, 0);
        Obs o = dequeued(t);
        assertNotNull(o, "group_stop_count is 0: utrace dequeues for its engine");
        assertEquals(Signals.SIGUSR1, o.code());
        assertEquals(JOBCTL_STOP_PENDING, o.aux() & JOBCTL_PENDING_MASK);
        assertEquals(TaskState.RUNNING, t.after().taskState());
    }

    @Test
    void trapStopMakesTheGroupStopTrapFirstFromPatch20() {
        Transition t = getSignal("all", JOBCTL_TRAP_STOP, PT_PTRACED);
        assertNull(dequeued(t));
        assertEquals(TaskState.TASK_TRACED, t.after().taskState(), "do_jobctl_trap -> ptrace_stop");
        assertEquals(19, t.after().get(EXIT_CODE), "the tracer's wait() collects it: SIGSTOP (19), the stop signal");
        assertEquals(0, t.after().get(JOBCTL) & JOBCTL_TRAP_STOP, "any trap clears the pending STOP trap");
        assertTrue(t.obs().contains(Obs.ptraceStop(Obs.PTRACE_STOP_GROUP, Signals.SIGSTOP)));
    }

    @Test
    void withOnlyStopPendingTestedATrapIsOvertaken() {
        for (String p : new String[] {"without:20", "upto:19", "without:9"}) {
            Obs o = dequeued(getSignal(p, JOBCTL_TRAP_STOP, PT_PTRACED));
            assertNotNull(o, p + ": utrace_get_signal steals a signal before the trap");
            assertEquals(JOBCTL_TRAP_STOP, o.aux() & JOBCTL_PENDING_MASK, p);
        }
    }

    @Test
    void ptracedStopPendingBecomesTheGroupStopTrap() {
        // do_signal_stop(0) of a ptraced task sets JOBCTL_TRAP_STOP and returns 0; under the same
        // siglock hold the loop goes on to do_jobctl_trap, whose CLD_STOPPED trap joins the stop.
        Transition t = getSignal("all", JOBCTL_STOP_PENDING, PT_PTRACED);
        assertNull(dequeued(t));
        assertEquals(TaskState.TASK_TRACED, t.after().taskState());
        assertEquals(0, t.after().get(JOBCTL) & JOBCTL_PENDING_MASK);
        assertTrue(t.obs().contains(Obs.ptraceStop(Obs.PTRACE_STOP_GROUP, Signals.SIGSTOP)));
    }

    @Test
    void attachToAStoppedTaskArmsTheTrapAndWakesIt() {
        Fixture f = fx("all", "ptrace attach\n").set(TASK_STATE, TaskState.TASK_STOPPED)
            .set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED).pc(0, TraceeStop.JC_SLEEP);
        State s = f.step(actor(f, "ptrace")).after();
        assertEquals(JOBCTL_TRAP_STOP | JOBCTL_TRAPPING, s.get(JOBCTL), "the attach then waits for TRAPPING to clear");
        assertEquals(TaskState.RUNNING, s.taskState(), "ptrace_signal_wake_up(task, 1)");
        assertTrue((s.tif() & Tif.SIGPENDING) != 0);

        Fixture running = fx("all", "ptrace attach\n");
        assertEquals(0, running.step(actor(running, "ptrace")).after().get(JOBCTL), "a running task gets no trap");
    }

    @Test
    void detachFromAStoppedGroupReinstatesStopPending() {
        for (boolean stoppedGroup : new boolean[] {true, false}) {
            Fixture f = fx("all", "ptrace detach\n").set(PTRACE, PT_PTRACED).set(TASK_STATE, TaskState.TASK_TRACED)
                .set(JOBCTL, JOBCTL_TRAP_STOP).set(SIGNAL_FLAGS, stoppedGroup ? SIGNAL_STOP_STOPPED : 0)
                .pc(0, TraceePtrace.PT_STOP_SLEEP);
            int pt = actor(f, "ptrace");
            State s = f.state();
            // ptrace_check_attach, then ptrace_detach's three critical sections
            for (int i = 0; i < 4; i++) s = f.model.step(s, pt, true).after();
            assertEquals("done", f.model.where(s, pt));
            assertEquals(0, s.get(PTRACE));
            assertEquals(stoppedGroup ? JOBCTL_STOP_PENDING : 0, s.get(JOBCTL), "stopped group: " + stoppedGroup);
            assertEquals(TaskState.RUNNING, s.taskState());
        }
    }

    @Test
    void sigcontAndSigkillClearTheJobctlBits() {
        Fixture cont = fx("all", "killer SIGCONT\n").set(JOBCTL, JOBCTL_STOP_PENDING | JOBCTL_STOP_DEQUEUED | JOBCTL_TRAP_STOP);
        assertEquals(JOBCTL_TRAP_STOP, cont.step(actor(cont, "killer")).after().get(JOBCTL),
            "task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING) also clears STOP_DEQUEUED");
        Fixture kill = fx("all", "killer SIGKILL\n").set(JOBCTL, JOBCTL_STOP_PENDING | JOBCTL_STOP_DEQUEUED | JOBCTL_TRAP_STOP);
        assertEquals(0, kill.step(actor(kill, "killer")).after().get(JOBCTL), "complete_signal clears JOBCTL_PENDING_MASK");
    }

    @Test
    void dequeuingSigstopMarksItDequeued() {
        Fixture f = fx("all", "").set(SIGPENDING, Signals.SIGSTOP).set(TIF, Tif.SIGPENDING).pc(0, TraceeSignal.GS_HOOK);
        Transition t = throughTheSiglockHold(f);
        assertEquals(Signals.SIGSTOP, dequeued(t).code());
        assertEquals(JOBCTL_STOP_DEQUEUED, t.after().get(JOBCTL));
    }

    @Test
    void recalcSigpendingKeepsTifSigpendingWhileJobControlIsDue() {
        Fixture f = fx("all", "").set(JOBCTL, JOBCTL_STOP_PENDING).set(TIF, Tif.SIGPENDING);
        Utrace.recalcSigpending(f.ctx(0));
        assertTrue(f.has(TIF, Tif.SIGPENDING));
        f.set(JOBCTL, JOBCTL_STOP_DEQUEUED);
        Utrace.recalcSigpending(f.ctx(0));
        assertFalse(f.has(TIF, Tif.SIGPENDING), "STOP_DEQUEUED is not job control still to do");
    }
}

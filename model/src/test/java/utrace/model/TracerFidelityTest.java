package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * Issue 13's rows that the tracer side owns, each against kernel/signal.c and
 * kernel/ptrace.c of 3.1: ptrace_signal() when the tracer goes away,
 * ptrace_detach() in three critical sections, ptrace_attach()'s SIGCONT flush
 * and fatal-signal refusal, and the private/shared signal queues with
 * recalc_sigpending_tsk().
 */
class TracerFidelityTest {
    private static final String ATTACH_THEN_EXIT = "tracee\nptrace attach; %sexit after tracee:traced\n";

    @Test
    void anUncollectedSignalIsDeliveredWhenTheTracerExits() {
        Runs r = Runs.of(String.format(ATTACH_THEN_EXIT, ""));
        assertFalse(r.finals.isEmpty());
        for (State s : r.finals) {
            assertTrue(r.model.traceeInGroupStopSleep(s), "exit_code (SIGSTOP) survives __ptrace_unlink: the group stops");
            assertTrue(s.has(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED));
            assertEquals(0, s.get(PTRACE));
        }
    }

    @Test
    void aCollectedSignalIsNotDeliveredAgainWhenTheTracerExits() {
        Runs r = Runs.of(String.format(ATTACH_THEN_EXIT, "wait; "));
        for (State s : r.finals) {
            assertFalse(r.model.traceeInGroupStopSleep(s), "wait() cleared exit_code: ptrace_signal returns 0, the tracee runs on");
            assertTrue(r.model.traceeIdle(s));
        }
    }

    @Test
    void ptraceStopKeepsASignalsExitCodeWhenTheTracerIsGoneButNotASyscallStops() {
        // may_ptrace_stop() fails: "we keep current->exit_code unless clear_code" (ptrace_notify's)
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(TASK_STATE, TaskState.TASK_TRACED)
            .set(EXIT_CODE, 10).pc(0, TraceePtrace.PT_STOP_DECIDE);
        f.set(f.base(0) + 1 + Tracee.L_PT_WHY, Obs.PTRACE_STOP_SIGNAL);
        assertEquals(10, f.step(0).after().get(EXIT_CODE));
        f.set(f.base(0) + 1 + Tracee.L_PT_WHY, Obs.PTRACE_STOP_SYSCALL);
        assertEquals(0, f.step(0).after().get(EXIT_CODE));
    }

    @Test
    void ptraceDetachRunsInThreeCriticalSections() {
        // A SIGKILL can land after ptrace_check_attach: between the sections the tracee dies, and the
        // last section finds a traced zombie ("This child can be already killed").
        Runs r = Runs.of("tracee\nptrace attach; wait; detach\nkiller SIGKILL after ptrace:2\nparent wait\n");
        int pt = r.actor("ptrace");
        boolean zombieAtUnlink = false;
        boolean killedBeforeSyscallTrace = false;
        for (State s : r.states) {
            int pc = s.get(r.model.actorBase(pt));
            zombieAtUnlink |= pc == 6 && s.exitState() == TaskState.EXIT_ZOMBIE;
            killedBeforeSyscallTrace |= pc == 5 && (s.pendingSignals() & Signals.SIGKILL) != 0;
        }
        assertTrue(killedBeforeSyscallTrace, "SIGKILL between ptrace_disable and ptrace_set_syscall_trace");
        assertTrue(zombieAtUnlink, "the tracee died before the tasklist_lock section");
        for (State s : r.finals) {
            // detached in time: handed back to the parent, which reaps it; killed before the detach's
            // ptrace_check_attach (-ESRCH): a traced zombie its (live) tracer still holds
            assertTrue(s.exitState() == TaskState.EXIT_DEAD || (s.exitState() == TaskState.EXIT_ZOMBIE && s.has(PTRACE, PT_PTRACED)),
                TaskState.exitName(s.exitState()));
        }
    }

    @Test
    void attachsSigstopFlushesAPendingSigcontFromBothQueues() {
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries())
            .set(SIGPENDING, Signals.SIGCONT).set(SHARED_PENDING, Signals.SIGCONT | Signals.SIGUSR1);
        State s = f.step(1).after();
        assertEquals(Signals.SIGSTOP, s.pendingSignals(), "send_sig_info(SIGSTOP) to the task: task->pending");
        assertEquals(Signals.SIGUSR1, s.get(SHARED_PENDING), "prepare_signal: rm_from_queue(SIGCONT) on both queues");
    }

    @Test
    void attachDoesNotArmTheTrapOfADyingStoppedTask() {
        // task_set_jobctl_pending(): "If @task is already being killed or exiting, this function becomes
        // noop". One thread: a SIGKILL wakes TASK_STOPPED at once, so only a hand-built state has both.
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(TASK_STATE, TaskState.TASK_STOPPED)
            .set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED).set(SIGPENDING, Signals.SIGKILL).pc(0, TraceeStop.JC_SLEEP);
        State s = f.step(1).after();
        assertEquals(0, s.get(JOBCTL) & (JOBCTL_TRAP_STOP | JOBCTL_TRAPPING));
        assertEquals(TaskState.TASK_STOPPED, s.taskState(), "no ptrace_signal_wake_up");
        assertEquals("done", f.model.where(s, 1), "no wait for JOBCTL_TRAPPING either");

        Fixture alive = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(TASK_STATE, TaskState.TASK_STOPPED)
            .set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED).pc(0, TraceeStop.JC_SLEEP);
        State t = alive.step(1).after();
        assertEquals(JOBCTL_TRAP_STOP | JOBCTL_TRAPPING, t.get(JOBCTL));
        assertNull(alive.model.step(t, 1), "PTRACE_ATTACH waits in wait_on_bit(JOBCTL_TRAPPING)");
    }

    @Test
    void privateSignalsAreDequeuedBeforeSharedOnes() {
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(SIGPENDING, Signals.SIGSTOP)
            .set(SHARED_PENDING, Signals.SIGINT).set(TIF, Tif.SIGPENDING).pc(0, TraceeSignal.GS_HOOK);
        Transition t = f.step(0);
        Obs o = t.obs().stream().filter(x -> x.kind() == Obs.Kind.DEQUEUE).findFirst().orElseThrow();
        assertEquals(Signals.SIGSTOP, o.code(), "task->pending first, though SIGINT (2) < SIGSTOP (19)");
        assertEquals(Signals.SIGINT, t.after().get(SHARED_PENDING));
    }

    @Test
    void recalcSigpendingTskNeverClearsTifSigpending() {
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(TIF, Tif.SIGPENDING);
        Utrace.recalcSigpendingTsk(f.ctx(0));
        assertTrue(f.has(TIF, Tif.SIGPENDING), "recalc_sigpending_tsk: \"This sets TIF_SIGPENDING, but never clears it\"");
        Utrace.recalcSigpending(f.ctx(0));
        assertFalse(f.has(TIF, Tif.SIGPENDING), "recalc_sigpending() of current clears it");
        f.set(SHARED_PENDING, Signals.SIGUSR1);
        Utrace.recalcSigpendingTsk(f.ctx(0));
        assertTrue(f.has(TIF, Tif.SIGPENDING), "the shared queue counts");
    }

    @Test
    void ptraceStopEndsWithRecalcSigpendingTsk() {
        Fixture f = Fixture.of("tracee\nptrace attach\n", ModelConfig.fullSeries()).set(TIF, Tif.SIGPENDING)
            .pc(0, TraceePtrace.PT_STOP_AFTER);
        f.set(f.base(0) + 1 + Tracee.L_PT_WHY, Obs.PTRACE_STOP_GROUP).set(f.base(0) + 1 + Tracee.L_PT_CONT, TraceeSignal.GS_HOOK);
        assertTrue((f.step(0).after().tif() & Tif.SIGPENDING) != 0, "nothing pending, and still set");
    }
}

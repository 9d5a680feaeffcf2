package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * The tracee's read() and pause(): wait_event_interruptible's sleep, the -ERESTARTSYS / -ERESTARTNOHAND a
 * signal wake-up makes them return, and x86 do_signal / handle_signal settling that return (restart, or -EINTR
 * after a pause's handler). End to end: syscall-restart on eintr-on-attach and the matrix scenarios, with the
 * mutations read-returns-eintr, signal-skips-restart and handler-restarts-nohand.
 */
class SleepingSyscallTest {
    private static final int TRACEE = 0;

    private static Fixture asleepIn(TraceeOp.Kind kind, int ret) {
        Fixture f = Fixture.of("engine E1\ntracee " + kind.word + " exit 7\n", ModelConfig.fullSeries());
        f.set(f.base(TRACEE) + 1 + Tracee.L_SCRIPT, 1); // the call is the script's first operation, already begun
        f.set(f.base(TRACEE) + 1 + Tracee.L_SYSOP, new TraceeOp(kind, ret).encode());
        return f;
    }

    private static int local(Fixture f, State s, int i) {
        return s.get(f.base(TRACEE) + 1 + i);
    }

    @Test
    void theCallSleepsUntilASignalWakesIt() {
        Fixture f = asleepIn(TraceeOp.Kind.READ, 0).pc(TRACEE, TraceeSyscall.SYS_SLEEP);
        State s = f.step(TRACEE).after();
        assertEquals(TaskState.INTERRUPTIBLE, s.taskState());
        assertEquals(TraceeSyscall.SYS_SLEEP, s.get(f.base(TRACEE)));
        assertNull(f.set(TASK_STATE, TaskState.INTERRUPTIBLE).step(TRACEE), "asleep: only signal_wake_up ends it");
    }

    @Test
    void aPendingSignalMakesItReturnErestartsysWithoutSleeping() {
        Fixture f = asleepIn(TraceeOp.Kind.READ, 0).pc(TRACEE, TraceeSyscall.SYS_SLEEP).set(TIF, Tif.SIGPENDING);
        State s = f.step(TRACEE).after();
        assertEquals(TaskState.RUNNING, s.taskState());
        assertEquals(TraceeSyscall.SYS_EXIT, s.get(f.base(TRACEE)), "the exit hooks come next");
        assertEquals(new TraceeOp(TraceeOp.Kind.READ, TraceeOp.RET_INTERRUPTED).encode(), local(f, s, Tracee.L_SYSOP));
    }

    @Test
    void noSignalToDeliverRestartsTheCall() {
        Fixture f = asleepIn(TraceeOp.Kind.PAUSE, TraceeOp.RET_INTERRUPTED).pc(TRACEE, TraceeSignal.GS_HOOK).set(TIF, Tif.SIGPENDING);
        Transition t = f.step(TRACEE);
        assertEquals(TraceeSyscall.EXIT_TO_USER, t.after().get(f.base(TRACEE)));
        assertEquals(0, local(f, t.after(), Tracee.L_SCRIPT), "regs->ip -= 2: the program runs the call again");
        assertEquals(0, local(f, t.after(), Tracee.L_SYSOP));
        assertTrue(t.obs().contains(Obs.syscallResult(TraceeOp.Kind.PAUSE, Obs.SYSCALL_RESTARTED, false)), t.obs().toString());
    }

    @Test
    void aHandlerMakesPauseReturnEintrAndRestartsRead() {
        Fixture pause = asleepIn(TraceeOp.Kind.PAUSE, TraceeOp.RET_INTERRUPTED).pc(TRACEE, TraceeSignal.GS_HANDLER);
        State s = pause.step(TRACEE).after();
        assertEquals(1, local(pause, s, Tracee.L_SCRIPT), "pause() returns: the program goes on after it");
        assertEquals(new TraceeOp(TraceeOp.Kind.PAUSE, TraceeOp.RET_EINTR_AFTER_HANDLER).encode(), local(pause, s, Tracee.L_SYSOP));

        Fixture read = asleepIn(TraceeOp.Kind.READ, TraceeOp.RET_INTERRUPTED).pc(TRACEE, TraceeSignal.GS_HANDLER);
        Transition t = read.step(TRACEE);
        assertEquals(0, local(read, t.after(), Tracee.L_SCRIPT), "SA_RESTART: the read runs again after the handler");
        assertTrue(t.obs().contains(Obs.syscallResult(TraceeOp.Kind.READ, Obs.SYSCALL_RESTARTED, true)), t.obs().toString());
    }

    @Test
    void theProgramSeesEintrOnlyAtItsReturnToUserMode() {
        Fixture f = asleepIn(TraceeOp.Kind.PAUSE, TraceeOp.RET_EINTR_AFTER_HANDLER).pc(TRACEE, TraceeSyscall.EXIT_TO_USER);
        Transition t = f.step(TRACEE);
        assertEquals(TraceeSyscall.USER, t.after().get(f.base(TRACEE)));
        assertEquals(0, local(f, t.after(), Tracee.L_SYSOP));
        assertTrue(t.obs().contains(Obs.syscallResult(TraceeOp.Kind.PAUSE, Obs.SYSCALL_EINTR, true)), t.obs().toString());
    }

    @Test
    void anUnsettledReturnReachingUserModeIsObserved() {
        // what signal-skips-restart does: nothing settled the -ERESTARTSYS before the return to user mode
        Fixture f = asleepIn(TraceeOp.Kind.READ, TraceeOp.RET_INTERRUPTED).pc(TRACEE, TraceeSyscall.EXIT_TO_USER);
        Transition t = f.step(TRACEE);
        assertTrue(t.obs().contains(Obs.syscallResult(TraceeOp.Kind.READ, Obs.SYSCALL_ERESTART, false)), t.obs().toString());
    }

    @Test
    void aSleepingTaskIsOffTheCpuForWaitTaskInactive() {
        Fixture f = asleepIn(TraceeOp.Kind.PAUSE, 0).pc(TRACEE, TraceeSyscall.SYS_SLEEP).set(TASK_STATE, TaskState.INTERRUPTIBLE);
        State s = f.state();
        assertTrue(f.model.traceeSleepingInSyscall(s));
        assertNull(f.model.stuckProblem(s), "waiting for data or a signal that may never come is no deadlock");
    }

    @Test
    void asleepWithASignalPendingIsALostWakeup() {
        Fixture f = asleepIn(TraceeOp.Kind.READ, 0).pc(TRACEE, TraceeSyscall.SYS_SLEEP).set(TASK_STATE, TaskState.INTERRUPTIBLE)
            .set(TIF, Tif.SIGPENDING);
        State s = f.state();
        assertNotNull(f.model.traceeLostWakeup(s), "signal_wake_up sets TIF_SIGPENDING before it wakes the task");
        assertNotNull(f.model.stuckProblem(s));
    }

    @Test
    void testingBeforeSettingTheStateOpensTheWindow() {
        Fixture f = Fixture.of("engine E1\ntracee read\n", ModelConfig.fullSeries().withMutations(
            java.util.EnumSet.of(Mutation.SLEEP_TESTS_BEFORE_STATE)));
        f.set(f.base(TRACEE) + 1 + Tracee.L_SCRIPT, 1);
        f.set(f.base(TRACEE) + 1 + Tracee.L_SYSOP, new TraceeOp(TraceeOp.Kind.READ, 0).encode());
        State tested = f.pc(TRACEE, TraceeSyscall.SYS_SLEEP).step(TRACEE).after();
        assertEquals(TraceeSyscall.SYS_SLEEP_LATE, tested.get(f.base(TRACEE)), "the test is a step of its own");
        assertEquals(TaskState.RUNNING, tested.taskState(), "still running: a signal_wake_up now wakes nobody");
    }
}

package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * task->blocked (the tracee's {@code block SIG} / {@code unblock SIG}, ptrace-tests
 * ptrace_cont-defeats-sigblock): a blocked signal is queued without a wake-up
 * (complete_signal's wants_signal), is skipped by dequeue_signal and by
 * recalc_sigpending, and sigprocmask's recalc_sigpending makes it pending once
 * unblocked. ptrace_signal's requeue is checked end to end by the scenario
 * (PtraceTestsTest) and its mutation blocked-signal-delivered.
 */
class BlockedSignalTest {
    private static final int TRACEE = 0;
    private static final int KILLER = 1;

    /** The tracee blocks SIGUSR1 (its script says so, so the model keeps task->blocked); a killer sends SIGUSR1. */
    private static Fixture blocking(boolean blocked) {
        Fixture f = Fixture.of("engine E1\ntracee block SIGUSR1 unblock SIGUSR1\nkiller tkill:SIGUSR1\n", ModelConfig.fullSeries());
        assertEquals("killer", f.model.actorRole(KILLER));
        return f.set(f.model.blockedSlot(), blocked ? Signals.SIGUSR1 : 0);
    }

    @Test
    void aBlockedSignalIsQueuedButWakesNobody() {
        State s = blocking(true).set(TASK_STATE, TaskState.INTERRUPTIBLE).step(KILLER).after();
        assertEquals(Signals.SIGUSR1, s.pendingSignals(), "send_signal queues it all the same");
        assertEquals(0, s.tif() & Tif.SIGPENDING, "wants_signal() is 0 for a blocked signal: no signal_wake_up");
        assertEquals(TaskState.INTERRUPTIBLE, s.taskState(), "the sleeper is not woken");
    }

    @Test
    void theSameSignalUnblockedWakesTheTask() {
        State s = blocking(false).set(TASK_STATE, TaskState.INTERRUPTIBLE).step(KILLER).after();
        assertNotEquals(0, s.tif() & Tif.SIGPENDING);
        assertEquals(TaskState.RUNNING, s.taskState());
    }

    @Test
    void dequeueSkipsABlockedSignalAndRecalcClearsTifSigpending() {
        Fixture f = blocking(true).set(SIGPENDING, Signals.SIGUSR1).set(TIF, Tif.SIGPENDING).pc(TRACEE, TraceeSignal.GS_HOOK);
        State s = f.step(TRACEE).after();
        assertEquals(TraceeSyscall.EXIT_TO_USER, s.get(f.base(TRACEE)), "no signal to deliver: back towards user mode");
        assertEquals(Signals.SIGUSR1, s.pendingSignals(), "the blocked signal stays queued");
        assertEquals(0, s.tif() & Tif.SIGPENDING, "recalc_sigpending: nothing the task does not block is pending");
    }

    @Test
    void unblockingMakesTheQueuedSignalPending() {
        Fixture f = blocking(true).set(SIGPENDING, Signals.SIGUSR1).pc(TRACEE, TraceeSyscall.SYS_BODY);
        f.set(f.base(TRACEE) + 1 + Tracee.L_SYSOP, new TraceeOp(TraceeOp.Kind.UNBLOCK, Signals.SIGUSR1).encode());
        State s = f.step(TRACEE).after();
        assertEquals(0, f.model.blockedSignals(s));
        assertNotEquals(0, s.tif() & Tif.SIGPENDING, "set_current_blocked's recalc_sigpending()");
        assertEquals(TraceeSyscall.SYS_EXIT, s.get(f.base(TRACEE)));
    }

    @Test
    void blockingHidesASignalAlreadyPending() {
        Fixture f = blocking(false).set(SIGPENDING, Signals.SIGUSR1).set(TIF, Tif.SIGPENDING).pc(TRACEE, TraceeSyscall.SYS_BODY);
        f.set(f.base(TRACEE) + 1 + Tracee.L_SYSOP, new TraceeOp(TraceeOp.Kind.BLOCK, Signals.SIGUSR1).encode());
        State s = f.step(TRACEE).after();
        assertEquals(Signals.SIGUSR1, f.model.blockedSignals(s));
        assertEquals(0, s.tif() & Tif.SIGPENDING, "recalc_sigpending() clears it: the only pending signal is blocked");
        assertEquals(Signals.SIGUSR1, s.pendingSignals());
    }

    @Test
    void sigprocmaskTakesTheSiglock() {
        Fixture f = blocking(false).pc(TRACEE, TraceeSyscall.SYS_BODY).set(LOCK_SIGLOCK, KILLER + 1);
        f.set(f.base(TRACEE) + 1 + Tracee.L_SYSOP, new TraceeOp(TraceeOp.Kind.BLOCK, Signals.SIGUSR1).encode());
        assertNull(f.step(TRACEE), "set_current_blocked() runs under siglock");
    }

    /** A scenario that never blocks a signal has no task->blocked slot: its states, fingerprints and traces are as before. */
    @Test
    void onlyAScenarioThatBlocksKeepsTheMask() throws Exception {
        Model plain = new Model(ScenarioParser.parse("t", "scenario t\nengine E1\ntracee raise SIGUSR1\n"), ModelConfig.fullSeries());
        Model masked = new Model(ScenarioParser.parse("t", "scenario t\nengine E1\ntracee block SIGUSR1 raise SIGUSR1\n"), ModelConfig.fullSeries());
        assertEquals(-1, plain.blockedSlot());
        assertEquals(0, plain.blockedSignals(plain.initial()));
        assertFalse(plain.describe(plain.initial()).containsKey("task.blocked"));
        assertEquals(plain.stateSize() + 1, masked.stateSize());
        assertEquals("{}", masked.describe(masked.initial()).get("task.blocked"));
    }
}

package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The small helpers of kernel/utrace.c (patch 01) and recalc_sigpending (patch 05), each against the seed. */
class UtraceHelpersTest {
    private static final int OWNER = 1;

    private static Fixture fx() {
        return Fixture.threeEngines().lockedBy(OWNER).attach(0, Events.QUIESCE);
    }

    // ---- utrace_do_stop(): "if (task_is_stopped(target)) { siglock; __set_task_state(target, TASK_TRACED) }
    //      else if (utrace->resume > UTRACE_REPORT) { resume = UTRACE_REPORT; set_notify_resume() }
    //      return task_is_traced(target);"

    @Test
    void doStopTurnsAJobControlStopIntoATracingStop() {
        Fixture f = fx().set(TASK_STATE, TaskState.TASK_STOPPED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        assertTrue(Utrace.utraceDoStop(f.ctx(OWNER)), "returns task_is_traced()");
        assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE));
        assertEquals(Actions.RESUME, f.get(RESUME), "the stopped branch does not touch utrace->resume");
        assertFalse(f.has(TIF, Tif.NOTIFY_RESUME));
    }

    @ParameterizedTest(name = "resume={0}")
    @ValueSource(ints = {Actions.SINGLESTEP, Actions.BLOCKSTEP, Actions.RESUME})
    void doStopAsksARunningTaskForAReport(int resume) {
        Fixture f = fx().set(RESUME, resume);
        assertFalse(Utrace.utraceDoStop(f.ctx(OWNER)), "a running task is not stopped yet");
        assertEquals(Actions.REPORT, f.get(RESUME));
        assertTrue(f.has(TIF, Tif.NOTIFY_RESUME), "set_notify_resume()");
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
    }

    @ParameterizedTest(name = "resume={0}")
    @ValueSource(ints = {Actions.STOP, Actions.INTERRUPT, Actions.REPORT})
    void doStopNeverRaisesResumeAboveWhatIsAlreadyAsked(int resume) {
        Fixture f = fx().set(RESUME, resume);
        assertFalse(Utrace.utraceDoStop(f.ctx(OWNER)));
        assertEquals(resume, f.get(RESUME), "only resume > UTRACE_REPORT is lowered to REPORT");
        assertFalse(f.has(TIF, Tif.NOTIFY_RESUME), "no set_notify_resume() when resume is left alone");
    }

    @Test
    void doStopOnATracedTaskReportsStoppedAndStillLowersResume() {
        // The C reaches the else-if for a TASK_TRACED task too (task_is_stopped() is false).
        Fixture f = fx().set(TASK_STATE, TaskState.TASK_TRACED);
        assertTrue(Utrace.utraceDoStop(f.ctx(OWNER)));
        assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE));
        assertEquals(Actions.REPORT, f.get(RESUME));
        assertTrue(f.has(TIF, Tif.NOTIFY_RESUME));
    }

    // ---- mark_engine_detached(): "engine->ops = &utrace_detached_ops; smp_wmb(); engine->flags = UTRACE_EVENT(QUIESCE);"

    @Test
    void markEngineDetachedInstallsDetachedOpsAndOnlyQuiesce() {
        Fixture f = fx().attach(1, Events.SYSCALL | Events.DEATH | Events.ENGINE_STOP);
        Utrace.markEngineDetached(f.ctx(OWNER), 1);
        assertEquals(Ops.DETACHED, f.eget(1, E_OPS));
        assertEquals(Events.QUIESCE, f.eget(1, E_FLAGS), "ENGINE_STOP and every event bit but QUIESCE are gone");
        assertTrue(EngineList.contains(f.get(ATTACHED), 1), "still on the list until utrace_reset");
        assertEquals(1, f.eget(1, E_REF), "no reference dropped yet");
    }

    // ---- mark_engine_wants_stop() / clear_engine_wants_stop(): only utrace_reset clears it in utrace_flags

    @Test
    void engineStopBitBookkeeping() {
        Fixture f = fx();
        Ctx c = f.ctx(OWNER);
        Utrace.markEngineWantsStop(c, 0);
        assertTrue(Utrace.engineWantsStop(c, 0));
        assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
        Utrace.clearEngineWantsStop(c, 0);
        assertFalse(Utrace.engineWantsStop(c, 0));
        assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP), "clear_engine_wants_stop leaves utrace_flags alone");
        assertEquals(Events.QUIESCE, f.eget(0, E_FLAGS));
    }

    // ---- start_report(): "if (pending_attach || (resume > INTERRUPT && resume < RESUME)) { lock; splice;
    //      resume = utrace->resume; if (resume > UTRACE_INTERRUPT) utrace->resume = UTRACE_RESUME; unlock } return resume;"

    @Test
    void startReportSplicesPendingAttach() {
        Fixture f = fx().attaching(1, Events.SYSCALL_EXIT).attaching(2, Events.EXEC);
        assertTrue(Utrace.startReportLocks(f.ctx(0)));
        assertEquals(Actions.RESUME, Utrace.startReport(f.ctx(0)));
        assertEquals("[E1,E2,E3]", EngineList.format(f.get(ATTACHED), f.model::engineName), "list_splice_tail, in order");
        assertEquals(EngineList.EMPTY, f.get(ATTACHING));
        assertFalse(f.has(UBITS, U_PENDING_ATTACH));
    }

    @ParameterizedTest(name = "resume={0}")
    @ValueSource(ints = {Actions.REPORT, Actions.SINGLESTEP, Actions.BLOCKSTEP})
    void startReportTakesOverAPendingReportOrStep(int resume) {
        Fixture f = fx().set(RESUME, resume).attaching(1, Events.QUIESCE);
        f.set(UBITS, 0); // no pending_attach: the resume value alone makes it lock
        assertTrue(Utrace.startReportLocks(f.ctx(0)));
        assertEquals(resume, Utrace.startReport(f.ctx(0)), "returns the old resume action");
        assertEquals(Actions.RESUME, f.get(RESUME), "and resets utrace->resume to UTRACE_RESUME");
        assertTrue(EngineList.contains(f.get(ATTACHED), 1), "splice_attaching runs under the lock too");
    }

    @Test
    void startReportLeavesInterruptForUtraceGetSignal() {
        Fixture f = fx().set(RESUME, Actions.INTERRUPT);
        assertFalse(Utrace.startReportLocks(f.ctx(0)), "INTERRUPT alone does not take the lock");
        assertEquals(Actions.INTERRUPT, Utrace.startReport(f.ctx(0)));
        assertEquals(Actions.INTERRUPT, f.get(RESUME));

        Fixture g = fx().set(RESUME, Actions.INTERRUPT).attaching(1, Events.QUIESCE);
        assertTrue(Utrace.startReportLocks(g.ctx(0)));
        assertEquals(Actions.INTERRUPT, Utrace.startReport(g.ctx(0)));
        assertEquals(Actions.INTERRUPT, g.get(RESUME), "not > UTRACE_INTERRUPT: left for utrace_get_signal");
        assertTrue(EngineList.contains(g.get(ATTACHED), 1));
    }

    @Test
    void startReportWithNothingPendingIsLockFreeAndChangesNothing() {
        Fixture f = fx();
        int[] before = f.v.clone();
        assertFalse(Utrace.startReportLocks(f.ctx(0)));
        assertEquals(Actions.RESUME, Utrace.startReport(f.ctx(0)));
        assertArrayEquals(before, f.v);
    }

    // ---- recalc_sigpending() with patch 05: "if (task_utrace_flags(current) && utrace_interrupt_pending())
    //      { set_thread_flag(TIF_SIGPENDING); return; }" then the normal computation.

    @Test
    void recalcSigpendingKeepsSigpendingWhileResumeIsInterrupt() {
        Fixture f = fx().set(RESUME, Actions.INTERRUPT).set(TIF, Tif.SIGPENDING);
        Utrace.recalcSigpending(f.ctx(0));
        assertTrue(f.has(TIF, Tif.SIGPENDING), "a lost UTRACE_INTERRUPT is what patch 05 prevents");

        Fixture g = fx().set(RESUME, Actions.INTERRUPT);
        Utrace.recalcSigpending(g.ctx(0));
        assertTrue(g.has(TIF, Tif.SIGPENDING), "it even sets it");
    }

    @ParameterizedTest(name = "resume={0}")
    @ValueSource(ints = {Actions.STOP, Actions.REPORT, Actions.SINGLESTEP, Actions.RESUME})
    void recalcSigpendingClearsWithNothingPendingOtherwise(int resume) {
        Fixture f = fx().set(RESUME, resume).set(TIF, Tif.SIGPENDING | Tif.NOTIFY_RESUME);
        Utrace.recalcSigpending(f.ctx(0));
        assertFalse(f.has(TIF, Tif.SIGPENDING));
        assertTrue(f.has(TIF, Tif.NOTIFY_RESUME), "only TIF_SIGPENDING is recomputed");
    }

    @Test
    void recalcSigpendingSetsForAPendingSignal() {
        for (int sig : Signals.ALL) {
            Fixture f = fx().set(SIGPENDING, sig);
            Utrace.recalcSigpending(f.ctx(0));
            assertTrue(f.has(TIF, Tif.SIGPENDING), Signals.name(sig));
        }
    }

    // ---- utrace_wakeup(): "if (SIGNAL_STOP_STOPPED) state = TASK_STOPPED; else wake_up_state(target, __TASK_TRACED)"

    @Test
    void utraceWakeup() {
        Fixture f = fx().set(TASK_STATE, TaskState.TASK_TRACED);
        Utrace.utraceWakeup(f.ctx(OWNER));
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE));

        Fixture g = fx().set(TASK_STATE, TaskState.TASK_TRACED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        Utrace.utraceWakeup(g.ctx(OWNER));
        assertEquals(TaskState.TASK_STOPPED, g.get(TASK_STATE));

        Fixture h = fx().set(TASK_STATE, TaskState.UNINTERRUPTIBLE);
        Utrace.utraceWakeup(h.ctx(OWNER));
        assertEquals(TaskState.UNINTERRUPTIBLE, h.get(TASK_STATE), "wake_up_state only wakes a matching state");
    }

    // ---- signal_wake_up(t, resume): TIF_SIGPENDING; wake TASK_INTERRUPTIBLE, plus TASK_WAKEKILL if resume

    @Test
    void signalWakeUpWakesKillableStopsOnlyForResume() {
        Fixture f = fx().set(TASK_STATE, TaskState.TASK_TRACED);
        Utrace.signalWakeUp(f.ctx(2), false);
        assertTrue(f.has(TIF, Tif.SIGPENDING));
        assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE), "signal_wake_up(t, 0) does not wake TASK_TRACED");
        Utrace.signalWakeUp(f.ctx(2), true);
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE), "TASK_TRACED includes TASK_WAKEKILL");

        Fixture g = fx().set(TASK_STATE, TaskState.INTERRUPTIBLE);
        Utrace.signalWakeUp(g.ctx(2), false);
        assertEquals(TaskState.RUNNING, g.get(TASK_STATE));
    }

    // ---- utrace_engine_put(): kref_put, freed at zero

    @Test
    void enginePut() {
        Fixture f = fx().eset(0, E_REF, 2);
        Utrace.enginePut(f.ctx(OWNER), 0);
        assertEquals(1, f.eget(0, E_REF));
        assertEquals(0, f.eget(0, E_GHOST) & EG_FREED);
        Utrace.enginePut(f.ctx(OWNER), 0);
        assertEquals(0, f.eget(0, E_REF));
        assertNotEquals(0, f.eget(0, E_GHOST) & EG_FREED);
    }
}

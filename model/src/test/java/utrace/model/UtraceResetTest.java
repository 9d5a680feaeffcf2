package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * utrace_reset() (kernel/utrace.c, patch 01; seed lines ~1715-1780):
 * splice_attaching; move engines with ops == &utrace_detached_ops to a private
 * list (ops = NULL) and OR the others' flags | REAP; once exit_state is set keep
 * only REAP, else clear TIF_SYSCALL_TRACE if no engine wants syscalls; with no
 * flags left reset resume/signal_handler; wake a task_is_traced() task unless
 * ENGINE_STOP is left; store utrace_flags; spin_unlock; put_detached_list();
 * return !flags.
 */
class UtraceResetTest {
    private static final int OWNER = 1;

    private static Fixture fx() {
        return Fixture.threeEngines().lockedBy(OWNER);
    }

    @Test
    void dropsDetachedEnginesAndPutsTheAttachedReference() {
        Fixture f = fx().attach(0, Events.QUIESCE).attach(1, Events.QUIESCE).attach(2, Events.EXEC);
        f.eset(1, E_OPS, Ops.DETACHED);
        f.eset(2, E_OPS, Ops.DETACHED).eset(2, E_REF, 2); // someone still holds a reference to E3

        boolean fullyDetached = Utrace.utraceReset(f.ctx(OWNER));

        assertFalse(fullyDetached, "E1 is still attached");
        assertEquals(EngineList.append(EngineList.EMPTY, 0), f.get(ATTACHED), "only E1 stays on ->attached");
        assertEquals(Ops.NULL, f.eget(1, E_OPS), "detached engine: ops = NULL");
        assertEquals(Ops.NULL, f.eget(2, E_OPS));
        assertEquals(0, f.eget(1, E_REF), "put_detached_list drops the attached reference");
        assertTrue((f.eget(1, E_GHOST) & EG_FREED) != 0, "the last reference frees the engine");
        assertEquals(1, f.eget(2, E_REF), "the other reference is kept");
        assertEquals(0, f.eget(2, E_GHOST) & EG_FREED);
        assertEquals(Ops.LIVE, f.eget(0, E_OPS));
        assertEquals(1, f.eget(0, E_REF), "a live engine keeps its reference");
    }

    @Test
    void recomputesUtraceFlagsFromTheRemainingEnginesPlusReap() {
        Fixture f = fx().attach(0, Events.QUIESCE | Events.SYSCALL_EXIT).attach(1, Events.DEATH)
            .attach(2, Events.EXEC | Events.CLONE);
        f.eset(2, E_OPS, Ops.DETACHED);
        f.set(UTRACE_FLAGS, f.get(UTRACE_FLAGS) | Events.JCTL | Events.ENGINE_STOP); // stale bits
        f.set(TIF, Tif.SYSCALL_TRACE);

        Utrace.utraceReset(f.ctx(OWNER));

        assertEquals(Events.QUIESCE | Events.SYSCALL_EXIT | Events.DEATH | Events.REAP, f.get(UTRACE_FLAGS),
            "union of the live engines' flags | REAP; stale and detached engines' bits gone");
    }

    @Test
    void engineStopOfARemainingEngineStaysInUtraceFlags() {
        Fixture f = fx().attach(0, Events.QUIESCE | Events.ENGINE_STOP).attach(1, Events.QUIESCE);
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(Events.QUIESCE | Events.REAP | Events.ENGINE_STOP, f.get(UTRACE_FLAGS));
    }

    @Test
    void splicesAttachingEnginesFirstAndCountsTheirFlags() {
        Fixture f = fx().attach(0, Events.QUIESCE).attaching(1, Events.SYSCALL_ENTRY);
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals("[E1,E2]", EngineList.format(f.get(ATTACHED), f.model::engineName));
        assertEquals(EngineList.EMPTY, f.get(ATTACHING));
        assertFalse(f.has(UBITS, U_PENDING_ATTACH), "splice_attaching clears pending_attach");
        assertEquals(Events.QUIESCE | Events.SYSCALL_ENTRY | Events.REAP, f.get(UTRACE_FLAGS));
    }

    @Test
    void onceExitStateIsSetOnlyReapIsKept() {
        Fixture f = fx().attach(0, Events.QUIESCE | Events.DEATH | Events.ENGINE_STOP).attach(1, Events.EXIT);
        f.set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
        f.set(TIF, Tif.SYSCALL_TRACE);

        boolean fullyDetached = Utrace.utraceReset(f.ctx(OWNER));

        assertFalse(fullyDetached);
        assertEquals(Events.REAP, f.get(UTRACE_FLAGS), "flags &= UTRACE_EVENT(REAP) once dead");
        assertTrue(f.has(TIF, Tif.SYSCALL_TRACE),
            "the TIF_SYSCALL_TRACE clear is in the else branch of the exit_state test: a dead task keeps it");
    }

    @Test
    void clearsSyscallTraceOnlyWhenNoEngineWantsSyscalls() {
        Fixture none = fx().attach(0, Events.QUIESCE).set(TIF, Tif.SYSCALL_TRACE | Tif.SIGPENDING);
        Utrace.utraceReset(none.ctx(OWNER));
        assertFalse(none.has(TIF, Tif.SYSCALL_TRACE), "no engine wants SYSCALL_*: clear TIF_SYSCALL_TRACE");
        assertTrue(none.has(TIF, Tif.SIGPENDING), "other TIF bits untouched");

        for (int ev : new int[] {Events.SYSCALL_ENTRY, Events.SYSCALL_EXIT}) {
            Fixture one = fx().attach(0, Events.QUIESCE).attach(1, ev).set(TIF, Tif.SYSCALL_TRACE);
            Utrace.utraceReset(one.ctx(OWNER));
            assertTrue(one.has(TIF, Tif.SYSCALL_TRACE), Events.names(ev) + " still wanted: keep TIF_SYSCALL_TRACE");
        }

        Fixture detachedSyscall = fx().attach(0, Events.QUIESCE).attach(1, Events.SYSCALL).set(TIF, Tif.SYSCALL_TRACE);
        detachedSyscall.eset(1, E_OPS, Ops.DETACHED);
        Utrace.utraceReset(detachedSyscall.ctx(OWNER));
        assertFalse(detachedSyscall.has(TIF, Tif.SYSCALL_TRACE), "a detached engine's syscall interest does not count");
    }

    @Test
    void wakesATracedTaskWhenNoEngineWantsItStopped() {
        Fixture f = fx().attach(0, Events.QUIESCE).attach(1, Events.QUIESCE);
        f.set(TASK_STATE, TaskState.TASK_TRACED);
        f.set(UTRACE_FLAGS, f.get(UTRACE_FLAGS) | Events.ENGINE_STOP); // stale: nobody wants the stop any more
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE), "wake_up_state(task, __TASK_TRACED)");
        assertEquals(0, f.get(UTRACE_FLAGS) & Events.ENGINE_STOP);
    }

    @Test
    void doesNotWakeWhileAnyEngineHasEngineStop() {
        Fixture f = fx().attach(0, Events.QUIESCE).attach(1, Events.QUIESCE | Events.ENGINE_STOP);
        f.set(TASK_STATE, TaskState.TASK_TRACED);
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE), "E2 still holds the stop");
    }

    @Test
    void withEngineStopMutationOneResumeWakesTheOthersStop() {
        // The mutation RESET_IGNORES_OTHER_STOPPERS must really change this very decision.
        Fixture f = Fixture.of("engine E1\nengine E2\nengine E3\ntracee\nowner E1 control STOP\nowner E2 control STOP\n",
            Fixture.CORE.withMutations(java.util.EnumSet.of(Mutation.RESET_IGNORES_OTHER_STOPPERS)));
        f.lockedBy(OWNER).attach(0, Events.QUIESCE).attach(1, Events.QUIESCE | Events.ENGINE_STOP);
        f.set(TASK_STATE, TaskState.TASK_TRACED);
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
    }

    @Test
    void wakeGoesBackToTaskStoppedWhenTheGroupIsStopped() {
        Fixture f = fx().attach(0, Events.QUIESCE);
        f.set(TASK_STATE, TaskState.TASK_TRACED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(TaskState.TASK_STOPPED, f.get(TASK_STATE), "utrace_wakeup: SIGNAL_STOP_STOPPED -> TASK_STOPPED");
    }

    @Test
    void doesNotTouchARunningOrJobStoppedTask() {
        for (int st : new int[] {TaskState.RUNNING, TaskState.TASK_STOPPED, TaskState.INTERRUPTIBLE}) {
            Fixture f = fx().attach(0, Events.QUIESCE).set(TASK_STATE, st);
            Utrace.utraceReset(f.ctx(OWNER));
            assertEquals(st, f.get(TASK_STATE), "only task_is_traced() is woken: " + TaskState.name(st));
        }
    }

    @Test
    void singleStepIsDisabledOnlyWhenResumingNormally() {
        Fixture resume = fx().attach(0, Events.QUIESCE).set(TASK_STATE, TaskState.TASK_TRACED).set(TIF, Tif.SINGLESTEP);
        Utrace.utraceReset(resume.ctx(OWNER));
        assertFalse(resume.has(TIF, Tif.SINGLESTEP), "resume == UTRACE_RESUME: user_disable_single_step");

        Fixture step = fx().attach(0, Events.QUIESCE).set(TASK_STATE, TaskState.TASK_TRACED).set(TIF, Tif.SINGLESTEP)
            .set(RESUME, Actions.SINGLESTEP);
        Utrace.utraceReset(step.ctx(OWNER));
        assertTrue(step.has(TIF, Tif.SINGLESTEP), "a pending SINGLESTEP keeps stepping on");
        assertEquals(TaskState.RUNNING, step.get(TASK_STATE));
    }

    @Test
    void returnsTrueWhenFullyDetachedAndClearsTheUtraceState() {
        Fixture f = fx().attach(0, Events.QUIESCE | Events.ENGINE_STOP);
        f.eset(0, E_OPS, Ops.DETACHED);
        f.set(RESUME, Actions.REPORT).set(UBITS, U_SIGNAL_HANDLER).set(TASK_STATE, TaskState.TASK_TRACED);

        assertTrue(Utrace.utraceReset(f.ctx(OWNER)));
        assertEquals(0, f.get(UTRACE_FLAGS));
        assertEquals(EngineList.EMPTY, f.get(ATTACHED));
        assertEquals(Actions.RESUME, f.get(RESUME), "no engines: utrace->resume = UTRACE_RESUME");
        assertFalse(f.has(UBITS, U_SIGNAL_HANDLER), "no engines: utrace->signal_handler = 0");
        assertEquals(TaskState.RUNNING, f.get(TASK_STATE), "fully detached: the traced task runs");
    }

    @Test
    void keepsResumeWhileEnginesRemain() {
        Fixture f = fx().attach(0, Events.QUIESCE).set(RESUME, Actions.REPORT).set(UBITS, U_SIGNAL_HANDLER);
        assertFalse(Utrace.utraceReset(f.ctx(OWNER)));
        assertEquals(Actions.REPORT, f.get(RESUME));
        assertTrue(f.has(UBITS, U_SIGNAL_HANDLER));
    }

    @Test
    void releasesUtraceLock() {
        Fixture f = fx().attach(0, Events.QUIESCE);
        assertEquals(OWNER + 1, f.get(LOCK_UTRACE));
        Utrace.utraceReset(f.ctx(OWNER));
        assertEquals(0, f.get(LOCK_UTRACE), "called with utrace->lock held, returns with it released");
    }
}

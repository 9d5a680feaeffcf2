package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.EnumSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine API of kernel/utrace.c (patch 01): utrace_add_engine,
 * get_utrace_lock, utrace_set_events, utrace_control, utrace_control_dead,
 * each on hand-built states and against the C of the seed.
 */
class EngineApiTest {
    private static final int OWNER = 1;
    private static final int E1 = 0, E2 = 1, E3 = 2;

    private static Fixture fx() {
        return Fixture.threeEngines();
    }

    @Nested
    class AddEngine {
        // utrace_add_engine(): "if (!target->utrace_flags) { utrace_flags = REAP; smp_mb();
        //   if (exit_state == EXIT_DEAD) { utrace_flags = 0; goto unlock (-ESRCH) } }
        //   list_add_tail(&engine->entry, &utrace->attaching); pending_attach = 1; utrace_engine_get(engine); 0"

        @Test
        void queuesOnAttachingWithPendingAttachAndTwoReferences() {
            Fixture f = fx().set(UTRACE_ALLOCATED, 1);
            assertEquals(Errno.OK, EngineApi.addEngine(f.ctx(OWNER), E1));
            assertEquals(EngineList.EMPTY, f.get(ATTACHED), "never straight onto ->attached");
            assertEquals(EngineList.append(0, E1), f.get(ATTACHING));
            assertTrue(f.has(UBITS, U_PENDING_ATTACH));
            assertEquals(Ops.LIVE, f.eget(E1, E_OPS));
            assertEquals(0, f.eget(E1, E_FLAGS), "a new engine starts with no events");
            assertEquals(2, f.eget(E1, E_REF), "kref_init's reference for the caller + utrace_engine_get for being attached");
            assertNotEquals(0, f.eget(E1, E_GHOST) & EG_OWNER_REF);
            assertEquals(Events.REAP, f.get(UTRACE_FLAGS), "utrace_flags made nonzero");
        }

        @Test
        void keepsAttachOrderOnAttachingAndCountsSequence() {
            Fixture f = fx().set(UTRACE_ALLOCATED, 1);
            EngineApi.addEngine(f.ctx(OWNER), E2);
            EngineApi.addEngine(f.ctx(OWNER), E1);
            EngineApi.addEngine(f.ctx(OWNER), E3);
            assertEquals("[E2,E1,E3]", EngineList.format(f.get(ATTACHING), f.model::engineName));
            assertEquals(0, f.eget(E2, E_SEQ));
            assertEquals(1, f.eget(E1, E_SEQ));
            assertEquals(2, f.eget(E3, E_SEQ));
            assertEquals(3, f.get(G_ATTACH_COUNT));
        }

        @Test
        void leavesExistingUtraceFlagsAlone() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP);
            int flags = f.get(UTRACE_FLAGS);
            assertEquals(Errno.OK, EngineApi.addEngine(f.ctx(OWNER), E2));
            assertEquals(flags, f.get(UTRACE_FLAGS));
        }

        @Test
        void backsOffFromAnExitDeadTaskWithNoUtraceFlags() {
            Fixture f = fx().set(UTRACE_ALLOCATED, 1).set(EXIT_STATE, TaskState.EXIT_DEAD);
            assertEquals(Errno.ESRCH, EngineApi.addEngine(f.ctx(OWNER), E1));
            assertEquals(0, f.get(UTRACE_FLAGS), "utrace_flags reset to 0");
            assertEquals(EngineList.EMPTY, f.get(ATTACHING));
            assertFalse(f.has(UBITS, U_PENDING_ATTACH));
            assertEquals(Ops.NULL, f.eget(E1, E_OPS));
        }

        @Test
        void attachesToAZombieOrWhenReleaseTaskMustSeeTheFlags() {
            Fixture zombie = fx().set(UTRACE_ALLOCATED, 1).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            assertEquals(Errno.OK, EngineApi.addEngine(zombie.ctx(OWNER), E1), "only EXIT_DEAD backs off");

            // utrace_flags != 0 already: the EXIT_DEAD test is not reached (release_task saw the flags).
            Fixture dead = fx().attach(E2, Events.REAP).set(EXIT_STATE, TaskState.EXIT_DEAD);
            assertEquals(Errno.OK, EngineApi.addEngine(dead.ctx(OWNER), E1));
        }

        @Test
        void mutationIgnoringExitDeadAttaches() {
            Fixture f = Fixture.of("engine E1\ntracee\nowner E1 attach\n",
                Fixture.CORE.withMutations(EnumSet.of(Mutation.ADD_ENGINE_IGNORES_EXIT_DEAD)));
            f.set(UTRACE_ALLOCATED, 1).set(EXIT_STATE, TaskState.EXIT_DEAD);
            assertEquals(Errno.OK, EngineApi.addEngine(f.ctx(OWNER), E1));
        }
    }

    @Nested
    class GetUtraceLock {
        // get_utrace_lock(): "!engine->ops -> -ESRCH; ops == &utrace_detached_ops -> attached ? -ESRCH : -ERESTARTSYS;
        //   spin_lock; if (utrace->reap || ...) { unlock; -ESRCH }"

        @Test
        void neverAttachedOrFullyDetachedIsEsrch() {
            Fixture f = fx();
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, true));
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, false));
            assertEquals(0, f.get(LOCK_UTRACE));
        }

        @Test
        void markedDetachedIsEsrchExceptForBarrier() {
            Fixture f = fx().attach(E1, Events.QUIESCE).eset(E1, E_OPS, Ops.DETACHED);
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, true));
            assertEquals(Errno.ERESTARTSYS, EngineApi.getUtraceLock(f.ctx(OWNER), E1, false),
                "utrace_barrier keeps waiting for an engine marked detached");
            assertEquals(0, f.get(LOCK_UTRACE));
        }

        @Test
        void theMutationAnswersTheBarrierEsrchForAMarkedDetachedEngine() {
            // barrier-esrch-while-detaching: utrace_barrier stops waiting while an old callback may still run
            Fixture f = Fixture.of("engine E1\nengine E2\nengine E3\ntracee\nowner E1 control STOP\nowner E2 control STOP\n",
                ModelConfig.fullSeries().withMutations(java.util.EnumSet.of(Mutation.BARRIER_ESRCH_WHILE_DETACHING)))
                .attach(E1, Events.QUIESCE).eset(E1, E_OPS, Ops.DETACHED);
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, false));
            assertEquals(0, f.get(LOCK_UTRACE));
        }

        @Test
        void reapedTaskIsEsrch() {
            Fixture f = fx().attach(E1, Events.QUIESCE).set(UBITS, U_REAP);
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, true));
            assertEquals(Errno.ESRCH, EngineApi.getUtraceLock(f.ctx(OWNER), E1, false));
            assertEquals(0, f.get(LOCK_UTRACE), "the lock is dropped again");
        }

        @Test
        void liveEngineTakesTheLock() {
            Fixture f = fx().attach(E1, Events.QUIESCE);
            assertEquals(Errno.OK, EngineApi.getUtraceLock(f.ctx(OWNER), E1, true));
            assertEquals(OWNER + 1, f.get(LOCK_UTRACE));
        }
    }

    @Nested
    class SetEvents {
        private int setEvents(Fixture f, int e, int events, boolean current) {
            Ctx c = f.ctx(current ? 0 : OWNER);
            int ret = EngineApi.getUtraceLock(c, e, true);
            if (ret != Errno.OK) return ret;
            ret = EngineApi.setEventsLocked(c, e, events, current);
            assertEquals(0, f.get(LOCK_UTRACE), "utrace_set_events returns with utrace->lock released");
            return ret;
        }

        @Test
        void clearingDeathWhileReportDeathRunsIsEalready() {
            Fixture f = fx().attach(E1, Events.DEATH | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE).set(UBITS, U_DEATH);
            int flags = f.get(UTRACE_FLAGS);
            assertEquals(Errno.EALREADY, setEvents(f, E1, Events.REAP, false));
            assertEquals(Events.DEATH | Events.REAP, f.eget(E1, E_FLAGS), "nothing changed");
            assertEquals(flags, f.get(UTRACE_FLAGS));
        }

        @Test
        void clearingQuiesceWhileReportDeathRunsIsEalready() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE).set(UBITS, U_DEATH);
            assertEquals(Errno.EALREADY, setEvents(f, E1, Events.REAP, false), "_UTRACE_DEATH_EVENTS = DEATH | QUIESCE");
        }

        @Test
        void clearingDeathBeforeTheDeathReportIsFine() {
            Fixture f = fx().attach(E1, Events.DEATH | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            assertEquals(Errno.OK, setEvents(f, E1, Events.REAP, false));
            assertEquals(Events.REAP, f.eget(E1, E_FLAGS));
        }

        @Test
        void mutationIgnoringDeathClearsDeathDuringTheReport() {
            Fixture f = Fixture.of("engine E1\ntracee\nowner E1 put\n",
                Fixture.CORE.withMutations(EnumSet.of(Mutation.SET_EVENTS_IGNORES_DEATH)));
            f.attach(E1, Events.DEATH | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE).set(UBITS, U_DEATH);
            assertEquals(Errno.OK, setEvents(f, E1, Events.REAP, false));
        }

        @ParameterizedTest(name = "newly set {0}")
        @ValueSource(ints = {Events.DEATH, Events.QUIESCE})
        void newlySettingDeathEventsOnADyingTaskIsEalready(int ev) {
            for (int exit : new int[] {TaskState.EXIT_ZOMBIE, TaskState.EXIT_DEAD}) {
                Fixture f = fx().attach(E1, Events.REAP).set(EXIT_STATE, exit);
                assertEquals(Errno.EALREADY, setEvents(f, E1, ev | Events.REAP, false));
                assertEquals(Events.REAP, f.eget(E1, E_FLAGS));
                assertEquals(0, f.get(UTRACE_FLAGS) & ev, "utrace_flags not touched");
            }
        }

        @Test
        void keepingDeathOnADyingTaskIsFine() {
            Fixture f = fx().attach(E1, Events.DEATH | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            assertEquals(Errno.OK, setEvents(f, E1, Events.DEATH | Events.REAP | Events.EXIT, false),
                "DEATH is not newly set");
        }

        @Test
        void clearingBitsWhileACallbackToTheEngineMayRunIsEinprogress() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.SYSCALL_ENTRY).set(REPORTING, E1 + 1);
            assertEquals(Errno.EINPROGRESS, setEvents(f, E1, Events.QUIESCE, false));
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS), "the change is made all the same");
        }

        @Test
        void noEinprogressWhenNotClearingOrNotReportingOrStoppedOrCurrentOrDead() {
            // only new bits
            Fixture add = fx().attach(E1, Events.QUIESCE).set(REPORTING, E1 + 1);
            assertEquals(Errno.OK, setEvents(add, E1, Events.QUIESCE | Events.EXEC, false));
            // reporting another engine
            Fixture other = fx().attach(E1, Events.QUIESCE | Events.EXEC).attach(E2, Events.QUIESCE).set(REPORTING, E2 + 1);
            assertEquals(Errno.OK, setEvents(other, E1, Events.QUIESCE, false));
            // stopped or traced target
            for (int st : new int[] {TaskState.TASK_TRACED, TaskState.TASK_STOPPED}) {
                Fixture stopped = fx().attach(E1, Events.QUIESCE | Events.EXEC).set(REPORTING, E1 + 1).set(TASK_STATE, st);
                assertEquals(Errno.OK, setEvents(stopped, E1, Events.QUIESCE, false), TaskState.name(st));
            }
            // target == current (a callback calling on itself)
            Fixture self = fx().attach(E1, Events.QUIESCE | Events.EXEC).set(REPORTING, E1 + 1);
            assertEquals(Errno.OK, setEvents(self, E1, Events.QUIESCE, true));
            // exit_state set
            Fixture dead = fx().attach(E1, Events.REAP | Events.EXEC).set(REPORTING, E1 + 1).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            assertEquals(Errno.OK, setEvents(dead, E1, Events.REAP, false));
        }

        @Test
        void firstSyscallEventSetsSyscallTrace() {
            Fixture f = fx().attach(E1, Events.QUIESCE);
            assertEquals(Errno.OK, setEvents(f, E1, Events.QUIESCE | Events.SYSCALL_EXIT, false));
            assertTrue(f.has(TIF, Tif.SYSCALL_TRACE));
            assertEquals(Events.QUIESCE | Events.SYSCALL_EXIT, f.eget(E1, E_FLAGS));
            assertTrue(f.has(UTRACE_FLAGS, Events.SYSCALL_EXIT), "target->utrace_flags |= events");
        }

        @Test
        void syscallTraceIsOnlySetWhenUtraceFlagsHadNoSyscallEvent() {
            // "if ((events & UTRACE_EVENT_SYSCALL) && !(old_utrace_flags & UTRACE_EVENT_SYSCALL))"
            Fixture f = fx().attach(E1, Events.QUIESCE).attach(E2, Events.SYSCALL_ENTRY).set(TIF, 0);
            assertEquals(Errno.OK, setEvents(f, E1, Events.SYSCALL_EXIT, false));
            assertFalse(f.has(TIF, Tif.SYSCALL_TRACE));
        }

        @Test
        void engineStopIsIgnoredInTheArgumentAndKeptInTheEngine() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP);
            assertEquals(Errno.OK, setEvents(f, E1, Events.EXEC | Events.ENGINE_STOP, false));
            assertEquals(Events.EXEC | Events.ENGINE_STOP, f.eget(E1, E_FLAGS));

            Fixture g = fx().attach(E1, Events.QUIESCE);
            assertEquals(Errno.OK, setEvents(g, E1, Events.QUIESCE | Events.ENGINE_STOP, false));
            assertEquals(Events.QUIESCE, g.eget(E1, E_FLAGS), "events &= ~ENGINE_STOP");
        }

        @Test
        void utraceFlagsAreOnlyOredHere() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.EXEC);
            assertEquals(Errno.OK, setEvents(f, E1, Events.CLONE, false));
            assertEquals(Events.QUIESCE | Events.EXEC | Events.CLONE | Events.REAP, f.get(UTRACE_FLAGS),
                "stale bits stay until utrace_reset");
        }

        @Test
        void detachedOrReapedEngineIsEsrch() {
            Fixture f = fx().attach(E1, Events.QUIESCE).eset(E1, E_OPS, Ops.DETACHED);
            assertEquals(Errno.ESRCH, setEvents(f, E1, Events.EXEC, false));
            Fixture g = fx().attach(E1, Events.QUIESCE).set(UBITS, U_REAP);
            assertEquals(Errno.ESRCH, setEvents(g, E1, Events.EXEC, false));
        }
    }

    @Nested
    class Control {
        /** utrace_control() as Owner runs it: get_utrace_lock, reset = task_is_traced(), then the body. */
        private int control(Fixture f, int e, int action) {
            Ctx c = f.ctx(OWNER);
            if (EngineApi.controlNeedsQuiesce(c, e, action)) return Errno.EINVAL;
            int ret = EngineApi.getUtraceLock(c, e, true);
            if (ret != Errno.OK) return ret;
            ret = EngineApi.controlLocked(c, e, action, Utrace.taskIsTraced(c));
            assertEquals(0, f.get(LOCK_UTRACE), "utrace_control returns with utrace->lock released");
            return ret;
        }

        private Fixture traced() {
            return fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP).set(TASK_STATE, TaskState.TASK_TRACED);
        }

        @Test
        void stopOnARunningTaskIsEinprogressAndAsksForAReport() {
            Fixture f = fx().attach(E1, Events.QUIESCE);
            assertEquals(Errno.EINPROGRESS, control(f, E1, Actions.STOP));
            assertTrue((f.eget(E1, E_FLAGS) & Events.ENGINE_STOP) != 0, "mark_engine_wants_stop");
            assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
            assertEquals(Actions.REPORT, f.get(RESUME), "utrace_do_stop asked for a report");
            assertTrue(f.has(TIF, Tif.NOTIFY_RESUME));
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
        }

        @Test
        void stopOnATracedTaskIsZeroAndKeepsItStopped() {
            Fixture f = fx().attach(E1, Events.QUIESCE).set(TASK_STATE, TaskState.TASK_TRACED);
            assertEquals(Errno.OK, control(f, E1, Actions.STOP));
            assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE), "reset = false: no utrace_reset wake-up");
            assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
            assertEquals(Actions.RESUME, f.get(RESUME), "utrace_do_stop is not called when already traced");
        }

        @Test
        void stopOnAJobControlStoppedTaskIsZero() {
            Fixture f = fx().attach(E1, Events.QUIESCE).set(TASK_STATE, TaskState.TASK_STOPPED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
            assertEquals(Errno.OK, control(f, E1, Actions.STOP));
            assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE), "utrace_do_stop: TASK_STOPPED -> TASK_TRACED");
        }

        @Test
        void stopMutationReturnsZeroForARunningTask() {
            Fixture f = Fixture.of("engine E1\ntracee\nowner E1 control STOP\n",
                Fixture.CORE.withMutations(EnumSet.of(Mutation.CONTROL_STOP_IGNORES_DO_STOP)));
            f.attach(E1, Events.QUIESCE);
            assertEquals(Errno.OK, control(f, E1, Actions.STOP));
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
        }

        @Test
        void detachWhileTheEngineIsReportingIsEinprogress() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.SYSCALL_EXIT).set(REPORTING, E1 + 1);
            assertEquals(Errno.EINPROGRESS, control(f, E1, Actions.DETACH));
            assertEquals(Ops.DETACHED, f.eget(E1, E_OPS), "mark_engine_detached");
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS));
            assertTrue(EngineList.contains(f.get(ATTACHED), E1), "running target: no utrace_reset yet");
            assertEquals(Actions.REPORT, f.get(RESUME), "utrace_do_stop makes the target report (and reset) soon");
            assertEquals(0, f.eget(E1, E_GHOST) & EG_DETACH_RETURNED_ZERO);
        }

        @Test
        void detachOfARunningTaskNotReportingThisEngineIsZero() {
            Fixture f = fx().attach(E1, Events.QUIESCE).attach(E2, Events.QUIESCE).set(REPORTING, E2 + 1);
            assertEquals(Errno.OK, control(f, E1, Actions.DETACH));
            assertEquals(Ops.DETACHED, f.eget(E1, E_OPS));
            assertNotEquals(0, f.eget(E1, E_GHOST) & EG_DETACH_RETURNED_ZERO);
        }

        @Test
        void detachMutationIgnoresReporting() {
            Fixture f = Fixture.of("engine E1\ntracee\nowner E1 control DETACH\n",
                Fixture.CORE.withMutations(EnumSet.of(Mutation.DETACH_IGNORES_REPORTING)));
            f.attach(E1, Events.QUIESCE).set(REPORTING, E1 + 1);
            assertEquals(Errno.OK, control(f, E1, Actions.DETACH));
        }

        @Test
        void detachOfATracedTaskResetsAndWakesIt() {
            Fixture f = traced();
            f.eset(E1, E_REF, 2);
            assertEquals(Errno.OK, control(f, E1, Actions.DETACH));
            assertEquals(Ops.NULL, f.eget(E1, E_OPS), "utrace_reset took it off the list");
            assertEquals(EngineList.EMPTY, f.get(ATTACHED));
            assertEquals(1, f.eget(E1, E_REF), "the attached reference was put");
            assertEquals(0, f.get(UTRACE_FLAGS));
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
        }

        @Test
        void detachClearsEngineStopFromUtraceFlags() {
            // "if (engine_wants_stop(engine)) target->utrace_flags &= ~ENGINE_STOP;" -- running target, no reset.
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP);
            assertEquals(Errno.OK, control(f, E1, Actions.DETACH));
            assertFalse(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
        }

        @Test
        void resumeClearsEngineStopAndWakesWhenItWasTheLastStopper() {
            Fixture f = traced();
            assertEquals(Errno.OK, control(f, E1, Actions.RESUME));
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS), "clear_engine_wants_stop");
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE));
            assertFalse(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
        }

        @Test
        void resumeByOneEngineLeavesTheOthersStop() {
            Fixture f = traced().attach(E2, Events.QUIESCE | Events.ENGINE_STOP);
            assertEquals(Errno.OK, control(f, E1, Actions.RESUME));
            assertEquals(TaskState.TASK_TRACED, f.get(TASK_STATE), "stop is sticky: E2 still wants it");
            assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP));
            assertEquals(Events.QUIESCE | Events.ENGINE_STOP, f.eget(E2, E_FLAGS));
        }

        @Test
        void resumeOfARunningTaskOnlyClearsTheBit() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP);
            assertEquals(Errno.OK, control(f, E1, Actions.RESUME));
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS));
            assertTrue(f.has(UTRACE_FLAGS, Events.ENGINE_STOP), "only utrace_reset clears it in utrace_flags");
        }

        @ParameterizedTest(name = "action={0}")
        @ValueSource(ints = {Actions.REPORT, Actions.SINGLESTEP, Actions.BLOCKSTEP})
        void reportAndStepSetResumeAndNotifyResume(int action) {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP);
            assertEquals(Errno.OK, control(f, E1, action));
            assertEquals(action, f.get(RESUME));
            assertTrue(f.has(TIF, Tif.NOTIFY_RESUME));
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS), "clear_engine_wants_stop");
        }

        @Test
        void reportDoesNotOverrideASmallerPendingAction() {
            Fixture f = fx().attach(E1, Events.QUIESCE).set(RESUME, Actions.INTERRUPT);
            assertEquals(Errno.OK, control(f, E1, Actions.REPORT));
            assertEquals(Actions.INTERRUPT, f.get(RESUME));
            assertFalse(f.has(TIF, Tif.NOTIFY_RESUME), "\"don't bother if it's already been interrupted\"");

            Fixture g = fx().attach(E1, Events.QUIESCE).set(RESUME, Actions.REPORT);
            assertEquals(Errno.OK, control(g, E1, Actions.SINGLESTEP));
            assertEquals(Actions.REPORT, g.get(RESUME), "the smallest action prevails");
        }

        @ParameterizedTest(name = "action={0}")
        @ValueSource(ints = {Actions.REPORT, Actions.SINGLESTEP, Actions.BLOCKSTEP})
        void reportAndStepNeedQuiesce(int action) {
            Fixture f = fx().attach(E1, Events.EXEC);
            assertEquals(Errno.EINVAL, control(f, E1, action));
            assertEquals(Actions.RESUME, f.get(RESUME));
        }

        @Test
        void interruptSetsResumeAndSigpendingAndWakesAnInterruptibleSleep() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.ENGINE_STOP).set(TASK_STATE, TaskState.INTERRUPTIBLE);
            assertEquals(Errno.OK, control(f, E1, Actions.INTERRUPT));
            assertEquals(Actions.INTERRUPT, f.get(RESUME));
            assertTrue(f.has(TIF, Tif.SIGPENDING));
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE), "signal_wake_up(target, 0)");
            assertEquals(Events.QUIESCE, f.eget(E1, E_FLAGS));
        }

        @Test
        void interruptOfATracedTaskSetsSigpendingAndResets() {
            Fixture f = traced();
            assertEquals(Errno.OK, control(f, E1, Actions.INTERRUPT));
            assertEquals(Actions.INTERRUPT, f.get(RESUME));
            assertTrue(f.has(TIF, Tif.SIGPENDING));
            assertEquals(TaskState.RUNNING, f.get(TASK_STATE), "E1 no longer wants the stop: utrace_reset wakes it");
        }

        @Test
        void interruptTwiceChangesNothing() {
            Fixture f = fx().attach(E1, Events.QUIESCE).set(RESUME, Actions.INTERRUPT).set(TASK_STATE, TaskState.INTERRUPTIBLE);
            assertEquals(Errno.OK, control(f, E1, Actions.INTERRUPT));
            assertFalse(f.has(TIF, Tif.SIGPENDING), "resume already INTERRUPT: break before signal_wake_up");
            assertEquals(TaskState.INTERRUPTIBLE, f.get(TASK_STATE));
        }

        // utrace_control_dead(): "if (action != UTRACE_DETACH || utrace->reap) return -ESRCH;
        //   if (utrace->death) return -EALREADY; return 0;"

        @ParameterizedTest(name = "action={0}")
        @ValueSource(ints = {Actions.STOP, Actions.INTERRUPT, Actions.REPORT, Actions.SINGLESTEP, Actions.BLOCKSTEP, Actions.RESUME})
        void everythingButDetachOnADeadTaskIsEsrch(int action) {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            int[] before = f.v.clone();
            assertEquals(Errno.ESRCH, control(f, E1, action));
            assertArrayEquals(before, f.v, "nothing changed");
        }

        @Test
        void detachOfADeadTaskDetachesAndResets() {
            Fixture f = fx().attach(E1, Events.QUIESCE | Events.REAP).attach(E2, Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            assertEquals(Errno.OK, control(f, E1, Actions.DETACH));
            assertEquals(Ops.NULL, f.eget(E1, E_OPS));
            assertEquals(EngineList.append(0, E2), f.get(ATTACHED));
            assertEquals(Events.REAP, f.get(UTRACE_FLAGS));
        }

        @Test
        void detachDuringTheDeathReportIsEalready() {
            Fixture f = fx().attach(E1, Events.DEATH | Events.REAP).set(EXIT_STATE, TaskState.EXIT_ZOMBIE).set(UBITS, U_DEATH);
            assertEquals(Errno.EALREADY, control(f, E1, Actions.DETACH));
            assertEquals(Ops.LIVE, f.eget(E1, E_OPS));
        }

        @Test
        void controlDeadOnceReapedIsEsrch() {
            Fixture f = fx().attach(E1, Events.REAP).set(EXIT_STATE, TaskState.EXIT_DEAD).set(UBITS, U_REAP | U_DEATH);
            Ctx c = f.ctx(OWNER);
            for (int a = Actions.STOP; a <= Actions.DETACH; a++) assertEquals(Errno.ESRCH, EngineApi.controlDead(c, a));
            assertEquals(Errno.ESRCH, control(f, E1, Actions.DETACH), "get_utrace_lock already refuses");
            f.set(UBITS, U_DEATH);
            assertEquals(Errno.EALREADY, EngineApi.controlDead(c, Actions.DETACH));
            f.set(UBITS, 0);
            assertEquals(Errno.OK, EngineApi.controlDead(c, Actions.DETACH));
        }
    }
}

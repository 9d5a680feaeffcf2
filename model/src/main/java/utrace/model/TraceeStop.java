package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * The tracee's stops other than ptrace_stop(): utrace_stop() (patch 01;
 * TASK_UTRACED from patch 15) and utrace_finish_stop(), the group-stop sleep
 * of do_signal_stop(), and utrace_end_stop() (patch 16), which a SIGKILLed
 * task passes only once the tracer has dropped utrace->lock. The ptrace stop
 * is in {@link TraceePtrace}.
 */
final class TraceeStop {
    private TraceeStop() {}

    static final int STOP_LOCK = 9;
    static final int STOP_SLEEP = 10;
    static final int STOP_FINISH = 11;
    static final int STOP_RECALC = 12;
    static final int JC_SLEEP = 18;
    static final int STOP_RELOCK = 41;

    static void describe() {
        info(STOP_LOCK, AREA_STOP, "lock; resume bookkeeping; ENGINE_STOP still wanted? siglock; fatal signal? set TASK_UTRACED (TASK_TRACED before 15)", "utrace_stop", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1796, "spin_lock(&utrace->lock);")
                .simplified("the utrace->lock section is one step: the resume bookkeeping, the test of ENGINE_STOP "
                    + "and then either utrace_reset() (which unlocks; the re-read of utrace_flags is the next step) "
                    + "or the nested siglock section (fatal signal test, TASK_UTRACED, TASK_TRACED before patch 15); "
                    + "freezing is not modelled"));
        info(STOP_RELOCK, AREA_STOP, "utrace_reset() has unlocked: ENGINE_STOP in utrace_flags again? goto relock, else return", "utrace_stop", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1817, "if (task->utrace_flags & ENGINE_STOP)")
                .simplified("a lock-free read of utrace_flags, a step of its own: a utrace_control(STOP) that takes "
                    + "utrace->lock after utrace_reset() dropped it makes the task go back and stop"));
        info(STOP_SLEEP, AREA_STOP, "schedule() returns: woken from the tracing stop", "utrace_stop", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1842, "schedule();")
                .simplified("the step is enabled once the task state is TASK_RUNNING again (a wake-up)"));
        info(STOP_FINISH, AREA_STOP, "__fatal_signal_pending()? then spin_unlock_wait(&utrace->lock)", "utrace_finish_stop", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1785, "if (unlikely(__fatal_signal_pending(current))) {")
                .simplified("spin_unlock_wait() is a step enabled while utrace->lock is free"));
        info(STOP_RECALC, AREA_STOP, "recalc_sigpending() under siglock", "utrace_stop", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1856, "recalc_sigpending();")
                .simplified("try_to_freeze() is not modelled"));
        info(JC_SLEEP, AREA_STOP, "schedule() returns: woken from the group stop, or kept awake by SIGKILL (WAKEKILL)", "do_signal_stop", 16,
            SeedRef.code(SeedRef.SIGNAL_C, 4419, "utrace_end_stop();")
                .simplified("the wake-up (TASK_RUNNING again, or schedule() not sleeping in TASK_STOPPED with "
                    + "SIGKILL pending) and utrace_end_stop() (patch 16: a SIGKILLed task waits for utrace->lock) "
                    + "are one step"));
    }

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case STOP_LOCK: return utraceStopLock(c);
            case STOP_RELOCK:
                // "if (task->utrace_flags & ENGINE_STOP) goto relock; return;" after utrace_reset() unlocked
                if (c.has(UTRACE_FLAGS, Events.ENGINE_STOP)) {
                    c.note("ENGINE_STOP set again meanwhile: goto relock");
                    c.pc(STOP_LOCK);
                } else {
                    c.note("no engine wants the stop any more");
                    c.pc(c.local(L_STOP_CONT));
                }
                return true;
            case STOP_SLEEP:
                if (c.get(TASK_STATE) != TaskState.RUNNING) return false;
                if (c.holds(LOCK_UTRACE)) c.unlock(LOCK_UTRACE); // only with utrace-stop-keeps-lock
                c.observe(Obs.stopLeft());
                c.pc(STOP_FINISH);
                return true;
            case STOP_FINISH:
                if (Utrace.fatalSignalPending(c) && !c.lockFree(LOCK_UTRACE)
                    && !c.cfg.mutated(Mutation.FINISH_STOP_SKIPS_UNLOCK_WAIT)) return false;
                c.pc(STOP_RECALC);
                return true;
            case STOP_RECALC:
                if (!c.lockFree(LOCK_SIGLOCK)) return false;
                Utrace.recalcSigpending(c);
                c.pc(c.local(L_STOP_CONT));
                return true;
            case JC_SLEEP:
                // schedule() does not sleep in TASK_STOPPED (TASK_WAKEKILL) with SIGKILL pending
                // (signal_pending_state); a SIGKILL sent later wakes it (signal_wake_up(t, 1)).
                if (c.get(TASK_STATE) != TaskState.RUNNING && !killedAwake(c)) return false;
                if (!utraceEndStopMayGo(c)) return false;
                c.set(TASK_STATE, TaskState.RUNNING);
                c.observe(Obs.stopLeft());
                c.pc(TraceeSignal.GS_HOOK);
                return true;
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    /** schedule() in a TASK_WAKEKILL state with SIGKILL pending returns at once (signal_pending_state). */
    static boolean killedAwake(Ctx c) {
        if (c.cfg.mutated(Mutation.GROUP_STOP_IGNORES_SIGKILL) && c.pc() == JC_SLEEP) return false;
        if (c.cfg.mutated(Mutation.SIGKILL_SKIPS_WAKEKILL)) return false;
        return Utrace.fatalSignalPending(c) && c.has(TASK_STATE, TaskState.WAKEKILL);
    }

    /** utrace_end_stop() (patch 16): a SIGKILLed task waits until the tracer drops utrace->lock. */
    static boolean utraceEndStopMayGo(Ctx c) {
        return !c.cfg.has(16) || c.get(UTRACE_FLAGS) == 0 || !Utrace.fatalSignalPending(c) || c.lockFree(LOCK_UTRACE);
    }

    static void callStop(Ctx c, int action, int cont) {
        c.local(L_STOP_ACTION, action);
        c.local(L_STOP_CONT, cont);
        c.pc(STOP_LOCK);
    }

    private static boolean utraceStopLock(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE) || !c.lockFree(LOCK_SIGLOCK)) return false;
        int action = c.local(L_STOP_ACTION);
        if (action < c.get(RESUME) && !c.cfg.mutated(Mutation.UTRACE_STOP_FORGETS_RESUME_ACTION)) {
            c.set(RESUME, action);
            c.setBits(TIF, action == Actions.INTERRUPT ? Tif.SIGPENDING : Tif.NOTIFY_RESUME);
        }
        if ((c.get(UTRACE_FLAGS) & Events.ENGINE_STOP) == 0) {
            Utrace.utraceReset(c); // returns with utrace->lock released
            c.note("ENGINE_STOP clear: utrace_reset()");
            c.pc(STOP_RELOCK);
            return true;
        }
        boolean fatal = Utrace.fatalSignalPending(c)
            || c.cfg.mutated(Mutation.UTRACE_STOP_GIVES_UP_ON_GROUP_EXIT) && c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT)
            || c.cfg.mutated(Mutation.UTRACE_STOP_GIVES_UP_ON_ANY_SIGNAL) && c.has(TIF, Tif.SIGPENDING);
        if (fatal && !c.cfg.mutated(Mutation.UTRACE_STOP_IGNORES_FATAL_SIGNAL)) {
            c.note("fatal signal pending: do not stop");
            c.pc(c.local(L_STOP_CONT));
            return true;
        }
        c.set(TASK_STATE, TaskState.WAKEKILL | Utrace.utraceStopBit(c)); // TASK_UTRACED (patch 15), TASK_TRACED before
        if (c.cfg.mutated(Mutation.UTRACE_STOP_KEEPS_LOCK)) c.lock(LOCK_UTRACE);
        else c.unlock(LOCK_UTRACE);
        for (int e = 0; e < c.engines(); e++) {
            if (c.ops(e) == Ops.LIVE && (c.flags(e) & Events.ENGINE_STOP) != 0) c.ghostSet(e, EG_HELD_STOPPED);
        }
        countSwitch(c);
        if (c.record) c.note(TaskState.name(c.get(TASK_STATE)) + "; schedule()");
        c.pc(STOP_SLEEP);
        return true;
    }

    /**
     * schedule() takes the sleeping tracee off the CPU: p->nvcsw++, the count wait_task_inactive() returns and
     * utrace_finish_examine() compares. Kept in 8 bits: a scenario would need 256 stops within one examination to
     * see it wrap (with 2 bits, fuzz --seed 26 found an examination across four stops that returned 0).
     */
    static void countSwitch(Ctx c) {
        c.set(NCSW, (c.get(NCSW) + 1) & 0xff);
    }

    /** do_signal_stop() decided to stop: schedule() in TASK_STOPPED. */
    static void groupStopSleep(Ctx c, String note) {
        c.observe(Obs.groupStop());
        countSwitch(c);
        if (c.record) c.note(note);
        c.pc(JC_SLEEP);
    }
}

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

    static void describe() {
        info(STOP_LOCK, AREA_STOP, "lock; resume bookkeeping; ENGINE_STOP still wanted? siglock; fatal signal? set TASK_UTRACED (TASK_TRACED before 15)", "utrace_stop", 1);
        info(STOP_SLEEP, AREA_STOP, "schedule() returns: woken from the tracing stop", "utrace_stop", 1);
        info(STOP_FINISH, AREA_STOP, "__fatal_signal_pending()? then spin_unlock_wait(&utrace->lock)", "utrace_finish_stop", 1);
        info(STOP_RECALC, AREA_STOP, "recalc_sigpending() under siglock", "utrace_stop", 1);
        info(JC_SLEEP, AREA_STOP, "schedule() returns: woken from the group stop", "do_signal_stop", 0);
    }

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case STOP_LOCK: return utraceStopLock(c);
            case STOP_SLEEP:
                if (c.get(TASK_STATE) != TaskState.RUNNING) return false;
                if (c.holds(LOCK_UTRACE)) c.unlock(LOCK_UTRACE); // only with utrace-stop-keeps-lock
                c.observe(Obs.stopLeft());
                c.pc(STOP_FINISH);
                return true;
            case STOP_FINISH:
                if (Utrace.fatalSignalPending(c) && !c.lockFree(LOCK_UTRACE)) return false;
                c.pc(STOP_RECALC);
                return true;
            case STOP_RECALC:
                if (!c.lockFree(LOCK_SIGLOCK)) return false;
                Utrace.recalcSigpending(c);
                c.pc(c.local(L_STOP_CONT));
                return true;
            case JC_SLEEP:
                if (c.get(TASK_STATE) != TaskState.RUNNING) return false;
                if (!utraceEndStopMayGo(c)) return false;
                c.observe(Obs.stopLeft());
                c.pc(TraceeSignal.GS_HOOK);
                return true;
            default: throw new IllegalStateException("tracee pc " + pc);
        }
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
        if (action < c.get(RESUME)) {
            c.set(RESUME, action);
            c.setBits(TIF, action == Actions.INTERRUPT ? Tif.SIGPENDING : Tif.NOTIFY_RESUME);
        }
        if ((c.get(UTRACE_FLAGS) & Events.ENGINE_STOP) == 0) {
            Utrace.utraceReset(c);
            if ((c.get(UTRACE_FLAGS) & Events.ENGINE_STOP) != 0) {
                c.note("ENGINE_STOP set again meanwhile: relock");
            } else {
                c.note("no engine wants the stop any more");
                c.pc(c.local(L_STOP_CONT));
            }
            return true;
        }
        if (Utrace.fatalSignalPending(c) && !c.cfg.mutated(Mutation.UTRACE_STOP_IGNORES_FATAL_SIGNAL)) {
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
        c.set(NCSW, (c.get(NCSW) + 1) & 3);
        c.note(TaskState.name(c.get(TASK_STATE)) + "; schedule()");
        c.pc(STOP_SLEEP);
        return true;
    }

    /** do_signal_stop() decided to stop: schedule() in TASK_STOPPED. */
    static void groupStopSleep(Ctx c, String note) {
        c.set(NCSW, (c.get(NCSW) + 1) & 3);
        c.note(note);
        c.pc(JC_SLEEP);
    }
}

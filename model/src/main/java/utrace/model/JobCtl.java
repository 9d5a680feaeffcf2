package utrace.model;

import static utrace.model.Slots.*;

/**
 * Job control through task->jobctl (kernel/signal.c of 3.1), as far as
 * patches 09 and 20 need it: a SIGSTOP group stop, SIGCONT ending it, and
 * the ptrace trap that PTRACE_ATTACH of a stopped task and __ptrace_unlink
 * arrange. The model's thread group has one thread, the tracee; so
 * signal->group_stop_count, which do_signal_stop() raises and
 * task_participate_group_stop() lowers under one siglock hold, is 0
 * wherever siglock is free and is not kept in the state.
 */
final class JobCtl {
    private JobCtl() {}

    /**
     * task_clear_jobctl_pending(): clearing STOP_PENDING also clears
     * STOP_DEQUEUED (and STOP_CONSUME, not kept); "If clearing of @mask leaves
     * no stop or trap pending, this function calls task_clear_jobctl_trapping()".
     */
    static void clearPending(Ctx c, int mask) {
        if ((mask & JOBCTL_STOP_PENDING) != 0 && !c.cfg.mutated(Mutation.CLEAR_STOP_PENDING_KEEPS_DEQUEUED)) mask |= JOBCTL_STOP_DEQUEUED;
        c.clearBits(JOBCTL, mask);
        if (!c.has(JOBCTL, JOBCTL_PENDING_MASK) && !c.cfg.mutated(Mutation.CLEAR_PENDING_KEEPS_TRAPPING)) clearTrapping(c);
    }

    /** task_clear_jobctl_trapping(): the ptracer waiting in PTRACE_ATTACH (wait_on_bit) may go on. */
    static void clearTrapping(Ctx c) {
        c.clearBits(JOBCTL, JOBCTL_TRAPPING);
    }

    /**
     * task_set_jobctl_pending(): "If @task is already being killed or exiting,
     * this function becomes noop" (fatal_signal_pending() or PF_EXITING).
     * Returns whether the bits were set.
     */
    static boolean setPending(Ctx c, int mask) {
        if (Utrace.fatalSignalPending(c) || c.model.tracee().exitingIn(c)) return false;
        c.setBits(JOBCTL, mask);
        return true;
    }

    /**
     * signal->group_stop_count as utrace_get_signal() reads it before patch
     * 09: with siglock held at the start of a get_signal_to_deliver() pass,
     * it is 0 in a single-threaded group (see the class comment).
     */
    static int groupStopCount() {
        return 0;
    }

    /**
     * utrace_get_signal()'s "we must stop" test, which lets the caller
     * dequeue normally or participate in the group stop instead of stealing
     * a signal for the engines.
     * Patch 01: signal->group_stop_count. Patch 09: task->jobctl &
     * JOBCTL_STOP_PENDING. Patch 20: task->jobctl & JOBCTL_PENDING_MASK, so
     * a pending ptrace trap (JOBCTL_TRAP_STOP) counts too. Patch 20 edits
     * the line patch 09 wrote; without 09 the line still reads
     * group_stop_count, whatever 20 says.
     */
    static boolean utraceMustNotSteal(Ctx c) {
        if (!c.cfg.has(9)) return groupStopCount() != 0;
        if (!c.cfg.has(20)) return c.has(JOBCTL, JOBCTL_STOP_PENDING);
        return c.has(JOBCTL, JOBCTL_PENDING_MASK);
    }

    /**
     * task_participate_group_stop(): this task's share of the stop is done;
     * the group (of one) is now stopped. Without STOP_CONSUME (a
     * STOP_PENDING that __ptrace_unlink reinstated) SIGNAL_STOP_STOPPED is
     * already set, so setting it again changes nothing.
     */
    static void participateGroupStop(Ctx c) {
        clearPending(c, JOBCTL_STOP_PENDING);
        if (!c.cfg.mutated(Mutation.GROUP_STOP_SKIPS_STOPPED_FLAG)) c.setBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
    }

    /**
     * do_signal_stop(), siglock held. Starts a group stop if none is pending
     * and a stop signal was dequeued and the group is not exiting ("if
     * (!likely(current->jobctl & JOBCTL_STOP_DEQUEUED) ||
     * unlikely(signal_group_exit(sig))) return false": a SIGCONT or SIGKILL
     * since the dequeue cancels the stop). Untraced: joins the stop, returns
     * true and the caller sleeps in TASK_STOPPED. Ptraced: "group stop is
     * handled by STOP trap", sets JOBCTL_TRAP_STOP and returns false.
     */
    static boolean doSignalStop(Ctx c) {
        if (!c.has(JOBCTL, JOBCTL_STOP_PENDING)) {
            if (!c.has(JOBCTL, JOBCTL_STOP_DEQUEUED) && !c.cfg.mutated(Mutation.SIGNAL_STOP_IGNORES_DEQUEUED)) return false;
            if (c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT) && !c.cfg.mutated(Mutation.GROUP_STOP_IGNORES_SIGKILL)) return false;
            c.setBits(JOBCTL, JOBCTL_STOP_PENDING);
        }
        if (!c.has(PTRACE, PT_PTRACED) || c.cfg.mutated(Mutation.TRACED_GROUP_STOP_UNTRAPPED)) {
            participateGroupStop(c);
            c.set(TASK_STATE, TaskState.TASK_STOPPED);
            // The mutation is the pre-3.1 group stop a utrace kernel kept for ptraced tasks: finish_stop()'s
            // "current->exit_code = current->signal->group_exit_code", so the tracer's wait reports the stop;
            // then ptrace_check_attach() finds no TASK_TRACED tracee and PTRACE_DETACH fails with -ESRCH.
            if (c.has(PTRACE, PT_PTRACED)) c.set(EXIT_CODE, Signals.number(Signals.SIGSTOP));
            return true;
        }
        c.setBits(JOBCTL, JOBCTL_TRAP_STOP);
        return false;
    }

    /**
     * ptrace_stop()'s jobctl bookkeeping, siglock held, after TASK_TRACED:
     * a CLD_STOPPED trap joins a pending group stop; "any trap clears
     * pending STOP trap".
     */
    static void ptraceStopBookkeeping(Ctx c, boolean groupStopTrap) {
        if (groupStopTrap && c.has(JOBCTL, JOBCTL_STOP_PENDING)) participateGroupStop(c);
        clearPending(c, JOBCTL_TRAP_STOP);
        // "entering a trap, clear TRAPPING"
        clearTrapping(c);
    }
}

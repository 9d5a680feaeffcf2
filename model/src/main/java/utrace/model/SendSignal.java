package utrace.model;

import static utrace.model.Slots.*;

/**
 * send_signal() of kernel/signal.c (3.1): prepare_signal() (the job-control
 * side effects of stop signals and SIGCONT, then sig_ignored()), queueing on
 * task->pending (tkill, raise, send_sig, force_sig_info, PTRACE_ATTACH's
 * SIGSTOP) or signal->shared_pending (kill), and complete_signal()'s
 * wake-up. Called with siglock held, in one step: the kernel holds siglock
 * across all of it.
 *
 * <p>Simplifications: one thread, so complete_signal() always picks the
 * tracee; a fatal signal other than SIGKILL to an untraced task is queued
 * and acted on when dequeued (the kernel's complete_signal() turns it into a
 * group exit right away: SIGNAL_GROUP_EXIT, SIGKILL queued, the task woken
 * even from TASK_STOPPED; the model has neither SIGNAL_GROUP_EXIT nor
 * group_exit_code, and no shipped scenario sends such a signal to an
 * untraced, stopped task). A blocked signal (task->blocked, set only by a
 * tracee that calls sigprocmask) is queued without a wake-up.
 */
final class SendSignal {
    private SendSignal() {}

    /**
     * Sends {@code sig} ({@code group}: to the shared queue, as kill(); else to
     * task->pending, as tkill()). Returns false if prepare_signal() dropped it
     * (an ignored signal). SIGKILL's group exit is {@link #sigkill}.
     */
    static boolean send(Ctx c, int sig, boolean group) {
        if (sig == Signals.SIGKILL) {
            sigkill(c);
            return true;
        }
        // History for signal-delivered: a signal sent to a ptraced task must reach it (or its tracer).
        if (c.has(PTRACE, PT_PTRACED)) c.setBits(G_SIG_OWED, sig);
        if (!prepareSignal(c, sig)) return false;
        if (c.cfg.mutated(Mutation.TRACED_SIGNAL_DROPPED) && Utrace.taskIsPtraceStopped(c)) {
            if (c.record) c.note(Signals.name(sig) + " for a TASK_TRACED task: dropped (mutation traced-signal-dropped)");
            return false;
        }
        // legacy_queue(): a non-rt signal already pending is not queued twice
        c.setBits(group ? SHARED_PENDING : SIGPENDING, sig);
        // complete_signal(): wants_signal() picks the tracee unless it blocks the signal ("if
        // (sigismember(&p->blocked, sig)) return 0;"), is PF_EXITING, or is stopped or traced
        // ("if (task_is_stopped_or_traced(p)) return 0;", with __TASK_UTRACED from patch 14: utrace_stop's
        // "complete_signal() considered us 'uninterested' in signal wakeups"); one thread, so otherwise
        // "It will dequeue unblocked signals before it runs again": no signal_wake_up, TIF_SIGPENDING is
        // left for recalc_sigpending_tsk() when the stop ends. A blocked signal waits in the queue:
        // sigprocmask's recalc_sigpending() sets TIF_SIGPENDING when it is unblocked.
        boolean wants = (Utrace.blocked(c) & sig) == 0 && !pfExiting(c)
            && !TaskState.isStoppedOrTraced(c.get(TASK_STATE));
        if (wants) Utrace.signalWakeUp(c, false);
        return true;
    }

    /**
     * prepare_signal(): a stop signal flushes SIGCONT from both queues; SIGCONT
     * flushes the stop signals, clears JOBCTL_STOP_PENDING (with it
     * STOP_DEQUEUED: a dequeued SIGSTOP is void too), ends the group stop and
     * wakes __TASK_STOPPED. Then !sig_ignored(): SIGCONT's default action is
     * "ignore", so it is dropped unless the task is ptraced (or, patch 05, an
     * engine wants SIGNAL_IGN); a handler or another default action keeps the
     * signal.
     */
    static boolean prepareSignal(Ctx c, int sig) {
        if (c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT)) {
            // "The process is in the middle of dying, nothing to do."
        } else if ((sig & Signals.STOP_MASK) != 0) {
            if (!c.cfg.mutated(Mutation.STOP_SIGNAL_KEEPS_SIGCONT)) flush(c, Signals.SIGCONT);
            c.clearBits(G_TASK, G_CONT_AFTER_STOP); // history: a stop is asked for again
        } else if (sig == Signals.SIGCONT) {
            flush(c, Signals.STOP_MASK);
            if (c.cfg.mutated(Mutation.SIGCONT_KEEPS_STOP_PENDING)) c.note("JOBCTL_STOP_PENDING kept (mutation sigcont-keeps-stop-pending)");
            else JobCtl.clearPending(c, JOBCTL_STOP_PENDING);
            c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
            c.setBits(G_TASK, G_CONT_AFTER_STOP); // history: every earlier SIGSTOP is cancelled
            if (c.cfg.mutated(Mutation.SIGCONT_DOES_NOT_WAKE)) c.note("SIGCONT does not wake __TASK_STOPPED (mutation sigcont-does-not-wake)");
            else Utrace.wakeUpQuiescent(c, TaskState.STOPPED_BIT);
        }
        return !sigIgnored(c, sig);
    }

    /** rm_from_queue() on both queues; the flushed signals are no longer owed (history). */
    static void flush(Ctx c, int mask) {
        c.clearBits(SIGPENDING, mask);
        c.clearBits(SHARED_PENDING, mask);
        c.clearBits(G_SIG_OWED, mask);
        if ((mask & Signals.SIGKILL) != 0) c.taskGhostClear(G_SIGKILL_UNTAKEN);
    }

    /**
     * sig_ignored(): SIG_DFL with a default action of "ignore" (SIGCONT; the
     * model has no SIG_IGN handlers); "Tracers may want to know about even
     * ignored signals" (!t->ptrace), and patch 05's !UTRACE_FLAG(t, SIGNAL_IGN).
     */
    private static boolean sigIgnored(Ctx c, int sig) {
        if (c.model.scenario().handler(sig).installed()) return false;
        if (Signals.defaultAction(sig) != Signals.DefaultAction.IGNORE) return false;
        return (!c.has(PTRACE, PT_PTRACED) || c.cfg.mutated(Mutation.SIGCONT_IGNORED_WHILE_PTRACED)) && !(c.cfg.has(5) && c.has(UTRACE_FLAGS, Events.SIGNAL_IGN));
    }

    /**
     * signal->group_exit_code while SIGNAL_GROUP_EXIT, else 0. One thread: only complete_signal()
     * of SIGKILL starts a group exit (do_group_exit() of exit() or of a fatal signal does not), so
     * the code is SIGKILL's number. do_group_exit() exits with it, and wait_task_zombie() reports it
     * ("status = SIGNAL_GROUP_EXIT ? group_exit_code : exit_code") whatever exit_code says.
     */
    static int groupExitCode(Ctx c) {
        return c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT) ? Signals.number(Signals.SIGKILL) : 0;
    }

    /**
     * PF_EXITING: do_exit() sets it in exit_signals(), after tracehook_report_exit() (so the report_exit
     * stop is before it) and before exit_notify(). The model's EXIT_NOTIFY step stands for exit_signals()
     * through exit_notify(), so the task is PF_EXITING once exit_state is set: a SIGKILL before that step
     * is one the kernel may take before exit_signals() (a group exit), one after it is queued only. Reading
     * exit_state, not the tracee's pc, keeps the killer independent of the tracee's other steps (--por).
     * exit_signals() sets PF_EXITING under siglock, which the sender holds: under the weak memory model it sees
     * the flag even while exit_notify's plain store of exit_state (pair B3) still sits in the tracee's store
     * buffer, so the proxy is read as the latest value.
     */
    static boolean pfExiting(Ctx c) {
        return c.latest(EXIT_STATE) != TaskState.EXIT_NONE;
    }

    /**
     * complete_signal() for SIGKILL: fatal, the group exits; wake even
     * TASK_WAKEKILL sleepers. signal->flags = SIGNAL_GROUP_EXIT ends the group
     * stop, with signal->group_exit_code = SIGKILL (not kept: the model's only
     * group exit is SIGKILL's; see {@link #groupExitCode}); task_clear_jobctl_pending(t,
     * JOBCTL_PENDING_MASK) (which clears JOBCTL_TRAPPING too). SIGKILL goes to
     * task->pending, where fatal_signal_pending() looks.
     */
    static void sigkill(Ctx c) {
        c.setBits(SIGPENDING, Signals.SIGKILL);
        c.taskGhostSet(G_KILLED | G_SIGKILL_UNTAKEN);
        // The group is exiting: no stop can take effect any more, so the history bit of
        // sigcont-ends-stop is dropped (and does not split the states after SIGKILL).
        c.clearBits(G_TASK, G_CONT_AFTER_STOP);
        if (pfExiting(c) && !c.cfg.mutated(Mutation.SIGKILL_IGNORES_PF_EXITING)) {
            // complete_signal(): wants_signal() is 0 for PF_EXITING, and with one thread "if (!group ||
            // thread_group_empty(p)) return;": no group exit, no group_exit_code, no wake-up; the SIGKILL
            // is only queued. (A task killed before exit_signals() got its group exit then.)
            return;
        }
        // signal->flags = SIGNAL_GROUP_EXIT: the group stop ends with it
        if (!c.cfg.mutated(Mutation.SIGKILL_KEEPS_GROUP_STOP)) c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        c.setBits(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT);
        if (!c.cfg.mutated(Mutation.SIGKILL_KEEPS_JOBCTL_PENDING)) JobCtl.clearPending(c, JOBCTL_PENDING_MASK);
        Utrace.signalWakeUp(c, !c.cfg.mutated(Mutation.SIGKILL_SKIPS_WAKEKILL));
    }
}

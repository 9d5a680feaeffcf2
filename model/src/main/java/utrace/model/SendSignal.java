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
 * tracee; in wants_signal()'s last test, "task_curr(p) || !signal_pending(p)",
 * a running tracee is taken to be on a CPU (the kernel can also find it
 * preempted with a signal already pending, and then queues a fatal signal
 * without the fast group exit below). A blocked signal (task->blocked, set
 * only by a tracee that calls sigprocmask) is queued without a wake-up.
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
        int queue = group ? SHARED_PENDING : SIGPENDING;
        // legacy_queue(): a non-rt signal already pending is not queued twice, and __send_signal() returns
        // before complete_signal(): no wake-up, no group exit
        if (c.has(queue, sig)) return true;
        c.setBits(queue, sig);
        // complete_signal(): one thread, so a task wants_signal() refuses gets no signal_wake_up ("It will
        // dequeue unblocked signals before it runs again"): TIF_SIGPENDING is left for recalc_sigpending when
        // it runs. A blocked signal waits in the queue: sigprocmask's recalc_sigpending() sets TIF_SIGPENDING
        // when it is unblocked.
        if (!wantsSignal(c, sig)) return true;
        if (fatalToTheGroup(c, sig)) {
            // The group exit queues SIGKILL: the sigkill-wins history, whether or not the mutation skips it.
            c.taskGhostSet(G_KILLED);
            if (c.cfg.mutated(Mutation.FATAL_SIGNAL_QUEUED)) {
                if (c.record) c.note(Signals.name(sig) + " is fatal and nobody traces it: queued only (mutation fatal-signal-queued)");
            } else {
                // An engine asked for this signal's event and is not told (only without patch 04's hook):
                // events-reported judges it, as at a dequeue no engine intercepts.
                c.observe(Obs.signalUnreported(Events.SIGNAL_TERM, sig));
                if (c.record) c.note("complete_signal: " + Signals.name(sig) + " is fatal and nobody traces it: the group exits at once");
                groupExit(c, sig);
                return true;
            }
        }
        Utrace.signalWakeUp(c, false);
        return true;
    }

    /**
     * wants_signal() (3.1) for a signal other than SIGKILL: "if (sigismember(&p->blocked, sig)) return 0;", "if
     * (p->flags & PF_EXITING) return 0;", "if (task_is_stopped_or_traced(p)) return 0;", "return task_curr(p) ||
     * !signal_pending(p);". task_is_stopped_or_traced() tests __TASK_STOPPED | __TASK_TRACED only: patch 14 added
     * __TASK_UTRACED without adding it there, so a task asleep in utrace_stop() (TASK_UTRACED, patch 15) is
     * wanted when no signal is pending (utrace_stop's comment "complete_signal() considered us 'uninterested'" is
     * from the TASK_TRACED days); a fatal signal nobody traces then wakes it (TASK_WAKEKILL) to die. task_curr():
     * the tracee is on a CPU while TASK_RUNNING (see the class comment) and off it otherwise, which the kernel's
     * differs from only between utrace_stop's unlock and its schedule(), with TIF_SIGPENDING already set; reading
     * the state, not the tracee's pc, keeps the killers independent of the tracee's other steps (--por).
     */
    private static boolean wantsSignal(Ctx c, int sig) {
        if ((Utrace.blocked(c) & sig) != 0 || pfExiting(c)) return false;
        int stopped = TaskState.STOPPED_BIT | TaskState.TRACED_BIT
            | (c.cfg.mutated(Mutation.WANTS_SIGNAL_SKIPS_UTRACED) ? TaskState.UTRACED_BIT : 0);
        if ((c.get(TASK_STATE) & stopped) != 0) return false;
        return c.get(TASK_STATE) == TaskState.RUNNING || !c.has(TIF, Tif.SIGPENDING);
    }

    /**
     * complete_signal()'s test for a fatal signal: sig_fatal() (SIG_DFL, a default action that is neither
     * "ignore" nor "stop"), no group exit yet (!SIGNAL_GROUP_EXIT; the model has no SIGNAL_UNKILLABLE and
     * no real_blocked), "(sig == SIGKILL || !tracehook_consider_fatal_signal(t, sig))" (patch 04: an engine
     * watching SIGNAL_TERM or SIGNAL_CORE, or ptrace, wants to see it; before 04, "!t->ptrace"), and
     * !sig_kernel_coredump(sig): a signal that dumps core (SIGQUIT, SIGTRAP) takes the slow path.
     */
    private static boolean fatalToTheGroup(Ctx c, int sig) {
        if (!mayExitTheGroup(c.model, sig)) return false;
        if (c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT)) return false;
        return !considerFatalSignal(c);
    }

    /** Whether sending {@code sig} can start the fast group exit in this scenario (footprints: no handler, a terminating default). */
    static boolean mayExitTheGroup(Model model, int sig) {
        return sig != Signals.SIGKILL && !model.scenario().handler(sig).installed()
            && Signals.defaultAction(sig) == Signals.DefaultAction.TERMINATE;
    }

    /**
     * tracehook_consider_fatal_signal() (patch 04): "task_utrace_flags(task) & (UTRACE_EVENT(SIGNAL_TERM) |
     * UTRACE_EVENT(SIGNAL_CORE))", else "task->ptrace != 0". Without 04, complete_signal's own "!t->ptrace".
     * utrace_flags is read without utrace->lock.
     */
    static boolean considerFatalSignal(Ctx c) {
        if (c.cfg.has(4) && c.has(UTRACE_FLAGS, Events.SIGNAL_TERM | Events.SIGNAL_CORE)) return true;
        return c.get(PTRACE) != 0;
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
     * signal->group_exit_code while SIGNAL_GROUP_EXIT, else 0. One thread: only complete_signal() starts a
     * group exit (do_group_exit() of exit() or of a fatal signal does not), for SIGKILL or for a fatal signal
     * nobody traces; do_group_exit() exits with it, and wait_task_zombie() reports it ("status =
     * SIGNAL_GROUP_EXIT ? group_exit_code : exit_code") whatever exit_code says.
     */
    static int groupExitCode(Ctx c) {
        int flags = c.get(SIGNAL_FLAGS);
        if ((flags & SIGNAL_GROUP_EXIT) == 0) return 0;
        int number = (flags & SIGNAL_GROUP_EXIT_SIG) >> SIGNAL_GROUP_EXIT_SIG_SHIFT;
        return number != 0 ? number : Signals.number(Signals.SIGKILL);
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
     * TASK_WAKEKILL sleepers. SIGKILL goes to task->pending, where
     * fatal_signal_pending() looks. To a task past exit_signals() it is only
     * queued; after a group exit began, complete_signal's test fails
     * (SIGNAL_GROUP_EXIT) and it only wakes the task.
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
        if (c.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT)) {
            // a group exit came first (an earlier SIGKILL, or an unwatched fatal signal): complete_signal only
            // does "signal_wake_up(t, sig == SIGKILL)"
            Utrace.signalWakeUp(c, true);
            return;
        }
        groupExit(c, Signals.SIGKILL);
    }

    /**
     * complete_signal()'s group exit: "signal->flags = SIGNAL_GROUP_EXIT" (which ends the group stop) with
     * signal->group_exit_code = sig (kept in SIGNAL_FLAGS, 0 standing for SIGKILL's), then
     * task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK) (which clears JOBCTL_TRAPPING too),
     * "sigaddset(&t->pending.signal, SIGKILL)" and signal_wake_up(t, 1).
     */
    private static void groupExit(Ctx c, int sig) {
        if (sig != Signals.SIGKILL) {
            c.setBits(SIGPENDING, Signals.SIGKILL);
            c.taskGhostSet(G_SIGKILL_UNTAKEN);
            c.clearBits(G_TASK, G_CONT_AFTER_STOP);
        }
        if (!c.cfg.mutated(Mutation.SIGKILL_KEEPS_GROUP_STOP)) c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        int code = sig == Signals.SIGKILL ? 0 : Signals.number(sig) << SIGNAL_GROUP_EXIT_SIG_SHIFT;
        c.setBits(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT | code);
        if (!c.cfg.mutated(Mutation.SIGKILL_KEEPS_JOBCTL_PENDING)) JobCtl.clearPending(c, JOBCTL_PENDING_MASK);
        Utrace.signalWakeUp(c, !c.cfg.mutated(Mutation.SIGKILL_SKIPS_WAKEKILL));
    }
}

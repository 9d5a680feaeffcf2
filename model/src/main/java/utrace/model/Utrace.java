package utrace.model;

import static utrace.model.Slots.*;

/**
 * The kernel helpers that run inside one atomic step, named and ordered as
 * in kernel/utrace.c (patch 01) and kernel/signal.c. Callers have checked that
 * the locks these take are free; "called with utrace->lock held" means the
 * step either holds it across steps already or runs the whole locked section
 * atomically.
 */
final class Utrace {
    private Utrace() {}

    /**
     * The stop bit utrace uses: __TASK_UTRACED from patch 15 on, before that
     * utrace shared __TASK_TRACED with ptrace.
     */
    static int utraceStopBit(Ctx c) {
        return c.cfg.has(15) ? TaskState.UTRACED_BIT : TaskState.TRACED_BIT;
    }

    /** task_is_utraced() (patch 15), task_is_traced() before it: is utrace's stop bit set? */
    static boolean taskIsTraced(Ctx c) {
        return (c.get(TASK_STATE) & utraceStopBit(c)) != 0;
    }

    /** task_is_traced(): ptrace's own bit. */
    static boolean taskIsPtraceStopped(Ctx c) {
        return (c.get(TASK_STATE) & TaskState.TRACED_BIT) != 0;
    }

    /** ptrace_wants_step() (patch 26). */
    static boolean ptraceWantsStep(Ctx c) {
        return c.cfg.has(26) && c.has(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK);
    }

    static boolean taskIsStopped(Ctx c) {
        return (c.get(TASK_STATE) & TaskState.STOPPED_BIT) != 0;
    }

    static boolean fatalSignalPending(Ctx c) {
        return (c.get(SIGPENDING) & Signals.SIGKILL) != 0;
    }

    /** splice_attaching(): move ->attaching to the tail of ->attached. */
    static void spliceAttaching(Ctx c) {
        c.set(ATTACHED, EngineList.concat(c.get(ATTACHED), c.get(ATTACHING)));
        c.set(ATTACHING, EngineList.EMPTY);
        c.clearBits(UBITS, U_PENDING_ATTACH);
    }

    /** mark_engine_wants_stop(). */
    static void markEngineWantsStop(Ctx c, int e) {
        c.flags(e, c.flags(e) | Events.ENGINE_STOP);
        c.setBits(UTRACE_FLAGS, Events.ENGINE_STOP);
    }

    static void clearEngineWantsStop(Ctx c, int e) {
        c.flags(e, c.flags(e) & ~Events.ENGINE_STOP);
    }

    /**
     * History for no-lost-wakeup: what an engine last said about the stop, from utrace_control() (after its action
     * is applied) or finish_callback_report(). UTRACE_STOP ends a let-go; any other word but DETACH, "reversing the
     * effect of a previous %UTRACE_STOP" (utrace.h), is recorded only if ENGINE_STOP survived it, which
     * clear_engine_wants_stop() never lets happen on the full series.
     */
    static void lastWord(Ctx c, int e, int action) {
        if (action == Actions.STOP) {
            if (c.ghost(e, EG_LET_GO)) c.ghostClear(e, EG_LET_GO);
        } else if (action != Actions.DETACH && engineWantsStop(c, e) && !c.ghost(e, EG_LET_GO)) {
            c.ghostSet(e, EG_LET_GO);
        }
    }

    static boolean engineWantsStop(Ctx c, int e) {
        return (c.flags(e) & Events.ENGINE_STOP) != 0;
    }

    /** mark_engine_detached(): ops first, smp_wmb, then flags (barrier pair B2). */
    static void markEngineDetached(Ctx c, int e) {
        c.store(engine(e, E_OPS), Ops.DETACHED);
        c.fence(Barrier.B2_WRITER);
        c.store(engine(e, E_FLAGS), Events.QUIESCE);
        c.ghostClear(e, EG_STOP_OWED | EG_EXIT_STOP); // a detached engine is owed nothing, holds nothing
        TraceeReport.stepNotOwedTo(c, e); // not a step either (engine-step-kept)
    }

    /** utrace_engine_put(): drop a reference; the engine is freed at zero. */
    static void enginePut(Ctx c, int e) {
        int r = c.ref(e) - 1;
        c.ref(e, r);
        if (r == 0) c.ghostSet(e, EG_FREED);
    }

    /**
     * set_notify_resume(): test_and_set_tsk_thread_flag(TIF_NOTIFY_RESUME), a
     * value-returning atomic and so a full barrier (pair B5 with
     * tracehook_notify_resume). Without it [B5.writer removed] the flag is a
     * plain buffered store that may reach memory before utrace->resume.
     */
    static void setNotifyResume(Ctx c) {
        c.fence(Barrier.B5_WRITER);
        if (c.cfg.weak() && !c.cfg.barrier(Barrier.B5_WRITER)) c.store(TIF, Tif.NOTIFY_RESUME, Tif.NOTIFY_RESUME);
        else c.setBits(TIF, Tif.NOTIFY_RESUME);
    }

    /** wake_up_state(): a sleeping task whose state matches becomes TASK_RUNNING. */
    static boolean wakeUpState(Ctx c, int mask) {
        if ((c.get(TASK_STATE) & mask) != 0) {
            c.set(TASK_STATE, TaskState.RUNNING);
            return true;
        }
        return false;
    }

    /**
     * wake_up_quiescent() (patch 11); from patch 17 "selective": clear only
     * the caller's stop bits and wake only when no stop bit is left, so a
     * TRACED|UTRACED task runs only when both ptrace and utrace let it.
     */
    static boolean wakeUpQuiescent(Ctx c, int mask) {
        if (c.cfg.has(17)) {
            int quiescent = c.get(TASK_STATE) & TaskState.STOP_BITS;
            if (quiescent != 0 && (quiescent & ~mask) != 0) {
                c.set(TASK_STATE, c.get(TASK_STATE) & ~mask);
                return false;
            }
        }
        return wakeUpState(c, mask);
    }

    /**
     * recalc_sigpending_tsk()'s "PENDING(&t->pending, &t->blocked) || PENDING(&t->signal->shared_pending,
     * &t->blocked)": a signal is queued that the task does not block.
     */
    static boolean signalPending(Ctx c) {
        return ((c.get(SIGPENDING) | c.get(SHARED_PENDING)) & ~blocked(c)) != 0;
    }

    /** task->blocked (sigprocmask); empty unless the scenario's tracee blocks a signal. */
    static int blocked(Ctx c) {
        int slot = c.model.tracee().blockedSlot();
        return slot < 0 ? 0 : c.get(slot);
    }

    /** signal_wake_up(t, resume): TIF_SIGPENDING, then wake INTERRUPTIBLE (and WAKEKILL if resume). */
    static void signalWakeUp(Ctx c, boolean resume) {
        c.setBits(TIF, Tif.SIGPENDING);
        wakeUpState(c, TaskState.INTERRUPTIBLE | (resume ? TaskState.WAKEKILL : 0));
    }

    /**
     * recalc_sigpending() of current: TIF_SIGPENDING iff job control is pending
     * (recalc_sigpending_tsk: task->jobctl & JOBCTL_PENDING_MASK), a signal
     * the task does not block is pending in task->pending or signal->shared_pending or, from patch 05
     * on, utrace->resume == UTRACE_INTERRUPT; else the flag is cleared.
     */
    static void recalcSigpending(Ctx c) {
        boolean pending = c.has(JOBCTL, JOBCTL_PENDING_MASK) || signalPending(c)
            || (c.cfg.has(5) && c.get(UTRACE_FLAGS) != 0 && c.get(RESUME) == Actions.INTERRUPT);
        if (pending) c.setBits(TIF, Tif.SIGPENDING);
        else c.clearBits(TIF, Tif.SIGPENDING);
    }

    /**
     * recalc_sigpending_tsk(): sets TIF_SIGPENDING if job control or a signal
     * is pending, and "never clears the flag" ("We must never clear the flag
     * in another thread, or in current when it's possible the current syscall
     * is returning -ERESTART*"). ptrace_stop() ends with it. Patch 05's utrace
     * hook is in recalc_sigpending() only.
     */
    static void recalcSigpendingTsk(Ctx c) {
        if (c.has(JOBCTL, JOBCTL_PENDING_MASK) || signalPending(c)) {
            c.setBits(TIF, Tif.SIGPENDING);
        }
    }

    /**
     * utrace_do_stop(): a stopped task becomes utrace-stopped under siglock
     * (patch 01: STOPPED becomes TASK_TRACED; patch 15: UTRACED is added to
     * a STOPPED or TRACED task); a running one is asked for a report.
     * Returns task_is_utraced() (task_is_traced() before patch 15).
     */
    static boolean utraceDoStop(Ctx c) {
        int state = c.get(TASK_STATE);
        if (c.cfg.has(15) && (state & (TaskState.STOPPED_BIT | TaskState.TRACED_BIT)) != 0) {
            c.set(TASK_STATE, state | TaskState.UTRACED_BIT);
        } else if (!c.cfg.has(15) && taskIsStopped(c)) {
            c.set(TASK_STATE, TaskState.TASK_TRACED);
        } else if (c.get(RESUME) > Actions.REPORT) {
            c.store(RESUME, Actions.REPORT); // pair B5
            setNotifyResume(c);
        }
        return taskIsTraced(c);
    }

    /**
     * utrace_wakeup(): before patch 09, back to TASK_STOPPED if the group is
     * stopped; else wake_up_quiescent() on utrace's stop bit.
     */
    static void utraceWakeup(Ctx c) {
        if (!c.cfg.has(9) && (c.get(SIGNAL_FLAGS) & SIGNAL_STOP_STOPPED) != 0) {
            c.set(TASK_STATE, TaskState.TASK_STOPPED);
        } else {
            int bit = c.cfg.mutated(Mutation.WAKEUP_USES_TRACED_BIT) ? TaskState.TRACED_BIT : utraceStopBit(c);
            wakeUpQuiescent(c, bit);
        }
    }

    /**
     * utrace_reset(): drop detached engines, recompute utrace_flags, wake the
     * task if no engine wants it stopped. Called with utrace->lock held,
     * returns with it released; then put_detached_list(). True if fully
     * detached.
     */
    static boolean utraceReset(Ctx c) {
        return utraceReset(c, c.has(PTRACE, PT_SYSCALL_TRACE));
    }

    /**
     * utrace_reset() with task->ptrace's PT_SYSCALL_TRACE as the caller read
     * it. utrace_control reads it when it takes the lock: before patch 25
     * ptrace_set_syscall_trace() does not take utrace->lock, so ptrace can
     * set the flag between that read and the clear of TIF_SYSCALL_TRACE.
     */
    static boolean utraceReset(Ctx c, boolean ptSyscallTrace) {
        if (!c.cfg.mutated(Mutation.RESET_SKIPS_SPLICE)) spliceAttaching(c);
        int flags = 0;
        int attached = c.get(ATTACHED);
        int kept = EngineList.EMPTY;
        int detached = EngineList.EMPTY;
        for (int i = 0, n = EngineList.size(attached); i < n; i++) {
            int e = EngineList.get(attached, i);
            if (c.ops(e) == Ops.DETACHED) {
                c.ops(e, Ops.NULL);
                detached = EngineList.append(detached, e);
            } else {
                int f = c.flags(e);
                if (c.cfg.mutated(Mutation.RESET_IGNORES_OTHER_STOPPERS)) f &= ~Events.ENGINE_STOP;
                flags |= f | Events.REAP;
                kept = EngineList.append(kept, e);
            }
        }
        c.set(ATTACHED, kept);
        if (c.get(EXIT_STATE) != 0) {
            // Once dead, only REAP: utrace_release_task then knows report_death never runs.
            flags &= Events.REAP;
        } else if ((flags & Events.SYSCALL) == 0 && !(c.cfg.has(23) && ptSyscallTrace)
                && c.has(TIF, Tif.SYSCALL_TRACE)) {
            c.clearBits(TIF, Tif.SYSCALL_TRACE);
        }
        if (flags == 0) {
            c.set(RESUME, Actions.RESUME);
            // history: no engine is left for the repeat report_syscall_entry a REPORT asked (callback-promised);
            // an engine attached later was never promised it, and the kernel makes none (resume is RESUME now)
            if (c.taskGhost(G_RESUMED_ASKED)) c.taskGhostClear(G_RESUMED_ASKED);
            TraceeReport.stepOwed(c, false); // nobody is left to be owed a step (utrace->resume = UTRACE_RESUME)
            if (!c.cfg.mutated(Mutation.RESET_KEEPS_SIGNAL_HANDLER)) c.clearBits(UBITS, U_SIGNAL_HANDLER);
            // history (signal-report-action): an engine attached from now on never set a handler up
            if (c.taskGhost(G_HANDLER_ALL)) c.taskGhostClear(G_HANDLER_ALL);
            if (c.has(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED)) c.clearBits(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED); // handler-report-made: nobody is owed it
        }
        if (taskIsTraced(c) && (flags & Events.ENGINE_STOP) == 0) {
            if (c.get(RESUME) == Actions.RESUME) userDisableSingleStep(c);
            utraceWakeup(c);
        }
        c.set(UTRACE_FLAGS, flags);
        c.unlock(LOCK_UTRACE);
        for (int i = 0, n = EngineList.size(detached); i < n; i++) enginePut(c, EngineList.get(detached, i));
        if (c.record && detached != 0) c.note("utrace_reset dropped " + EngineList.format(detached, c::engineName));
        return flags == 0;
    }

    static void userDisableSingleStep(Ctx c) {
        c.clearBits(TIF, Tif.SINGLESTEP);
        c.clearBits(G_PTRACE, G_UTRACE_STEP);
    }

    /** Does start_report() need utrace->lock this time? */
    static boolean startReportLocks(Ctx c) {
        int resume = c.get(RESUME);
        return c.has(UBITS, U_PENDING_ATTACH) || (resume > Actions.INTERRUPT && resume < Actions.RESUME);
    }

    /** start_report(): splice new engines and take over a pending REPORT/step request. */
    static int startReport(Ctx c) {
        int resume = c.get(RESUME);
        if (startReportLocks(c)) {
            spliceAttaching(c);
            resume = c.get(RESUME);
            if (resume > Actions.INTERRUPT) c.set(RESUME, Actions.RESUME);
        }
        // history (engine-step-kept): the pass a REPORT or INTERRUPT asked for chooses again, even if it calls no
        // live engine (another engine's DETACH or REPORT lowered utrace->resume: not judged, invariants.md)
        if (resume == Actions.REPORT || resume == Actions.INTERRUPT) TraceeReport.stepOwed(c, false);
        return resume;
    }

    /**
     * utrace_maybe_reap()'s teardown, with utrace->lock held: clear
     * utrace_flags and take both lists so find_matching_engine() cannot see
     * them. Returns the private list the caller then walks.
     */
    static int reapTeardown(Ctx c) {
        if (!c.cfg.mutated(Mutation.REAP_KEEPS_UTRACE_FLAGS)) c.set(UTRACE_FLAGS, 0);
        int list = EngineList.concat(c.get(ATTACHED), c.get(ATTACHING));
        c.set(ATTACHED, EngineList.EMPTY);
        c.set(ATTACHING, EngineList.EMPTY);
        c.taskGhostSet(G_TORN_DOWN);
        return list;
    }

    /**
     * Marks a teardown list whose first engine's report_reap has been called and has not returned.
     * Engine lists use 3 bits per entry, at most ScenarioParser.MAX_ENGINES (4) entries: 12 bits, so this
     * bit is never an entry's. It stays below 2^15: the explorer stores slots as 16-bit values and a larger
     * one sends every state of the level through its slow escape path (a 10% slower search, measured).
     */
    static final int REAP_CALLBACK_RUNNING = 1 << 14;

    /**
     * One iteration of utrace_maybe_reap()'s teardown loop, lock-free: report_reap if REAP is wanted,
     * then ops = NULL, flags = 0, list_del_init and the put. A live engine's report_reap is a step of its
     * own: the kernel runs it without the lock, with engine->ops still set and utrace->reap already set,
     * so calls on the engine (get_utrace_lock: -ESRCH) can meet it (findings.md, finding 10). The step
     * after it does the rest. Returns the rest of the list, marked while a report_reap runs.
     */
    static int reapOne(Ctx c, int list) {
        if ((list & REAP_CALLBACK_RUNNING) != 0) {
            list &= ~REAP_CALLBACK_RUNNING;
            int e = EngineList.first(list);
            c.ghostClear(e, EG_IN_CALLBACK);
            if (c.record) c.note("report_reap(" + c.engineName(e) + ") returned");
            return detachReaped(c, list, e);
        }
        int e = EngineList.first(list);
        boolean live = c.ops(e) == Ops.LIVE;
        if ((c.flags(e) & Events.REAP) != 0 && !c.cfg.mutated(Mutation.REAP_SKIPS_REPORT)) {
            c.observe(Obs.callback(e, Events.REAP, Actions.RESUME, live));
            if (c.record) c.note((live ? "report_reap" : "utrace_detached_reap") + " for " + c.engineName(e));
            if (live) {
                c.ghostSet(e, EG_REAP_CALLED | EG_IN_CALLBACK);
                return list | REAP_CALLBACK_RUNNING;
            }
        } else {
            if (c.record) c.note("no report_reap for " + c.engineName(e));
        }
        return detachReaped(c, list, e);
    }

    /** The rest of a teardown iteration: ops = NULL, flags = 0, list_del_init, utrace_engine_put. */
    private static int detachReaped(Ctx c, int list, int e) {
        // What reap-after-death's "report_reap is made" clause reads: a live engine leaving with its flags.
        if (c.ops(e) == Ops.LIVE) c.observe(Obs.engineReaped(e, c.flags(e), c.ghost(e, EG_REAP_CALLED)));
        c.ops(e, Ops.NULL);
        c.flags(e, 0);
        enginePut(c, e);
        return EngineList.remove(list, e);
    }
}

package utrace.model;

import static utrace.model.Slots.*;

/**
 * The engine-facing calls of kernel/utrace.c (patch 01) as locked sections:
 * utrace_add_engine, get_utrace_lock, utrace_set_events, utrace_control.
 * Used by engine owners and by callbacks calling them on themselves.
 */
final class EngineApi {
    private EngineApi() {}

    /**
     * get_utrace_lock(): -ESRCH (or -ERESTARTSYS for utrace_barrier, which
     * passes attached=false) if the engine is detached or the task is being
     * reaped; 0 means the caller now holds utrace->lock.
     */
    static int getUtraceLock(Ctx c, int e, boolean attached) {
        int ops = c.ops(e);
        if (ops == Ops.NULL) return Errno.ESRCH;
        // utrace_barrier (attached false) waits for an engine marked detached: it may still be in an old callback
        boolean waitsForDetached = !attached && !c.cfg.mutated(Mutation.BARRIER_ESRCH_WHILE_DETACHING);
        boolean missesDetachedOps = attached && c.cfg.mutated(Mutation.GET_UTRACE_LOCK_MISSES_DETACHED_OPS);
        if (ops == Ops.DETACHED && !missesDetachedOps) return waitsForDetached ? Errno.ERESTARTSYS : Errno.ESRCH;
        // spin_lock(&utrace->lock): the caller checked it is free.
        if (c.has(UBITS, U_REAP) || c.ops(e) != Ops.LIVE && !missesDetachedOps) {
            return waitsForDetached && c.ops(e) == Ops.DETACHED ? Errno.ERESTARTSYS : Errno.ESRCH;
        }
        c.lock(LOCK_UTRACE);
        return Errno.OK;
    }

    /** utrace_add_engine(): with utrace->lock, enqueue on ->attaching (or back off from a dead task). */
    /**
     * find_matching_engine() with no UTRACE_ATTACH_MATCH_* flag: the first engine on ->attached, then on
     * ->attaching, whose ops are set and are not utrace_detached_ops (engine_matches()); -1 if none.
     */
    static int matchingEngine(Ctx c) {
        for (int slot : new int[] {ATTACHED, ATTACHING}) {
            int list = c.get(slot);
            for (int i = 0, n = EngineList.size(list); i < n; i++) {
                int e = EngineList.get(list, i);
                if (c.ops(e) == Ops.LIVE) return e;
            }
        }
        return -1;
    }

    static int addEngine(Ctx c, int e) {
        if (c.get(UTRACE_FLAGS) == 0) {
            c.store(UTRACE_FLAGS, Events.REAP);
            // smp_mb() (pair B3 with utrace_release_task): either release_task sees
            // utrace_flags != 0 or we see EXIT_DEAD.
            c.fence(Barrier.B3_WRITER);
            if (c.get(EXIT_STATE) == TaskState.EXIT_DEAD && !c.cfg.mutated(Mutation.ADD_ENGINE_IGNORES_EXIT_DEAD)) {
                if (!c.cfg.mutated(Mutation.ADD_ENGINE_BACKOFF_KEEPS_FLAGS)) c.store(UTRACE_FLAGS, 0);
                if (c.cfg.mutated(Mutation.ADD_ENGINE_BACKOFF_RETURNS_ZERO)) {
                    c.note("backed off from the dead task, but returns 0 (mutation add-engine-backoff-returns-zero)");
                    return Errno.OK;
                }
                return Errno.ESRCH;
            }
        }
        if (c.cfg.mutated(Mutation.ADD_ENGINE_SPLICES_IMMEDIATELY)) {
            c.set(ATTACHED, EngineList.append(c.get(ATTACHED), e));
        } else {
            c.set(ATTACHING, EngineList.append(c.get(ATTACHING), e));
            if (!c.cfg.mutated(Mutation.ADD_ENGINE_SKIPS_PENDING_ATTACH)) c.setBits(UBITS, U_PENDING_ATTACH);
        }
        // A new engine (kmem_cache_zalloc): an owner attaching again after its put reuses the slot of an engine
        // already freed (Owner refuses while it is not), so the old engine's history goes with it.
        if (c.get(engine(e, E_GHOST)) != 0) c.set(engine(e, E_GHOST), 0);
        if (c.get(engine(e, E_MASK)) != 0) c.set(engine(e, E_MASK), 0);
        // kref_init() gives the caller's reference; utrace_engine_get() the attached one.
        c.ops(e, Ops.LIVE);
        c.flags(e, 0);
        c.ref(e, 2);
        c.ghostSet(e, EG_OWNER_REF);
        int seq = c.get(G_ATTACH_COUNT);
        c.set(engine(e, E_SEQ), seq);
        c.set(G_ATTACH_COUNT, seq + 1);
        if (c.taskGhost(G_PASS_ACTIVE)) c.ghostSet(e, EG_ATTACHED_IN_PASS);
        return Errno.OK;
    }

    /** utrace_set_events' "stopped" test: task_is_utraced() from patch 15 on, task_is_stopped_or_traced() before. */
    private static boolean seesStopped(Ctx c) {
        return c.cfg.has(15) ? Utrace.taskIsTraced(c) : TaskState.isStoppedOrTraced(c.get(TASK_STATE));
    }

    /** Did an -EINPROGRESS return leave the engine's new mask waiting for the owner's utrace_barrier()? */
    private static boolean barrierPending(Ctx c, int e) {
        return (c.get(engine(e, E_MASK)) & E_MASK_AFTER_BARRIER) != 0 && !c.ghost(e, EG_MASK_VALID);
    }

    /** Does utrace_set_events() need tasklist_lock (it newly sets DEATH or QUIESCE)? */
    static boolean setEventsNeedsTasklist(Ctx c, int e, int events) {
        int old = c.flags(e) & ~Events.ENGINE_STOP;
        return ((events & ~old) & Events.DEATH_EVENTS) != 0;
    }

    /**
     * utrace_set_events() after get_utrace_lock() succeeded; releases the lock.
     * {@code current}: the call comes from the tracee itself (a callback).
     */
    static int setEventsLocked(Ctx c, int e, int events, boolean current) {
        events &= ~Events.ENGINE_STOP;
        int oldUtraceFlags = c.get(UTRACE_FLAGS);
        int old = c.flags(e) & ~Events.ENGINE_STOP;
        boolean utraceStopped = Utrace.taskIsTraced(c) && c.get(EXIT_STATE) == 0;
        int ret;
        if (((old & ~events) & Events.DEATH_EVENTS) != 0 && c.has(UBITS, U_DEATH)
                && !c.cfg.mutated(Mutation.SET_EVENTS_IGNORES_DEATH)) {
            ret = Errno.EALREADY;
        } else if (((events & ~old) & Events.DEATH_EVENTS) != 0 && c.get(EXIT_STATE) != 0
                && !c.cfg.mutated(Mutation.SET_EVENTS_IGNORES_EXIT_STATE)) {
            // read_lock(&tasklist_lock) synchronizes with exit_notify().
            ret = Errno.EALREADY;
        } else {
            c.store(engine(e, E_FLAGS), events | (c.flags(e) & Events.ENGINE_STOP));
            if (!c.cfg.mutated(Mutation.SET_EVENTS_SKIPS_UTRACE_FLAGS)) c.setBits(UTRACE_FLAGS, events);
            // An engine that stops asking for DEATH before report_death began is owed no report_death.
            if ((events & Events.DEATH) == 0 && !c.taskGhost(G_DEATH_BEGAN)) c.ghostClear(e, EG_WANTED_DEATH);
            if ((events & Events.SYSCALL) != 0 && (oldUtraceFlags & Events.SYSCALL) == 0
                    && !c.cfg.mutated(Mutation.SET_EVENTS_SKIPS_TIF_SYSCALL_TRACE)) {
                c.setBits(TIF, Tif.SYSCALL_TRACE);
            }
            ret = Errno.OK;
            boolean stopped = seesStopped(c);
            boolean clears = (old & ~events) != 0 || c.cfg.mutated(Mutation.SET_EVENTS_EINPROGRESS_ON_ADD);
            if (clears && !current && !stopped && c.get(EXIT_STATE) == 0) {
                // smp_mb() (pair B1 with start_callback), then look at utrace->reporting.
                c.fence(Barrier.B1_WRITER);
                if (c.get(REPORTING) == e + 1 && !c.cfg.mutated(Mutation.SET_EVENTS_IGNORES_REPORTING)) {
                    ret = Errno.EINPROGRESS;
                    if (c.cfg.mutated(Mutation.SET_EVENTS_EINPROGRESS_KEEPS_OLD_FLAGS)) {
                        c.store(engine(e, E_FLAGS), old | (c.flags(e) & Events.ENGINE_STOP));
                    }
                }
            }
        }
        c.unlock(LOCK_UTRACE);
        // utrace.h: "When this returns zero, you can be sure that no event callbacks you've disabled in
        // @events can be made." Stopped or running: on a running task the utrace->reporting test above is
        // what keeps that promise. A call from the target itself (a callback) needs no test: the callback under
        // way is the caller.
        if (!current && ret != Errno.EALREADY && ret != Errno.ESRCH) c.ghostClear(e, EG_MASK_BY_CALLBACK);
        if (ret == Errno.OK && !current && (old & ~events) == 0 && barrierPending(c, e) && c.get(EXIT_STATE) == 0
                && !seesStopped(c)) {
            // A call that only sets new bits on a running target makes no utrace->reporting test: its 0 promises
            // nothing about the callback an earlier -EINPROGRESS call disabled ("no event callbacks you've
            // disabled in @events"; this call disabled none). That promise still waits for utrace_barrier().
            c.set(engine(e, E_MASK), events | E_MASK_AFTER_BARRIER);
        } else if (ret == Errno.OK && !current) {
            c.set(engine(e, E_MASK), events);
            c.ghostSet(e, EG_MASK_VALID);
        } else if (ret == Errno.EINPROGRESS) {
            // utrace_barrier: "If @target was not properly stopped, event callbacks just disabled might still be
            // in progress; utrace_barrier() waits until there is no chance an unwanted callback can be in
            // progress": the new mask is promised once the owner's utrace_barrier() returns 0 (Owner, BARRIER).
            c.set(engine(e, E_MASK), events | E_MASK_AFTER_BARRIER);
            c.ghostClear(e, EG_MASK_VALID);
        } else if (ret == Errno.OK) {
            // The engine's own callback changed its flags (target == current: no utrace->reporting test, the
            // callback in progress is the caller). "When this returns zero, you can be sure that no event callbacks
            // you've disabled in @events can be made": start_callback() reads engine->flags afresh for every later
            // callback, and re-reads them after report_quiesce ("could have been changed synchronously by
            // ->report_quiesce"), so the promise holds from here, as for the owner's 0.
            c.set(engine(e, E_MASK), events);
            c.ghostSet(e, EG_MASK_VALID | EG_MASK_BY_CALLBACK);
        }
        // "If @target was stopped before the call, ... if %UTRACE_EVENT(%QUIESCE) is included in @events, then a
        // @report_quiesce callback will be made when @target resumes" (callback-promised; only QUIESCE newly set
        // is taken as a promise). An engine that drops QUIESCE withdraws any promise made to it, whatever the call
        // returned: -EINPROGRESS ("an old callback may still be in progress") has stored the new flags too, and
        // start_callback() reads them, so a pass under way skips the engine (as stop-einprogress-means-callback's
        // edge: an engine without QUIESCE is promised nothing).
        if ((ret == Errno.OK || ret == Errno.EINPROGRESS) && (events & Events.QUIESCE) == 0) {
            // The same for utrace_control(STOP)'s -EINPROGRESS ("A @report_quiesce or @report_signal callback will
            // be made soon"): the pass that stops the tracee now calls no report_quiesce, and QUIESCE set again
            // later promises a callback only "when @target resumes" (checker fuzz --seed 27, random scenario 990).
            c.ghostClear(e, EG_CALLBACK_OWED | EG_SIGNAL_OWED | EG_STOP_OWED);
        } else if (ret == Errno.OK && !current && utraceStopped && (old & Events.QUIESCE) == 0) {
            c.ghostSet(e, EG_CALLBACK_OWED);
        }
        return ret;
    }

    /** utrace_control()'s sanity check before get_utrace_lock(): REPORT..BLOCKSTEP need QUIESCE. */
    static boolean controlNeedsQuiesce(Ctx c, int e, int action) {
        int lowest = c.cfg.mutated(Mutation.CONTROL_LETS_REPORT_WITHOUT_QUIESCE) ? Actions.SINGLESTEP : Actions.REPORT;
        return action >= lowest && action < Actions.RESUME && (c.flags(e) & Events.QUIESCE) == 0;
    }

    /** utrace_control_dead(): only DETACH, and not once report_death or the reap began. */
    static int controlDead(Ctx c, int action) {
        if (action != Actions.DETACH || c.has(UBITS, U_REAP)) return Errno.ESRCH;
        if (c.has(UBITS, U_DEATH)) return Errno.EALREADY;
        return Errno.OK;
    }

    /**
     * The body of utrace_control() with utrace->lock held; releases it
     * (through utrace_reset() when the target is stopped or dead).
     * {@code reset} is task_is_traced() as read when the lock was taken.
     * There is no "target == current" case here: a callback detaching itself
     * through utrace_control() sees utrace->reporting == engine, as in the kernel.
     */
    static int controlLocked(Ctx c, int e, int action, boolean reset) {
        return controlLocked(c, e, action, reset, c.has(PTRACE, PT_SYSCALL_TRACE));
    }

    /**
     * controlLocked's answer for DETACH on a running target in the weak memory
     * model (owner's call): it marked the engine detached and stops there,
     * still holding utrace->lock. The rest ({@link #detachAfterMark}) is a step
     * of its own because it starts with a full barrier (set_notify_resume's
     * test_and_set [B5.writer] in utrace_do_stop, else smp_mb() [B1.writer])
     * that waits for engine->ops and ->flags to reach memory, and others can
     * see them arrive one by one meanwhile.
     */
    static final int AFTER_MARK = Integer.MIN_VALUE + 1;

    /** As above, with PT_SYSCALL_TRACE as read when utrace->lock was taken (see Utrace.utraceReset). */
    static int controlLocked(Ctx c, int e, int action, boolean reset, boolean ptSyscallTrace) {
        return controlLocked(c, e, action, reset, ptSyscallTrace, false);
    }

    /** The rest of utrace_control(DETACH) after {@link #AFTER_MARK}, utrace->lock held. */
    static int detachAfterMark(Ctx c, int e, boolean ptSyscallTrace) {
        boolean reset = Utrace.utraceDoStop(c);
        int ret = Errno.OK;
        if (!reset && !c.cfg.mutated(Mutation.DETACH_IGNORES_REPORTING)) {
            c.fence(Barrier.B1_WRITER);
            if (c.get(REPORTING) == e + 1) ret = Errno.EINPROGRESS;
        }
        if (reset) Utrace.utraceReset(c, ptSyscallTrace);
        else c.unlock(LOCK_UTRACE);
        if (ret == Errno.OK) c.ghostSet(e, EG_DETACH_RETURNED_ZERO);
        return ret;
    }

    /** {@code markStep}: in the weak model, DETACH on a running target returns {@link #AFTER_MARK} after marking. */
    static int controlLocked(Ctx c, int e, int action, boolean reset, boolean ptSyscallTrace, boolean markStep) {
        int ret = Errno.OK;
        // UTRACE_REPORT: "If @target had been stopped, then there will be a callback before it resumes running
        // normally"; UTRACE_INTERRUPT: "a @report_signal callback before it resumes" (callback-promised).
        if ((action == Actions.REPORT || action == Actions.INTERRUPT) && Utrace.taskIsTraced(c)
                && c.get(EXIT_STATE) == 0) {
            c.ghostSet(e, EG_CALLBACK_OWED);
            // @report_syscall_entry's repeat: "passed to utrace_control()" while the tracee is stopped (a request
            // made before the stop can meet finish_report's unlocked write: findings.md, "Checked and not findings")
            if (!c.taskGhost(G_RESUMED_ASKED)) c.taskGhostSet(G_RESUMED_ASKED);
        }
        // UTRACE_INTERRUPT, stopped or not: "ensures that @target will make a @report_signal callback before it
        // resumes or delivers signals"; for an engine with report_signal only that callback keeps it (callback-promised)
        if (action == Actions.INTERRUPT && c.get(EXIT_STATE) == 0
                && c.model.scenario().engines().get(e).hasReportSignal()) {
            c.ghostSet(e, EG_SIGNAL_OWED);
        }
        if (c.get(EXIT_STATE) != 0 && !c.cfg.mutated(Mutation.CONTROL_IGNORES_EXIT_STATE)) {
            ret = controlDead(c, action);
            if (ret != Errno.OK) {
                c.unlock(LOCK_UTRACE);
                return ret;
            }
            reset = true;
        }
        switch (action) {
            case Actions.STOP: {
                Utrace.markEngineWantsStop(c, e);
                boolean stopped = reset || Utrace.utraceDoStop(c);
                if (!stopped && !c.cfg.mutated(Mutation.CONTROL_STOP_IGNORES_DO_STOP)) ret = Errno.EINPROGRESS;
                // The engine was told "stopped": from now on it holds the tracee (stop-is-sticky).
                if (ret == Errno.OK) c.ghostSet(e, EG_HELD_STOPPED);
                reset = false;
                break;
            }
            case Actions.DETACH:
                if (Utrace.engineWantsStop(c, e)) c.clearBits(UTRACE_FLAGS, Events.ENGINE_STOP);
                Utrace.markEngineDetached(c, e);
                if (markStep && !reset && c.cfg.weak()) return AFTER_MARK;
                reset = reset || Utrace.utraceDoStop(c);
                if (!reset && !c.cfg.mutated(Mutation.DETACH_IGNORES_REPORTING)) {
                    // smp_mb() (pair B1), then: is a callback to this engine in progress?
                    c.fence(Barrier.B1_WRITER);
                    if (c.get(REPORTING) == e + 1) ret = Errno.EINPROGRESS;
                }
                break;
            case Actions.RESUME:
                if (!c.cfg.mutated(Mutation.CONTROL_RESUME_KEEPS_STOP)) Utrace.clearEngineWantsStop(c, e);
                break;
            case Actions.REPORT:
            case Actions.SINGLESTEP:
            case Actions.BLOCKSTEP:
                if (!c.cfg.mutated(Mutation.CONTROL_STEP_KEEPS_STOP)) Utrace.clearEngineWantsStop(c, e);
                // history (engine-step-kept): SINGLESTEP or BLOCKSTEP after the last callbacks asks for the step,
                // unless a REPORT or INTERRUPT pending makes a pass that chooses again; a REPORT prevails over it
                if (action != Actions.REPORT) {
                    if (c.get(RESUME) >= Actions.SINGLESTEP) TraceeReport.stepOwedTo(c, e);
                    else TraceeReport.stepOwed(c, false);
                }
                else if (c.get(RESUME) > Actions.REPORT) TraceeReport.stepOwed(c, false);
                if (action < c.get(RESUME) && !c.cfg.mutated(Mutation.CONTROL_REPORT_SKIPS_RESUME)) {
                    c.store(RESUME, action); // pair B5: read by utrace_resume after tracehook_notify_resume's smp_mb()
                    Utrace.setNotifyResume(c);
                }
                break;
            case Actions.INTERRUPT:
                Utrace.clearEngineWantsStop(c, e);
                TraceeReport.stepOwed(c, false); // history (engine-step-kept): INTERRUPT prevails over a step
                if (c.get(RESUME) == Actions.INTERRUPT || c.cfg.mutated(Mutation.CONTROL_INTERRUPT_SKIPS_RESUME)) break;
                c.set(RESUME, Actions.INTERRUPT);
                if (reset) {
                    // "This is really just to keep the invariant that When it's stopped, we know it's always going
                    // through utrace_get_signal() and will recalculate"
                    c.setBits(TIF, Tif.SIGPENDING);
                } else if (!c.cfg.mutated(Mutation.CONTROL_INTERRUPT_SKIPS_WAKEUP)) {
                    // lock_task_sighand(); signal_wake_up(target, 0)
                    Utrace.signalWakeUp(c, false);
                }
                break;
            default:
                throw new IllegalArgumentException("action " + action);
        }
        Utrace.lastWord(c, e, action);
        if (reset) Utrace.utraceReset(c, ptSyscallTrace);
        else c.unlock(LOCK_UTRACE);
        if (action == Actions.DETACH && ret == Errno.OK) c.ghostSet(e, EG_DETACH_RETURNED_ZERO);
        return ret;
    }
}

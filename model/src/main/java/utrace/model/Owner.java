package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * A tracing engine's owner (a debugger thread, a systemtap-like probe
 * handler): runs its script of engine-API calls on one engine, in order.
 * The program counter is the phase within the current call.
 */
final class Owner extends Actor {
    private static final int PHASE_START = 0;
    private static final int PHASE_SECOND = 1;
    /** utrace_control(DETACH) after mark_engine_detached (weak memory model only), still holding utrace->lock. */
    private static final int PHASE_BARRIER = 2;
    /**
     * Mutation add-engine-exclusive-unlocked only: where an exclusive attach stands after its lock-free
     * find_matching_engine(), with what it found; its next step takes utrace->lock and adds the engine.
     */
    private static final int PHASE_MATCHED_NONE = 3;
    private static final int PHASE_MATCHED_FOUND = 4;
    static final int DONE_PC = 99;

    private static final StepInfo ATTACH_ALLOC = new StepInfo("utrace_task_alloc: task_lock; smp_wmb(); task->utrace = utrace", "utrace_attach_task", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1266, "task_lock(task);")
            .names("utrace_task_alloc", "utrace_attach_task calls utrace_task_alloc when task->utrace is NULL")
            .simplified("allocation, initialisation and publication under task_lock are one step; the loser of two "
                + "racing allocations (freed again in the kernel) is not modelled: the second caller finds the pointer set"));
    private static final StepInfo ATTACH_ADD = new StepInfo("lock; utrace_flags |= REAP; smp_mb(); EXIT_DEAD? else add to ->attaching", "utrace_add_engine", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1329, "spin_lock(&utrace->lock);")
            .simplified("UTRACE_ATTACH_EXCLUSIVE without MATCH flags is modelled ('attach exclusive'); MATCH_OPS/MATCH_DATA and the lookup without CREATE are not: an engine attaches once (-EEXIST until it is freed; then an attach reuses its slot)"));
    private static final StepInfo ATTACH_MATCH_UNLOCKED = new StepInfo("no lock (mutation add-engine-exclusive-unlocked): UTRACE_ATTACH_EXCLUSIVE: find_matching_engine", "utrace_add_engine", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1332, "unlikely(find_matching_engine(utrace, flags, ops, data)))")
            .note("the test the seed makes under utrace->lock, made before taking it: another exclusive attach can add "
                + "its engine between the test and this one's list_add_tail"));
    private static final StepInfo SET_EVENTS = new StepInfo("get_utrace_lock; check death/exit_state; set flags; smp_mb(); reporting == engine?", "utrace_set_events", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1609, "utrace = get_utrace_lock(target, engine, true);")
            .simplified("the whole call is one step (all of it under utrace->lock, with tasklist_lock read-held inside)"));
    private static final StepInfo CONTROL_LOCK = new StepInfo("QUIESCE check; get_utrace_lock; reset = task_is_traced()", "utrace_control", 1,
        SeedRef.code(SeedRef.UTRACE_C, 2078, "if (action >= UTRACE_REPORT && action < UTRACE_RESUME &&")
            .simplified("the lock-free QUIESCE check, get_utrace_lock() and the read of task_is_utraced() are one step"));
    private static final StepInfo CONTROL_BODY = new StepInfo("act on the target (with utrace->lock held), then utrace_reset or unlock", "utrace_control", 1,
        SeedRef.code(SeedRef.UTRACE_C, 2094, "if (unlikely(target->exit_state)) {")
            .simplified("the rest of the locked section is one step, with utrace_do_stop's siglock section and "
                + "utrace_reset() (which unlocks) inside it; it waits for siglock only where the kernel takes it "
                + "(a stopped or traced target, or INTERRUPT on a running one)"));
    private static final StepInfo CONTROL_DETACH_MARK = new StepInfo(
        "DETACH: mark_engine_detached: ops = &utrace_detached_ops; smp_wmb() [B2.writer]; flags = QUIESCE (lock held)",
        "utrace_control", 1,
        SeedRef.code(SeedRef.UTRACE_C, 2110, "mark_engine_detached(engine);")
            .simplified("a step of its own only in the weak memory model, where its stores may still be buffered"));
    private static final StepInfo CONTROL_DETACH_REST = new StepInfo(
        "utrace_do_stop (set_notify_resume: full barrier [B5.writer]); smp_mb() [B1.writer]; utrace->reporting == engine? unlock",
        "utrace_control", 1,
        SeedRef.code(SeedRef.UTRACE_C, 2111, "reset = reset || utrace_do_stop(target, utrace);"));
    private static final StepInfo BARRIER = new StepInfo("get_utrace_lock(attached=false); utrace->reporting != engine?", "utrace_barrier", 1,
        SeedRef.code(SeedRef.UTRACE_C, 2226, "utrace = get_utrace_lock(target, engine, false);")
            .simplified("schedule_timeout_interruptible() and signals to the caller are not modelled: it retries "
                + "(a step per try) until no callback to its engine is in progress"));
    private static final StepInfo EXAMINE_PREPARE = new StepInfo("ENGINE_STOP? exit_state? exam->state = state; wait_task_inactive()", "utrace_prepare_examine", 1,
        SeedRef.code(SeedRef.UTRACE_C, 3086, "if (unlikely(!engine_wants_stop(engine)))")
            .simplified("wait_task_inactive() as in ptrace_check_attach (WaitTaskInactive: busy-wait while the "
                + "tracee runs, the == re-check once it sleeps); nvcsw is an 8-bit count of the tracee's stops"));
    private static final StepInfo EXAMINE_FINISH = new StepInfo("state == exam->state? wait_task_inactive() == exam->ncsw?", "utrace_finish_examine", 1,
        SeedRef.code(SeedRef.UTRACE_C, 3130, "if (unlikely(!engine_wants_stop(engine)))")
            .simplified("as utrace_prepare_examine's wait_task_inactive()"));
    private static final StepInfo PUT = new StepInfo("kref_put", "utrace_engine_put", 1,
        SeedRef.code(SeedRef.UTRACE_H, 835, "static inline void utrace_engine_put(struct utrace_engine *engine)")
            .simplified("the reference count is kept; freeing is a history bit invariants read"));
    private static final StepInfo WAIT_STOPPED = new StepInfo("the tracee is stopped (or dead): go on", "debugger wait", 0,
        SeedRef.context(SeedRef.UTRACE_C, 3065, "This means a zero return from a utrace_control() call on @engine giving",
            "not kernel code: the engine's owner waits until the tracee is stopped before its next call, as "
                + "utrace_prepare_examine's comment asks of its callers")
            .simplified("the wait is one step, enabled once the tracee sleeps in a stop (or is dead)"));

    /** Every step an owner can take, for `checker list steps`. */
    static final List<StepInfo> STEPS = List.of(ATTACH_ALLOC, ATTACH_ADD, ATTACH_MATCH_UNLOCKED, SET_EVENTS, CONTROL_LOCK,
        CONTROL_BODY, CONTROL_DETACH_MARK, CONTROL_DETACH_REST, BARRIER, EXAMINE_PREPARE, EXAMINE_FINISH, PUT, WAIT_STOPPED);

    private static final int L_OP = 0;
    private static final int L_RESET = 1;
    private static final int L_EX_STATE = 2;
    private static final int L_EX_NCSW = 3;
    private static final int L_RET = 4;
    /** PT_SYSCALL_TRACE as utrace_control read it with the lock taken (see Utrace.utraceReset). */
    private static final int L_PT_SYSCALL = 5;
    private static final int LOCALS = 6;

    final int engine;
    private final List<OwnerOp> script;

    Owner(Model model, int index, int engine, List<OwnerOp> script) {
        super(model, index, "owner " + model.scenario().engines().get(engine).name());
        this.engine = engine;
        this.script = script;
    }

    @Override int slots() { return 1 + LOCALS; }

    @Override String role() { return "owner"; }

    @Override boolean buffersStores() { return true; }

    @Override void init(int[] v) {
        v[base + 1 + L_RET] = Errno.NONE;
        if (script.isEmpty()) v[base] = DONE_PC;
    }

    private OwnerOp current(Ctx c) {
        return script.get(c.local(L_OP));
    }

    /** The call returned: record, observe, move on to the next call. */
    private void returned(Ctx c, OwnerOp op, int ret) {
        c.local(L_RET, ret);
        // Each utrace_control() call replaces what the last one promised (finding 8).
        if (op.kind() == OwnerOp.Kind.CONTROL) c.ghostClear(engine, EG_STOP_OWED);
        // A control that lets go ends the hold report_exit's UTRACE_STOP asked for (exit-stop-holds); STOP keeps
        // it ("@target will remain stopped until another utrace_control() call"), and -EINVAL changed nothing.
        if (op.kind() == OwnerOp.Kind.CONTROL && op.arg() != Actions.STOP && ret != Errno.EINVAL) {
            c.ghostClear(engine, EG_EXIT_STOP);
        }
        c.observe(Obs.apiReturn(engine, op.kind(), ret, op.arg()));
        if (c.record) c.note("utrace_" + op + " returns " + Errno.name(ret));
        int next = c.local(L_OP) + 1;
        c.local(L_OP, next);
        c.pc(next < script.size() ? PHASE_START : DONE_PC);
    }

    @Override boolean step(Ctx c) {
        if (c.pc() == DONE_PC) return false;
        OwnerOp op = current(c);
        int e = engine;
        if (c.pc() == PHASE_START && op.guard() != null && !model.guardHolds(c, op.guard())) {
            c.at(firstStep(op, c));
            return false;
        }
        switch (op.kind()) {
            case ATTACH:
                if (c.pc() == PHASE_START && c.get(UTRACE_ALLOCATED) == 0) {
                    c.at(ATTACH_ALLOC);
                    if (!c.lockFree(LOCK_TASK)) return false;
                    // kmem_cache_zalloc, spin_lock_init, INIT_LIST_HEAD x2, resume = UTRACE_RESUME: the new
                    // struct's init, which only the smp_wmb() orders before the pointer (pair B4; in the weak
                    // model both stores go through the store buffer)
                    c.store(UTRACE_UNINIT, 0);
                    c.fence(Barrier.B4_WRITER);
                    c.store(UTRACE_ALLOCATED, 1); // task->utrace = utrace, under task_lock
                    c.pc(PHASE_SECOND);
                    return true;
                }
                boolean exclusive = op.arg() == OwnerOp.ATTACH_EXCLUSIVE;
                boolean unlocked = exclusive && c.cfg.mutated(Mutation.ADD_ENGINE_EXCLUSIVE_UNLOCKED);
                if (unlocked && c.pc() != PHASE_MATCHED_NONE && c.pc() != PHASE_MATCHED_FOUND) {
                    c.at(ATTACH_MATCH_UNLOCKED);
                    c.pc(EngineApi.matchingEngine(c) >= 0 ? PHASE_MATCHED_FOUND : PHASE_MATCHED_NONE);
                    return true;
                }
                c.at(ATTACH_ADD);
                if (!c.lockFree(LOCK_UTRACE)) return false;
                if (c.ops(e) != Ops.NULL || c.ghost(e, EG_OWNER_REF)) {
                    returned(c, op, Errno.EEXIST); // one engine per slot: -EEXIST until the first engine is freed
                    return true;
                }
                // UTRACE_ATTACH_EXCLUSIVE with no MATCH flags: "fails with -EEXIST if there are any engines on
                // @target at all", tested under the lock that adds the engine
                if (exclusive && (unlocked ? c.pc() == PHASE_MATCHED_FOUND : EngineApi.matchingEngine(c) >= 0)) {
                    returned(c, op, Errno.EEXIST);
                    return true;
                }
                returned(c, op, EngineApi.addEngine(c, e));
                return true;
            case SET_EVENTS: {
                c.at(SET_EVENTS);
                if (!c.lockFree(LOCK_UTRACE) || !c.lockFree(LOCK_TASKLIST)) return false;
                int ret = EngineApi.getUtraceLock(c, e, true);
                if (ret == Errno.OK) ret = EngineApi.setEventsLocked(c, e, op.arg(), false);
                returned(c, op, ret);
                return true;
            }
            case CONTROL:
                if (c.pc() == PHASE_START) {
                    c.at(CONTROL_LOCK);
                    if (EngineApi.controlNeedsQuiesce(c, e, op.arg())) {
                        returned(c, op, Errno.EINVAL);
                        return true;
                    }
                    if (!c.lockFree(LOCK_UTRACE)) return false;
                    int ret = EngineApi.getUtraceLock(c, e, true);
                    if (ret != Errno.OK) {
                        returned(c, op, ret);
                        return true;
                    }
                    c.local(L_RESET, Utrace.taskIsTraced(c) ? 1 : 0);
                    c.local(L_PT_SYSCALL, c.has(PTRACE, PT_SYSCALL_TRACE) ? 1 : 0);
                    c.pc(PHASE_SECOND);
                    return true;
                }
                if (c.pc() == PHASE_BARRIER) {
                    c.at(CONTROL_DETACH_REST);
                    returned(c, op, EngineApi.detachAfterMark(c, e, c.local(L_PT_SYSCALL) != 0));
                    return true;
                }
                c.at(CONTROL_BODY);
                if (controlTakesSiglock(c, op.arg()) && !c.lockFree(LOCK_SIGLOCK)) return false;
                boolean stopWanted = Utrace.engineWantsStop(c, e) || c.ghost(e, EG_IN_CALLBACK);
                int r = EngineApi.controlLocked(c, e, op.arg(), c.local(L_RESET) != 0, c.local(L_PT_SYSCALL) != 0, true);
                if (r == EngineApi.AFTER_MARK) {
                    c.at(CONTROL_DETACH_MARK);
                    c.pc(PHASE_BARRIER);
                    return true;
                }
                returned(c, op, r);
                // utrace.h: -EINPROGRESS from STOP means "A @report_quiesce or @report_signal callback will be
                // made soon" (to an engine with QUIESCE, says the DocBook). An engine whose own callback
                // returned UTRACE_STOP, or is running and may, asked for this stop itself: only a fresh stop
                // is owed a callback.
                if (op.arg() == Actions.STOP && r == Errno.EINPROGRESS && !stopWanted
                        && (c.flags(e) & Events.QUIESCE) != 0) {
                    c.ghostSet(e, EG_STOP_OWED);
                }
                return true;
            case BARRIER: {
                c.at(BARRIER);
                if (!c.lockFree(LOCK_UTRACE)) return false;
                int ret = EngineApi.getUtraceLock(c, e, false);
                if (ret == Errno.OK) {
                    boolean quiet = c.get(REPORTING) != e + 1;
                    c.unlock(LOCK_UTRACE);
                    if (quiet) {
                        // after an -EINPROGRESS from utrace_set_events, its mask is now promised (set-events-errors)
                        int mask = c.get(engine(e, E_MASK));
                        if ((mask & E_MASK_AFTER_BARRIER) != 0 && !c.ghost(e, EG_MASK_VALID)) c.ghostSet(e, EG_MASK_VALID);
                        returned(c, op, Errno.OK);
                    } else {
                        c.note("callback in progress: schedule_timeout and retry");
                    }
                } else if (ret == Errno.ERESTARTSYS) {
                    c.note("engine marked detached: retry");
                } else {
                    returned(c, op, ret);
                }
                return true;
            }
            case EXAMINE:
                return examine(c, op);
            case WAIT_STOPPED: {
                c.at(WAIT_STOPPED);
                boolean stopped = (c.get(TASK_STATE) & TaskState.STOP_BITS) != 0
                    && model.tracee().asleepIn(c);
                if (!stopped && c.get(EXIT_STATE) == 0) return false;
                c.local(L_OP, c.local(L_OP) + 1);
                c.pc(c.local(L_OP) < script.size() ? PHASE_START : DONE_PC);
                if (c.record) c.note("tracee is " + (stopped ? TaskState.name(c.get(TASK_STATE)) : "dead"));
                return true;
            }
            case PUT:
                c.at(PUT);
                if (c.ghost(e, EG_OWNER_REF)) {
                    c.ghostClear(e, EG_OWNER_REF);
                    Utrace.enginePut(c, e);
                    returned(c, op, Errno.OK);
                } else {
                    returned(c, op, Errno.ESRCH); // attach failed: nothing to put
                }
                return true;
            default:
                throw new IllegalStateException(op.toString());
        }
    }

    /** The step a call starts with (where an owner waiting for its guard stands). */
    private static StepInfo firstStep(OwnerOp op, Ctx c) {
        switch (op.kind()) {
            case ATTACH: return c.get(UTRACE_ALLOCATED) == 0 ? ATTACH_ALLOC : ATTACH_ADD;
            case SET_EVENTS: return SET_EVENTS;
            case CONTROL: return CONTROL_LOCK;
            case BARRIER: return BARRIER;
            case EXAMINE: return EXAMINE_PREPARE;
            case PUT: return PUT;
            default: return WAIT_STOPPED;
        }
    }

    /**
     * Whether utrace_control's body takes siglock, which the model's step then waits for: utrace_do_stop (STOP,
     * DETACH) only "if (task_is_stopped_or_traced(target))", utrace_reset's utrace_wakeup only "if
     * (task_is_traced(task) ...)", INTERRUPT's lock_task_sighand only when the target was not stopped (reset
     * false). Each test reads task->state without siglock; the step reads it once. On a running target the other
     * actions take utrace->lock only, so they can land while the tracee holds siglock between utrace_get_signal's
     * utrace->resume test and do_signal_stop (audit of the twenty-seventh round: the model waited for siglock on
     * every call, which hid finding 1 on group-stop-and-engine).
     */
    private boolean controlTakesSiglock(Ctx c, int action) {
        if ((c.get(TASK_STATE) & TaskState.STOP_BITS) != 0) return true;
        return action == Actions.INTERRUPT && c.local(L_RESET) == 0;
    }

    private boolean examine(Ctx c, OwnerOp op) {
        int e = engine;
        if (c.pc() == PHASE_START) {
            c.at(EXAMINE_PREPARE);
            if (!Utrace.engineWantsStop(c, e) && !c.cfg.mutated(Mutation.PREPARE_EXAMINE_IGNORES_ENGINE_STOP)) {
                returned(c, op, Errno.EINVAL);
                return true;
            }
            if (c.get(EXIT_STATE) != 0) {
                returned(c, op, Errno.ESRCH);
                return true;
            }
            int state = c.get(TASK_STATE);
            if (state == TaskState.RUNNING) {
                returned(c, op, Errno.EAGAIN);
                return true;
            }
            int ncsw = WaitTaskInactive.call(c, model.tracee(), state);
            if (ncsw == WaitTaskInactive.SPIN) return false;
            if (ncsw == WaitTaskInactive.CHANGED) {
                returned(c, op, Errno.EAGAIN);
                return true;
            }
            c.local(L_EX_STATE, state);
            c.local(L_EX_NCSW, ncsw);
            c.ghostSet(e, EG_EXAMINING);
            c.taskGhostSet(G_EXAMINING);
            c.observe(Obs.examinePrepared(e)); // utrace_prepare_examine() returns 0
            if (c.record) c.note("prepared: state " + TaskState.name(state));
            c.pc(PHASE_SECOND);
            return true;
        }
        c.at(EXAMINE_FINISH);
        int ret;
        if (!Utrace.engineWantsStop(c, e)) {
            ret = Errno.EINVAL;
        } else if (c.get(TASK_STATE) != c.local(L_EX_STATE)) {
            ret = Errno.EAGAIN;
        } else {
            int ncsw = WaitTaskInactive.call(c, model.tracee(), c.local(L_EX_STATE));
            if (ncsw == WaitTaskInactive.SPIN) return false;
            ret = ncsw != c.local(L_EX_NCSW) && !c.cfg.mutated(Mutation.FINISH_EXAMINE_IGNORES_SWITCH_COUNT)
                ? Errno.EAGAIN : Errno.OK;
        }
        if (c.cfg.mutated(Mutation.FINISH_EXAMINE_SKIPS_RECHECK) && ret == Errno.EAGAIN) ret = Errno.OK;
        endExamine(c, e);
        returned(c, op, ret);
        return true;
    }

    /** The examination is over: forget its ghosts (the invariant read them on this step's before-state). */
    private void endExamine(Ctx c, int e) {
        c.ghostClear(e, EG_EXAMINING | EG_RAN_SINCE_EXAMINE);
        for (int o = 0; o < model.engineCount(); o++) if (c.ghost(o, EG_EXAMINING)) return;
        c.taskGhostClear(G_EXAMINING);
    }

    /**
     * The tracee took a step while an owner examines it: it was scheduled since that owner's
     * utrace_prepare_examine() (prepare succeeds only once the tracee is off the CPU). A ghost for
     * examine-means-unscheduled; nothing in the kernel.
     */
    static void noteTraceeRan(Ctx c) {
        for (int e = 0; e < c.model.engineCount(); e++) if (c.ghost(e, EG_EXAMINING)) c.ghostSet(e, EG_RAN_SINCE_EXAMINE);
    }

    /**
     * Any engine call may take utrace->lock and run utrace_reset (all engines, the task's
     * flags and state), so an owner with calls left may touch everything shared, plus the
     * tracee's program counter (wait_task_inactive and the debugger's wait read whether it is
     * off the CPU). A done owner takes no step.
     */
    @Override void may(State s, Footprint may) {
        if (pc(s) == DONE_PC) return;
        mayShared(may);
        mayOwn(may);
        may.read(model.tracee().base, -1);
        for (int i = local(s, L_OP); i < script.size(); i++) {
            if (script.get(i).guard() != null) model.mayReadGuard(script.get(i).guard(), may);
        }
    }

    @Override String stuckProblem(State s) {
        if (pc(s) == DONE_PC) return null;
        OwnerOp op = script.get(local(s, L_OP));
        // A debugger blocked waiting for a stop is a user-space wait, not a kernel deadlock;
        // a stop nobody ends is no-lost-wakeup's business. With a guard too: it holds here (Model.stuckProblem
        // asks unmetGuard first), so the owner waits for the stop as an unguarded one would.
        if (op.kind() == OwnerOp.Kind.WAIT_STOPPED) return null;
        if (pc(s) == PHASE_START && op.guard() != null) {
            return name + " cannot start 'utrace_" + op + "' although its guard " + op.guard().text() + " holds";
        }
        return name + " cannot finish: " + where(s);
    }

    /** At a call it has not started, whose guard does not hold: the call and why. */
    @Override String unmetGuard(State s) {
        if (pc(s) != PHASE_START) return null;
        OwnerOp op = script.get(local(s, L_OP));
        String why = op.guard() == null ? null : model.guardUnmet(s, op.guard());
        return why == null ? null : name + " never calls 'utrace_" + op.text() + "': " + why;
    }

    @Override String where(State s) {
        int pc = pc(s);
        if (pc == DONE_PC) return "done";
        return "utrace_" + script.get(local(s, L_OP));
    }
}

package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * The report pass (kernel/utrace.c of patch 01): REPORT() as start_report(),
 * REPORT_CALLBACKS over utrace->attached with start_callback() /
 * finish_callback() / finish_callback_report() per engine, then
 * finish_report() and finish_report_reset(); and utrace_resume() with
 * finish_resume_report() on the way back to user mode
 * (tracehook_notify_resume, patch 03; the stepping of patch 27). The
 * callbacks' return values come from the scenario. Passes are started by
 * the syscall, signal and exit areas; utrace_get_signal's own report_signal
 * call is in {@link TraceeSignal}.
 */
final class TraceeReport {
    private TraceeReport() {}

    static final int FIN_REPORT = 4;
    static final int FIN_RESET = 5;
    static final int NOTIFY_RESUME = 7;
    static final int FRR = 8;
    static final int P_SET_REPORTING = 28;
    static final int P_READ = 29;
    static final int P_QUIESCE_CALL = 30;
    static final int P_EVENT_CALL = 31;
    static final int P_FINISH = 33;
    static final int P_CLEAR = 34;
    static final int P_REREAD = 35;
    static final int FIN_REPORT_LOCKED = 42;

    static void describe() {
        info(FIN_REPORT, AREA_REPORT, "resume < utrace->resume? (read without the lock)", "finish_report", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2302, "if (resume < utrace->resume) {")
                .simplified("a lock-free read, a step of its own: the write after it does not test again"));
        info(FIN_REPORT_LOCKED, AREA_REPORT, "lock; utrace->resume = resume; TIF_SIGPENDING or TIF_NOTIFY_RESUME", "finish_report", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2303, "spin_lock(&utrace->lock);"));
        info(FIN_RESET, AREA_REPORT, "utrace_reset if the pass was spurious or an engine detached", "finish_report_reset", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2286, "if (unlikely(report->spurious || report->detaches)) {")
                .simplified("spin_lock, utrace_reset() and put_detached_list() are one step"));
        info(NOTIFY_RESUME, AREA_REPORT, "smp_mb(); utrace_flags? utrace_resume: start_report", "tracehook_notify_resume", 3,
            SeedRef.code(SeedRef.TRACEHOOK_H, 3301, "smp_mb();")
                .simplified("tracehook_notify_resume's test of utrace_flags, utrace_resume's clearing of "
                    + "utrace->signal_handler and start_report() are one step (each takes utrace->lock at most once)"));
        info(FRR, AREA_REPORT, "finish_report_reset, then stop, interrupt or set stepping", "finish_resume_report", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2643, "finish_report_reset(task, utrace, report);")
                .simplified("arch_has_single_step() and arch_has_block_step() are true; BLOCKSTEP sets "
                    + "TIF_SINGLESTEP like SINGLESTEP (the model has one stepping flag)"));
        info(P_SET_REPORTING, AREA_REPORT, "utrace->reporting = engine; smp_mb()", "start_callback", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2411, "utrace->reporting = engine;"));
        info(P_READ, AREA_REPORT, "want = engine->flags; smp_rmb(); ops = engine->ops", "start_callback", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2418, "want = engine->flags;")
                .simplified("both loads in one step; only the weak memory model (B2.reader removed) lets the "
                    + "load of ->ops be performed first"));
        info(P_QUIESCE_CALL, AREA_REPORT, "ops->report_quiesce()", "start_callback", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2423, "(*ops->report_quiesce)(report->action,")
                .simplified("the callback returns what the scenario says; a utrace_control/utrace_set_events "
                    + "it makes on its own engine runs inside this step"));
        info(P_EVENT_CALL, AREA_REPORT, "ops->report_<event>()", "REPORT_CALLBACKS", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2464, "(*ops->callback)(__VA_ARGS__));")
                .simplified("the callback returns what the scenario says; calls on its own engine run inside this step"));
        info(P_FINISH, AREA_REPORT, "apply the callback's return value", "finish_callback_report", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2317, "if (action == UTRACE_DETACH) {")
                .simplified("its short utrace->lock sections (mark detached, clear or mark ENGINE_STOP) and the "
                    + "lock-free tests between them are one step; the step waits while utrace->lock is held"));
        info(P_CLEAR, AREA_REPORT, "utrace->reporting = NULL", "finish_callback", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2382, "utrace->reporting = NULL;"));
        info(P_REREAD, AREA_REPORT, "utrace->reporting = engine; smp_mb(); want = engine->flags", "start_callback", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2438, "utrace->reporting = engine;"));
    }

    // struct utrace_report flags
    static final int RB_DETACHES = 1;
    static final int RB_SPURIOUS = 2;
    static final int RB_WILL_NOT_STOP = 4;

    // report kinds
    static final int K_FORWARD = 0;
    static final int K_REVERSE = 1;
    static final int K_SIGNAL = 2;

    // what follows finish_callback
    private static final int A_QUIESCE = 0;
    private static final int A_EVENT = 1;
    static final int A_SIGNAL = 2;

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case FIN_REPORT: return finishReport(c);
            case FIN_REPORT_LOCKED: return finishReportLocked(c);
            case FIN_RESET: return finishReportReset(c);
            case NOTIFY_RESUME: return utraceResume(c);
            case FRR: return finishResumeReport(c);
            case P_SET_REPORTING:
                c.store(REPORTING, c.local(L_CUR));
                c.fence(Barrier.B1_READER);
                if (c.record) c.note("reporting = " + c.engineName(c.local(L_CUR) - 1));
                c.pc(P_READ);
                return true;
            case P_READ: return startCallbackRead(c);
            case P_QUIESCE_CALL: return callback(c, Events.QUIESCE, A_QUIESCE);
            case P_EVENT_CALL: return callback(c, c.local(L_EVENT), A_EVENT);
            case P_FINISH: return finishCallbackReport(c);
            case P_CLEAR:
                c.set(REPORTING, 0);
                if (c.cfg.mutated(Mutation.FINISH_CALLBACK_CLEARS_REPORTING_EARLY)) {
                    c.pc(P_FINISH);
                } else {
                    afterFinishCallback(c);
                }
                return true;
            case P_REREAD: {
                int e = c.local(L_CUR) - 1;
                c.store(REPORTING, e + 1);
                c.fence(Barrier.B1_READER);
                if (c.cfg.mutated(Mutation.START_CALLBACK_SKIPS_REREAD)) {
                    if (c.record) c.note("engine->flags not re-read (mutation start-callback-skips-reread)");
                } else {
                    c.local(L_WANT, c.flags(e)); // report_quiesce may have changed them (a self-call)
                }
                eventCheck(c, e);
                return true;
            }
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    /** INIT_REPORT(report). */
    static void initReport(Ctx c) {
        c.local(L_ACTION, Actions.RESUME);
        c.local(L_RESUME_ACTION, Actions.RESUME);
        c.local(L_RESULT, 0);
        c.local(L_RBITS, RB_SPURIOUS);
    }

    static boolean rbit(Ctx c, int bit) { return (c.local(L_RBITS) & bit) != 0; }

    static void rbit(Ctx c, int bit, boolean on) {
        c.local(L_RBITS, on ? c.local(L_RBITS) | bit : c.local(L_RBITS) & ~bit);
    }

    /** REPORT(): start_report, then the callbacks; finish_report, then maybe utrace_stop. */
    static boolean startReport(Ctx c, int event, int kind, boolean willNotStop, int after, int stopCont) {
        taskUtraceStruct(c);
        if (Utrace.startReportLocks(c) && !c.lockFree(LOCK_UTRACE)) return false;
        initReport(c);
        Utrace.startReport(c); // REPORT() drops its return: "We are now making the report" (beginPass)
        c.observe(Obs.reportStarted(event));
        rbit(c, RB_WILL_NOT_STOP, willNotStop);
        c.local(L_REPORT_AFTER, after);
        c.local(L_REPORT_STOP_CONT, stopCont);
        beginPass(c, kind, event, FIN_REPORT);
        return true;
    }

    /**
     * task_utrace_struct() in a hook that utrace_flags let in (barrier pair B4, reader side):
     * smp_rmb() [B4.reader], load task->utrace, then the struct through it. utrace_add_engine made
     * utrace_flags nonzero only after task->utrace was published (the seed's unlock+lock; in the model
     * B3.writer's smp_mb() drains the allocator's store buffer first). Without the smp_rmb() the load of
     * task->utrace may have been performed before that of utrace_flags and find NULL.
     */
    private static void taskUtraceStruct(Ctx c) {
        if (c.loadAfter(UTRACE_ALLOCATED, Barrier.B4_READER) == 0) {
            c.observe(Obs.utraceStructInvalid(Obs.STRUCT_NULL));
            c.note("utrace_flags != 0 but task->utrace read as NULL");
        } else if (c.get(UTRACE_UNINIT) != 0) {
            c.observe(Obs.utraceStructInvalid(Obs.STRUCT_UNINIT));
        }
    }

    // ---- REPORT_CALLBACKS: start_callback, the callback, finish_callback -----------------

    /** Start REPORT_CALLBACKS over utrace->attached (a lock-free walk). */
    static void beginPass(Ctx c, int kind, int event, int cont) {
        c.local(L_KIND, kind);
        c.local(L_EVENT, event);
        c.local(L_PASS_CONT, cont);
        c.taskGhostSet(G_PASS_ACTIVE);
        // history (engine-step-kept): every pass chooses again, and its finish applies what it chose (RESUME if
        // it calls no live engine): a step survives only by a callback's return, so an engine that wants it asked
        // again needs QUIESCE (utrace.h: "To be sure, enable %UTRACE_EVENT(%QUIESCE)"); set again at the pass's end
        stepOwed(c, false);
        if (kind == K_REVERSE) c.taskGhostSet(G_PASS_REVERSE);
        else c.taskGhostClear(G_PASS_REVERSE);
        c.set(G_PASS_LAST, 0);
        for (int e = 0; e < c.engines(); e++) c.ghostClear(e, EG_ATTACHED_IN_PASS);
        int attached = c.get(ATTACHED);
        gotoEngine(c, kind == K_REVERSE ? EngineList.last(attached) : EngineList.first(attached));
    }

    private static void gotoEngine(Ctx c, int e) {
        if (e < 0) {
            c.taskGhostClear(G_PASS_ACTIVE | G_PASS_REVERSE);
            // history (signal-report-action): the handler setup's report, if this was it, is over
            if (c.taskGhost(G_HANDLER_PASS)) c.taskGhostClear(G_HANDLER_PASS);
            // history: a pass that called a live engine is "the last set of callbacks" (engine-step-kept); its step
            // prevails only over a weaker pending action: a REPORT or INTERRUPT already in utrace->resume makes
            // another pass, which chooses again ("the smallest value prevails")
            if (c.get(G_PASS_LAST) != 0) {
                // owed to the engines whose callbacks returned a step in this pass (EG_STEP_CHOSE, marked below)
                stepOwed(c, Actions.isStep(c.local(L_RESUME_ACTION)) && c.get(RESUME) >= Actions.SINGLESTEP);
            }
            c.local(L_CUR, 0);
            c.pc(c.local(L_PASS_CONT));
        } else {
            c.local(L_CUR, e + 1);
            c.pc(P_SET_REPORTING);
        }
    }

    /** History for engine-step-kept: whether the tracee owes an engine a step at its next return to user mode. */
    static void stepOwed(Ctx c, boolean owed) {
        if (c.taskGhost(G_STEP_OWED) != owed) {
            if (owed) c.taskGhostSet(G_STEP_OWED);
            else c.taskGhostClear(G_STEP_OWED);
        }
        if (!owed) for (int e = 0; e < c.engines(); e++) if (c.ghost(e, EG_STEP_CHOSE)) c.ghostClear(e, EG_STEP_CHOSE);
    }

    /** As {@link #stepOwed}(c, true), owed (also) to engine {@code e}. */
    static void stepOwedTo(Ctx c, int e) {
        stepOwed(c, true);
        if (!c.ghost(e, EG_STEP_CHOSE)) c.ghostSet(e, EG_STEP_CHOSE);
    }

    /** Engine {@code e} detached: a step owed to it alone is owed to nobody (detach is final). */
    static void stepNotOwedTo(Ctx c, int e) {
        if (!c.ghost(e, EG_STEP_CHOSE)) return;
        c.ghostClear(e, EG_STEP_CHOSE);
        for (int o = 0; o < c.engines(); o++) if (c.ghost(o, EG_STEP_CHOSE)) return;
        stepOwed(c, false);
    }

    private static void nextEngine(Ctx c) {
        int cur = c.local(L_CUR) - 1;
        int attached = c.get(ATTACHED);
        gotoEngine(c, c.local(L_KIND) == K_REVERSE ? EngineList.prev(attached, cur) : EngineList.next(attached, cur));
    }

    private static boolean startCallbackRead(Ctx c) {
        int e = c.local(L_CUR) - 1;
        int want = c.flags(e);
        c.fence(Barrier.B2_READER);
        int ops = c.loadAfter(engine(e, E_OPS), Barrier.B2_READER);
        c.local(L_WANT, want);
        c.local(L_OPS, ops);
        if (c.record) c.note(c.engineName(e) + ": want=" + Events.names(want) + " ops=" + Ops.name(ops));
        int event = c.local(L_EVENT);
        if (c.local(L_KIND) == K_SIGNAL) {
            if ((want & (event | Events.QUIESCE)) == 0) {
                if (!c.cfg.mutated(Mutation.SIGNAL_PASS_LEAVES_REPORTING)) c.set(REPORTING, 0);
                nextEngine(c);
            } else {
                c.pc(TraceeSignal.P_SIGNAL_CALL);
            }
        } else if ((want & Events.QUIESCE) != 0 || ops == Ops.DETACHED) {
            c.pc(P_QUIESCE_CALL);
        } else {
            eventCheck(c, e);
        }
        return true;
    }

    /** The second half of start_callback(): ENGINE_STOP forces STOP; is this event wanted? */
    private static void eventCheck(Ctx c, int e) {
        int want = c.local(L_WANT);
        int event = c.local(L_EVENT);
        if ((want & Events.ENGINE_STOP) != 0) c.local(L_ACTION, Actions.STOP);
        if ((want & event) != 0) {
            rbit(c, RB_SPURIOUS, false);
            c.pc(P_EVENT_CALL);
        } else {
            c.set(REPORTING, 0);
            nextEngine(c);
        }
    }

    /** A callback into engine e: the scenario decides what it returns. */
    private static boolean callback(Ctx c, int event, int after) {
        int e = c.local(L_CUR) - 1;
        boolean live = c.local(L_OPS) == Ops.LIVE;
        CallbackSpec spec = live ? c.model.scenario().engines().get(e).callback(event) : null;
        if (spec != null && spec.selfCall() != null && !c.lockFree(LOCK_UTRACE)) return false;
        int ret = live ? spec.action() : Actions.DETACH; // utrace_detached_quiesce() returns UTRACE_DETACH
        made(c, e, event, ret, live);
        if (live && spec.selfCall() != null) selfCall(c, e, spec.selfCall());
        c.local(L_CB_RET, ret);
        c.local(L_AFTER, after);
        c.pc(finishOrder(c));
        return true;
    }

    static int finishOrder(Ctx c) {
        return c.cfg.mutated(Mutation.FINISH_CALLBACK_CLEARS_REPORTING_EARLY) ? P_CLEAR : P_FINISH;
    }

    /** A callback was made: its observation, and (for a live engine's UTRACE_DETACH) the detach-is-final history. */
    static void made(Ctx c, int e, int event, int ret, boolean live) {
        made(c, e, event, ret, live, -1);
    }

    /** As {@link #made(Ctx, int, int, int, boolean)}; {@code signalAction} is a report_signal's @action (-1: none). */
    static void made(Ctx c, int e, int event, int ret, boolean live, int signalAction) {
        c.observe(signalAction < 0 ? Obs.callback(e, event, ret, live) : Obs.signalCallback(e, event, ret, live, signalAction));
        // history: the engine's own callback asks to be detached ("Detach my engine"): detach-is-final from here on
        if (live && ret == Actions.DETACH && !c.ghost(e, EG_DETACH_RETURNED_ZERO)) c.ghostSet(e, EG_DETACH_RETURNED_ZERO);
        if (c.record) {
            // a report before dequeuing is report_signal's, with its @action (signal-report-action)
            boolean beforeDequeue = signalAction >= 0 && event == Events.QUIESCE;
            c.note((live ? "" : "utrace_detached_ops: ") + "report_" + (beforeDequeue ? "signal" : Events.names(event).toLowerCase())
                + "(" + c.engineName(e) + (beforeDequeue ? ", " + Obs.signalActionName(signalAction) : "") + ") returns "
                + Actions.name(ret)
                + (c.local(L_KIND) == K_SIGNAL && c.local(L_RESULT) == TraceeSignal.SIG_IGN ? "|UTRACE_SIGNAL_IGN" : ""));
        }
        if (!live) return;
        c.ghostSet(e, EG_IN_CALLBACK);
        c.ghostClear(e, EG_STOP_OWED); // the callback an -EINPROGRESS from utrace_control(STOP) promised
        if (event == Events.QUIESCE || (event & Events.SIGNAL_ALL) != 0) c.ghostClear(e, EG_CALLBACK_OWED);
        // a report_signal (not a report_quiesce) ends what utrace_control(INTERRUPT) promised (callback-promised)
        if (c.ghost(e, EG_SIGNAL_OWED) && (signalAction >= 0 || (event & Events.SIGNAL_ALL) != 0)) c.ghostClear(e, EG_SIGNAL_OWED);
        if (event == Events.DEATH) c.ghostSet(e, EG_DEATH_CALLED);
        if (c.taskGhost(G_PASS_ACTIVE)) c.set(G_PASS_LAST, c.get(engine(e, E_SEQ)) + 1);
    }

    static void selfCall(Ctx c, int e, CallbackSpec.SelfCall call) {
        boolean control = call.kind() != CallbackSpec.SelfCallKind.SET_EVENTS;
        // utrace_control's sanity check comes before get_utrace_lock(), as for the owner's calls
        int ret = control && EngineApi.controlNeedsQuiesce(c, e, call.arg()) && !c.cfg.mutated(Mutation.SELF_CONTROL_SKIPS_QUIESCE_CHECK)
            ? Errno.EINVAL : EngineApi.getUtraceLock(c, e, true);
        if (ret == Errno.OK) {
            ret = control ? EngineApi.controlLocked(c, e, call.arg(), Utrace.taskIsTraced(c))
                : EngineApi.setEventsLocked(c, e, call.arg(), true);
        }
        c.observe(Obs.selfCallReturn(e, control ? OwnerOp.Kind.CONTROL : OwnerOp.Kind.SET_EVENTS, ret, call.arg()));
        if (c.record) c.note("callback calls utrace_" + call + " on itself: " + Errno.name(ret));
    }

    /** finish_callback_report(): apply one callback's return value to the report. */
    private static boolean finishCallbackReport(Ctx c) {
        int e = c.local(L_CUR) - 1;
        int action = c.local(L_CB_RET);
        boolean detachedNow = action == Actions.DETACH || c.ops(e) == Ops.DETACHED;
        boolean locks = action == Actions.DETACH
            || (!detachedNow && action != Actions.STOP && Utrace.engineWantsStop(c, e))
            || (!detachedNow && action == Actions.STOP && !Utrace.engineWantsStop(c, e));
        if (locks && !c.lockFree(LOCK_UTRACE)
                && !(action == Actions.DETACH && c.cfg.mutated(Mutation.CALLBACK_DETACH_SKIPS_LOCK))) {
            return false;
        }
        if (action == Actions.DETACH) {
            // under utrace->lock so that utrace_barrier() sees the detach
            if (!c.cfg.mutated(Mutation.CALLBACK_DETACH_KEEPS_OPS)) c.ops(e, Ops.DETACHED);
        }
        // "If utrace_control() was used, treat that like UTRACE_DETACH here": a detach made during the callback
        // (the owner's, or the callback's own) wins over its return value.
        boolean treatDetached = c.ops(e) == Ops.DETACHED
            && (action == Actions.DETACH || !c.cfg.mutated(Mutation.FINISH_CALLBACK_IGNORES_DETACHED_OPS));
        if (treatDetached) {
            if (!c.cfg.mutated(Mutation.CALLBACK_DETACH_SKIPS_RESET)) rbit(c, RB_DETACHES, true);
        } else {
            if (action < c.local(L_ACTION)) c.local(L_ACTION, action);
            if (action != Actions.STOP) {
                if (action < c.local(L_RESUME_ACTION)) c.local(L_RESUME_ACTION, action);
                if (!c.cfg.mutated(Mutation.CALLBACK_RESUME_KEEPS_STOP)) Utrace.clearEngineWantsStop(c, e);
            } else if (!Utrace.engineWantsStop(c, e)) {
                Utrace.markEngineWantsStop(c, e);
            }
            if (action == Actions.STOP) c.ghostSet(e, EG_STOP_ASKED);
            // history (engine-step-kept): whom a step this pass chooses is owed to; kept only if it chooses one
            if (Actions.isStep(action) && !c.ghost(e, EG_STEP_CHOSE)) c.ghostSet(e, EG_STEP_CHOSE);
            Utrace.lastWord(c, e, action);
            // @report_syscall_entry: "if %UTRACE_REPORT or %UTRACE_INTERRUPT was returned by some callback"
            if ((action == Actions.REPORT || action == Actions.INTERRUPT) && c.local(L_EVENT) == Events.SYSCALL_ENTRY
                    && !c.taskGhost(G_RESUMED_ASKED)) {
                c.taskGhostSet(G_RESUMED_ASKED);
            }
            // report_exit's UTRACE_STOP, applied: the hold exit-stop-holds watches starts here, after any
            // utrace_control() made while the callback ran ("ordered after its callback's action").
            if (action == Actions.STOP && c.local(L_AFTER) == A_EVENT && c.local(L_EVENT) == Events.EXIT) {
                c.ghostSet(e, EG_EXIT_STOP);
            }
        }
        if (c.ghost(e, EG_IN_CALLBACK)) {
            c.ghostClear(e, EG_IN_CALLBACK);
            if (c.local(L_AFTER) == A_EVENT && c.local(L_EVENT) == Events.DEATH) {
                c.ghostSet(e, EG_DEATH_RETURNED);
                if (action == Actions.DETACH) c.ghostSet(e, EG_DEATH_DETACHED);
            }
        }
        if (c.cfg.mutated(Mutation.FINISH_CALLBACK_CLEARS_REPORTING_EARLY)) {
            afterFinishCallback(c);
        } else {
            c.pc(P_CLEAR);
        }
        return true;
    }

    /** finish_callback() returns engine->ops == &utrace_detached_ops; then start_callback goes on. */
    private static void afterFinishCallback(Ctx c) {
        int e = c.local(L_CUR) - 1;
        boolean detached = c.ops(e) == Ops.DETACHED;
        if (c.local(L_AFTER) == A_QUIESCE && !detached) {
            if (c.local(L_EVENT) == 0) {
                rbit(c, RB_SPURIOUS, false);
                nextEngine(c);
            } else {
                c.pc(P_REREAD);
            }
            return;
        }
        nextEngine(c);
    }

    // ---- finish_report ------------------------------------------------------------------

    /** finish_report()'s resume: the pass's action, UTRACE_STOP as REPORT (will_not_stop) or RESUME. */
    private static int finishResume(Ctx c) {
        int resume = c.local(L_ACTION);
        return resume == Actions.STOP ? (rbit(c, RB_WILL_NOT_STOP) ? Actions.REPORT : Actions.RESUME) : resume;
    }

    /** finish_report(): "if (resume < utrace->resume)", read without utrace->lock. */
    private static boolean finishReport(Ctx c) {
        c.pc(finishResume(c) < c.get(RESUME) ? FIN_REPORT_LOCKED : FIN_RESET);
        return true;
    }

    /** finish_report()'s locked section: the write, which does not test utrace->resume again. */
    private static boolean finishReportLocked(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE)) return false;
        int resume = finishResume(c);
        if (c.record && c.get(RESUME) < resume) {
            if (c.record) c.note("utrace->resume went down to " + Actions.name(c.get(RESUME)) + " since the test: overwritten");
        }
        c.set(RESUME, resume);
        if (!c.cfg.mutated(Mutation.FINISH_REPORT_SKIPS_NOTIFY)) {
            boolean interrupt = resume == Actions.INTERRUPT && !c.cfg.mutated(Mutation.FINISH_REPORT_INTERRUPT_NOTIFIES);
            c.setBits(TIF, interrupt ? Tif.SIGPENDING : Tif.NOTIFY_RESUME);
        }
        if (c.record) c.note("utrace->resume = " + Actions.name(resume));
        c.pc(FIN_RESET);
        return true;
    }

    /** finish_report_reset(): returns false if it needs the lock and cannot have it. */
    private static boolean reportReset(Ctx c) {
        if (rbit(c, RB_SPURIOUS) || rbit(c, RB_DETACHES)) {
            if (!c.lockFree(LOCK_UTRACE)) return false;
            if (Utrace.utraceReset(c)) c.local(L_ACTION, Actions.RESUME);
        }
        return true;
    }

    private static boolean finishReportReset(Ctx c) {
        if (!reportReset(c)) return false;
        int stopCont = c.local(L_REPORT_STOP_CONT);
        if (c.local(L_ACTION) == Actions.STOP && stopCont >= 0) {
            TraceeStop.callStop(c, c.local(L_RESUME_ACTION), stopCont);
        } else {
            c.pc(c.local(L_REPORT_AFTER));
        }
        return true;
    }

    static void callFrr(Ctx c, int cont) {
        c.local(L_FRR_CONT, cont);
        c.pc(FRR);
    }

    // ---- utrace_resume / finish_resume_report ------------------------------------------

    private static boolean utraceResume(Ctx c) {
        c.fence(Barrier.B5_READER); // tracehook_notify_resume's smp_mb() after clearing TIF_NOTIFY_RESUME
        // "if (task_utrace_flags(task)) utrace_resume(task, regs);": the hook is patch 03's
        if (!c.cfg.has(3) || c.get(UTRACE_FLAGS) == 0) {
            c.pc(TraceeSyscall.EXIT_TO_USER);
            return true;
        }
        boolean handler = c.has(UBITS, U_SIGNAL_HANDLER);
        if ((handler || Utrace.startReportLocks(c)) && !c.lockFree(LOCK_UTRACE)) return false;
        if (handler && !c.cfg.mutated(Mutation.RESUME_KEEPS_SIGNAL_HANDLER)) c.clearBits(UBITS, U_SIGNAL_HANDLER);
        // history (signal-report-action): "a signal handler setup done but no report_signal following it"
        if (c.taskGhost(G_HANDLER_SET_UP)) c.taskGhostClear(G_HANDLER_SET_UP);
        initReport(c);
        int action = Utrace.startReport(c);
        if (c.record) c.note("start_report: " + Actions.name(action));
        c.local(L_FRR_CONT, TraceeSyscall.EXIT_TO_USER);
        switch (action) {
            case Actions.RESUME:
                c.pc(TraceeSyscall.EXIT_TO_USER);
                break;
            case Actions.REPORT:
                if (c.cfg.mutated(Mutation.RESUME_STOPS_WITHOUT_QUIESCE) && c.has(UTRACE_FLAGS, Events.ENGINE_STOP)) {
                    c.local(L_ACTION, Actions.STOP);
                    c.pc(FRR);
                } else if ((c.get(UTRACE_FLAGS) & Events.QUIESCE) == 0) {
                    c.local(L_ACTION, Actions.REPORT);
                    c.pc(FRR);
                } else {
                    c.local(L_ACTION, Actions.RESUME);
                    beginPass(c, K_FORWARD, 0, FRR);
                }
                break;
            default:
                c.local(L_ACTION, action);
                rbit(c, RB_SPURIOUS, false);
                c.pc(FRR);
                break;
        }
        return true;
    }

    private static boolean finishResumeReport(Ctx c) {
        if (!reportReset(c)) return false;
        int cont = c.local(L_FRR_CONT);
        switch (c.local(L_ACTION)) {
            case Actions.STOP:
                TraceeStop.callStop(c, c.local(L_RESUME_ACTION), cont);
                return true;
            case Actions.INTERRUPT:
                c.setBits(TIF, Tif.SIGPENDING);
                break;
            case Actions.SINGLESTEP:
            case Actions.BLOCKSTEP:
                // patch 27: leave stepping alone while ptrace wants it (before 27: user_enable_single_step always)
                if (c.cfg.mutated(Mutation.RESUME_REPORT_SKIPS_STEP)) {
                    if (c.record) c.note("UTRACE_SINGLESTEP not acted on (mutation resume-report-skips-step)");
                } else if (!(c.cfg.has(27) && Utrace.ptraceWantsStep(c))) {
                    c.setBits(TIF, Tif.SINGLESTEP); // user_enable_single_step
                    c.setBits(G_PTRACE, G_UTRACE_STEP);
                }
                break;
            default:
                if (!(c.cfg.has(27) && Utrace.ptraceWantsStep(c))) Utrace.userDisableSingleStep(c);
                break;
        }
        c.pc(cont);
        return true;
    }
}

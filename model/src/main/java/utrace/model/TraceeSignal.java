package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * Signal delivery: get_signal_to_deliver() with utrace's hook
 * utrace_get_signal() (patch 01; called before dequeue_signal() again from
 * patch 19; "must not steal" for job control per patches 01, 09 and 20),
 * its report_signal pass and the engines' signal disposition, job control
 * (do_signal_stop, do_jobctl_trap; see {@link JobCtl}), ptrace_signal, and
 * tracehook_signal_handler (patch 03). The group-stop sleep is in
 * {@link TraceeStop}, ptrace_stop in {@link TraceePtrace}.
 */
final class TraceeSignal {
    private TraceeSignal() {}

    static final int GS_HOOK = 13;
    static final int GS_REPORT_LOCK = 14;
    static final int GS_AFTER_PASS = 15;
    static final int GS_AFTER_FRR = 16;
    static final int GS_HANDLER = 17;
    static final int P_SIGNAL_CALL = 32;
    static final int GS_DELIVER = 43;
    static final int GS_STEAL = 45;
    static final int GS_HANDLER_STEP = 46;

    static void describe() {
        info(GS_HOOK, AREA_SIGNAL, "siglock; utrace_get_signal: report first? intercept unless jobctl work is due (09, 20)? else do_signal_stop / do_jobctl_trap / dequeue_signal", "get_signal_to_deliver", 19,
            SeedRef.code(SeedRef.SIGNAL_C, 4646, "signr = utrace_hook_signal(current, regs, info, return_ka);")
                .names("utrace_hook_signal", "get_signal_to_deliver's loop (its hunk header names the label relock:) "
                    + "calls utrace_hook_signal -> utrace_get_signal first (patch 19)")
                .simplified("one siglock hold: utrace_get_signal's tests, the steal (dequeue_signal) and the start of "
                    + "the report_signal pass, or else do_signal_stop / do_jobctl_trap / dequeue_signal and the "
                    + "delivery (ptrace_signal's stop, or the signal's handler or default action); task->pending "
                    + "before signal->shared_pending, lowest number first; no blocked signals"));
        info(GS_STEAL, AREA_SIGNAL, "siglock held: utrace_flags & SIGNAL_ALL, group stop? steal: dequeue_signal, report_signal pass; else do_signal_stop / do_jobctl_trap / dequeue_signal", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2829, "} else if (!(task->utrace_flags & UTRACE_EVENT_SIGNAL_ALL) ||")
                .simplified("a second step of the same siglock hold: task->utrace_flags is read again after the "
                    + "utrace->resume / pending_attach / signal_handler test, and utrace->lock holders (an attach, "
                    + "utrace_set_events) can run between the two reads; the rest of the hold is this step"));
        info(GS_REPORT_LOCK, AREA_SIGNAL, "lock; splice_attaching; take utrace->resume; recalc_sigpending", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2789, "spin_lock(&utrace->lock);")
                .simplified("the utrace->lock section and the recalc_sigpending() under siglock after it are one step"));
        info(GS_AFTER_PASS, AREA_SIGNAL, "act on the engines' signal disposition", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2928, "switch (utrace_signal_action(report.result)) {")
                .simplified("dispositions DELIVER, IGN, STOP, TERM and CORE, each expressed \"in terms of a "
                    + "representative signal whose default action does it\" (TERM: SIGTERM, CORE: SIGQUIT, STOP: "
                    + "SIGSTOP, DELIVER: the signal itself) while info->si_signo stays the signal dequeued; "
                    + "UTRACE_SIGNAL_HOLD, SA_ONESHOT, UTRACE_SIGNAL_TSTP and core dumps are not modelled; a signal "
                    + "to deliver goes through finish_report's steps, then the siglock retake"));
        info(GS_DELIVER, AREA_SIGNAL, "spin_lock_irq(siglock); stop signal: JOBCTL_STOP_DEQUEUED; return signr", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 3031, "task->jobctl |= JOBCTL_STOP_DEQUEUED;")
                .simplified("the siglock retake and get_signal_to_deliver's delivery of the returned signal are one "
                    + "step: ptrace_signal(signr) for any signr but SIGKILL (patch 19), so a tracer sees the "
                    + "representative (SIGTERM, SIGQUIT); untraced, the representative's default action with "
                    + "info->si_signo as the number (do_group_exit(info->si_signo): killed by the signal dequeued)"));
        info(GS_AFTER_FRR, AREA_SIGNAL, "fatal_signal_pending()? dequeue only SIGKILL", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2983, "if (unlikely(fatal_signal_pending(task))) {"));
        info(GS_HANDLER, AREA_SIGNAL, "signal frame set up; utrace_signal_handler", "tracehook_signal_handler", 3,
            SeedRef.code(SeedRef.TRACEHOOK_H, 3285, "utrace_signal_handler(current, stepping);")
                .simplified("the signal frame is not modelled: the tracee returns towards user mode, where a handler "
                    + "that re-raises its signal or calls exit() runs (TraceeSyscall's user mode step)"));
        info(GS_HANDLER_STEP, AREA_SIGNAL, "stepping into the handler: ptrace wants the step? ptrace_notify(SIGTRAP)", "tracehook_signal_handler", 26,
            SeedRef.code(SeedRef.TRACEHOOK_H, 5198, "if (stepping && ptrace_wants_step())")
                .simplified("taken only when the tracee is stepping (TIF_SINGLESTEP, as x86's handle_signal passes it); "
                    + "its siglock section is a step of its own after utrace_signal_handler's utrace->lock one; the "
                    + "condition's body, ptrace_notify(SIGTRAP), is 3.1's kernel/signal.c: ptrace_stop(SIGTRAP, "
                    + "CLD_TRAPPED, clear_code 1) under siglock, and nothing acts on the data the tracer resumes with"));
        info(P_SIGNAL_CALL, AREA_SIGNAL, "ops->report_signal()", "utrace_get_signal", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2905, "ret = (*ops->report_signal)(")
                .simplified("the callback returns what the scenario says (report_quiesce's answer when the engine has "
                    + "no report_signal); calls on its own engine run inside this step"));
    }

    /** enum utrace_signal_action, as far as the model needs it (the values a callback's @action shows: Obs). */
    static final int SIG_DELIVER = Obs.SIGNAL_DELIVER;
    static final int SIG_IGN = Obs.SIGNAL_IGN;
    static final int SIG_TERM = Obs.SIGNAL_TERM;
    static final int SIG_STOP = Obs.SIGNAL_STOP;
    static final int SIG_REPORT = Obs.SIGNAL_REPORT;
    static final int SIG_HANDLER = Obs.SIGNAL_HANDLER;
    static final int SIG_CORE = Obs.SIGNAL_CORE;

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case GS_HOOK: return getSignal(c);
            case GS_STEAL: return getSignalSteal(c);
            case GS_REPORT_LOCK: return getSignalReportLock(c);
            case GS_AFTER_PASS: return getSignalAfterPass(c);
            case GS_AFTER_FRR:
                if (Utrace.fatalSignalPending(c)) {
                    if (!c.lockFree(LOCK_SIGLOCK)) return false;
                    c.observe(Obs.dequeue(Signals.SIGKILL, c.get(JOBCTL)));
                    // get_signal_to_deliver's fatal path: sigdelset(&current->pending.signal, SIGKILL)
                    if (!c.cfg.mutated(Mutation.FATAL_DEQUEUE_LEAVES_SIGKILL)) c.clearBits(SIGPENDING, Signals.SIGKILL);
                    c.taskGhostClear(G_SIGKILL_UNTAKEN);
                    c.note("dequeue SIGKILL: die");
                    TraceeExit.fatalSignal(c, Signals.SIGKILL);
                } else {
                    c.pc(GS_HOOK);
                }
                return true;
            case GS_HANDLER: return signalHandler(c);
            case GS_HANDLER_STEP: return signalHandlerStep(c);
            case P_SIGNAL_CALL: return signalCallback(c);
            case GS_DELIVER: {
                // push_back_signal / spin_lock_irq(siglock), then "if (sig_kernel_stop(signr))
                // task->jobctl |= JOBCTL_STOP_DEQUEUED" (patch 01): get_signal_to_deliver acts on signr
                if (!c.lockFree(LOCK_SIGLOCK)) return false;
                int info = c.local(L_SIGNR); // info->si_signo: the signal dequeued
                int signr = representative(c, c.local(L_RESULT), info);
                if (signr == Signals.SIGSTOP) c.setBits(JOBCTL, JOBCTL_STOP_DEQUEUED);
                // a representative stands for the step trap: ptrace_signal's stop for it is no step trap
                if (info == Signals.SIGTRAP && signr != Signals.SIGTRAP) c.clearBits(G_PTRACE, G_STEP_TRAP);
                // patch 19: "Always call ptrace_signal() if signal != SIGKILL, no matter whether this signal comes
                // from utrace or not", as if ptrace were the last engine; with the representative as signr
                if (signr != Signals.SIGKILL && c.has(PTRACE, PT_PTRACED) && !c.cfg.mutated(Mutation.UTRACE_SIGNAL_SKIPS_PTRACE)) {
                    ptraceSignal(c, signr);
                } else if (signr != info) {
                    actRepresentative(c, signr, info);
                } else {
                    act(c, signr);
                }
                return true;
            }
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    private static boolean getSignal(Ctx c) {
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        // history (handler-report-made): the signal a report was asked after went elsewhere (ptrace cancelled or
        // requeued it): no handler was set up, so no HANDLER report is owed
        if (c.has(G_PTRACE, G_HANDLER_ASKED) && !c.taskGhost(G_HANDLER_SET_UP)) c.clearBits(G_PTRACE, G_HANDLER_ASKED);
        int uflags = c.get(UTRACE_FLAGS);
        // utrace_hook_signal(): reintroduced by patch 19, before dequeue_signal()
        if (uflags != 0 && c.cfg.has(19)) {
            if (c.get(RESUME) < Actions.RESUME || c.has(UBITS, U_PENDING_ATTACH | U_SIGNAL_HANDLER)) {
                c.note("utrace_get_signal: explicit report first");
                c.pc(GS_REPORT_LOCK);
                return true;
            }
            // The "else if" reads task->utrace_flags again, siglock still held: an attach and utrace_set_events
            // (utrace->lock only) can land after the pending_attach test above (a step of its own, GS_STEAL)
            c.lock(LOCK_SIGLOCK);
            c.pc(GS_STEAL);
            return true;
        }
        return getSignalDequeue(c);
    }

    /** utrace_get_signal's "else if" and "else" branches, then get_signal_to_deliver's own dequeue; siglock held. */
    private static boolean getSignalSteal(Ctx c) {
        c.unlock(LOCK_SIGLOCK); // the hold goes on: the rest is this one step
        int uflags = c.get(UTRACE_FLAGS);
        // "If no engine is interested in intercepting signals or we must stop,
        // let the caller just dequeue them normally or participate in group-stop."
        if ((uflags & Events.SIGNAL_ALL) != 0 && !JobCtl.utraceMustNotSteal(c)) {
            int signr = nextSignal(c);
            if (signr != 0) {
                dequeue(c, signr);
                if (signr == Signals.SIGKILL && !c.cfg.mutated(Mutation.GET_SIGNAL_INTERCEPTS_SIGKILL)) {
                    c.note("SIGKILL: never intercepted");
                    deliver(c, signr);
                    return true;
                }
                int event = signalEvent(c, signr);
                if ((uflags & (event | Events.QUIESCE)) == 0 || c.cfg.mutated(Mutation.GET_SIGNAL_SKIPS_REPORT)) {
                    c.observe(Obs.signalUnreported(event, signr));
                    deliver(c, signr);
                    return true;
                }
                TraceeReport.initReport(c);
                c.local(L_RESULT, signalResult(c, signr));
                c.local(L_SIGNR, signr);
                if (c.record) c.note("report_signal pass for " + Signals.name(signr));
                // no splice_attaching here: the pending_attach test before was to see to that
                c.observe(Obs.reportStarted(event));
                c.setBits(G_PTRACE, G_SIG_VERDICT); // history (signal-action-honoured): the engines' verdict is owed
                TraceeReport.beginPass(c, TraceeReport.K_SIGNAL, event, GS_AFTER_PASS);
                return true;
            }
        }
        return getSignalDequeue(c);
    }

    /** get_signal_to_deliver() without utrace's steal: job control, then dequeue_signal and delivery. */
    private static boolean getSignalDequeue(Ctx c) {
        // get_signal_to_deliver(): job control comes before any signal.
        if (c.has(JOBCTL, JOBCTL_STOP_PENDING) && JobCtl.doSignalStop(c)) {
            TraceeStop.groupStopSleep(c, "JOBCTL_STOP_PENDING: do_signal_stop(0), TASK_STOPPED");
            return true;
        }
        if (c.has(JOBCTL, JOBCTL_TRAP_MASK)) {
            // do_jobctl_trap(), not PT_SEIZED: ptrace_stop(signr, CLD_STOPPED, 0, NULL)
            c.note("JOBCTL_TRAP_STOP: do_jobctl_trap, ptrace_stop(SIGSTOP, CLD_STOPPED)");
            TraceePtrace.ptraceStopSet(c, Obs.PTRACE_STOP_GROUP, Signals.SIGSTOP, GS_HOOK);
            return true;
        }
        int signr = nextSignal(c);
        if (signr == 0) {
            Utrace.recalcSigpending(c);
            TraceeSyscall.restartWithoutHandler(c); // do_signal: no signal, so an interrupted call is restarted
            c.pc(TraceeSyscall.EXIT_TO_USER);
            return true;
        }
        dequeue(c, signr);
        deliver(c, signr);
        return true;
    }

    /**
     * dequeue_signal(tsk, &tsk->blocked, info)'s choice: "We only dequeue private signals from ourselves"
     * first, then the shared queue; next_signal() skips the blocked ones, which stay queued.
     */
    static int nextSignal(Ctx c) {
        int unblocked = c.cfg.mutated(Mutation.DEQUEUE_IGNORES_BLOCKED) ? -1 : ~Utrace.blocked(c);
        boolean synchronousFirst = !c.cfg.mutated(Mutation.NEXT_SIGNAL_IGNORES_SYNCHRONOUS);
        int signr = Signals.next(c.get(SIGPENDING) & unblocked, synchronousFirst);
        return signr != 0 ? signr : Signals.next(c.get(SHARED_PENDING) & unblocked, synchronousFirst);
    }

    /**
     * dequeue_signal(): take the signal; a stop signal sets
     * JOBCTL_STOP_DEQUEUED ("must still be cleared by a SIGCONT") for
     * do_signal_stop() to check after siglock may have been dropped.
     */
    private static void dequeue(Ctx c, int signr) {
        c.observe(Obs.dequeue(signr, c.get(JOBCTL)));
        if (signr == Signals.SIGSTOP) c.setBits(JOBCTL, JOBCTL_STOP_DEQUEUED);
        if (c.has(SIGPENDING, signr)) c.clearBits(SIGPENDING, signr);
        else c.clearBits(SHARED_PENDING, signr);
        if (signr == Signals.SIGKILL) c.taskGhostClear(G_SIGKILL_UNTAKEN);
        c.clearBits(G_SIG_OWED, signr); // history: taken, to be acted on or reported in this pass
        if (c.cfg.mutated(Mutation.DEQUEUE_CLEARS_SIGPENDING)) c.clearBits(TIF, Tif.SIGPENDING);
        else Utrace.recalcSigpending(c);
    }

    /**
     * utrace_get_signal(): "From the signal number and sigaction, determine what normal delivery would do": a
     * handler gives UTRACE_SIGNAL_DELIVER (event SIGNAL), else the default action: core dump (SIGNAL_CORE), ignore
     * (SIGNAL_IGN), stop (SIGNAL_STOP) or death (SIGNAL_TERM). The model has no SIG_IGN handlers and no
     * job-control stop signal but SIGSTOP (so no UTRACE_SIGNAL_TSTP). The mail lost the "event = ..." lines; the
     * pairs are the published utrace.c's.
     */
    private static int signalEvent(Ctx c, int signr) {
        if (c.cfg.mutated(Mutation.SIGNAL_EVENT_BY_NUMBER)) return signr == Signals.SIGUSR1 ? Events.SIGNAL : Events.SIGNAL_TERM;
        if (handled(c, signr)) return Events.SIGNAL;
        // if/else: see TraceeOp.text() (JPF and enum switch maps)
        Signals.DefaultAction dfl = Signals.defaultAction(signr);
        if (dfl == Signals.DefaultAction.CORE) return Events.SIGNAL_CORE;
        if (dfl == Signals.DefaultAction.IGNORE) return Events.SIGNAL_IGN;
        if (dfl == Signals.DefaultAction.STOP) return Events.SIGNAL_STOP;
        return Events.SIGNAL_TERM;
    }

    /** report.result before the pass, as signalEvent chooses it (UTRACE_SIGNAL_CORE: no core dump is written). */
    private static int signalResult(Ctx c, int signr) {
        if (handled(c, signr) || c.cfg.mutated(Mutation.SIGNAL_RESULT_ALWAYS_DELIVER)) return SIG_DELIVER;
        Signals.DefaultAction dfl = Signals.defaultAction(signr);
        if (dfl == Signals.DefaultAction.CORE) return SIG_CORE;
        if (dfl == Signals.DefaultAction.IGNORE) return SIG_IGN;
        if (dfl == Signals.DefaultAction.STOP) return SIG_STOP;
        return SIG_TERM;
    }

    /**
     * utrace_get_signal() after the pass: "We express the chosen action to the signals code in terms of a
     * representative signal whose default action does it. Our caller uses our return value (signr) to decide what
     * to do, but uses info->si_signo as the signal number to report": SIGTERM for UTRACE_SIGNAL_TERM, SIGQUIT for
     * CORE, SIGSTOP for STOP; for DELIVER the signal itself ({@code info}), unless it is 0 (a report pass without a
     * signal) or its action is SIG_DFL with a default of "ignore" (SIGCONT), which go the way of an ignored signal;
     * 0 for IGN, REPORT and HANDLER. The model has no UTRACE_SIGNAL_TSTP (SIGSTOP is its only stop signal).
     */
    static int representative(Ctx c, int result, int info) {
        switch (result) {
            case SIG_TERM: return Signals.SIGTERM;
            case SIG_CORE: return c.cfg.mutated(Mutation.GET_SIGNAL_DROPS_CORE) ? 0 : Signals.SIGQUIT;
            case SIG_STOP: return Signals.SIGSTOP;
            case SIG_DELIVER:
                if (info == 0) return 0;
                if (!handled(c, info) && Signals.defaultAction(info) == Signals.DefaultAction.IGNORE) return 0;
                return info;
            default: return 0;
        }
    }

    /** ka->sa.sa_handler is a handler of the scenario's (neither SIG_DFL nor SIG_IGN); never for SIGKILL or SIGSTOP. */
    private static boolean handled(Ctx c, int signr) {
        return signr != Signals.SIGKILL && signr != Signals.SIGSTOP && c.model.scenario().handler(signr).installed();
    }

    /**
     * get_signal_to_deliver() with a dequeued signal, siglock held: a ptraced
     * task reports every signal but SIGKILL to ptrace first (ptrace_signal;
     * patch 19: after the utrace engines), else the signal's action.
     */
    static void deliver(Ctx c, int signr) {
        if (signr != Signals.SIGKILL && c.has(PTRACE, PT_PTRACED)) {
            ptraceSignal(c, signr);
            return;
        }
        act(c, signr);
    }

    /**
     * ptrace_signal(): "current->jobctl |= JOBCTL_STOP_DEQUEUED" unconditionally
     * (the debugger may turn the signal into SIGSTOP; a SIGCONT while stopped
     * clears it), then ptrace_stop(signr, CLD_TRAPPED, 0, info). What happens
     * when the tracee is back is {@link #ptraceSignalTail}.
     */
    private static void ptraceSignal(Ctx c, int signr) {
        if (c.record) c.note("ptrace_signal(" + Signals.name(signr) + ")");
        verdictTaken(c); // reported to the tracer: signal-delivered judges it from here
        if (!c.cfg.mutated(Mutation.PTRACE_SIGNAL_SKIPS_STOP_DEQUEUED)) c.setBits(JOBCTL, JOBCTL_STOP_DEQUEUED);
        // history: "we do not know whether debugger will change signr": a stop signal the tracer passes from this
        // stop is a new stop request; do_signal_stop() "should only stop if it was not cleared by SIGCONT while we
        // were sleeping" (3.1's comment here), so only a SIGCONT sent from now on cancels it, an earlier one (the
        // SIGCONT reported here, say) does not (sigcont-ends-stop, wait-liveness). A stop signal reported here was
        // sent before (its send cleared the bit): what came after it still counts.
        if ((signr & Signals.STOP_MASK) == 0) c.clearBits(G_TASK, G_CONT_AFTER_STOP);
        // history: the signal now waits in exit_code, owed until the tracer collects the stop or it is delivered
        c.setBits(G_SIG_OWED, signr);
        // a step trap only if this SIGTRAP is the one tracehook_report_syscall_exit forced (not a raised one)
        boolean stepTrap = signr == Signals.SIGTRAP && c.has(G_PTRACE, G_STEP_TRAP);
        if (signr == Signals.SIGTRAP) c.clearBits(G_PTRACE, G_STEP_TRAP);
        TraceePtrace.ptraceStopSet(c, stepTrap ? Obs.PTRACE_STOP_STEP_TRAP : Obs.PTRACE_STOP_SIGNAL, signr, GS_HOOK);
    }

    /**
     * The rest of ptrace_signal() after ptrace_stop() returned, siglock still
     * held: "signr = current->exit_code; if (signr == 0) return signr;" (the
     * debugger cancelled it), else "current->exit_code = 0" and the signal
     * (maybe another one the debugger chose) goes on to get_signal_to_deliver's
     * action, unless the task blocks it: "If the (new) signal is now blocked,
     * requeue it" (specific_send_sig_info; ptrace-tests
     * ptrace_cont-defeats-sigblock), and look for the next. exit_code also survives
     * __ptrace_unlink: if the tracer went away before collecting the stop, the
     * original signal is delivered; PTRACE_DETACH's data replaces it.
     */
    static void ptraceSignalTail(Ctx c) {
        int signr = Signals.ofNumber(c.get(EXIT_CODE));
        if (signr == 0) {
            if (c.get(EXIT_CODE) != 0) throw new IllegalStateException("exit_code " + c.get(EXIT_CODE) + " is no model signal");
            c.note("ptrace_signal: exit_code 0, the debugger cancelled the signal");
            c.pc(GS_HOOK);
            return;
        }
        c.set(EXIT_CODE, 0);
        if ((Utrace.blocked(c) & signr) != 0) {
            if (c.cfg.mutated(Mutation.BLOCKED_SIGNAL_DELIVERED)) {
                c.note("ptrace_signal: " + Signals.name(signr) + " is blocked, delivered anyway (mutation blocked-signal-delivered)");
            } else if (c.cfg.mutated(Mutation.BLOCKED_SIGNAL_DROPPED)) {
                c.note("ptrace_signal: " + Signals.name(signr) + " is blocked: dropped (mutation blocked-signal-dropped)");
                c.pc(GS_HOOK);
                return;
            } else {
                SendSignal.send(c, signr, false);
                if (c.record) c.note("ptrace_signal: " + Signals.name(signr) + " is blocked: requeued (specific_send_sig_info)");
                c.pc(GS_HOOK);
                return;
            }
        }
        if (c.record) c.note("ptrace_signal: deliver " + Signals.name(signr) + " (exit_code)");
        act(c, signr, !c.cfg.mutated(Mutation.PASSED_SIGNAL_SKIPS_HANDLER));
    }

    /**
     * get_signal_to_deliver() acting on a signal nobody traps any more: a
     * handler (set up in {@link #GS_HANDLER}; one that re-raises or exits runs
     * next in user mode), or the default action: ignore (SIGCONT), stop
     * (do_signal_stop), or terminate (do_group_exit; SIGQUIT and SIGTRAP with a
     * core dump, which the model does not write).
     */
    static void act(Ctx c, int signr) {
        act(c, signr, true);
    }

    /** {@code handlers} false: the default action even where a handler is installed (a mutation's). */
    private static void act(Ctx c, int signr, boolean handlers) {
        c.clearBits(G_SIG_OWED, signr); // history: delivered
        verdictTaken(c);
        if (signr == Signals.SIGTRAP) c.clearBits(G_PTRACE, G_STEP_TRAP); // history: the step trap, if it was one, is taken
        SignalHandler h = c.model.scenario().handler(signr);
        if (handlers && h.installed() && signr != Signals.SIGKILL) {
            if (c.record) c.note(Signals.name(signr) + ": run the handler");
            if (h.kind() != SignalHandler.Kind.RETURN) c.local(L_HANDLER, signr);
            c.pc(GS_HANDLER);
            return;
        }
        // if/else: see TraceeOp.text() (JPF and enum switch maps)
        Signals.DefaultAction dfl = Signals.defaultAction(signr);
        if (dfl == Signals.DefaultAction.IGNORE) {
            if (c.record) c.note(Signals.name(signr) + ": ignored");
            c.pc(GS_HOOK);
        } else if (dfl == Signals.DefaultAction.STOP) {
            // do_signal_stop(SIGSTOP): the group stops, unless a SIGCONT or
            // SIGKILL cleared JOBCTL_STOP_DEQUEUED meanwhile (then: next signal).
            if (JobCtl.doSignalStop(c)) {
                TraceeStop.groupStopSleep(c, "SIGSTOP: do_signal_stop, TASK_STOPPED");
            } else {
                c.note("SIGSTOP: do_signal_stop does not stop");
                c.pc(GS_HOOK);
            }
        } else {
            if (c.record) c.note(Signals.name(signr) + (signr == Signals.SIGKILL ? ": do_group_exit" : ", default action: do_group_exit"));
            TraceeExit.fatalSignal(c, signr);
        }
    }

    /**
     * get_signal_to_deliver() acting on a representative signal utrace_get_signal() returned with
     * return_ka->sa.sa_handler = SIG_DFL (untraced, or ptrace_signal not called): the representative's default
     * action decides, "but the signal number reported will be @info->si_signo instead": a death is
     * do_group_exit(info->si_signo) (with do_coredump(info->si_signo, ...) first for SIGQUIT, not modelled). The
     * model's only stop representative is SIGSTOP for SIGSTOP itself, so {@code signr != info} is a death.
     */
    private static void actRepresentative(Ctx c, int signr, int info) {
        if (Signals.defaultAction(signr) != Signals.DefaultAction.TERMINATE && Signals.defaultAction(signr) != Signals.DefaultAction.CORE) {
            throw new IllegalStateException("representative " + Signals.name(signr) + " for " + Signals.name(info));
        }
        c.clearBits(G_SIG_OWED, info); // history: delivered
        verdictTaken(c);
        if (c.record) c.note(Signals.name(signr) + " (representative of " + Signals.name(info)
            + "), default action: do_group_exit(info->si_signo = " + Signals.name(info) + ")");
        TraceeExit.fatalSignal(c, c.cfg.mutated(Mutation.GET_SIGNAL_EXITS_WITH_REPRESENTATIVE) ? signr : info);
    }

    private static boolean getSignalReportLock(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE) || !c.lockFree(LOCK_SIGLOCK)) return false;
        Utrace.spliceAttaching(c);
        TraceeReport.initReport(c);
        // "report.result = utrace->signal_handler ? UTRACE_SIGNAL_HANDLER : UTRACE_SIGNAL_REPORT;" (seed 2791)
        boolean handler = c.has(UBITS, U_SIGNAL_HANDLER) && !c.cfg.mutated(Mutation.SIGNAL_REPORT_IGNORES_HANDLER);
        if (!c.cfg.mutated(Mutation.SIGNAL_REPORT_RESULT_UNSET)) c.local(L_RESULT, handler ? SIG_HANDLER : SIG_REPORT);
        c.clearBits(UBITS, U_SIGNAL_HANDLER);
        // history (signal-report-action): this report takes the handler setup, if one is untaken
        if (c.taskGhost(G_HANDLER_SET_UP)) {
            c.taskGhostClear(G_HANDLER_SET_UP);
            c.taskGhostSet(G_HANDLER_PASS);
        }
        int resume = c.get(RESUME);
        c.set(RESUME, Actions.RESUME);
        if (c.has(TIF, Tif.SIGPENDING)) Utrace.recalcSigpending(c);
        if (c.record) c.note("resume was " + Actions.name(resume));
        // history (engine-step-kept): the pass a REPORT or INTERRUPT asked for chooses again; an engine without
        // QUIESCE gets none ("We only got here to clear utrace->signal_handler"): utrace.h, "To be sure, enable
        // %UTRACE_EVENT(%QUIESCE)"
        if (resume == Actions.REPORT || resume == Actions.INTERRUPT) TraceeReport.stepOwed(c, false);
        if (resume > Actions.REPORT) {
            // "We only got here to process utrace->resume": report.action = resume (seed line 2810)
            if (!c.cfg.mutated(Mutation.GET_SIGNAL_DROPS_RESUME_ACTION)) c.local(L_ACTION, resume);
            TraceeReport.rbit(c, TraceeReport.RB_SPURIOUS, false);
            TraceeReport.callFrr(c, GS_HOOK);
            handlerReportNotMade(c);
        } else if ((c.get(UTRACE_FLAGS) & Events.QUIESCE) == 0) {
            // history (handler-report-made): "We only got here to clear utrace->signal_handler": no engine to call, so
            // the report the setup was owed is excused now, whatever engine gets QUIESCE later
            if (c.taskGhost(G_HANDLER_PASS) && c.has(G_PTRACE, G_HANDLER_OWED)) c.clearBits(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED);
            c.pc(GS_HOOK);
            handlerReportNotMade(c);
        } else {
            // history (handler-report-made): this pass is the report the handler's setup was owed
            if (c.taskGhost(G_HANDLER_PASS) && c.has(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED)) {
                c.clearBits(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED);
            }
            c.local(L_SIGNR, 0);
            TraceeReport.beginPass(c, TraceeReport.K_SIGNAL, 0, GS_AFTER_PASS);
        }
        return true;
    }

    /** History (signal-action-honoured): the signal of the pass was acted on as its engines left it. */
    private static void verdictTaken(Ctx c) {
        if (c.has(G_PTRACE, G_SIG_VERDICT)) c.clearBits(G_PTRACE, G_SIG_VERDICT);
    }

    /** History (signal-report-action): no report_signal pass follows, so no callback gets the setup's report. */
    private static void handlerReportNotMade(Ctx c) {
        if (c.taskGhost(G_HANDLER_PASS)) c.taskGhostClear(G_HANDLER_PASS);
    }

    private static boolean getSignalAfterPass(Ctx c) {
        int result = c.local(L_RESULT);
        int signr = c.local(L_SIGNR); // info->si_signo; L_SIGNR keeps it until GS_DELIVER
        int represent = representative(c, result, signr);
        if (represent == 0) {
            // history (signal-action-honoured): a signal whose own default is to ignore it is dropped as it should be
            if (signr != 0 && !handled(c, signr) && Signals.defaultAction(signr) == Signals.DefaultAction.IGNORE) verdictTaken(c);
            // ignored, or only a report: finish_resume_report, then maybe die
            if (signr == Signals.SIGTRAP) c.clearBits(G_PTRACE, G_STEP_TRAP); // history: the step trap, if it was one, is gone
            TraceeReport.callFrr(c, GS_AFTER_FRR);
            return true;
        }
        int action = c.local(L_ACTION);
        // history (handler-report-made): the engines asked to stop or step at a handled signal's delivery, so its
        // handler's setup is owed a report; judged apart from the kernel's test below, which a bug may get wrong
        if (result == SIG_DELIVER && action != Actions.RESUME && handled(c, represent)) c.setBits(G_PTRACE, G_HANDLER_ASKED);
        // "The handler will run. If an engine wanted to stop or step, then make sure we do another report after
        // signal handler setup": only for a handler; a SIG_DFL signal goes on to its default action.
        if (result == SIG_DELIVER && handled(c, represent) && action != Actions.RESUME
                && !c.cfg.mutated(Mutation.HANDLER_DELIVERY_NOT_INTERRUPTED)) {
            action = Actions.INTERRUPT;
            c.local(L_ACTION, action);
        }
        // finish_report(task, utrace, &report, true), then GS_DELIVER: siglock, return signr (the representative,
        // computed again there from report.result and info->si_signo)
        TraceeReport.rbit(c, TraceeReport.RB_WILL_NOT_STOP, true);
        c.local(L_REPORT_AFTER, GS_DELIVER);
        c.local(L_REPORT_STOP_CONT, -1);
        c.pc(TraceeReport.FIN_REPORT);
        return true;
    }

    private static boolean signalHandler(Ctx c) {
        // utrace_signal_handler's lock is tested first: a step that cannot take it must change nothing
        if (c.get(UTRACE_FLAGS) != 0 && !c.lockFree(LOCK_UTRACE)) return false;
        TraceeSyscall.settleForHandler(c); // handle_signal: the interrupted call's -EINTR or restart
        // history (signal-report-action): the next report before dequeuing that takes this setup is its
        // UTRACE_SIGNAL_HANDLER report; kept apart from utrace_signal_handler's body, which a bug may skip
        if (c.get(UTRACE_FLAGS) != 0) {
            c.taskGhostClear(G_HANDLER_ALL);
            c.taskGhostSet(G_HANDLER_SET_UP);
            // history (handler-report-made): this setup is owed its HANDLER report if the delivery asked for it, or
            // "If we're already stepping, make sure we do a report_signal" (utrace_signal_handler), ptrace's step too
            if (c.has(G_PTRACE, G_HANDLER_ASKED) || c.has(TIF, Tif.SINGLESTEP)) c.setBits(G_PTRACE, G_HANDLER_OWED);
        }
        if (c.cfg.has(3) && c.get(UTRACE_FLAGS) != 0) { // tracehook_signal_handler's utrace_signal_handler: patch 03
            c.setBits(UBITS, U_SIGNAL_HANDLER);
            int resume = c.get(RESUME);
            if (resume > Actions.INTERRUPT) {
                if (c.has(TIF, Tif.SINGLESTEP) && !c.cfg.mutated(Mutation.SIGNAL_HANDLER_IGNORES_STEPPING)) {
                    c.set(RESUME, Actions.INTERRUPT);
                    c.setBits(TIF, Tif.SIGPENDING);
                } else if (resume == Actions.RESUME && !c.cfg.mutated(Mutation.SIGNAL_HANDLER_SKIPS_NOTIFY)) {
                    c.setBits(TIF, Tif.NOTIFY_RESUME);
                }
            }
        }
        // x86 handle_signal(): tracehook_signal_handler(..., test_thread_flag(TIF_SINGLESTEP))
        c.pc(c.has(TIF, Tif.SINGLESTEP) ? GS_HANDLER_STEP : TraceeSyscall.EXIT_TO_USER);
        return true;
    }

    /**
     * tracehook_signal_handler(), stepping: "if (stepping && ptrace_wants_step(current)) ptrace_notify(SIGTRAP);"
     * (before patch 26, "if (stepping)"): a tracer that single-steps into a handler sees a SIGTRAP stop at its
     * first instruction (ptrace-tests step-into-handler). ptrace_notify's stop clears exit_code if the tracer is
     * gone, and nothing acts on the data it is resumed with.
     */
    private static boolean signalHandlerStep(Ctx c) {
        if (c.cfg.has(26) && !Utrace.ptraceWantsStep(c) || c.cfg.mutated(Mutation.HANDLER_STEP_SKIPS_TRAP)) {
            c.pc(TraceeSyscall.EXIT_TO_USER);
            return true;
        }
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        c.note("stepping into the handler: ptrace_notify(SIGTRAP)");
        TraceePtrace.ptraceStopSet(c, Obs.PTRACE_STOP_HANDLER_STEP, Signals.SIGTRAP, TraceeSyscall.EXIT_TO_USER);
        return true;
    }

    /** report_signal() (patch 01: utrace_get_signal's own loop). */
    private static boolean signalCallback(Ctx c) {
        int e = c.local(L_CUR) - 1;
        int event = c.local(L_EVENT);
        boolean live = c.local(L_OPS) == Ops.LIVE;
        CallbackSpec spec = null;
        boolean reportSignal = false; // the engine has ops->report_signal (a 'callback signal=' line), which sees @action
        if (live) {
            EngineSpec es = c.model.scenario().engines().get(e);
            reportSignal = es.hasReportSignal() && !c.cfg.mutated(Mutation.GET_SIGNAL_CALLS_QUIESCE);
            spec = reportSignal ? es.signalPassCallback() : es.callback(Events.QUIESCE);
            if (spec.selfCall() != null && !c.lockFree(LOCK_UTRACE)) return false;
        }
        int ret = live ? spec.action() : Actions.DETACH;
        // "Avoid a tight loop reporting again and again if some engine is too stupid."
        if (ret == Actions.REPORT || ret == Actions.INTERRUPT) ret = Actions.RESUME;
        // @action: report.result, which the previous engine's return set ("the previous engine's return value
        // sets the signal action seen by the the following engine's callback"); report_quiesce, standing in for an
        // engine without report_signal, is passed report.action and the event alone
        int seen = c.local(L_RESULT);
        if (live && spec.ignoreSignal()) {
            c.local(L_RESULT, SIG_IGN);
            if (event != 0) verdictTaken(c); // history (signal-action-honoured): the engine chose to drop the signal
        }
        TraceeReport.made(c, e, event == 0 ? Events.QUIESCE : event, ret, live, reportSignal ? seen : -1);
        if (live && spec.selfCall() != null) TraceeReport.selfCall(c, e, spec.selfCall());
        c.local(L_CB_RET, ret);
        c.local(L_AFTER, TraceeReport.A_SIGNAL);
        c.pc(TraceeReport.finishOrder(c));
        return true;
    }
}

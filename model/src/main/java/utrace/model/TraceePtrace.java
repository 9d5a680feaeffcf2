package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * The ptrace side of the tracee: ptrace_report_syscall() at syscall entry
 * and exit (tracehook_report_syscall_*; PT_SYSCALL_TRACE from patch 22,
 * TIF_SYSCALL_EMU from 30, the single-step trap of 26) and ptrace_stop():
 * setting TASK_TRACED, the tracer-gone path (patches 10, 11, 17, 18), the
 * sleep, and the wake-up with utrace_end_stop (16) and stepping from
 * PT_SINGLE_* (28). ptrace runs as the last engine, after utrace's report.
 */
final class TraceePtrace {
    private TraceePtrace() {}

    static final int PT_SYS_ENTRY = 36;
    static final int PT_SYS_EXIT = 37;
    static final int PT_STOP_DECIDE = 38;
    static final int PT_STOP_SLEEP = 39;
    static final int PT_STOP_AFTER = 40;

    static void describe() {
        info(PT_SYS_ENTRY, AREA_PTRACE, "ptrace_report_syscall: PT_SYSCALL_TRACE (22) or TIF_SYSCALL_EMU (30)? ptrace_notify", "tracehook_report_syscall_entry", 22,
            SeedRef.code(SeedRef.TRACEHOOK_H, 4877, "if (!(ptrace & PT_SYSCALL_TRACE))")
                .names("ptrace_report_syscall", "tracehook_report_syscall_entry calls ptrace_report_syscall (patch 22)")
                .simplified("PTRACE_O_TRACESYSGOOD is not modelled; ptrace_notify's siglock section and ptrace_stop's "
                    + "setting of TASK_TRACED are this step"));
        info(PT_SYS_EXIT, AREA_PTRACE, "single-step trap if ptrace wants stepping (26), else ptrace_report_syscall", "tracehook_report_syscall_exit", 26,
            SeedRef.code(SeedRef.TRACEHOOK_H, 5190, "if (step && ptrace_wants_step()) {")
                .simplified("the step trap's siginfo is not modelled: force_sig_info(SIGTRAP) queues SIGTRAP"));
        info(PT_STOP_DECIDE, AREA_PTRACE, "read_lock(tasklist); may_ptrace_stop()? notify the tracer and schedule(), else wake_up_quiescent(current)", "ptrace_stop", 18,
            SeedRef.code(SeedRef.SIGNAL_C, 4549, "schedule();")
                .simplified("may_ptrace_stop() is \"PT_PTRACED is still set\"; do_notify_parent_cldstop is not "
                    + "modelled (the tracer's wait reads the stop's exit code)"));
        info(PT_STOP_SLEEP, AREA_PTRACE, "schedule() returns: woken from the ptrace stop, or kept awake by SIGKILL (WAKEKILL)", "ptrace_stop", 0,
            SeedRef.called(SeedRef.SIGNAL_C, 3852, "static void ptrace_stop(int exit_code, int why, int clear_code, siginfo_t *info)",
                "ptrace_stop", "ptrace_stop's schedule() with the tracer present is 3.1 code the series leaves alone; "
                    + "the line is the first hunk header naming ptrace_stop")
                .simplified("schedule() in a TASK_WAKEKILL state with SIGKILL pending does not sleep"));
        info(PT_STOP_AFTER, AREA_PTRACE, "utrace_end_stop (16); siglock; stepping by PT_SINGLE_* (28); recalc_sigpending_tsk; then the caller: ptrace_signal's exit_code, do_jobctl_trap's exit_code = 0, ptrace_report_syscall's send_sig", "ptrace_stop", 28,
            SeedRef.code(SeedRef.SIGNAL_C, 5385, "if (current->ptrace & PT_SINGLE_BLOCK)")
                .simplified("utrace_end_stop(), the stepping of patch 28, recalc_sigpending_tsk() and what the "
                    + "caller does with exit_code under the same siglock (ptrace_signal delivers it or cancels a 0, "
                    + "do_jobctl_trap clears it; ptrace_report_syscall's send_sig, a later siglock section in the "
                    + "kernel) are one step; PT_SINGLE_BLOCK sets TIF_SINGLESTEP like PT_SINGLE_STEP"));
    }

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case PT_SYS_ENTRY: return ptraceReportSyscall(c, TraceeSyscall.afterEntry(c), true);
            case PT_SYS_EXIT: return syscallExitPtrace(c);
            case PT_STOP_DECIDE: return ptraceStopDecide(c);
            case PT_STOP_SLEEP: {
                if (c.get(TASK_STATE) != TaskState.RUNNING && !TraceeStop.killedAwake(c)) return false;
                // schedule() does not sleep in a WAKEKILL state with SIGKILL pending (signal_pending_state): __schedule()
                // sets prev->state = TASK_RUNNING instead of dequeuing the task
                if (!c.cfg.mutated(Mutation.KILLED_SCHEDULE_KEEPS_TRACED) || c.get(TASK_STATE) == TaskState.RUNNING) {
                    c.set(TASK_STATE, TaskState.RUNNING);
                }
                c.observe(Obs.stopLeft());
                c.pc(PT_STOP_AFTER);
                return true;
            }
            case PT_STOP_AFTER: return ptraceStopAfter(c);
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    /** Ptrace asked for a stop at this syscall entry (history, not the flags the code reads). */
    static boolean ptraceAskedSyscallStop(Ctx c) {
        return c.has(PTRACE, PT_PTRACED) && c.has(G_PTRACE, G_PT_ASKED_SYSCALL | G_PT_ASKED_SYSEMU)
            && !Utrace.fatalSignalPending(c);
    }

    /**
     * ptrace_report_syscall(): PT_PTRACED before patch 22, PT_SYSCALL_TRACE
     * from 22 (TIF_SYSCALL_TRACE may be utrace's), or TIF_SYSCALL_EMU from 30.
     */
    private static boolean ptraceReportSyscall(Ctx c, int cont, boolean entry) {
        int pt = c.get(PTRACE);
        boolean report = c.cfg.has(22)
            ? (pt & PT_SYSCALL_TRACE) != 0 || (c.cfg.has(30) && c.has(TIF, Tif.SYSCALL_EMU))
            : (pt & PT_PTRACED) != 0;
        if (!report) {
            if (entry && ptraceAskedSyscallStop(c)) c.observe(Obs.ptraceSyscallMissed());
            c.pc(cont);
            return true;
        }
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        if (c.record) c.note("ptrace_notify(SIGTRAP): syscall " + (entry ? "entry" : "exit") + " stop");
        ptraceStopSet(c, Obs.PTRACE_STOP_SYSCALL, Signals.SIGTRAP, cont);
        return true;
    }

    /** tracehook_report_syscall_exit(): a step trap, or ptrace_report_syscall. */
    private static boolean syscallExitPtrace(Ctx c) {
        boolean step = c.has(TIF, Tif.SINGLESTEP) && !c.has(TIF, Tif.SYSCALL_EMU);
        if (step && (!c.cfg.has(26) || Utrace.ptraceWantsStep(c))) {
            // user_single_step_siginfo(); force_sig_info(SIGTRAP)
            if (!c.lockFree(LOCK_SIGLOCK)) return false;
            c.setBits(SIGPENDING, Signals.SIGTRAP);
            c.setBits(TIF, Tif.SIGPENDING);
            c.setBits(G_PTRACE, G_STEP_TRAP); // history: this SIGTRAP is the step trap (ptrace-step-kept)
            c.note("single-step trap: force SIGTRAP");
            c.pc(TraceeSyscall.EXIT_TO_USER);
            return true;
        }
        if (!c.has(TIF, Tif.SYSCALL_TRACE) && !step) {
            c.pc(TraceeSyscall.EXIT_TO_USER);
            return true;
        }
        return ptraceReportSyscall(c, TraceeSyscall.EXIT_TO_USER, false);
    }

    /**
     * ptrace_stop() up to unlocking siglock: set_current_state(TASK_TRACED),
     * the exit_code the tracer's wait() collects, and the jobctl bookkeeping
     * (a group-stop trap joins the stop; any trap clears JOBCTL_TRAP_STOP).
     * Called with siglock.
     */
    static void ptraceStopSet(Ctx c, int why, int signr, int cont) {
        c.set(TASK_STATE, c.cfg.mutated(Mutation.PTRACE_STOP_IN_TASK_STOPPED) ? TaskState.TASK_STOPPED : TaskState.TASK_TRACED);
        c.set(EXIT_CODE, Signals.number(signr));
        JobCtl.ptraceStopBookkeeping(c, why == Obs.PTRACE_STOP_GROUP && !c.cfg.mutated(Mutation.GROUP_TRAP_SKIPS_GROUP_STOP));
        c.setBits(G_PTRACE, G_PT_HOLDS);
        c.observe(Obs.ptraceStop(why, signr));
        c.local(L_PT_CONT, cont);
        c.local(L_PT_WHY, why);
        // history: a stop its tracer is owed a report of, carrying signr; which data argument it honours
        c.set(G_WAIT_STATUS, WaitResult.stopped(signr));
        c.clearBits(G_WAIT, GW_TRAP_OWED | GW_STOP_SIGNAL | GW_STOP_SYSCALL);
        c.setBits(G_WAIT, GW_STOP_UNREPORTED | (why == Obs.PTRACE_STOP_SYSCALL ? GW_STOP_SYSCALL
            : why == Obs.PTRACE_STOP_GROUP || why == Obs.PTRACE_STOP_HANDLER_STEP ? 0 : GW_STOP_SIGNAL));
        c.pc(PT_STOP_DECIDE);
    }

    /**
     * ptrace_stop() after unlocking siglock: if the tracer is still there,
     * sleep. If it went away, undo TASK_TRACED: __set_current_state(RUNNING)
     * (lock-free before 10, under siglock from 10, wake_up_quiescent from 11,
     * selective from 17) and, from patch 18, schedule() anyway in case utrace
     * added TASK_UTRACED meanwhile.
     */
    private static boolean ptraceStopDecide(Ctx c) {
        if (!c.lockFree(LOCK_TASKLIST)) return false;
        if (c.has(PTRACE, PT_PTRACED)) {
            TraceeStop.countSwitch(c);
            c.note("do_notify_parent_cldstop; schedule()");
            c.pc(PT_STOP_SLEEP);
            return true;
        }
        if (c.cfg.has(10) && !c.lockFree(LOCK_SIGLOCK)) return false;
        if (c.cfg.has(11) || c.cfg.has(17)) Utrace.wakeUpQuiescent(c, TaskState.TRACED_BIT);
        else c.set(TASK_STATE, TaskState.RUNNING);
        c.clearBits(G_PTRACE, G_PT_HOLDS);
        // "If we actually decide not to stop at all because the tracer is gone, we keep
        // current->exit_code unless clear_code": only ptrace_notify (the syscall stops) clears it.
        int why = c.local(L_PT_WHY);
        if (why == Obs.PTRACE_STOP_SYSCALL || why == Obs.PTRACE_STOP_HANDLER_STEP) c.set(EXIT_CODE, 0);
        c.clearBits(G_WAIT, GW_STOP_UNREPORTED | GW_STOP_SIGNAL | GW_STOP_SYSCALL); // history: no stop, nobody to report to
        if (c.cfg.has(18)) {
            c.note("the tracer went away; schedule() in case TASK_UTRACED was added");
            c.pc(PT_STOP_SLEEP);
        } else {
            c.note("the tracer went away: run on");
            c.observe(Obs.stopLeft());
            c.pc(PT_STOP_AFTER);
        }
        return true;
    }

    private static boolean ptraceStopAfter(Ctx c) {
        if (!TraceeStop.utraceEndStopMayGo(c) || !c.lockFree(LOCK_SIGLOCK)) return false;
        if (c.cfg.has(28)) {
            // the tracee sets its own stepping from PT_SINGLE_* after waking
            if (c.has(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK)) {
                c.setBits(TIF, Tif.SINGLESTEP);
            } else {
                if (c.cfg.mutated(Mutation.STEP_KEPT_AFTER_DETACH) && !c.has(PTRACE, PT_PTRACED)) {
                    c.note("TIF_SINGLESTEP kept (mutation step-kept-after-detach)");
                } else {
                    Utrace.userDisableSingleStep(c);
                }
                if (c.get(UTRACE_FLAGS) != 0) c.setBits(TIF, Tif.NOTIFY_RESUME); // utrace reasserts its own
            }
        }
        // "Queued signals ignored us while we were stopped for tracing. ... This sets
        // TIF_SIGPENDING, but never clears it."
        if (c.cfg.mutated(Mutation.PTRACE_STOP_SKIPS_RECALC)) c.note("no recalc_sigpending_tsk (mutation ptrace-stop-skips-recalc)");
        else Utrace.recalcSigpendingTsk(c);
        c.clearBits(G_WAIT, GW_STOP_UNREPORTED | GW_STOP_SIGNAL | GW_STOP_SYSCALL); // history: the stop is over
        switch (c.local(L_PT_WHY)) {
            case Obs.PTRACE_STOP_SIGNAL:
            case Obs.PTRACE_STOP_STEP_TRAP:
                TraceeSignal.ptraceSignalTail(c);
                break;
            case Obs.PTRACE_STOP_GROUP:
                // do_jobctl_trap(), !PT_SEIZED: "current->exit_code = 0" (the data of the
                // request that ended a group-stop trap is not a signal to deliver)
                if (c.cfg.mutated(Mutation.GROUP_TRAP_DELIVERS_DATA)) {
                    TraceeSignal.ptraceSignalTail(c);
                    break;
                }
                c.set(EXIT_CODE, 0);
                c.pc(c.local(L_PT_CONT));
                break;
            case Obs.PTRACE_STOP_HANDLER_STEP:
                // ptrace_notify() returns to tracehook_signal_handler(), which ignores exit_code
                c.pc(c.local(L_PT_CONT));
                break;
            default:
                syscallStopTail(c);
                break;
        }
        c.local(L_PT_WHY, 0);
        return true;
    }

    /**
     * ptrace_report_syscall() after ptrace_notify(): "if (current->exit_code) {
     * send_sig(current->exit_code, current, 1); current->exit_code = 0; }" (the
     * signal a debugger passes at a syscall stop is sent, to task->pending).
     */
    private static void syscallStopTail(Ctx c) {
        int signr = Signals.ofNumber(c.get(EXIT_CODE));
        if (signr != 0) {
            if (c.cfg.mutated(Mutation.SYSCALL_STOP_DROPS_SIGNAL)) c.note("no send_sig (mutation syscall-stop-drops-signal)");
            else SendSignal.send(c, signr, c.cfg.mutated(Mutation.SYSCALL_STOP_SIGNAL_SHARED));
            c.set(EXIT_CODE, 0);
            if (c.record) c.note("ptrace_report_syscall: send_sig(" + Signals.name(signr) + ")");
        }
        c.pc(c.local(L_PT_CONT));
    }
}

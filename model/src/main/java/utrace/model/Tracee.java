package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * The traced thread. It lives the scenario's script (system calls, then
 * exit) and, on every way back to user mode, runs the signal and
 * notify-resume work that utrace hooks into. Each engine callback is a step
 * of this actor. The program counters below follow kernel/utrace.c of patch
 * 01 and the tracehooks of patches 03, 06 and 08.
 */
final class Tracee extends Actor {
    // program counters
    static final int USER = 0;
    static final int SYS_ENTRY = 1;
    static final int SYS_ENTRY_RESTOP = 2;
    static final int SYS_EXIT = 3;
    static final int FIN_REPORT = 4;
    static final int FIN_RESET = 5;
    static final int EXIT_TO_USER = 6;
    static final int NOTIFY_RESUME = 7;
    static final int FRR = 8;
    static final int STOP_LOCK = 9;
    static final int STOP_SLEEP = 10;
    static final int STOP_FINISH = 11;
    static final int STOP_RECALC = 12;
    static final int GS_HOOK = 13;
    static final int GS_REPORT_LOCK = 14;
    static final int GS_AFTER_PASS = 15;
    static final int GS_AFTER_FRR = 16;
    static final int GS_HANDLER = 17;
    static final int JC_SLEEP = 18;
    static final int EXIT_REPORT = 19;
    static final int EXIT_NOTIFY = 20;
    static final int EXIT_UTRACE_NOTIFY = 21;
    static final int DEATH_START = 22;
    static final int DEATH_MAYBE_REAP = 23;
    static final int REAP_LOOP = 24;
    static final int AUTOREAP = 25;
    static final int AUTOREAP_LOCK = 26;
    static final int DEAD = 27;
    static final int P_SET_REPORTING = 28;
    static final int P_READ = 29;
    static final int P_QUIESCE_CALL = 30;
    static final int P_EVENT_CALL = 31;
    static final int P_SIGNAL_CALL = 32;
    static final int P_FINISH = 33;
    static final int P_CLEAR = 34;
    static final int P_REREAD = 35;
    static final int PT_SYS_ENTRY = 36;
    static final int PT_SYS_EXIT = 37;
    static final int PT_STOP_DECIDE = 38;
    static final int PT_STOP_SLEEP = 39;
    static final int PT_STOP_AFTER = 40;

    private static final StepInfo[] INFO = new StepInfo[41];

    private static void info(int pc, String label, String function, int patch) {
        INFO[pc] = new StepInfo(label, function, patch);
    }

    static {
        info(USER, "run user code, then enter the kernel", "user mode", 0);
        info(SYS_ENTRY, "syscall entry: TIF_SYSCALL_TRACE and SYSCALL_ENTRY wanted? start_report", "utrace_report_syscall_entry", 3);
        info(SYS_ENTRY_RESTOP, "after utrace_stop at syscall entry: abort if killed, report again if asked", "utrace_report_syscall_entry", 1);
        info(SYS_EXIT, "syscall exit: TIF_SYSCALL_TRACE and SYSCALL_EXIT wanted? start_report", "utrace_report_syscall_exit", 3);
        info(FIN_REPORT, "fold the pass's action into utrace->resume", "finish_report", 1);
        info(FIN_RESET, "utrace_reset if the pass was spurious or an engine detached", "finish_report_reset", 1);
        info(EXIT_TO_USER, "check TIF_SIGPENDING / TIF_NOTIFY_RESUME with irqs off, else return to user mode", "exit_to_user_mode", 0);
        info(NOTIFY_RESUME, "smp_mb(); utrace_flags? utrace_resume: start_report", "tracehook_notify_resume", 3);
        info(FRR, "finish_report_reset, then stop, interrupt or set stepping", "finish_resume_report", 1);
        info(STOP_LOCK, "lock; resume bookkeeping; ENGINE_STOP still wanted? siglock; fatal signal? set TASK_UTRACED (TASK_TRACED before 15)", "utrace_stop", 1);
        info(STOP_SLEEP, "schedule() returns: woken from the tracing stop", "utrace_stop", 1);
        info(STOP_FINISH, "__fatal_signal_pending()? then spin_unlock_wait(&utrace->lock)", "utrace_finish_stop", 1);
        info(STOP_RECALC, "recalc_sigpending() under siglock", "utrace_stop", 1);
        info(GS_HOOK, "siglock; utrace_get_signal: report first? intercept unless jobctl work is due (09, 20)? else do_signal_stop / do_jobctl_trap / dequeue_signal", "get_signal_to_deliver", 1);
        info(GS_REPORT_LOCK, "lock; splice_attaching; take utrace->resume; recalc_sigpending", "utrace_get_signal", 1);
        info(GS_AFTER_PASS, "act on the engines' signal disposition", "utrace_get_signal", 1);
        info(GS_AFTER_FRR, "fatal_signal_pending()? dequeue only SIGKILL", "utrace_get_signal", 1);
        info(GS_HANDLER, "signal frame set up; utrace_signal_handler", "tracehook_signal_handler", 3);
        info(JC_SLEEP, "schedule() returns: woken from the group stop", "do_signal_stop", 0);
        info(EXIT_REPORT, "do_exit: EXIT wanted? start_report", "utrace_report_exit", 6);
        info(EXIT_NOTIFY, "write_lock(tasklist_lock); exit_state = EXIT_ZOMBIE (EXIT_DEAD if autoreaped)", "exit_notify", 0);
        info(EXIT_UTRACE_NOTIFY, "utrace_flags & (DEATH|QUIESCE)? then report_death", "utrace_exit_notify", 8);
        info(DEATH_START, "lock; utrace->death = 1; resume = RESUME; splice_attaching", "utrace_report_death", 1);
        info(DEATH_MAYBE_REAP, "lock; utrace->death = 0; utrace_reset, or reap if release_task came first", "utrace_maybe_reap", 1);
        info(REAP_LOOP, "report_reap if wanted; ops = NULL; utrace_engine_put", "utrace_maybe_reap", 1);
        info(AUTOREAP, "release_task (autoreap): smp_mb(); utrace_flags?", "utrace_release_task", 8);
        info(AUTOREAP_LOCK, "lock; utrace->reap = 1; defer if DEATH/QUIESCE pending, else take the lists", "utrace_maybe_reap", 1);
        info(DEAD, "TASK_DEAD", "do_exit", 0);
        info(P_SET_REPORTING, "utrace->reporting = engine; smp_mb()", "start_callback", 1);
        info(P_READ, "want = engine->flags; smp_rmb(); ops = engine->ops", "start_callback", 1);
        info(P_QUIESCE_CALL, "ops->report_quiesce()", "start_callback", 1);
        info(P_EVENT_CALL, "ops->report_<event>()", "REPORT_CALLBACKS", 1);
        info(P_SIGNAL_CALL, "ops->report_signal()", "utrace_get_signal", 1);
        info(P_FINISH, "apply the callback's return value", "finish_callback_report", 1);
        info(P_CLEAR, "utrace->reporting = NULL", "finish_callback", 1);
        info(P_REREAD, "utrace->reporting = engine; smp_mb(); want = engine->flags", "start_callback", 1);
        info(PT_SYS_ENTRY, "ptrace_report_syscall: PT_SYSCALL_TRACE (22) or TIF_SYSCALL_EMU (30)? ptrace_notify", "tracehook_report_syscall_entry", 22);
        info(PT_SYS_EXIT, "single-step trap if ptrace wants stepping (26), else ptrace_report_syscall", "tracehook_report_syscall_exit", 26);
        info(PT_STOP_DECIDE, "read_lock(tasklist); may_ptrace_stop()? notify the tracer and schedule(), else wake_up_quiescent(current)", "ptrace_stop", 18);
        info(PT_STOP_SLEEP, "schedule() returns: woken from the ptrace stop, or kept awake by SIGKILL (WAKEKILL)", "ptrace_stop", 0);
        info(PT_STOP_AFTER, "utrace_end_stop (16); stepping by PT_SINGLE_* (28); recalc_sigpending", "ptrace_stop", 28);
    }

    // locals
    private static final int L_SCRIPT = 0;
    private static final int L_KIND = 1;
    private static final int L_EVENT = 2;
    private static final int L_CUR = 3;
    private static final int L_PASS_CONT = 4;
    private static final int L_ACTION = 5;
    private static final int L_RESUME_ACTION = 6;
    private static final int L_RESULT = 7;
    private static final int L_RBITS = 8;
    private static final int L_WANT = 9;
    private static final int L_OPS = 10;
    private static final int L_CB_RET = 11;
    private static final int L_AFTER = 12;
    private static final int L_STOP_ACTION = 13;
    private static final int L_STOP_CONT = 14;
    private static final int L_FRR_CONT = 15;
    private static final int L_SIGNR = 16;
    private static final int L_REAP_LIST = 17;
    private static final int L_REPORT_AFTER = 18;
    private static final int L_REPORT_STOP_CONT = 19;
    /** where ptrace_stop returns to */
    private static final int L_PT_CONT = 20;
    private static final int LOCALS = 21;

    // struct utrace_report flags
    private static final int RB_DETACHES = 1;
    private static final int RB_SPURIOUS = 2;
    private static final int RB_WILL_NOT_STOP = 4;

    // report kinds
    private static final int K_FORWARD = 0;
    private static final int K_REVERSE = 1;
    private static final int K_SIGNAL = 2;

    // what follows finish_callback
    private static final int A_QUIESCE = 0;
    private static final int A_EVENT = 1;
    private static final int A_SIGNAL = 2;

    /** enum utrace_signal_action, as far as the model needs it. */
    static final int SIG_DELIVER = 0;
    static final int SIG_IGN = 1;
    static final int SIG_TERM = 2;
    static final int SIG_STOP = 3;
    static final int SIG_REPORT = 4;
    static final int SIG_HANDLER = 5;

    private final List<TraceeOp> script;
    private final boolean autoreap;

    Tracee(Model model, int index, List<TraceeOp> script, boolean autoreap) {
        super(model, index, "tracee");
        this.script = script;
        this.autoreap = autoreap;
    }

    @Override int slots() { return 1 + LOCALS; }

    @Override String role() { return "tracee"; }

    @Override boolean buffersStores() { return true; }

    /**
     * Without smp_rmb() [B2.reader] start_callback's load of engine->ops may be performed before that of
     * ->flags; without task_utrace_struct's smp_rmb() [B4.reader] a report hook's load of task->utrace may
     * be performed before that of utrace_flags.
     */
    @Override boolean hoistsLoads() {
        ModelConfig cfg = model.config();
        return cfg.weak() && (!cfg.barrier(Barrier.B2_READER) || !cfg.barrier(Barrier.B4_READER));
    }

    @Override int hoistableLoad(int[] v) {
        if (!hoistsLoads()) return -1;
        int pc = v[base];
        if (pc == P_READ && !model.config().barrier(Barrier.B2_READER)) return engine(v[base + 1 + L_CUR] - 1, E_OPS);
        if (reportHook(pc) && !model.config().barrier(Barrier.B4_READER)) return UTRACE_ALLOCATED;
        return -1;
    }

    /** The hooks whose step reads utrace_flags and, if it asks for the event, task->utrace (startReport). */
    private static boolean reportHook(int pc) {
        return pc == SYS_ENTRY || pc == SYS_EXIT || pc == EXIT_REPORT;
    }

    @Override boolean step(Ctx c) {
        int pc = c.pc();
        boolean moved = stepAt(c, pc);
        // utrace_flags did not ask for the event: an early load of task->utrace goes unused (weak model only)
        if (moved && reportHook(pc)) c.dropEarlyLoad();
        return moved;
    }

    private boolean stepAt(Ctx c, int pc) {
        c.at(INFO[pc]);
        switch (pc) {
            case USER: return user(c);
            case SYS_ENTRY: return syscallEntry(c);
            case PT_SYS_ENTRY: return ptraceReportSyscall(c, SYS_EXIT, true);
            case PT_SYS_EXIT: return syscallExitPtrace(c);
            case PT_STOP_DECIDE: return ptraceStopDecide(c);
            case PT_STOP_SLEEP: {
                boolean killedAwake = Utrace.fatalSignalPending(c) && c.has(TASK_STATE, TaskState.WAKEKILL);
                if (c.get(TASK_STATE) != TaskState.RUNNING && !killedAwake) return false;
                // schedule() does not sleep in a WAKEKILL state with SIGKILL pending (signal_pending_state)
                c.set(TASK_STATE, TaskState.RUNNING);
                c.observe(Obs.stopLeft());
                c.pc(PT_STOP_AFTER);
                return true;
            }
            case PT_STOP_AFTER: return ptraceStopAfter(c);
            case SYS_ENTRY_RESTOP: return syscallEntryRestop(c);
            case SYS_EXIT: {
                // syscall_trace_leave(): step = TIF_SINGLESTEP && !TIF_SYSCALL_EMU
                boolean step = c.has(TIF, Tif.SINGLESTEP) && !c.has(TIF, Tif.SYSCALL_EMU);
                if (!step && !c.has(TIF, Tif.SYSCALL_TRACE)) {
                    c.pc(EXIT_TO_USER);
                    return true;
                }
                if (c.cfg.has(3) && (c.get(UTRACE_FLAGS) & Events.SYSCALL_EXIT) != 0) {
                    return startReport(c, Events.SYSCALL_EXIT, K_FORWARD, true, PT_SYS_EXIT, -1);
                }
                c.pc(PT_SYS_EXIT);
                return true;
            }
            case FIN_REPORT: return finishReport(c);
            case FIN_RESET: return finishReportReset(c);
            case EXIT_TO_USER: return exitToUser(c);
            case NOTIFY_RESUME: return utraceResume(c);
            case FRR: return finishResumeReport(c);
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
            case GS_HOOK: return getSignal(c);
            case GS_REPORT_LOCK: return getSignalReportLock(c);
            case GS_AFTER_PASS: return getSignalAfterPass(c);
            case GS_AFTER_FRR:
                if (Utrace.fatalSignalPending(c)) {
                    if (!c.lockFree(LOCK_SIGLOCK)) return false;
                    c.observe(Obs.dequeue(Signals.SIGKILL, c.get(JOBCTL)));
                    c.clearBits(SIGPENDING, Signals.SIGKILL);
                    c.note("dequeue SIGKILL: die");
                    c.pc(EXIT_REPORT);
                } else {
                    c.pc(GS_HOOK);
                }
                return true;
            case GS_HANDLER: return signalHandler(c);
            case JC_SLEEP:
                if (c.get(TASK_STATE) != TaskState.RUNNING) return false;
                if (!utraceEndStopMayGo(c)) return false;
                c.observe(Obs.stopLeft());
                c.pc(GS_HOOK);
                return true;
            case EXIT_REPORT:
                if ((c.get(UTRACE_FLAGS) & Events.EXIT) == 0) {
                    c.pc(EXIT_NOTIFY);
                    return true;
                }
                return startReport(c, Events.EXIT, K_FORWARD, true, EXIT_NOTIFY, EXIT_NOTIFY);
            case EXIT_NOTIFY:
                if (!c.lockFree(LOCK_TASKLIST)) return false;
                // a plain store (pair B3 with utrace_add_engine when autoreaped)
                c.store(EXIT_STATE, autoreap ? TaskState.EXIT_DEAD : TaskState.EXIT_ZOMBIE);
                c.pc(EXIT_UTRACE_NOTIFY);
                return true;
            case EXIT_UTRACE_NOTIFY: return exitUtraceNotify(c);
            case DEATH_START: return reportDeathStart(c);
            case DEATH_MAYBE_REAP: return deathMaybeReap(c);
            case REAP_LOOP: {
                int rest = Utrace.reapOne(c, c.local(L_REAP_LIST));
                c.local(L_REAP_LIST, rest);
                if (rest == EngineList.EMPTY) c.pc(DEAD);
                return true;
            }
            case AUTOREAP:
                c.fence(Barrier.B3_READER);
                c.pc(c.get(UTRACE_FLAGS) != 0 ? AUTOREAP_LOCK : DEAD);
                return true;
            case AUTOREAP_LOCK: {
                if (!c.lockFree(LOCK_UTRACE)) return false;
                int list = Reaper.maybeReapOnRelease(c);
                c.local(L_REAP_LIST, Math.max(list, 0));
                c.pc(list > 0 ? REAP_LOOP : DEAD);
                return true;
            }
            case DEAD: return false;
            case P_SET_REPORTING:
                c.store(REPORTING, c.local(L_CUR));
                c.fence(Barrier.B1_READER);
                c.note("reporting = " + c.engineName(c.local(L_CUR) - 1));
                c.pc(P_READ);
                return true;
            case P_READ: return startCallbackRead(c);
            case P_QUIESCE_CALL: return callback(c, Events.QUIESCE, A_QUIESCE);
            case P_EVENT_CALL: return callback(c, c.local(L_EVENT), A_EVENT);
            case P_SIGNAL_CALL: return signalCallback(c);
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
                c.local(L_WANT, c.flags(e));
                eventCheck(c, e);
                return true;
            }
            default:
                throw new IllegalStateException("tracee pc " + pc);
        }
    }

    // ---- the scripted life --------------------------------------------------------------

    private boolean user(Ctx c) {
        int i = c.local(L_SCRIPT);
        if (i < script.size()) {
            TraceeOp op = script.get(i);
            c.local(L_SCRIPT, i + 1);
            c.note(op == TraceeOp.SYSCALL ? "system call" : "exit()");
            c.pc(op == TraceeOp.SYSCALL ? SYS_ENTRY : EXIT_REPORT);
            return true;
        }
        if (c.has(TIF, Tif.SIGPENDING | Tif.NOTIFY_RESUME)) {
            c.note("interrupt with work pending");
            c.pc(EXIT_TO_USER);
            return true;
        }
        return false; // idle in user mode
    }

    private boolean exitToUser(Ctx c) {
        if (c.has(TIF, Tif.SIGPENDING)) {
            c.note("TIF_SIGPENDING: do_signal");
            c.pc(GS_HOOK);
        } else if (c.has(TIF, Tif.NOTIFY_RESUME)) {
            c.store(TIF, Tif.NOTIFY_RESUME, 0); // clear_thread_flag: pair B5 with set_notify_resume
            c.note("TIF_NOTIFY_RESUME cleared: tracehook_notify_resume");
            c.pc(NOTIFY_RESUME);
        } else {
            c.note("return to user mode");
            c.observe(Obs.userEntry());
            c.pc(USER);
        }
        return true;
    }

    // ---- system calls and ptrace ---------------------------------------------------------

    /**
     * syscall_trace_enter(): the entry hooks run when TIF_SYSCALL_TRACE (or
     * TIF_SYSCALL_EMU) is set; utrace's report first (patch 03), then
     * ptrace_report_syscall (ptrace acts as the last engine).
     */
    private boolean syscallEntry(Ctx c) {
        boolean hooks = c.has(TIF, Tif.SYSCALL_TRACE | Tif.SYSCALL_EMU);
        if (!hooks) {
            if (ptraceAskedSyscallStop(c)) c.observe(Obs.ptraceSyscallMissed());
            c.note("TIF_SYSCALL_TRACE clear: no entry hooks, the system call runs");
            c.pc(SYS_EXIT);
            return true;
        }
        if (c.cfg.has(3) && (c.get(UTRACE_FLAGS) & Events.SYSCALL_ENTRY) != 0) return startSyscallEntryReport(c);
        c.pc(PT_SYS_ENTRY);
        return true;
    }

    /** Ptrace asked for a stop at this syscall entry (history, not the flags the code reads). */
    private static boolean ptraceAskedSyscallStop(Ctx c) {
        return c.has(PTRACE, PT_PTRACED) && c.has(G_PTRACE, G_PT_ASKED_SYSCALL | G_PT_ASKED_SYSEMU)
            && !Utrace.fatalSignalPending(c);
    }

    /**
     * ptrace_report_syscall(): PT_PTRACED before patch 22, PT_SYSCALL_TRACE
     * from 22 (TIF_SYSCALL_TRACE may be utrace's), or TIF_SYSCALL_EMU from 30.
     */
    private boolean ptraceReportSyscall(Ctx c, int cont, boolean entry) {
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
        c.note("ptrace_notify(SIGTRAP): syscall " + (entry ? "entry" : "exit") + " stop");
        ptraceStopSet(c, Obs.PTRACE_STOP_SYSCALL, Signals.SIGTRAP, cont);
        return true;
    }

    /** tracehook_report_syscall_exit(): a step trap, or ptrace_report_syscall. */
    private boolean syscallExitPtrace(Ctx c) {
        boolean step = c.has(TIF, Tif.SINGLESTEP) && !c.has(TIF, Tif.SYSCALL_EMU);
        if (step && (!c.cfg.has(26) || Utrace.ptraceWantsStep(c))) {
            // user_single_step_siginfo(); force_sig_info(SIGTRAP)
            if (!c.lockFree(LOCK_SIGLOCK)) return false;
            c.setBits(SIGPENDING, Signals.SIGTRAP);
            c.setBits(TIF, Tif.SIGPENDING);
            c.note("single-step trap: force SIGTRAP");
            c.pc(EXIT_TO_USER);
            return true;
        }
        if (!c.has(TIF, Tif.SYSCALL_TRACE) && !step) {
            c.pc(EXIT_TO_USER);
            return true;
        }
        return ptraceReportSyscall(c, EXIT_TO_USER, false);
    }

    /**
     * ptrace_stop() up to unlocking siglock: set_current_state(TASK_TRACED),
     * the exit_code the tracer's wait() collects, and the jobctl bookkeeping
     * (a group-stop trap joins the stop; any trap clears JOBCTL_TRAP_STOP).
     * Called with siglock.
     */
    private static void ptraceStopSet(Ctx c, int why, int signr, int cont) {
        c.set(TASK_STATE, TaskState.TASK_TRACED);
        JobCtl.ptraceStopBookkeeping(c, why == Obs.PTRACE_STOP_GROUP);
        c.set(PT_STOP_CODE, 1);
        c.setBits(G_PTRACE, G_PT_HOLDS);
        c.observe(Obs.ptraceStop(why, signr));
        c.local(L_PT_CONT, cont);
        c.pc(PT_STOP_DECIDE);
    }

    /**
     * ptrace_stop() after unlocking siglock: if the tracer is still there,
     * sleep. If it went away, undo TASK_TRACED: __set_current_state(RUNNING)
     * (lock-free before 10, under siglock from 10, wake_up_quiescent from 11,
     * selective from 17) and, from patch 18, schedule() anyway in case utrace
     * added TASK_UTRACED meanwhile.
     */
    private boolean ptraceStopDecide(Ctx c) {
        if (!c.lockFree(LOCK_TASKLIST)) return false;
        if (c.has(PTRACE, PT_PTRACED)) {
            c.set(NCSW, (c.get(NCSW) + 1) & 3);
            c.note("do_notify_parent_cldstop; schedule()");
            c.pc(PT_STOP_SLEEP);
            return true;
        }
        if (c.cfg.has(10) && !c.lockFree(LOCK_SIGLOCK)) return false;
        if (c.cfg.has(11) || c.cfg.has(17)) Utrace.wakeUpQuiescent(c, TaskState.TRACED_BIT);
        else c.set(TASK_STATE, TaskState.RUNNING);
        c.clearBits(G_PTRACE, G_PT_HOLDS);
        c.set(PT_STOP_CODE, 0);
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

    /** utrace_end_stop() (patch 16): a SIGKILLed task waits until the tracer drops utrace->lock. */
    private static boolean utraceEndStopMayGo(Ctx c) {
        return !c.cfg.has(16) || c.get(UTRACE_FLAGS) == 0 || !Utrace.fatalSignalPending(c) || c.lockFree(LOCK_UTRACE);
    }

    private boolean ptraceStopAfter(Ctx c) {
        if (!utraceEndStopMayGo(c) || !c.lockFree(LOCK_SIGLOCK)) return false;
        if (c.cfg.has(28)) {
            // the tracee sets its own stepping from PT_SINGLE_* after waking
            if (c.has(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK)) {
                c.setBits(TIF, Tif.SINGLESTEP);
            } else {
                Utrace.userDisableSingleStep(c);
                if (c.get(UTRACE_FLAGS) != 0) c.setBits(TIF, Tif.NOTIFY_RESUME); // utrace reasserts its own
            }
        }
        Utrace.recalcSigpending(c);
        c.pc(c.local(L_PT_CONT));
        return true;
    }

    // ---- report passes ------------------------------------------------------------------

    /** INIT_REPORT(report). */
    private static void initReport(Ctx c) {
        c.local(L_ACTION, Actions.RESUME);
        c.local(L_RESUME_ACTION, Actions.RESUME);
        c.local(L_RESULT, 0);
        c.local(L_RBITS, RB_SPURIOUS);
    }

    private static boolean rbit(Ctx c, int bit) { return (c.local(L_RBITS) & bit) != 0; }

    private static void rbit(Ctx c, int bit, boolean on) {
        c.local(L_RBITS, on ? c.local(L_RBITS) | bit : c.local(L_RBITS) & ~bit);
    }

    /** REPORT(): start_report, then the callbacks; finish_report, then maybe utrace_stop. */
    private boolean startReport(Ctx c, int event, int kind, boolean willNotStop, int after, int stopCont) {
        taskUtraceStruct(c);
        if (Utrace.startReportLocks(c) && !c.lockFree(LOCK_UTRACE)) return false;
        initReport(c);
        Utrace.startReport(c);
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

    /** do_report_syscall_entry(): the reverse-order pass of patch 01. */
    private boolean startSyscallEntryReport(Ctx c) {
        return startReport(c, Events.SYSCALL_ENTRY, K_REVERSE, false, PT_SYS_ENTRY, SYS_ENTRY_RESTOP);
    }

    private boolean syscallEntryRestop(Ctx c) {
        if (Utrace.fatalSignalPending(c)) {
            c.note("SIGKILL: UTRACE_SYSCALL_ABORT, no ptrace report");
            c.pc(SYS_EXIT);
            return true;
        }
        if (c.get(RESUME) <= Actions.REPORT) {
            c.note("asked for another report: UTRACE_SYSCALL_RESUMED pass");
            return startSyscallEntryReport(c);
        }
        c.pc(PT_SYS_ENTRY);
        return true;
    }

    /** Start REPORT_CALLBACKS over utrace->attached (a lock-free walk). */
    private void beginPass(Ctx c, int kind, int event, int cont) {
        c.local(L_KIND, kind);
        c.local(L_EVENT, event);
        c.local(L_PASS_CONT, cont);
        c.taskGhostSet(G_PASS_ACTIVE);
        if (kind == K_REVERSE) c.taskGhostSet(G_PASS_REVERSE);
        else c.taskGhostClear(G_PASS_REVERSE);
        c.set(G_PASS_LAST, 0);
        for (int e = 0; e < c.engines(); e++) c.ghostClear(e, EG_ATTACHED_IN_PASS);
        int attached = c.get(ATTACHED);
        gotoEngine(c, kind == K_REVERSE ? EngineList.last(attached) : EngineList.first(attached));
    }

    private void gotoEngine(Ctx c, int e) {
        if (e < 0) {
            c.taskGhostClear(G_PASS_ACTIVE | G_PASS_REVERSE);
            c.local(L_CUR, 0);
            c.pc(c.local(L_PASS_CONT));
        } else {
            c.local(L_CUR, e + 1);
            c.pc(P_SET_REPORTING);
        }
    }

    private void nextEngine(Ctx c) {
        int cur = c.local(L_CUR) - 1;
        int attached = c.get(ATTACHED);
        gotoEngine(c, c.local(L_KIND) == K_REVERSE ? EngineList.prev(attached, cur) : EngineList.next(attached, cur));
    }

    private boolean startCallbackRead(Ctx c) {
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
                c.set(REPORTING, 0);
                nextEngine(c);
            } else {
                c.pc(P_SIGNAL_CALL);
            }
        } else if ((want & Events.QUIESCE) != 0 || ops == Ops.DETACHED) {
            c.pc(P_QUIESCE_CALL);
        } else {
            eventCheck(c, e);
        }
        return true;
    }

    /** The second half of start_callback(): ENGINE_STOP forces STOP; is this event wanted? */
    private void eventCheck(Ctx c, int e) {
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
    private boolean callback(Ctx c, int event, int after) {
        int e = c.local(L_CUR) - 1;
        boolean live = c.local(L_OPS) == Ops.LIVE;
        CallbackSpec spec = live ? model.scenario().engines().get(e).callback(event) : null;
        if (spec != null && spec.selfCall() != null && !c.lockFree(LOCK_UTRACE)) return false;
        int ret = live ? spec.action() : Actions.DETACH; // utrace_detached_quiesce() returns UTRACE_DETACH
        made(c, e, event, ret, live);
        if (live && spec.selfCall() != null) selfCall(c, e, spec.selfCall());
        c.local(L_CB_RET, ret);
        c.local(L_AFTER, after);
        c.pc(finishOrder(c));
        return true;
    }

    /** report_signal() (patch 01: utrace_get_signal's own loop). */
    private boolean signalCallback(Ctx c) {
        int e = c.local(L_CUR) - 1;
        int event = c.local(L_EVENT);
        boolean live = c.local(L_OPS) == Ops.LIVE;
        CallbackSpec spec = null;
        if (live) {
            EngineSpec es = model.scenario().engines().get(e);
            spec = es.callbacks().containsKey(Events.SIGNAL) ? es.callback(Events.SIGNAL) : es.callback(Events.QUIESCE);
            if (spec.selfCall() != null && !c.lockFree(LOCK_UTRACE)) return false;
        }
        int ret = live ? spec.action() : Actions.DETACH;
        // "Avoid a tight loop reporting again and again if some engine is too stupid."
        if (ret == Actions.REPORT || ret == Actions.INTERRUPT) ret = Actions.RESUME;
        if (live && spec.ignoreSignal()) c.local(L_RESULT, SIG_IGN);
        made(c, e, event == 0 ? Events.QUIESCE : event, ret, live);
        if (live && spec.selfCall() != null) selfCall(c, e, spec.selfCall());
        c.local(L_CB_RET, ret);
        c.local(L_AFTER, A_SIGNAL);
        c.pc(finishOrder(c));
        return true;
    }

    private static int finishOrder(Ctx c) {
        return c.cfg.mutated(Mutation.FINISH_CALLBACK_CLEARS_REPORTING_EARLY) ? P_CLEAR : P_FINISH;
    }

    /** Record a callback: observation for invariants plus the history they need. */
    private void made(Ctx c, int e, int event, int ret, boolean live) {
        c.observe(Obs.callback(e, event, ret, live));
        if (c.record) {
            c.note((live ? "" : "utrace_detached_ops: ") + "report_" + Events.names(event).toLowerCase()
                + "(" + c.engineName(e) + ") returns " + Actions.name(ret)
                + (c.local(L_KIND) == K_SIGNAL && c.local(L_RESULT) == SIG_IGN ? "|UTRACE_SIGNAL_IGN" : ""));
        }
        if (!live) return;
        c.ghostSet(e, EG_IN_CALLBACK);
        if (event == Events.DEATH) c.ghostSet(e, EG_DEATH_CALLED);
        if (c.taskGhost(G_PASS_ACTIVE)) c.set(G_PASS_LAST, c.get(engine(e, E_SEQ)) + 1);
    }

    private void selfCall(Ctx c, int e, CallbackSpec.SelfCall call) {
        int ret = EngineApi.getUtraceLock(c, e, true);
        if (ret == Errno.OK) {
            if (call.kind() == CallbackSpec.SelfCallKind.SET_EVENTS) {
                ret = EngineApi.setEventsLocked(c, e, call.arg(), true);
            } else if (EngineApi.controlNeedsQuiesce(c, e, call.arg())) {
                c.unlock(LOCK_UTRACE);
                ret = Errno.EINVAL;
            } else {
                ret = EngineApi.controlLocked(c, e, call.arg(), Utrace.taskIsTraced(c));
            }
        }
        c.note("callback calls utrace_" + call + " on itself: " + Errno.name(ret));
    }

    /** finish_callback_report(): apply one callback's return value to the report. */
    private boolean finishCallbackReport(Ctx c) {
        int e = c.local(L_CUR) - 1;
        int action = c.local(L_CB_RET);
        boolean detachedNow = action == Actions.DETACH || c.ops(e) == Ops.DETACHED;
        boolean locks = action == Actions.DETACH
            || (!detachedNow && action != Actions.STOP && Utrace.engineWantsStop(c, e))
            || (!detachedNow && action == Actions.STOP && !Utrace.engineWantsStop(c, e));
        if (locks && !c.lockFree(LOCK_UTRACE)) return false;
        if (action == Actions.DETACH) {
            // under utrace->lock so that utrace_barrier() sees the detach
            c.ops(e, Ops.DETACHED);
        }
        if (c.ops(e) == Ops.DETACHED) {
            rbit(c, RB_DETACHES, true);
        } else {
            if (action < c.local(L_ACTION)) c.local(L_ACTION, action);
            if (action != Actions.STOP) {
                if (action < c.local(L_RESUME_ACTION)) c.local(L_RESUME_ACTION, action);
                Utrace.clearEngineWantsStop(c, e);
            } else if (!Utrace.engineWantsStop(c, e)) {
                Utrace.markEngineWantsStop(c, e);
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
    private void afterFinishCallback(Ctx c) {
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

    private boolean finishReport(Ctx c) {
        int resume = c.local(L_ACTION);
        if (resume == Actions.STOP) resume = rbit(c, RB_WILL_NOT_STOP) ? Actions.REPORT : Actions.RESUME;
        if (resume < c.get(RESUME)) {
            if (!c.lockFree(LOCK_UTRACE)) return false;
            c.set(RESUME, resume);
            c.setBits(TIF, resume == Actions.INTERRUPT ? Tif.SIGPENDING : Tif.NOTIFY_RESUME);
            c.note("utrace->resume = " + Actions.name(resume));
        }
        c.pc(FIN_RESET);
        return true;
    }

    /** finish_report_reset(): returns false if it needs the lock and cannot have it. */
    private boolean reportReset(Ctx c) {
        if (rbit(c, RB_SPURIOUS) || rbit(c, RB_DETACHES)) {
            if (!c.lockFree(LOCK_UTRACE)) return false;
            if (Utrace.utraceReset(c)) c.local(L_ACTION, Actions.RESUME);
        }
        return true;
    }

    private boolean finishReportReset(Ctx c) {
        if (!reportReset(c)) return false;
        int stopCont = c.local(L_REPORT_STOP_CONT);
        if (c.local(L_ACTION) == Actions.STOP && stopCont >= 0) {
            callStop(c, c.local(L_RESUME_ACTION), stopCont);
        } else {
            c.pc(c.local(L_REPORT_AFTER));
        }
        return true;
    }

    private static void callStop(Ctx c, int action, int cont) {
        c.local(L_STOP_ACTION, action);
        c.local(L_STOP_CONT, cont);
        c.pc(STOP_LOCK);
    }

    private static void callFrr(Ctx c, int cont) {
        c.local(L_FRR_CONT, cont);
        c.pc(FRR);
    }

    // ---- utrace_resume / finish_resume_report ------------------------------------------

    private boolean utraceResume(Ctx c) {
        c.fence(Barrier.B5_READER); // tracehook_notify_resume's smp_mb() after clearing TIF_NOTIFY_RESUME
        if (c.get(UTRACE_FLAGS) == 0) {
            c.pc(EXIT_TO_USER);
            return true;
        }
        boolean handler = c.has(UBITS, U_SIGNAL_HANDLER);
        if ((handler || Utrace.startReportLocks(c)) && !c.lockFree(LOCK_UTRACE)) return false;
        if (handler) c.clearBits(UBITS, U_SIGNAL_HANDLER);
        initReport(c);
        int action = Utrace.startReport(c);
        c.note("start_report: " + Actions.name(action));
        c.local(L_FRR_CONT, EXIT_TO_USER);
        switch (action) {
            case Actions.RESUME:
                c.pc(EXIT_TO_USER);
                break;
            case Actions.REPORT:
                if ((c.get(UTRACE_FLAGS) & Events.QUIESCE) == 0) {
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

    private boolean finishResumeReport(Ctx c) {
        if (!reportReset(c)) return false;
        int cont = c.local(L_FRR_CONT);
        switch (c.local(L_ACTION)) {
            case Actions.STOP:
                callStop(c, c.local(L_RESUME_ACTION), cont);
                return true;
            case Actions.INTERRUPT:
                c.setBits(TIF, Tif.SIGPENDING);
                break;
            case Actions.SINGLESTEP:
            case Actions.BLOCKSTEP:
                // patch 27: leave stepping alone while ptrace wants it
                if (!Utrace.ptraceWantsStep(c)) {
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

    // ---- utrace_stop ----------------------------------------------------------------------

    private boolean utraceStopLock(Ctx c) {
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

    // ---- signals -----------------------------------------------------------------------

    private boolean getSignal(Ctx c) {
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        int uflags = c.get(UTRACE_FLAGS);
        // utrace_hook_signal(): reintroduced by patch 19, before dequeue_signal()
        if (uflags != 0 && c.cfg.has(19)) {
            if (c.get(RESUME) < Actions.RESUME || c.has(UBITS, U_PENDING_ATTACH | U_SIGNAL_HANDLER)) {
                c.note("utrace_get_signal: explicit report first");
                c.pc(GS_REPORT_LOCK);
                return true;
            }
            // "If no engine is interested in intercepting signals or we must stop,
            // let the caller just dequeue them normally or participate in group-stop."
            if ((uflags & Events.SIGNAL_ALL) != 0 && !JobCtl.utraceMustNotSteal(c)) {
                int signr = Signals.next(c.get(SIGPENDING));
                if (signr != 0) {
                    dequeue(c, signr);
                    if (signr == Signals.SIGKILL && !c.cfg.mutated(Mutation.GET_SIGNAL_INTERCEPTS_SIGKILL)) {
                        c.note("SIGKILL: never intercepted");
                        deliver(c, signr);
                        return true;
                    }
                    int event = signalEvent(signr);
                    if ((uflags & (event | Events.QUIESCE)) == 0) {
                        deliver(c, signr);
                        return true;
                    }
                    initReport(c);
                    c.local(L_RESULT, signalResult(signr));
                    c.local(L_SIGNR, signr);
                    c.note("report_signal pass for " + Signals.name(signr));
                    beginPass(c, K_SIGNAL, event, GS_AFTER_PASS);
                    return true;
                }
            }
        }
        // get_signal_to_deliver(): job control comes before any signal.
        if (c.has(JOBCTL, JOBCTL_STOP_PENDING) && JobCtl.doSignalStop(c)) {
            groupStopSleep(c, "JOBCTL_STOP_PENDING: do_signal_stop(0), TASK_STOPPED");
            return true;
        }
        if (c.has(JOBCTL, JOBCTL_TRAP_MASK)) {
            // do_jobctl_trap(), not PT_SEIZED: ptrace_stop(signr, CLD_STOPPED, 0, NULL)
            c.note("JOBCTL_TRAP_STOP: do_jobctl_trap, ptrace_stop(SIGSTOP, CLD_STOPPED)");
            ptraceStopSet(c, Obs.PTRACE_STOP_GROUP, Signals.SIGSTOP, GS_HOOK);
            return true;
        }
        int signr = Signals.next(c.get(SIGPENDING));
        if (signr == 0) {
            Utrace.recalcSigpending(c);
            c.pc(EXIT_TO_USER);
            return true;
        }
        dequeue(c, signr);
        deliver(c, signr);
        return true;
    }

    /** do_signal_stop() decided to stop: schedule() in TASK_STOPPED. */
    private static void groupStopSleep(Ctx c, String note) {
        c.set(NCSW, (c.get(NCSW) + 1) & 3);
        c.note(note);
        c.pc(JC_SLEEP);
    }

    /**
     * dequeue_signal(): take the signal; a stop signal sets
     * JOBCTL_STOP_DEQUEUED ("must still be cleared by a SIGCONT") for
     * do_signal_stop() to check after siglock may have been dropped.
     */
    private static void dequeue(Ctx c, int signr) {
        c.observe(Obs.dequeue(signr, c.get(JOBCTL)));
        if (signr == Signals.SIGSTOP) c.setBits(JOBCTL, JOBCTL_STOP_DEQUEUED);
        c.clearBits(SIGPENDING, signr);
        if (c.cfg.mutated(Mutation.DEQUEUE_CLEARS_SIGPENDING)) c.clearBits(TIF, Tif.SIGPENDING);
        else Utrace.recalcSigpending(c);
    }

    private static int signalEvent(int signr) {
        switch (signr) {
            case Signals.SIGTRAP: return Events.SIGNAL_CORE;
            case Signals.SIGUSR1: return Events.SIGNAL;
            case Signals.SIGSTOP: return Events.SIGNAL_STOP;
            case Signals.SIGCONT: return Events.SIGNAL_IGN;
            default: return Events.SIGNAL_TERM;
        }
    }

    private static int signalResult(int signr) {
        switch (signr) {
            case Signals.SIGUSR1: return SIG_DELIVER;
            case Signals.SIGSTOP: return SIG_STOP;
            case Signals.SIGCONT: return SIG_IGN;
            default: return SIG_TERM;
        }
    }

    /**
     * get_signal_to_deliver() acting on a dequeued signal, siglock held.
     * A ptraced task reports every signal but SIGKILL to ptrace first
     * (ptrace_signal -> ptrace_stop; patch 19: after the utrace engines). The
     * model's tracer always resumes with signal 0, so the signal is then
     * discarded and the loop goes on.
     */
    private static void deliver(Ctx c, int signr) {
        if (signr != Signals.SIGKILL && c.has(PTRACE, PT_PTRACED)) {
            c.note("ptrace_signal(" + Signals.name(signr) + ")");
            ptraceStopSet(c, signr == Signals.SIGTRAP ? Obs.PTRACE_STOP_STEP_TRAP : Obs.PTRACE_STOP_SIGNAL, signr, GS_HOOK);
            return;
        }
        switch (signr) {
            case Signals.SIGTRAP:
                c.note("SIGTRAP, default action: dump core and die");
                c.pc(EXIT_REPORT);
                break;
            case Signals.SIGKILL:
                c.note("SIGKILL: do_group_exit");
                c.pc(EXIT_REPORT);
                break;
            case Signals.SIGSTOP:
                // do_signal_stop(SIGSTOP): the group stops, unless a SIGCONT or
                // SIGKILL cleared JOBCTL_STOP_DEQUEUED meanwhile (then: next signal).
                if (JobCtl.doSignalStop(c)) {
                    groupStopSleep(c, "SIGSTOP: do_signal_stop, TASK_STOPPED");
                } else {
                    c.note("SIGSTOP: do_signal_stop does not stop");
                    c.pc(GS_HOOK);
                }
                break;
            case Signals.SIGCONT:
                c.note("SIGCONT: ignored");
                c.pc(GS_HOOK);
                break;
            default:
                c.note(Signals.name(signr) + ": run the handler");
                c.pc(GS_HANDLER);
                break;
        }
    }

    private boolean getSignalReportLock(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE) || !c.lockFree(LOCK_SIGLOCK)) return false;
        Utrace.spliceAttaching(c);
        initReport(c);
        c.local(L_RESULT, c.has(UBITS, U_SIGNAL_HANDLER) ? SIG_HANDLER : SIG_REPORT);
        c.clearBits(UBITS, U_SIGNAL_HANDLER);
        int resume = c.get(RESUME);
        c.set(RESUME, Actions.RESUME);
        if (c.has(TIF, Tif.SIGPENDING)) Utrace.recalcSigpending(c);
        c.note("resume was " + Actions.name(resume));
        if (resume > Actions.REPORT) {
            c.local(L_ACTION, resume);
            rbit(c, RB_SPURIOUS, false);
            callFrr(c, GS_HOOK);
        } else if ((c.get(UTRACE_FLAGS) & Events.QUIESCE) == 0) {
            c.pc(GS_HOOK);
        } else {
            c.local(L_SIGNR, 0);
            beginPass(c, K_SIGNAL, 0, GS_AFTER_PASS);
        }
        return true;
    }

    private boolean getSignalAfterPass(Ctx c) {
        int result = c.local(L_RESULT);
        int signr = c.local(L_SIGNR);
        int represent;
        switch (result) {
            case SIG_TERM: represent = Signals.SIGKILL; break;  // SIGTERM's default: die
            case SIG_STOP: represent = Signals.SIGSTOP; break;
            case SIG_DELIVER:
                represent = signr == Signals.SIGCONT || signr == 0 ? 0 : signr;
                break;
            default: represent = 0; break;
        }
        if (represent == 0) {
            // ignored, or only a report: finish_resume_report, then maybe die
            callFrr(c, GS_AFTER_FRR);
            return true;
        }
        int action = c.local(L_ACTION);
        if (result == SIG_DELIVER && represent == Signals.SIGUSR1 && action != Actions.RESUME) {
            action = Actions.INTERRUPT;
            c.local(L_ACTION, action);
        }
        int resume = action == Actions.STOP ? Actions.REPORT : action;
        boolean needLock = resume < c.get(RESUME);
        if ((needLock && !c.lockFree(LOCK_UTRACE)) || !c.lockFree(LOCK_SIGLOCK)) return false;
        if (needLock) {
            c.set(RESUME, resume);
            c.setBits(TIF, resume == Actions.INTERRUPT ? Tif.SIGPENDING : Tif.NOTIFY_RESUME);
        }
        if (rbit(c, RB_SPURIOUS) || rbit(c, RB_DETACHES)) {
            if (!c.lockFree(LOCK_UTRACE)) return false;
            Utrace.utraceReset(c);
        }
        // patch 01: "if (sig_kernel_stop(signr)) task->jobctl |= JOBCTL_STOP_DEQUEUED"
        if (represent == Signals.SIGSTOP) c.setBits(JOBCTL, JOBCTL_STOP_DEQUEUED);
        deliver(c, represent);
        return true;
    }

    private boolean signalHandler(Ctx c) {
        if (c.get(UTRACE_FLAGS) != 0) {
            if (!c.lockFree(LOCK_UTRACE)) return false;
            c.setBits(UBITS, U_SIGNAL_HANDLER);
            int resume = c.get(RESUME);
            if (resume > Actions.INTERRUPT) {
                if (c.has(TIF, Tif.SINGLESTEP)) {
                    c.set(RESUME, Actions.INTERRUPT);
                    c.setBits(TIF, Tif.SIGPENDING);
                } else if (resume == Actions.RESUME) {
                    c.setBits(TIF, Tif.NOTIFY_RESUME);
                }
            }
        }
        c.pc(EXIT_TO_USER);
        return true;
    }

    // ---- death ---------------------------------------------------------------------------

    private boolean exitUtraceNotify(Ctx c) {
        if ((c.get(UTRACE_FLAGS) & Events.DEATH_EVENTS) != 0) {
            c.taskGhostSet(G_DEATH_WILL_REPORT);
            for (int e = 0; e < c.engines(); e++) {
                // history: what the engine asked for last, even if its store is still in a store buffer
                if (c.latest(engine(e, E_OPS)) == Ops.LIVE && (c.latest(engine(e, E_FLAGS)) & Events.DEATH) != 0) {
                    c.ghostSet(e, EG_WANTED_DEATH);
                }
            }
            c.pc(DEATH_START);
        } else {
            c.pc(autoreap ? AUTOREAP : DEAD);
        }
        return true;
    }

    private boolean reportDeathStart(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE)) return false;
        c.setBits(UBITS, U_DEATH);
        c.set(RESUME, Actions.RESUME);
        Utrace.spliceAttaching(c);
        c.taskGhostSet(G_DEATH_BEGAN);
        initReport(c);
        beginPass(c, K_FORWARD, Events.DEATH, DEATH_MAYBE_REAP);
        return true;
    }

    private boolean deathMaybeReap(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE)) return false;
        c.clearBits(UBITS, U_DEATH);
        c.taskGhostSet(G_DEATH_DONE);
        if (!c.has(UBITS, U_REAP)) {
            Utrace.utraceReset(c);
            c.pc(autoreap ? AUTOREAP : DEAD);
            return true;
        }
        int list = Utrace.reapTeardown(c);
        c.unlock(LOCK_UTRACE);
        c.note("release_task came first: reap now");
        c.local(L_REAP_LIST, list);
        c.pc(list != EngineList.EMPTY ? REAP_LOOP : DEAD);
        return true;
    }

    // ---- what the explorer and the traces ask ---------------------------------------------

    boolean asleep(State s) {
        int pc = pc(s);
        return (pc == STOP_SLEEP || pc == JC_SLEEP || pc == PT_STOP_SLEEP) && s.taskState() != TaskState.RUNNING;
    }

    /** Off the CPU in a stop: what wait_task_inactive() waits for. */
    boolean asleepIn(Ctx c) {
        int pc = c.peek(base);
        return (pc == STOP_SLEEP || pc == JC_SLEEP || pc == PT_STOP_SLEEP) && c.get(TASK_STATE) != TaskState.RUNNING;
    }

    /**
     * PF_EXITING: do_exit() has begun (exit_signals() sets it before
     * utrace_report_exit), including the report passes of EXIT and DEATH.
     */
    boolean exitingIn(Ctx c) {
        int pc = c.peek(base);
        if (pc >= EXIT_REPORT && pc <= DEAD) return true;
        if (pc < P_SET_REPORTING || pc > P_REREAD) return false;
        int event = c.peek(base + 1 + L_EVENT);
        return c.peek(base + 1 + L_KIND) != K_SIGNAL && (event == Events.EXIT || event == Events.DEATH);
    }

    /** What {@link #exitingIn} reads of this actor's block, for another actor's may-footprint. */
    void mayReadExiting(Footprint may) {
        may.read(base, -1);
        may.read(base + 1 + L_EVENT, -1);
        may.read(base + 1 + L_KIND, -1);
    }

    boolean inUtraceStop(State s) {
        return pc(s) == STOP_SLEEP && s.taskState() != TaskState.RUNNING;
    }

    boolean dead(State s) { return pc(s) == DEAD; }

    /**
     * Until it is dead the tracee may run any hook of the series: coarse, but each of its
     * operations (syscall, signal, stop, exit, death, autoreap) touches the task, utrace and
     * every attached engine. Once DEAD it takes no step.
     */
    @Override void may(State s, Footprint may) {
        if (dead(s)) return;
        mayShared(may);
        mayOwn(may);
    }

    /** TIF_SIGPENDING or TIF_NOTIFY_RESUME: user mode will be interrupted for signal or notify-resume work. */
    boolean userWorkPending(State s) {
        return (s.tif() & (Tif.SIGPENDING | Tif.NOTIFY_RESUME)) != 0;
    }

    /** In user mode with nothing left to do: a legitimate place to stay. */
    boolean idle(State s) {
        return pc(s) == USER && local(s, L_SCRIPT) >= script.size();
    }

    @Override String stuckProblem(State s) {
        if (dead(s) || idle(s)) return null;
        if (asleep(s)) {
            String lost = lostWakeup(s);
            return lost == null ? null : lost;
        }
        return "tracee cannot move at: " + where(s);
    }

    /**
     * For a sleeping tracee: null if someone may still rightly end the sleep
     * (an engine holding it with ENGINE_STOP, ptrace still attached, a group
     * stop that SIGCONT ends), else which stop nobody will end.
     */
    String lostWakeup(State s) {
        if ((s.taskState() & TaskState.STOPPED_BIT) != 0) return null;
        if ((s.get(PTRACE) & PT_PTRACED) != 0 && (s.taskState() & TaskState.TRACED_BIT) != 0) return null;
        for (int e = 0; e < model.engineCount(); e++) {
            if (s.engineOps(e) == Ops.LIVE && (s.engineFlags(e) & Events.ENGINE_STOP) != 0) return null;
        }
        int pc = pc(s);
        String where = pc == STOP_SLEEP ? "utrace_stop" : pc == PT_STOP_SLEEP ? "ptrace_stop" : "do_signal_stop";
        return "tracee sleeps in " + where + " (" + TaskState.name(s.taskState()) + ") but no engine wants it stopped"
            + ((s.get(PTRACE) & PT_PTRACED) != 0 ? "" : " and ptrace is not attached");
    }

    @Override String where(State s) {
        int pc = pc(s);
        StepInfo i = INFO[pc];
        String w = i.function() + ": " + i.label();
        int cur = local(s, L_CUR);
        if (pc >= P_SET_REPORTING && cur > 0) w += " [" + model.engineName(cur - 1) + "]";
        return w;
    }
}

package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * The tracee's system calls and its way back to user mode: the scripted life
 * in user mode, syscall_trace_enter() / syscall_trace_leave() with utrace's
 * hooks (utrace_report_syscall_entry / _exit, tracehook_report_syscall_*,
 * patch 03; the reverse-order entry pass and UTRACE_SYSCALL_ABORT of patch
 * 01) and do_notify_resume's test of TIF_SIGPENDING / TIF_NOTIFY_RESUME.
 * Ptrace's half of the syscall hooks is in {@link TraceePtrace}.
 */
final class TraceeSyscall {
    private TraceeSyscall() {}

    static final int USER = 0;
    static final int SYS_ENTRY = 1;
    static final int SYS_ENTRY_RESTOP = 2;
    static final int SYS_EXIT = 3;
    static final int EXIT_TO_USER = 6;
    static final int SYS_BODY = 44;
    static final int SYS_SLEEP = 47;
    /** Only with mutation sleep-tests-before-state: set_current_state after the signal_pending test. */
    static final int SYS_SLEEP_LATE = 48;

    static void describe() {
        info(USER, AREA_SYSCALL, "run user code, then enter the kernel", "user mode", 0,
            SeedRef.context(SeedRef.TRACEHOOK_H, 3268, "static inline __must_check int tracehook_report_syscall_entry(",
                "not kernel code: the scenario's script; a system call, exit() (exit_group) too, enters through this hook")
                .simplified("user code is one step; the script's next operation (a system call, exit), or the body "
                    + "of a handler that re-raises its signal or exits, is all it does; exit()'s step also takes "
                    + "syscall_trace_enter's TIF test (and do_group_exit when no hook is armed)"));
        info(SYS_ENTRY, AREA_SYSCALL, "syscall entry: TIF_SYSCALL_TRACE and SYSCALL_ENTRY wanted? start_report", "utrace_report_syscall_entry", 3,
            SeedRef.code(SeedRef.TRACEHOOK_H, 3271, "utrace_report_syscall_entry(regs))")
                .simplified("syscall_trace_enter's TIF test, the hook's utrace_flags test and start_report() are one "
                    + "step: the flags are read once, start_report's lock (when pending_attach or a REPORT is due) is taken in it"));
        info(SYS_ENTRY_RESTOP, AREA_SYSCALL, "after utrace_stop at syscall entry: abort if killed, report again if asked", "utrace_report_syscall_entry", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2497, "if (fatal_signal_pending(task)) {")
                .names("do_report_syscall_entry", "utrace_report_syscall_entry's loop body, do_report_syscall_entry()")
                .simplified("the system call itself is not modelled: UTRACE_SYSCALL_ABORT only skips ptrace's report"));
        info(SYS_EXIT, AREA_SYSCALL, "syscall exit: TIF_SYSCALL_TRACE and SYSCALL_EXIT wanted? start_report", "utrace_report_syscall_exit", 3,
            SeedRef.code(SeedRef.TRACEHOOK_H, 3277, "utrace_report_syscall_exit(regs);")
                .simplified("syscall_trace_leave's tests, the hook's utrace_flags test and start_report() are one step"));
        info(EXIT_TO_USER, AREA_SYSCALL, "check TIF_SIGPENDING / TIF_NOTIFY_RESUME with irqs off, else return to user mode", "do_notify_resume", 0,
            SeedRef.called(SeedRef.TRACEHOOK_H, 3293, "static inline void tracehook_notify_resume(struct pt_regs *regs)",
                "tracehook_notify_resume", "do_notify_resume (arch/x86/kernel/signal.c) and the entry code's work loop "
                    + "are not in the series; this is the hook it calls for TIF_NOTIFY_RESUME")
                .simplified("x86's exit work loop as one test per step: TIF_SIGPENDING first (do_signal), then "
                    + "TIF_NOTIFY_RESUME (cleared, then tracehook_notify_resume), else user mode"));
        info(SYS_BODY, AREA_SYSCALL, "the system call's body: ptrace_traceme (tasklist), send_signal to itself, or sigprocmask (siglock)", "sys_ptrace / sys_tgkill / sys_kill / sys_rt_sigprocmask", 0,
            SeedRef.context("include/linux/signal.h", 3915, "extern int do_send_sig_info(int sig, struct siginfo *info,",
                "the bodies are 3.1 code not in the series: ptrace_traceme (kernel/ptrace.c) makes the real parent the "
                    + "tracer under tasklist_lock; tgkill() and kill() send through do_send_sig_info -> send_signal, "
                    + "declared here; sigprocmask() sets task->blocked and recalc_sigpending() under siglock "
                    + "(set_current_blocked, kernel/signal.c)")
                .simplified("the body is one step under its lock, after the entry hooks; a plain system call has no "
                    + "body step; read() and pause() go to their sleep instead"));
        info(SYS_SLEEP, AREA_SYSCALL, "signal_pending? return -ERESTARTSYS (read) / -ERESTARTNOHAND (pause), else TASK_INTERRUPTIBLE, schedule()", "sys_read / sys_pause", 0,
            SeedRef.context(SeedRef.SIGNAL_C, 3931, "void signal_wake_up(struct task_struct *t, int resume)",
                "not in the series: a read() with no data (ptrace-tests eintr-on-attach reads an inotify fd) and pause() "
                    + "sleep in TASK_INTERRUPTIBLE (wait_event_interruptible: set_current_state, then signal_pending, then "
                    + "schedule); signal_wake_up, declared here, wakes them; the restart is x86 do_signal / handle_signal")
                .simplified("no data ever comes: only a signal wake-up (TIF_SIGPENDING) ends the sleep; set_current_state, "
                    + "the signal_pending test and schedule() are one step, taken on entry and again once woken"));
        info(SYS_SLEEP_LATE, AREA_SYSCALL, "set_current_state(TASK_INTERRUPTIBLE), schedule(): after the test (mutation)", "sys_read / sys_pause", 0,
            SeedRef.context(SeedRef.SIGNAL_C, 3931, "void signal_wake_up(struct task_struct *t, int resume)",
                "the textbook lost wake-up: the state is set after signal_pending() was tested, so a signal_wake_up in "
                    + "between finds the task running and wakes nobody")
                .simplified("taken only with mutation sleep-tests-before-state"));
    }

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case USER: return user(t, c);
            case SYS_ENTRY: return syscallEntry(c);
            case SYS_ENTRY_RESTOP: return syscallEntryRestop(c);
            case SYS_EXIT: {
                // syscall_trace_leave(): step = TIF_SINGLESTEP && !TIF_SYSCALL_EMU
                boolean step = c.has(TIF, Tif.SINGLESTEP) && !c.has(TIF, Tif.SYSCALL_EMU);
                if (!step && !c.has(TIF, Tif.SYSCALL_TRACE)) {
                    c.observe(Obs.eventUnreported(Events.SYSCALL_EXIT));
                    c.pc(EXIT_TO_USER);
                    return true;
                }
                if (c.cfg.has(3) && (c.get(UTRACE_FLAGS) & Events.SYSCALL_EXIT) != 0) {
                    return TraceeReport.startReport(c, Events.SYSCALL_EXIT, TraceeReport.K_FORWARD, true, TraceePtrace.PT_SYS_EXIT, -1);
                }
                c.observe(Obs.eventUnreported(Events.SYSCALL_EXIT));
                c.pc(TraceePtrace.PT_SYS_EXIT);
                return true;
            }
            case EXIT_TO_USER: return exitToUser(c);
            case SYS_BODY: return syscallBody(t, c);
            case SYS_SLEEP: return sleepStep(c);
            case SYS_SLEEP_LATE: {
                sleep(c, TraceeOp.decode(c.local(L_SYSOP))); // no second test: the wake-up may be gone
                return true;
            }
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    /**
     * User mode. Work another actor left pending (signal_wake_up's TIF_SIGPENDING, set_notify_resume's
     * TIF_NOTIFY_RESUME: each kicks a running task, kick_process) is done at the next return to user mode, which an
     * interrupt makes between any two instructions: before the next system call too, not only once the script is
     * done (audit of issue 16's twenty-seventh round; an engine's STOP before the tracee's exit() was unreachable).
     * The other order, the system call first, is the same as the call's first step before the sender's: that step
     * touches nothing another actor reads. Not so for exit(), whose one step also makes syscall_trace_enter's tests:
     * what is lost is an exit() that enters with another actor's work already pending (the entry report's pass
     * then starts with it; after the entry pass, the work lands the same on either path).
     */
    private static boolean user(Tracee t, Ctx c) {
        if (c.has(TIF, Tif.SIGPENDING | Tif.NOTIFY_RESUME)) {
            c.note("interrupt with work pending");
            c.pc(EXIT_TO_USER);
            return true;
        }
        int handled = c.local(L_HANDLER);
        if (handled != 0) return handlerBody(t, c, handled);
        int i = c.local(L_SCRIPT);
        if (i < t.script.size()) {
            TraceeOp op = t.script.get(i);
            c.local(L_SCRIPT, i + 1);
            return start(t, c, op);
        }
        return false; // idle in user mode
    }

    /**
     * The tracee calls {@code op}: a system call, entry hooks first. exit() is
     * exit_group(), a system call too: an engine that wants SYSCALL_ENTRY, or
     * PTRACE_SYSCALL, sees its entry (and may stop there) before do_group_exit.
     * For exit() the user step and syscall_trace_enter's TIF test are one step:
     * user code touches nothing another actor reads, so merging it with the
     * first shared read adds no behaviour and loses none, and a task that exits
     * with no hook armed takes one step, as before this was modelled.
     */
    private static boolean start(Tracee t, Ctx c, TraceeOp op) {
        if (op.kind() == TraceeOp.Kind.EXIT) {
            if (c.record) c.note(op.label());
            if (c.cfg.mutated(Mutation.EXIT_SKIPS_SYSCALL_ENTRY)) {
                // the model before the fix: straight to do_group_exit, past the entry an armed hook would report
                if (TraceePtrace.ptraceAskedSyscallStop(c)) c.observe(Obs.ptraceSyscallMissed());
                c.observe(Obs.eventUnreported(Events.SYSCALL_ENTRY));
                TraceeExit.doGroupExit(c, (op.arg() & 0xff) << 8);
                return true;
            }
            c.local(L_SYSOP, op.encode());
            if (!syscallEntry(c)) return false;
            if (c.pc() == SYS_BODY) syscallBody(t, c);
            return true;
        }
        if (c.record) c.note(op.kind() == TraceeOp.Kind.SYSCALL ? "system call" : "system call: " + op.label());
        c.local(L_SYSOP, op.hasBody() ? op.encode() : 0);
        c.pc(SYS_ENTRY);
        return true;
    }

    /**
     * A handler set up by get_signal_to_deliver runs in user mode: ptrace-tests'
     * fire_again re-raises its signal, sa-resethand's handler calls exit(N). A
     * handler that just returns needs no step (sigreturn is not modelled).
     */
    private static boolean handlerBody(Tracee t, Ctx c, int signr) {
        SignalHandler h = c.model.scenario().handler(signr);
        c.local(L_HANDLER, 0);
        if (c.record) c.note("the " + Signals.name(signr) + " handler runs");
        if (h.kind() == SignalHandler.Kind.EXIT) return start(t, c, new TraceeOp(TraceeOp.Kind.EXIT, h.code()));
        return start(t, c, new TraceeOp(TraceeOp.Kind.RAISE, signr));
    }

    /**
     * Where the system call goes once its entry hooks are done: the body the
     * model acts out (PTRACE_TRACEME, a signal to itself), or straight to the
     * exit hooks (a plain syscall's body touches nothing the model keeps).
     */
    static int afterEntry(Ctx c) {
        int code = c.local(L_SYSOP);
        if (code == 0) return SYS_EXIT;
        return TraceeOp.decode(code).sleeps() ? SYS_SLEEP : SYS_BODY; // read()'s and pause()'s body is the sleep
    }

    /**
     * The body: ptrace_traceme() ("Are we already being traced?" under
     * tasklist_lock; not if the parent passed exit_ptrace, PF_EXITING),
     * tgkill()/kill() to itself: send_signal under siglock, or sigprocmask().
     */
    private static boolean syscallBody(Tracee t, Ctx c) {
        TraceeOp op = TraceeOp.decode(c.local(L_SYSOP));
        // if/else: see TraceeOp.text() (JPF and enum switch maps)
        if (op.kind() == TraceeOp.Kind.TRACEME) {
            if (!c.lockFree(LOCK_TASKLIST)) return false;
            if (c.has(PTRACE, PT_PTRACED)) {
                c.note("PTRACE_TRACEME: already traced, -EPERM");
            } else if (c.model.tracerExited(c) && !c.cfg.mutated(Mutation.TRACEME_IGNORES_EXITING_PARENT)) {
                c.note("PTRACE_TRACEME: the parent is exiting (PF_EXITING): not traced, returns 0");
            } else {
                c.set(PTRACE, PT_PTRACED);
                c.note("PTRACE_TRACEME: ptrace = PT_PTRACED, the real parent is the tracer");
            }
        } else if (op.kind() == TraceeOp.Kind.RAISE || op.kind() == TraceeOp.Kind.KILL) {
            if (!c.lockFree(LOCK_SIGLOCK)) return false;
            boolean queued = SendSignal.send(c, op.arg(), op.kind() == TraceeOp.Kind.KILL);
            if (c.record) c.note(op.text() + (queued ? "" : ": ignored (dropped)"));
        } else if (op.kind() == TraceeOp.Kind.EXIT) {
            // sys_exit_group(): do_group_exit((error_code & 0xff) << 8); it does not return
            c.local(L_SYSOP, 0);
            TraceeExit.doGroupExit(c, (op.arg() & 0xff) << 8);
            return true;
        } else if (op.changesMask()) {
            // set_current_blocked(): "spin_lock_irq(&tsk->sighand->siglock); tsk->blocked = *newset;
            // recalc_sigpending();" (one thread: no retarget_shared_pending to other threads)
            if (!c.lockFree(LOCK_SIGLOCK)) return false;
            int slot = t.blockedSlot();
            c.set(slot, op.kind() == TraceeOp.Kind.BLOCK ? c.get(slot) | op.arg() : c.get(slot) & ~op.arg());
            if (c.cfg.mutated(Mutation.UNBLOCK_SKIPS_RECALC)) c.note("no recalc_sigpending (mutation unblock-skips-recalc)");
            else Utrace.recalcSigpending(c);
            if (c.record) c.note(op.label() + ": task->blocked = " + Signals.names(c.get(slot)) + ", recalc_sigpending");
        } else {
            throw new IllegalStateException("no body for " + op);
        }
        c.local(L_SYSOP, 0);
        c.pc(SYS_EXIT);
        return true;
    }

    /**
     * read() / pause(): wait_event_interruptible's "set_current_state(TASK_INTERRUPTIBLE); if (signal_pending(current))
     * ...; schedule()". No data ever comes, so only a signal ends the call: the state is set before TIF_SIGPENDING is
     * tested, and signal_wake_up sets the flag before it wakes TASK_INTERRUPTIBLE, so a signal is never missed.
     */
    private static void sleepOrReturn(Ctx c, TraceeOp op) {
        if (c.has(TIF, Tif.SIGPENDING)) {
            interrupted(c, op);
            return;
        }
        if (c.cfg.mutated(Mutation.SLEEP_TESTS_BEFORE_STATE)) {
            c.note("no signal pending: set_current_state comes next (mutation sleep-tests-before-state)");
            c.pc(SYS_SLEEP_LATE);
            return;
        }
        sleep(c, op);
    }

    /** set_current_state(TASK_INTERRUPTIBLE); schedule(). */
    private static void sleep(Ctx c, TraceeOp op) {
        if (c.cfg.mutated(Mutation.READ_BUSY_WAITS)) {
            TraceeStop.countSwitch(c); // schedule() of a task still TASK_RUNNING: back at once, to test again
            if (c.record) c.note(op.label() + ": still TASK_RUNNING, schedule() returns at once (mutation read-busy-waits)");
            c.pc(SYS_SLEEP);
            return;
        }
        c.set(TASK_STATE, TaskState.INTERRUPTIBLE);
        TraceeStop.countSwitch(c); // schedule(): the switch count utrace_prepare_examine's wait_task_inactive returns
        if (c.record) c.note(op.label() + ": TASK_INTERRUPTIBLE, schedule()");
        c.pc(SYS_SLEEP);
    }

    private static boolean sleepStep(Ctx c) {
        if (c.get(TASK_STATE) != TaskState.RUNNING) return false; // asleep until signal_wake_up
        sleepOrReturn(c, TraceeOp.decode(c.local(L_SYSOP)));
        return true;
    }

    /** A signal is pending: the call returns -ERESTARTSYS (read) or -ERESTARTNOHAND (pause), then the exit hooks. */
    private static void interrupted(Ctx c, TraceeOp op) {
        // already TASK_RUNNING: signal_wake_up set it, or the test came before any sleep
        if (op.kind() == TraceeOp.Kind.READ && c.cfg.mutated(Mutation.READ_RETURNS_EINTR)) {
            c.local(L_SYSOP, new TraceeOp(op.kind(), TraceeOp.RET_EINTR).encode());
            c.note("read(): signal pending, returns -EINTR (mutation read-returns-eintr)");
        } else {
            c.local(L_SYSOP, new TraceeOp(op.kind(), TraceeOp.RET_INTERRUPTED).encode());
            if (c.record) c.note(op.label() + ": signal pending, returns " + (op.kind() == TraceeOp.Kind.READ ? "-ERESTARTSYS" : "-ERESTARTNOHAND"));
        }
        c.pc(SYS_EXIT);
    }

    /** The sleeping call whose return do_signal has still to settle, or null. */
    private static TraceeOp interruptedCall(Ctx c) {
        int code = c.local(L_SYSOP);
        if (code == 0) return null;
        TraceeOp op = TraceeOp.decode(code);
        return op.sleeps() && op.arg() == TraceeOp.RET_INTERRUPTED ? op : null;
    }

    /**
     * x86 do_signal() when get_signal_to_deliver() returned no signal: "Did we come from a system call? ... Restart
     * the system call - no handlers present": -ERESTARTSYS and -ERESTARTNOHAND make the program run the call again
     * (regs->ip -= 2): the script's index goes back to it.
     */
    static void restartWithoutHandler(Ctx c) {
        TraceeOp op = interruptedCall(c);
        if (op == null) return;
        if (c.cfg.mutated(Mutation.SIGNAL_SKIPS_RESTART)) {
            c.note("no signal: the call is not restarted (mutation signal-skips-restart)");
            return;
        }
        restart(c, op, false);
    }

    /**
     * x86 handle_signal() setting up a handler frame: "-ERESTARTNOHAND: regs->ax = -EINTR"; "-ERESTARTSYS: if
     * (!(ka->sa.sa_flags & SA_RESTART)) -EINTR", else restart. The model's handlers are installed with signal()
     * (glibc: SA_RESTART), as the ptrace-tests programs install theirs.
     */
    static void settleForHandler(Ctx c) {
        TraceeOp op = interruptedCall(c);
        if (op == null) return;
        if (op.kind() == TraceeOp.Kind.PAUSE && !c.cfg.mutated(Mutation.HANDLER_RESTARTS_NOHAND)) {
            c.local(L_SYSOP, new TraceeOp(op.kind(), TraceeOp.RET_EINTR_AFTER_HANDLER).encode());
            if (c.record) c.note(op.label() + " returns -EINTR after the handler (-ERESTARTNOHAND)");
            return;
        }
        restart(c, op, true);
    }

    private static void restart(Ctx c, TraceeOp op, boolean handler) {
        c.local(L_SYSOP, 0);
        c.local(L_SCRIPT, c.local(L_SCRIPT) - 1);
        c.observe(Obs.syscallResult(op.kind(), Obs.SYSCALL_RESTARTED, handler));
        if (c.record) c.note(op.label() + " restarted" + (handler ? " after the handler (SA_RESTART)" : " (no handler)"));
    }

    /** What a sleeping call returns to the program, if do_signal left it a return value. */
    private static void settleAtUserEntry(Ctx c) {
        int code = c.local(L_SYSOP);
        if (code == 0) return;
        TraceeOp op = TraceeOp.decode(code);
        if (!op.sleeps()) return;
        c.local(L_SYSOP, 0);
        int ret = op.arg();
        c.observe(Obs.syscallResult(op.kind(), ret == TraceeOp.RET_INTERRUPTED ? Obs.SYSCALL_ERESTART : Obs.SYSCALL_EINTR,
            ret == TraceeOp.RET_EINTR_AFTER_HANDLER));
        if (c.record) c.note(op.label() + " returns " + (ret == TraceeOp.RET_INTERRUPTED ? "-ERESTART* (never meant for the program)" : "-EINTR"));
    }

    private static boolean exitToUser(Ctx c) {
        if (c.has(TIF, Tif.SIGPENDING)) {
            c.note("TIF_SIGPENDING: do_signal");
            c.pc(TraceeSignal.GS_HOOK);
        } else if (c.has(TIF, Tif.NOTIFY_RESUME)) {
            if (c.cfg.mutated(Mutation.NOTIFY_RESUME_NOT_CLEARED)) {
                c.note("TIF_NOTIFY_RESUME left set: tracehook_notify_resume (mutation notify-resume-not-cleared)");
            } else {
                c.store(TIF, Tif.NOTIFY_RESUME, 0); // clear_thread_flag: pair B5 with set_notify_resume
                c.note("TIF_NOTIFY_RESUME cleared: tracehook_notify_resume");
            }
            c.pc(TraceeReport.NOTIFY_RESUME);
        } else {
            c.note("return to user mode");
            settleAtUserEntry(c);
            c.observe(Obs.userEntry());
            TraceeReport.stepOwed(c, false);
            if (c.taskGhost(G_HANDLER_ALL)) c.taskGhostClear(G_HANDLER_ALL); // history: the handler setup is over
            if (c.has(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED)) c.clearBits(G_PTRACE, G_HANDLER_ASKED | G_HANDLER_OWED); // and judged (handler-report-made)
            // history (callback-promised): a tracee back in user mode single-stepping comes back into the kernel
            // after one instruction, and the step trap's report_signal is the pass an INTERRUPT lost to
            // finish_report's unlocked write would have made (findings.md, "Checked and not findings"); the model
            // has no trap after one instruction, so INTERRUPT's promise is not judged past this point
            if (c.has(TIF, Tif.SINGLESTEP)) {
                for (int e = 0; e < c.engines(); e++) if (c.ghost(e, EG_SIGNAL_OWED)) c.ghostClear(e, EG_SIGNAL_OWED);
            }
            c.pc(USER);
        }
        return true;
    }

    /**
     * syscall_trace_enter(): the entry hooks run when TIF_SYSCALL_TRACE (or
     * TIF_SYSCALL_EMU) is set; utrace's report first (patch 03), then
     * ptrace_report_syscall (ptrace acts as the last engine).
     */
    private static boolean syscallEntry(Ctx c) {
        boolean hooks = c.has(TIF, Tif.SYSCALL_TRACE | Tif.SYSCALL_EMU);
        if (!hooks) {
            if (TraceePtrace.ptraceAskedSyscallStop(c)) c.observe(Obs.ptraceSyscallMissed());
            c.observe(Obs.eventUnreported(Events.SYSCALL_ENTRY));
            c.note("TIF_SYSCALL_TRACE clear: no entry hooks, the system call runs");
            c.pc(afterEntry(c));
            return true;
        }
        // x86 syscall_trace_enter() (3.1): "if (unlikely(test_thread_flag(TIF_SYSCALL_EMU))) ret = -1L;": under
        // PTRACE_SYSEMU the tracer emulates the call, its body never runs (exit() does not exit, raise() sends nothing)
        if (c.has(TIF, Tif.SYSCALL_EMU) && !c.cfg.mutated(Mutation.SYSEMU_RUNS_SYSCALL_BODY)) c.local(L_SYSOP, 0);
        if (c.cfg.has(3) && (c.get(UTRACE_FLAGS) & Events.SYSCALL_ENTRY) != 0) return startSyscallEntryReport(c);
        c.observe(Obs.eventUnreported(Events.SYSCALL_ENTRY));
        c.pc(TraceePtrace.PT_SYS_ENTRY);
        return true;
    }

    /** do_report_syscall_entry(): the reverse-order pass of patch 01. */
    private static boolean startSyscallEntryReport(Ctx c) {
        int kind = c.cfg.mutated(Mutation.SYSCALL_ENTRY_REPORTS_FORWARD) ? TraceeReport.K_FORWARD : TraceeReport.K_REVERSE;
        if (c.taskGhost(G_RESUMED_ASKED)) c.taskGhostClear(G_RESUMED_ASKED);
        return TraceeReport.startReport(c, Events.SYSCALL_ENTRY, kind, false, TraceePtrace.PT_SYS_ENTRY, SYS_ENTRY_RESTOP);
    }

    private static boolean syscallEntryRestop(Ctx c) {
        if (Utrace.fatalSignalPending(c) && !c.cfg.mutated(Mutation.SYSCALL_ENTRY_IGNORES_SIGKILL)) {
            c.note("SIGKILL: UTRACE_SYSCALL_ABORT, no ptrace report");
            c.local(L_SYSOP, 0); // the aborted system call's body does not run
            c.pc(SYS_EXIT);
            return true;
        }
        // The branch ends in "return UTRACE_SYSCALL_RESUMED;" in the published utrace.c; the seed's mail lost that
        // line, and as mailed the branch falls through to "return 0" (mutation syscall-entry-skips-resumed-report).
        if (c.get(RESUME) <= Actions.REPORT && !c.cfg.mutated(Mutation.SYSCALL_ENTRY_SKIPS_RESUMED_REPORT)) {
            c.note("asked for another report: UTRACE_SYSCALL_RESUMED pass");
            return startSyscallEntryReport(c);
        }
        c.observe(Obs.syscallAttemptedAfterStop());
        c.pc(TraceePtrace.PT_SYS_ENTRY);
        return true;
    }
}

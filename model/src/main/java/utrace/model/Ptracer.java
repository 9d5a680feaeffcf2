package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * The ptrace tracer: a debugger process running its script of ptrace
 * requests on the tracee, as kernel/ptrace.c of 3.1 does them and as
 * patches 10-30 of the series change them, and its wait(): do_wait() with
 * wait_task_stopped() and wait_task_zombie() of kernel/exit.c, which
 * collect ptrace stops and the tracee's exit and reap (or hand back to the
 * real parent) a traced zombie. The program counter is the phase within the
 * current request. When the scenario says 'parent ptrace' the tracer is also
 * the tracee's real parent (PTRACE_TRACEME, or the debugger forked it).
 */
final class Ptracer extends Actor {
    private static final int PHASE_START = 0;
    private static final int PHASE_SET = 1;
    private static final int PHASE_WAKE = 2;
    private static final int PHASE_WAKE_WRITE = 3;
    private static final int PHASE_ATTACH_TRAPPING = 4;
    private static final int PHASE_DETACH_SYSCALL = 5;
    private static final int PHASE_DETACH_UNLINK = 6;
    private static final int PHASE_RELEASE = 7;
    private static final int PHASE_REAP_LOCK = 8;
    private static final int PHASE_REAP_LOOP = 9;
    static final int DONE_PC = 99;

    private static final StepInfo ATTACH = new StepInfo("exit_state or PT_PTRACED set? -EPERM; else task->ptrace = PT_PTRACED; send_sig_info(SIGSTOP); stopped? JOBCTL_TRAP_STOP|TRAPPING, ptrace_signal_wake_up", "ptrace_attach", 12,
        SeedRef.code(SeedRef.PTRACE_C, 4049, "ptrace_signal_wake_up(task, 1);")
            .simplified("PTRACE_ATTACH's tasklist_lock/siglock section is one step (permission checks, "
                + "cred_guard_mutex and PTRACE_SEIZE are not modelled); the SIGSTOP goes to task->pending through "
                + "send_signal (prepare_signal flushes SIGCONT); its wait for JOBCTL_TRAPPING is the next step"));
    private static final StepInfo ATTACH_TRAPPING = new StepInfo("wait_on_bit(JOBCTL_TRAPPING): until the tracee is in its trap", "ptrace_attach", 0,
        SeedRef.code(SeedRef.PTRACE_C, 4047, "task_set_jobctl_pending(task, JOBCTL_TRAP_STOP | JOBCTL_TRAPPING))")
            .note("the wait_on_bit(JOBCTL_TRAPPING) at the end of ptrace_attach is 3.1 code the series leaves alone; "
                + "this line sets the bit it waits for")
            .simplified("the tracer's sleep on the bit is one step, enabled once ptrace_stop (or a SIGKILL, through "
                + "task_clear_jobctl_pending) has cleared it"));
    private static final StepInfo WAIT = new StepInfo("read_lock(tasklist); zombie? wait_task_zombie; TASK_TRACED with exit_code? report it, exit_code = 0", "do_wait", 0,
        SeedRef.context(SeedRef.PTRACE_C, 3841, "child->exit_code = data;",
            "do_wait, wait_task_stopped and wait_task_zombie (kernel/exit.c) are not in the series: the tracer collects "
                + "the exit_code ptrace_stop sets, which ptrace_resume (this line) replaces")
            .simplified("do_wait over the one child is one step under tasklist_lock and siglock: wait_task_stopped "
                + "reports and clears exit_code, wait_task_zombie reports the exit status (group_exit_code after "
                + "SIGKILL) and then releases the zombie or hands it back to the real parent (next steps); no rusage, "
                + "siginfo, WUNTRACED, WCONTINUED or WNOWAIT"));
    private static final StepInfo CHECK = new StepInfo("task_is_traced()? wait_task_inactive(child, TASK_TRACED)", "ptrace_check_attach", 13,
        SeedRef.code(SeedRef.SCHED_C, 4136, "if (match_state && !likely(p->state & match_state))")
            .names("wait_task_inactive", "ptrace_check_attach (kernel/ptrace.c) is not in the series; it calls "
                + "wait_task_inactive(child, TASK_TRACED), whose busy-wait test patch 13 changes")
            .simplified("ptrace_check_attach's tasklist_lock/siglock section and wait_task_inactive() are one step "
                + "(WaitTaskInactive: the busy-wait while the tracee still runs, the re-check under the runqueue "
                + "lock once it sleeps), taken once either decides"));
    private static final StepInfo CHECK_ANY = new StepInfo("ours and ptraced? (ignore_state: PTRACE_KILL)", "ptrace_check_attach", 0,
        SeedRef.context(SeedRef.PTRACE_C, 3841, "child->exit_code = data;",
            "ptrace_check_attach(child, ignore_state) for PTRACE_KILL is 3.1 code not in the series; PTRACE_KILL then "
                + "runs ptrace_resume(child, SIGKILL), whose exit_code store is this line")
            .simplified("the check is one step; no wait_task_inactive (ignore_state)"));
    private static final StepInfo SET = new StepInfo("ptrace_set_syscall_trace; TIF_SYSCALL_EMU; PT_SINGLE_*; (before 28) user_*_step; exit_code = data", "ptrace_resume", 25,
        SeedRef.code(SeedRef.PTRACE_C, 5091, "task_utrace_lock(p);")
            .names("ptrace_set_syscall_trace", "ptrace_resume calls ptrace_set_syscall_trace (patch 21), which "
                + "takes task_utrace_lock from patch 25")
            .simplified("ptrace_resume's flag updates and its lock-free \"child->exit_code = data\" (the signal the "
                + "tracer passes) are one step (under task_utrace_lock from patch 25)"));
    private static final StepInfo SET_SYSCALL_READ = new StepInfo("no task_utrace_lock (mutation set-syscall-trace-skips-lock): PT_SYSCALL_TRACE cleared; task_utrace_flags(p) & UTRACE_EVENT_SYSCALL read", "ptrace_set_syscall_trace", 25,
        SeedRef.code(SeedRef.PTRACE_C, 5098, "if (!(task_utrace_flags(p) & UTRACE_EVENT_SYSCALL))")
            .note("without the lock patch 25 adds, its test and the clear of TIF_SYSCALL_TRACE after it are two lock-free "
                + "accesses, so two steps: utrace_set_events can set the flag for its first system-call engine in between"));
    private static final StepInfo WAKE = new StepInfo("lock_task_sighand; wake_up_quiescent(child, __TASK_TRACED)", "ptrace_resume", 10,
        SeedRef.code(SeedRef.PTRACE_C, 3843, "if (lock_task_sighand(child, &flags)) {"));
    private static final StepInfo WAKE_READ = new StepInfo("no siglock (before patch 10): wake_up_quiescent reads child->state", "ptrace_resume", 10,
        SeedRef.code(SeedRef.PTRACE_C, 3842, "wake_up_state(child, __TASK_TRACED);")
            .note("the line patch 10 removes: the lock-free wake-up before it")
            .simplified("try_to_wake_up()'s read of the state and its write are two steps"));
    private static final StepInfo WAKE_WRITE = new StepInfo("no siglock (before patch 10): try_to_wake_up: __TASK_TRACED? state = TASK_RUNNING", "ptrace_resume", 10,
        SeedRef.code(SeedRef.PTRACE_C, 3842, "wake_up_state(child, __TASK_TRACED);")
            .note("the line patch 10 removes: the lock-free wake-up before it"));
    private static final StepInfo PEEK = new StepInfo("the tracee is ours and quiescent: PTRACE_PEEKUSER reads it", "ptrace_request", 0,
        SeedRef.called(SeedRef.PTRACE_C, 4050, "int ptrace_request(struct task_struct *child, long request,", "ptrace_request",
            "PTRACE_PEEKUSER (arch_ptrace) is not in the series; the line is a hunk header naming ptrace_request, "
                + "which dispatches the requests arch_ptrace does not handle")
            .simplified("the read itself is not modelled: only its ptrace_check_attach matters"));
    private static final StepInfo DETACH_DISABLE = new StepInfo("ptrace_disable(child): (before 29) user_disable_single_step, PT_SINGLE_* (26); TIF_SYSCALL_EMU", "ptrace_disable", 29,
        SeedRef.code("arch/x86/kernel/ptrace.c", 5448, "void ptrace_disable(struct task_struct *child)")
            .simplified("ptrace_detach's first critical section: x86's ptrace_disable on the quiescent child, lock-free"));
    private static final StepInfo DETACH_SYSCALL = new StepInfo("ptrace_set_syscall_trace(child, false) (task_utrace_lock from 25)", "ptrace_detach", 21,
        SeedRef.code(SeedRef.PTRACE_C, 4797, "ptrace_set_syscall_trace(child, false);")
            .simplified("ptrace_detach's second critical section (task_utrace_lock from patch 25, lock-free before)"));
    private static final StepInfo DETACH_UNLINK = new StepInfo("write_lock(tasklist); child->exit_code = data; __ptrace_detach -> __ptrace_unlink: ptrace = 0, wake", "ptrace_detach", 12,
        SeedRef.code(SeedRef.PTRACE_C, 4044, "ptrace_signal_wake_up(child, task_is_traced(child));")
            .names("__ptrace_unlink", "ptrace_detach calls __ptrace_detach -> __ptrace_unlink, whose wake-up patch 12 changes")
            .simplified("ptrace_detach's third critical section, tasklist_lock with __ptrace_unlink's siglock inside, "
                + "is one step; a traced zombie found there is handed back or released (next steps)"));
    private static final StepInfo EXIT = new StepInfo("exit_ptrace -> __ptrace_detach: __ptrace_unlink, release a traced zombie nobody waits for; forget_original_parent", "exit_ptrace", 12,
        SeedRef.code(SeedRef.PTRACE_C, 4044, "ptrace_signal_wake_up(child, task_is_traced(child));")
            .names("__ptrace_unlink", "exit_ptrace (kernel/ptrace.c) is not in the series; it calls __ptrace_detach -> "
                + "__ptrace_unlink, whose wake-up patch 12 changes")
            .simplified("the tracer's exit unlinks its one tracee in one step (with forget_original_parent when it is "
                + "the real parent: the child goes to init, which reaps it outside the model)"));
    private static final StepInfo RELEASE = new StepInfo("release_task: smp_mb(); utrace_flags?", "utrace_release_task", 8,
        SeedRef.code(SeedRef.UTRACE_H, 3684, "smp_mb();")
            .simplified("release_task of a traced zombie by its tracer (wait_task_zombie, __ptrace_detach), as the parent's"));
    private static final StepInfo REAP_LOCK = new StepInfo("lock; utrace->reap = 1; defer if DEATH/QUIESCE pending, else take the lists", "utrace_maybe_reap", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1878, "utrace->reap = 1;"));
    private static final StepInfo REAP_LOOP = new StepInfo("report_reap if wanted, then (a step later if live) ops = NULL; put", "utrace_maybe_reap", 1,
        SeedRef.code(SeedRef.UTRACE_C, 1915, "list_for_each_entry_safe(engine, next, &attached, entry) {")
            .simplified("one engine per step: report_reap, ops = NULL, flags = 0, list_del_init and the put; a live "
                + "engine's report_reap is a step of its own, the rest the step after it"));

    /** Every step the ptrace tracer can take, for `checker list steps`. */
    static final List<StepInfo> STEPS = List.of(ATTACH, ATTACH_TRAPPING, WAIT, CHECK, CHECK_ANY, SET, SET_SYSCALL_READ, WAKE, WAKE_READ, WAKE_WRITE,
        PEEK, DETACH_DISABLE, DETACH_SYSCALL, DETACH_UNLINK, EXIT, RELEASE, REAP_LOCK, REAP_LOOP);

    private static final int L_OP = 0;
    /** Before patch 10: what wake_up_quiescent decided from its lock-free read (1 wake, 2 clear the bit only). */
    private static final int L_WAKE = 1;
    /**
     * Mutation set-syscall-trace-skips-lock only: what ptrace_set_syscall_trace(false)'s lock-free read of
     * task_utrace_flags found (0 not read yet, SYSCALL_READ_NONE, SYSCALL_READ_WANTED), kept for its clear a step
     * later. Shares L_WAKE's slot: both steps come before PHASE_WAKE, the clear sets it back to 0, and under the
     * mutation the lock-free wake-up before patch 10 does too once it has used it; read only under the mutation.
     */
    private static final int L_SYSCALL_READ = L_WAKE;
    private static final int SYSCALL_READ_NONE = 1;
    private static final int SYSCALL_READ_WANTED = 2;
    /** What the request returns once its release_task is done. */
    private static final int L_RET = 2;
    /** The engines utrace_maybe_reap took off the lists, still to be reaped (release_task of a traced zombie). */
    private static final int L_LIST = 3;
    /** What the last wait() reported (a WaitResult; 0 before any): shown in traces, and read by 'wait until'. */
    private static final int L_WAITRES = 4;
    /** Inside 'wait until SIG': the signal the inner PTRACE_CONT passes back (0: not inside). */
    private static final int L_LOOPSIG = 5;
    private static final int LOCALS = 6;

    private final List<PtraceRequest> script;

    Ptracer(Model model, int index, List<PtraceRequest> script) {
        super(model, index, "ptrace");
        this.script = script;
    }

    @Override int slots() { return 1 + LOCALS; }

    @Override String role() { return "ptrace"; }

    @Override void init(int[] v) {
        if (script.isEmpty()) v[base] = DONE_PC;
    }

    /** How many requests have returned (for another actor's guard). */
    int completed(Ctx c) {
        return c.peek(base) == DONE_PC ? script.size() : c.peek(base + 1 + L_OP);
    }

    /** The request the tracer is in (inside 'wait until SIG': its inner PTRACE_CONT). */
    private PtraceOp op(Ctx c) {
        return c.local(L_LOOPSIG) != 0 ? PtraceOp.CONT : script.get(c.local(L_OP)).op();
    }

    /** The data argument: the signal to deliver. */
    private int data(Ctx c) {
        int loop = c.local(L_LOOPSIG);
        return loop != 0 ? loop : script.get(c.local(L_OP)).signal();
    }

    private void returned(Ctx c, PtraceOp op, int ret) {
        c.observe(Obs.ptraceReturn(op, ret, c.local(L_LOOPSIG) != 0 ? 0 : c.local(L_OP) + 1));
        if (c.record) c.note(op.request() + " returns " + Errno.name(ret));
        if (c.local(L_LOOPSIG) != 0) {
            // the inner PTRACE_CONT of 'wait until SIG' is done: wait again
            c.local(L_LOOPSIG, 0);
            c.pc(PHASE_START);
            return;
        }
        int next = c.local(L_OP) + 1;
        c.local(L_OP, next);
        c.pc(next < script.size() ? PHASE_START : DONE_PC);
    }

    @Override boolean step(Ctx c) {
        if (c.pc() == DONE_PC) return false;
        PtraceOp op = op(c);
        switch (c.pc()) {
            case PHASE_START: {
                PtraceRequest req = script.get(c.local(L_OP));
                if (c.local(L_LOOPSIG) == 0 && req.guard() != null && !model.guardHolds(c, req.guard())) {
                    c.at(CHECK);
                    return false;
                }
                switch (op) {
                    case ATTACH: return attach(c, op);
                    case WAIT: return waitStep(c, req);
                    case EXIT: return exitPtrace(c, op);
                    case KILL: return checkAttachAnyState(c, op);
                    default: return checkAttach(c, op);
                }
            }
            case PHASE_SET:
                if (op == PtraceOp.PEEK) {
                    c.at(PEEK);
                    returned(c, op, Errno.OK);
                    return true;
                }
                if (op == PtraceOp.DETACH) return detachDisable(c);
                return resume(c, op);
            case PHASE_WAKE:
            case PHASE_WAKE_WRITE:
                return resume(c, op);
            case PHASE_ATTACH_TRAPPING:
                c.at(ATTACH_TRAPPING);
                if (c.has(JOBCTL, JOBCTL_TRAPPING)) return false;
                returned(c, op, Errno.OK);
                return true;
            case PHASE_DETACH_SYSCALL: return detachSyscallTrace(c);
            case PHASE_DETACH_UNLINK: return detachUnlink(c, op);
            case PHASE_RELEASE:
            case PHASE_REAP_LOCK:
            case PHASE_REAP_LOOP:
                return release(c, op);
            default:
                throw new IllegalStateException("ptrace pc " + c.pc());
        }
    }

    /**
     * ptrace_attach(): under tasklist_lock, EPERM for a dead or traced task;
     * PT_PTRACED; send_sig_info(SIGSTOP, SEND_SIG_FORCED) (to task->pending;
     * prepare_signal() flushes a pending SIGCONT); then "If the task is already
     * STOPPED, set JOBCTL_TRAP_STOP and TRAPPING, and kick it so that it
     * transits to TRACED" (task_set_jobctl_pending refuses when a fatal signal
     * is pending or PF_EXITING) and wait_on_bit(JOBCTL_TRAPPING) until it has.
     */
    private boolean attach(Ctx c, PtraceOp op) {
        c.at(ATTACH);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        if (c.get(EXIT_STATE) != 0 && !c.cfg.mutated(Mutation.ATTACH_IGNORES_EXIT_STATE)
                || c.has(PTRACE, PT_PTRACED) && !c.cfg.mutated(Mutation.ATTACH_IGNORES_PTRACED)) {
            returned(c, op, Errno.EPERM);
            return true;
        }
        c.set(PTRACE, PT_PTRACED);
        SendSignal.send(c, Signals.SIGSTOP, false);
        if (Utrace.taskIsStopped(c)) {
            boolean dying = Utrace.fatalSignalPending(c) || model.tracee().exitingIn(c);
            // history: a group-stopped task owes its new tracer the group-stop trap (wait-liveness)
            if (!dying) c.setBits(G_WAIT, GW_TRAP_OWED);
            if (c.cfg.mutated(Mutation.ATTACH_IGNORES_GROUP_STOP)) {
                c.note("the task is STOPPED: no trap, no wake-up (mutation attach-ignores-group-stop)");
            } else if (JobCtl.setPending(c, JOBCTL_TRAP_STOP | JOBCTL_TRAPPING)) {
                ptraceSignalWakeUp(c, true);
            } else {
                c.note("the task is STOPPED but dying: task_set_jobctl_pending refuses the trap");
            }
        }
        if (c.has(JOBCTL, JOBCTL_TRAPPING)) {
            c.note("wait for JOBCTL_TRAPPING");
            c.pc(PHASE_ATTACH_TRAPPING);
        } else {
            returned(c, op, Errno.OK);
        }
        return true;
    }

    /**
     * ptrace_signal_wake_up(p, quiescent) (patch 12): TIF_SIGPENDING, then
     * wake_up_quiescent() on TASK_INTERRUPTIBLE, plus __TASK_STOPPED |
     * __TASK_TRACED if quiescent. Before patch 12: signal_wake_up(p,
     * quiescent), whose TASK_WAKEKILL also ends a TASK_UTRACED sleep.
     */
    private static void ptraceSignalWakeUp(Ctx c, boolean quiescent) {
        c.setBits(TIF, Tif.SIGPENDING);
        if (c.cfg.has(12)) {
            Utrace.wakeUpQuiescent(c, TaskState.INTERRUPTIBLE | (quiescent ? TaskState.STOPPED_BIT | TaskState.TRACED_BIT : 0));
        } else {
            Utrace.wakeUpState(c, TaskState.INTERRUPTIBLE | (quiescent ? TaskState.WAKEKILL : 0));
        }
    }

    /**
     * do_wait(): one child, the tracee. If it is ptraced (by this tracer, the
     * only one the model has), ptrace_do_wait: a zombie is wait_task_zombie's,
     * a stopped or traced task with a nonzero exit_code is wait_task_stopped's
     * ("*p_code = 0": the stop is collected). If the tracer is its real parent
     * and it is not ptraced, do_wait_thread: only its exit (no WUNTRACED).
     * Nothing to report: a child that may still report makes wait() block
     * (WNOHANG: return 0), none gives -ECHILD. Siglock: wait_task_stopped's.
     */
    private boolean waitStep(Ctx c, PtraceRequest req) {
        c.at(WAIT);
        if (!c.lockFree(LOCK_TASKLIST) || !c.lockFree(LOCK_SIGLOCK)) return false;
        boolean ours = c.has(PTRACE, PT_PTRACED);
        boolean child = ownChild(c);
        int exit = c.get(EXIT_STATE);
        int result = 0;
        if (exit == TaskState.EXIT_ZOMBIE && (ours || child)) {
            result = WaitResult.ofExitStatus(zombieStatus(c));
        } else if (ours && exit == TaskState.EXIT_NONE && (c.get(TASK_STATE) & (TaskState.STOPPED_BIT | TaskState.TRACED_BIT)) != 0
                && c.get(EXIT_CODE) != 0) {
            result = WaitResult.STOPPED | c.get(EXIT_CODE);
            if (c.cfg.mutated(Mutation.PHANTOM_WAIT_REPORT)) c.note("exit_code kept (mutation phantom-wait-report)");
            else c.set(EXIT_CODE, 0);
        } else if (!ours && !(child && exit != TaskState.EXIT_DEAD)) {
            result = WaitResult.ECHILD;
        } else if (req.nohang()) {
            result = WaitResult.NOTHING;
        } else {
            return false; // blocks: the child may still stop or exit
        }
        report(c, result);
        if (WaitResult.kind(result) == WaitResult.EXITED || WaitResult.kind(result) == WaitResult.KILLED) {
            return waitTaskZombie(c, ours, child);
        }
        int until = req.until();
        if (until != 0 && WaitResult.kind(result) == WaitResult.STOPPED && WaitResult.value(result) != Signals.number(until)) {
            // the debugger's attach loop: another signal got here first; give it back and wait again
            c.local(L_LOOPSIG, Signals.ofNumber(WaitResult.value(result)));
            if (c.record) c.note("not " + Signals.name(until) + ": PTRACE_CONT with " + Signals.nameOfNumber(WaitResult.value(result)) + ", then wait again");
            return true;
        }
        returned(c, PtraceOp.WAIT, Errno.OK);
        return true;
    }

    /** wait_task_zombie(): "status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code : p->exit_code". */
    static int zombieStatus(Ctx c) {
        int group = SendSignal.groupExitCode(c);
        return group != 0 && !c.cfg.mutated(Mutation.ZOMBIE_STATUS_IGNORES_GROUP_EXIT) ? group : c.get(EXIT_CODE);
    }

    /** The tracee is this tracer's own child: 'parent ptrace', and the tracer has not exited (forget_original_parent). */
    private boolean ownChild(Ctx c) {
        return model.scenario().tracerIsParent() && c.get(REAL_PARENT) == 0;
    }

    /** What wait() returned: an observation for the wait invariants, and the history it consumes. */
    private void report(Ctx c, int result) {
        int index = c.local(L_OP);
        c.observe(Obs.waitReport(result, Obs.WAITER_TRACER, index));
        c.local(L_WAITRES, result);
        if (c.record) c.note("waitpid() = " + WaitResult.name(result));
        switch (WaitResult.kind(result)) {
            case WaitResult.STOPPED:
                c.clearBits(G_WAIT, GW_STOP_UNREPORTED);
                // history: a signal-delivery stop's signal is the tracer's to decide on now
                if (c.has(G_WAIT, GW_STOP_SIGNAL)) c.clearBits(G_SIG_OWED, Signals.ofNumber(WaitResult.value(result)));
                break;
            case WaitResult.EXITED:
            case WaitResult.KILLED:
                // history: the tracer's report; as the real parent too, one report is both
                c.clearBits(G_WAIT, GW_EXIT_TRACER | (ownChild(c) ? GW_EXIT_PARENT : 0));
                break;
            default: break;
        }
    }

    /**
     * wait_task_zombie(), after the report: xchg(exit_state, EXIT_DEAD). A
     * traced child that is not ours ("traced = ptrace_reparented(p)"):
     * ptrace_unlink, then do_notify_parent(): unless the real parent ignores
     * SIGCHLD, "p->exit_state = EXIT_ZOMBIE" for it to wait for. Else
     * release_task (whose ptrace_release_task unlinks our own ptraced child).
     */
    private boolean waitTaskZombie(Ctx c, boolean ours, boolean child) {
        c.set(EXIT_STATE, TaskState.EXIT_DEAD);
        if (ours) unlink(c);
        if (ours && handBack(c, child)) {
            c.set(EXIT_STATE, TaskState.EXIT_ZOMBIE);
            if (model.parentWaits(c)) c.setBits(G_WAIT, GW_EXIT_PARENT);
            c.note("do_notify_parent: the real parent waits for it: EXIT_ZOMBIE again");
            returned(c, PtraceOp.WAIT, Errno.OK);
            return true;
        }
        c.note("release_task");
        startRelease(c, Errno.OK);
        return true;
    }

    /**
     * wait_task_zombie() of a traced zombie: hand it back to the real parent ("traced = ptrace_reparented(p)":
     * not when the tracer is that parent) unless do_notify_parent() says the parent does not want it (SIGCHLD
     * at SIG_IGN).
     */
    private boolean handBack(Ctx c, boolean child) {
        if (child && !c.cfg.mutated(Mutation.WAIT_ZOMBIE_HANDS_BACK_OWN_CHILD)) return false;
        if (c.cfg.mutated(Mutation.WAIT_ZOMBIE_RELEASES_PARENTS_CHILD)) {
            c.note("the real parent's child released without do_notify_parent (mutation wait-zombie-releases-parents-child)");
            return false;
        }
        return !parentIgnoresSigchld(c) || c.cfg.mutated(Mutation.WAIT_ZOMBIE_KEEPS_IGNORED_ZOMBIE);
    }

    /** do_notify_parent()'s autoreap test: the real parent has SIGCHLD at SIG_IGN (init, after reparenting, does not). */
    private boolean parentIgnoresSigchld(Ctx c) {
        return model.scenario().parentIgnoresSigchld() && c.get(REAL_PARENT) == 0;
    }

    /**
     * ptrace_check_attach(): the tracee must be ours and TASK_TRACED (under
     * tasklist_lock and siglock), then wait_task_inactive(child, TASK_TRACED)
     * waits until it is off the CPU (see {@link WaitTaskInactive}: the
     * busy-wait gives up if its state stops matching while it still runs; off
     * the CPU, the state must be TASK_TRACED exactly, also with patch 13).
     */
    private boolean checkAttach(Ctx c, PtraceOp op) {
        c.at(CHECK);
        if (!c.has(PTRACE, PT_PTRACED) || !Utrace.taskIsPtraceStopped(c) || c.get(EXIT_STATE) != 0) {
            returned(c, op, Errno.ESRCH);
            return true;
        }
        int ncsw = WaitTaskInactive.call(c, model.tracee(), TaskState.TASK_TRACED);
        if (ncsw == WaitTaskInactive.SPIN) return false;
        if (ncsw == WaitTaskInactive.CHANGED) {
            returned(c, op, Errno.ESRCH);
            return true;
        }
        c.pc(PHASE_SET);
        return true;
    }

    /** ptrace_check_attach(child, ignore_state = true) for PTRACE_KILL: the tracee need only be ours. */
    private boolean checkAttachAnyState(Ctx c, PtraceOp op) {
        c.at(CHECK_ANY);
        if (!c.has(PTRACE, PT_PTRACED) && !c.cfg.mutated(Mutation.KILL_SKIPS_CHECK_ATTACH)) {
            returned(c, op, Errno.ESRCH);
            return true;
        }
        c.pc(PHASE_SET);
        return true;
    }

    /**
     * The lock ptrace_set_syscall_trace() takes from patch 25 on: task_utrace_lock() (patch 24).
     * task_utrace_struct() reads task->utrace; NULL: task_lock, which serialises with
     * utrace_task_alloc (taking it waits for the allocator's stores released with it). Else
     * spin_lock(&utrace->lock), a load through the pointer that only the address dependency and
     * smp_read_barrier_depends() [B4.reader] order after the load of the pointer (pair B4 with
     * utrace_task_alloc's smp_wmb()): it must find the struct initialised.
     */
    private static int taskUtraceLock(Ctx c) {
        if (c.get(UTRACE_ALLOCATED) == 0) {
            c.dropEarlyLoad();
            return LOCK_TASK;
        }
        if (c.loadAfter(UTRACE_UNINIT, Barrier.B4_READER) != 0) {
            c.observe(Obs.utraceStructInvalid(Obs.STRUCT_UNINIT));
            c.note("task->utrace != NULL, but its struct utrace is not initialised (no spin_lock_init seen)");
        }
        return LOCK_UTRACE;
    }

    /** The ptrace requests that take task_utrace_lock() (from patch 25): ptrace_resume's and ptrace_detach's. */
    private boolean takesTaskUtraceLock() {
        if (!model.config().has(25) || model.config().mutated(Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK)) return false;
        for (PtraceRequest r : script) if (r.op().resumes() || r.op() == PtraceOp.DETACH || r.op() == PtraceOp.KILL || r.until() != 0) return true;
        return false;
    }

    /** Without B4.reader, task_utrace_lock's load through task->utrace may be performed before that of the pointer. */
    @Override boolean hoistsLoads() {
        return model.config().weak() && !model.config().barrier(Barrier.B4_READER) && takesTaskUtraceLock();
    }

    /** The steps that take task_utrace_lock: ptrace_resume's PHASE_SET, ptrace_detach's PHASE_DETACH_SYSCALL. */
    @Override int hoistableLoad(int[] v) {
        if (!hoistsLoads()) return -1;
        int pc = v[base];
        if (pc == PHASE_DETACH_SYSCALL) return UTRACE_UNINIT;
        if (pc != PHASE_SET || pc == DONE_PC) return -1;
        PtraceOp op = v[base + 1 + L_LOOPSIG] != 0 ? PtraceOp.CONT : script.get(v[base + 1 + L_OP]).op();
        return op.resumes() || op == PtraceOp.KILL ? UTRACE_UNINIT : -1;
    }

    /**
     * ptrace_set_syscall_trace()'s task_utrace_lock (patch 25), or, under mutation
     * set-syscall-trace-skips-lock, the first of the two steps its lock-free clear takes. False: the
     * lock is busy, or that first step was taken; either way the caller returns false or true as
     * {@link #syscallTraceReadTaken} says.
     */
    private static boolean syscallTraceLocked(Ctx c, boolean on) {
        if (!c.cfg.has(25)) return true;
        if (!c.cfg.mutated(Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK)) return c.lockFree(taskUtraceLock(c));
        if (on || c.local(L_SYSCALL_READ) != 0) return true;
        c.at(SET_SYSCALL_READ);
        if (c.cfg.has(22)) c.clearBits(PTRACE, PT_SYSCALL_TRACE);
        c.local(L_SYSCALL_READ, (c.get(UTRACE_FLAGS) & Events.SYSCALL) != 0 ? SYSCALL_READ_WANTED : SYSCALL_READ_NONE);
        return false;
    }

    /** After {@link #syscallTraceLocked} returned false: whether it took its step (true) or found the lock busy. */
    private static boolean syscallTraceReadTaken(Ctx c) {
        return c.cfg.mutated(Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK) && c.local(L_SYSCALL_READ) != 0;
    }

    /** ptrace_set_syscall_trace() (patch 21; PT_SYSCALL_TRACE from 22; locking and the utrace check from 25). */
    private static void setSyscallTrace(Ctx c, boolean on) {
        if (on) {
            if (c.cfg.has(22)) c.setBits(PTRACE, PT_SYSCALL_TRACE);
            c.setBits(TIF, Tif.SYSCALL_TRACE);
            return;
        }
        int read = c.cfg.mutated(Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK) ? c.local(L_SYSCALL_READ) : 0;
        if (read != 0) {
            // the lock-free read a step ago (mutation set-syscall-trace-skips-lock): the flags may have changed since
            c.local(L_SYSCALL_READ, 0);
            if (read == SYSCALL_READ_NONE) c.clearBits(TIF, Tif.SYSCALL_TRACE);
            return;
        }
        if (c.cfg.has(22)) c.clearBits(PTRACE, PT_SYSCALL_TRACE);
        if (!c.cfg.has(25) || (c.get(UTRACE_FLAGS) & Events.SYSCALL) == 0) c.clearBits(TIF, Tif.SYSCALL_TRACE);
    }

    /**
     * ptrace_resume() (PTRACE_KILL too: ptrace_resume(child, request, SIGKILL),
     * unless "child->exit_state": already dead, return 0): the flags, then
     * "child->exit_code = data" (a lock-free store) and the wake-up.
     */
    private boolean resume(Ctx c, PtraceOp op) {
        switch (c.pc()) {
            case PHASE_SET: {
                c.at(SET);
                boolean readTaken = syscallTraceReadTaken(c); // the mutation's first step was PTRACE_KILL's check too
                if (!readTaken && op == PtraceOp.KILL && c.get(EXIT_STATE) != 0 && !c.cfg.mutated(Mutation.KILL_IGNORES_EXIT_STATE)) {
                    returned(c, op, Errno.OK);
                    return true;
                }
                if (!syscallTraceLocked(c, op == PtraceOp.SYSCALL)) return syscallTraceReadTaken(c);
                setSyscallTrace(c, op == PtraceOp.SYSCALL);
                if (op == PtraceOp.SYSEMU) c.setBits(TIF, Tif.SYSCALL_EMU);
                else if (c.cfg.mutated(Mutation.RESUME_KEEPS_SYSEMU)) c.note("TIF_SYSCALL_EMU kept (mutation resume-keeps-sysemu)");
                else c.clearBits(TIF, Tif.SYSCALL_EMU);
                boolean step = op == PtraceOp.SINGLESTEP || op == PtraceOp.SINGLEBLOCK;
                if (c.cfg.has(26)) {
                    c.clearBits(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK);
                    if (op == PtraceOp.SINGLEBLOCK && !c.cfg.mutated(Mutation.SINGLEBLOCK_SKIPS_BLOCK_STEP)) c.setBits(PTRACE, PT_SINGLE_BLOCK);
                    if (op == PtraceOp.SINGLESTEP) c.setBits(PTRACE, PT_SINGLE_STEP);
                }
                if (!c.cfg.has(28)) {
                    // user_enable_single_step() etc. from the tracer, before patch 28 moved it to ptrace_stop
                    if (step) c.setBits(TIF, Tif.SINGLESTEP);
                    else c.clearBits(TIF, Tif.SINGLESTEP);
                }
                int asked = op == PtraceOp.SYSCALL ? G_PT_ASKED_SYSCALL : op == PtraceOp.SYSEMU ? G_PT_ASKED_SYSEMU
                    : step ? G_PT_ASKED_STEP : 0;
                c.clearBits(G_PTRACE, G_PT_ASKED_SYSCALL | G_PT_ASKED_SYSEMU | G_PT_ASKED_STEP);
                c.setBits(G_PTRACE, asked);
                setExitCode(c, op == PtraceOp.KILL ? Signals.SIGKILL : data(c));
                c.pc(PHASE_WAKE);
                return true;
            }
            case PHASE_WAKE:
                if (c.cfg.has(10)) {
                    c.at(WAKE);
                    if (!c.lockFree(LOCK_SIGLOCK)) return false;
                    endsStop(c);
                    boolean woke = Utrace.wakeUpQuiescent(c, TaskState.TRACED_BIT);
                    c.clearBits(G_PTRACE, G_PT_HOLDS);
                    if (c.record) c.note(woke ? "woken" : "TRACED cleared; still " + TaskState.name(c.get(TASK_STATE)));
                    else if (!woke) c.get(TASK_STATE); // the read the note makes, kept for the footprint
                    returned(c, op, Errno.OK);
                    return true;
                }
                c.at(WAKE_READ);
                c.local(L_WAKE, wakeDecision(c));
                c.pc(PHASE_WAKE_WRITE);
                return true;
            case PHASE_WAKE_WRITE:
                c.at(WAKE_WRITE);
                endsStop(c);
                int wake = c.local(L_WAKE);
                // the slot is L_SYSCALL_READ too: the next request's lock-free read must find it 0 (mutation only)
                if (c.cfg.mutated(Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK)) c.local(L_WAKE, 0);
                if (wake == 1) {
                    if (Utrace.taskIsPtraceStopped(c)) c.set(TASK_STATE, TaskState.RUNNING);
                } else {
                    c.set(TASK_STATE, c.get(TASK_STATE) & ~TaskState.TRACED_BIT);
                }
                c.clearBits(G_PTRACE, G_PT_HOLDS);
                returned(c, op, Errno.OK);
                return true;
            default:
                throw new IllegalStateException("ptrace pc " + c.pc());
        }
    }

    /**
     * History: the wake-up takes __TASK_TRACED away, and with it the stop's report (task_is_traced() is false
     * now), collected or not. A PTRACE_KILL of a running tracee stores its exit_code before the tracee stops and
     * wakes it after: the stop in between was never reported, and will not be (checker fuzz --seed 15, mutated
     * scenario 2223: with an engine's stop holding the tracee in UTRACED, wait-liveness called it owed).
     */
    private static void endsStop(Ctx c) {
        if ((c.get(TASK_STATE) & TaskState.TRACED_BIT) != 0) c.clearBits(G_WAIT, GW_STOP_UNREPORTED);
    }

    /**
     * "child->exit_code = data" (ptrace_resume, ptrace_detach). History: the
     * stop is no longer owed to wait(); a signal passed where the kernel
     * honours it (a signal-delivery stop: ptrace_signal; a syscall stop:
     * send_sig) is owed delivery (signal-delivered). A group-stop trap ignores
     * it ("the data of a restart from group-stop is not a signal").
     */
    private static void setExitCode(Ctx c, int signal) {
        c.set(EXIT_CODE, Signals.number(signal));
        c.clearBits(G_WAIT, GW_STOP_UNREPORTED);
        // the tracer decides on the stop's signal (collected or not): what it passes is owed instead
        if (c.has(G_WAIT, GW_STOP_SIGNAL)) c.clearBits(G_SIG_OWED, Signals.ofNumber(WaitResult.value(c.get(G_WAIT_STATUS))));
        if (signal != 0 && c.has(G_WAIT, GW_STOP_SIGNAL | GW_STOP_SYSCALL)) c.setBits(G_SIG_OWED, signal);
    }

    /** What wake_up_quiescent(child, __TASK_TRACED) decides from the state it reads: 1 wake, 2 clear only. */
    private static int wakeDecision(Ctx c) {
        if (c.cfg.has(17)) {
            int quiescent = c.get(TASK_STATE) & TaskState.STOP_BITS;
            if (quiescent != 0 && (quiescent & ~TaskState.TRACED_BIT) != 0) return 2;
        }
        return 1;
    }

    /**
     * ptrace_detach() in its three critical sections (after
     * ptrace_check_attach): ptrace_disable(child), lock-free on a quiescent
     * child (x86: stepping off until patch 29, PT_SINGLE_* off in 26-28,
     * TIF_SYSCALL_EMU off); ...
     */
    private boolean detachDisable(Ctx c) {
        c.at(DETACH_DISABLE);
        if (!c.cfg.has(29)) {
            c.clearBits(TIF, Tif.SINGLESTEP);
            if (c.cfg.has(26)) c.clearBits(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK);
        }
        if (c.cfg.mutated(Mutation.DETACH_KEEPS_SYSEMU)) c.note("TIF_SYSCALL_EMU kept (mutation detach-keeps-sysemu)");
        else c.clearBits(TIF, Tif.SYSCALL_EMU);
        c.pc(PHASE_DETACH_SYSCALL);
        return true;
    }

    /** ... ptrace_set_syscall_trace(child, false) (patch 21; under task_utrace_lock from 25); ... */
    private boolean detachSyscallTrace(Ctx c) {
        c.at(DETACH_SYSCALL);
        if (!syscallTraceLocked(c, false)) return syscallTraceReadTaken(c);
        setSyscallTrace(c, false);
        c.pc(PHASE_DETACH_UNLINK);
        return true;
    }

    /**
     * ... then write_lock(tasklist_lock): "This child can be already killed":
     * if it is still ptraced, child->exit_code = data and __ptrace_detach;
     * release_task if that made it dead.
     */
    private boolean detachUnlink(Ctx c, PtraceOp op) {
        c.at(DETACH_UNLINK);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        boolean dead = false;
        if (c.has(PTRACE, PT_PTRACED)) {
            if (c.cfg.mutated(Mutation.DETACH_DROPS_SIGNAL)) {
                c.note("exit_code not set (mutation detach-drops-signal)");
                setExitCode(c, 0);
                c.setBits(G_SIG_OWED, data(c)); // history: the tracer did pass it
            } else {
                setExitCode(c, data(c));
            }
            dead = ptraceDetach(c);
        }
        if (dead && c.cfg.mutated(Mutation.DETACH_SKIPS_RELEASE)) {
            c.note("no release_task for the dead zombie (mutation detach-skips-release)");
            dead = false;
        }
        if (dead) startRelease(c, Errno.OK);
        else returned(c, op, Errno.OK);
        return true;
    }

    /**
     * exit_ptrace(): __ptrace_detach of the tracee (no ptrace_check_attach);
     * then, if the tracer is its real parent, forget_original_parent(): the
     * child goes to init (which reaps a zombie; nobody in the model waits for
     * it any more).
     */
    private boolean exitPtrace(Ctx c, PtraceOp op) {
        c.at(EXIT);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        if (c.cfg.mutated(Mutation.EXIT_PTRACE_DISCARDS_SIGNAL) && c.has(PTRACE, PT_PTRACED) && c.get(EXIT_STATE) == 0) {
            c.set(EXIT_CODE, 0);
            c.note("exit_code cleared (mutation exit-ptrace-discards-signal)");
        }
        c.setBits(G_PTRACE, G_PT_TRACER_EXITED); // history: no tracer will end a ptrace stop now
        boolean dead = c.has(PTRACE, PT_PTRACED) && ptraceDetach(c);
        if (ownChild(c)) {
            c.set(REAL_PARENT, PARENT_INIT);
            c.clearBits(G_WAIT, GW_EXIT_PARENT); // history: init, not a model actor, is owed it now
            c.note("forget_original_parent: the child's parent is init now");
        }
        if (dead && c.cfg.mutated(Mutation.EXIT_PTRACE_SKIPS_RELEASE)) {
            c.note("no release_task for the dead zombie (mutation exit-ptrace-skips-release)");
            dead = false;
        }
        if (dead) startRelease(c, Errno.OK);
        else returned(c, op, Errno.OK);
        return true;
    }

    /**
     * __ptrace_detach(): __ptrace_unlink; a traced zombie is then notified to
     * its real parent (do_notify_parent; ignoring_children() when the tracer
     * is that parent), "dead" (EXIT_DEAD, to release) if the parent ignores
     * SIGCHLD, else left a zombie for the parent's wait.
     */
    private boolean ptraceDetach(Ctx c) {
        unlink(c);
        if (c.get(EXIT_STATE) != TaskState.EXIT_ZOMBIE) return false;
        if ((parentIgnoresSigchld(c) || c.cfg.mutated(Mutation.DETACH_RELEASES_WAITED_ZOMBIE))
                && !c.cfg.mutated(Mutation.DETACH_KEEPS_IGNORED_ZOMBIE)) {
            c.set(EXIT_STATE, TaskState.EXIT_DEAD);
            c.note("a traced zombie whose parent ignores SIGCHLD: EXIT_DEAD, release_task");
            return true;
        }
        if (model.parentWaits(c)) c.setBits(G_WAIT, GW_EXIT_PARENT);
        c.note("a traced zombie: back to its real parent");
        if (c.cfg.mutated(Mutation.PTRACE_DETACH_RELEASES_PARENTS_ZOMBIE)) {
            c.note("dead: release it, although it is still EXIT_ZOMBIE (mutation ptrace-detach-releases-parents-zombie)");
            return true;
        }
        return false;
    }

    /**
     * __ptrace_unlink(): ptrace = 0; pending ptrace traps and TRAPPING are
     * dropped; if the group is stopped, JOBCTL_STOP_PENDING is reinstated so
     * that the tracee, once untraced, stops again in TASK_STOPPED (this is what
     * utrace_get_signal must respect, patch 09); then a tracee in TASK_TRACED
     * or with STOP_PENDING is kicked: signal_wake_up(child, traced) before
     * patch 12 (whose WAKEKILL also wakes a TASK_UTRACED sleep),
     * ptrace_signal_wake_up() (through wake_up_quiescent) after. exit_code is
     * left alone: a tracee woken in ptrace_signal delivers what is there.
     */
    private void unlink(Ctx c) {
        c.set(PTRACE, 0);
        c.clearBits(G_PTRACE, G_PT_ASKED_SYSCALL | G_PT_ASKED_SYSEMU | G_PT_ASKED_STEP | G_PT_HOLDS);
        // history: the tracer is owed nothing any more
        c.clearBits(G_WAIT, GW_STOP_UNREPORTED | GW_TRAP_OWED | GW_EXIT_TRACER);
        JobCtl.clearPending(c, JOBCTL_TRAP_MASK);
        JobCtl.clearTrapping(c);
        // PF_EXITING aside, "group stop is in effect": SIGNAL_STOP_STOPPED (group_stop_count is 0, see JobCtl)
        if (!model.tracee().exitingIn(c) && (c.has(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED) || JobCtl.groupStopCount() != 0)) {
            if (c.cfg.mutated(Mutation.UNLINK_DROPS_GROUP_STOP)) c.note("JOBCTL_STOP_PENDING not reinstated (mutation unlink-drops-group-stop)");
            else c.setBits(JOBCTL, JOBCTL_STOP_PENDING);
        }
        boolean traced = Utrace.taskIsPtraceStopped(c);
        if (traced || c.has(JOBCTL, JOBCTL_STOP_PENDING) && !c.cfg.mutated(Mutation.UNLINK_KICKS_ONLY_TRACED)) ptraceSignalWakeUp(c, traced);
    }

    /** release_task() by the tracer; the request returns {@code ret} when it is done. */
    private void startRelease(Ctx c, int ret) {
        c.local(L_RET, ret);
        c.pc(PHASE_RELEASE);
    }

    /** release_task() -> utrace_release_task() -> utrace_maybe_reap(), as the reaping parent does it ({@link Parent}). */
    private boolean release(Ctx c, PtraceOp op) {
        switch (c.pc()) {
            case PHASE_RELEASE:
                c.at(RELEASE);
                c.observe(Obs.taskReleased(c.get(EXIT_STATE)));
                // smp_mb() [B3.reader]; the tracer's xchg of exit_state was a full barrier already
                c.fence(Barrier.B3_READER);
                if (Reaper.releaseCallsUtrace(c)) c.pc(PHASE_REAP_LOCK);
                else returned(c, op, c.local(L_RET));
                return true;
            case PHASE_REAP_LOCK: {
                c.at(REAP_LOCK);
                if (!c.lockFree(LOCK_UTRACE)) return false;
                int list = Reaper.maybeReapOnRelease(c);
                c.local(L_LIST, Math.max(list, 0));
                if (list > 0) c.pc(PHASE_REAP_LOOP);
                else returned(c, op, c.local(L_RET));
                return true;
            }
            default: {
                c.at(REAP_LOOP);
                int rest = Utrace.reapOne(c, c.local(L_LIST));
                c.local(L_LIST, rest);
                if (rest == EngineList.EMPTY) returned(c, op, c.local(L_RET));
                return true;
            }
        }
    }

    /**
     * ptrace requests reach into utrace (utrace_control via ptrace_resume, utrace_reset on
     * detach), the task, and a traced zombie's release; wait_task_inactive reads the tracee's
     * program counter; a guard reads what it waits for. A done tracer takes no step.
     */
    @Override void may(State s, Footprint may) {
        if (pc(s) == DONE_PC) return;
        mayShared(may);
        mayOwn(may);
        may.read(model.tracee().base, -1);
        model.tracee().mayReadExiting(may); // __ptrace_unlink's PF_EXITING test (patch 09's group-stop reinstatement)
        for (int i = local(s, L_OP); i < script.size(); i++) {
            if (script.get(i).guard() != null) model.mayReadGuard(script.get(i).guard(), may);
        }
    }

    /** The same on a final state. */
    int completed(State s) {
        return pc(s) == DONE_PC ? script.size() : local(s, L_OP);
    }

    /**
     * At a wait() that cannot return (not inside 'wait until's PTRACE_CONT): the request's index, else -1.
     * A wait whose guard does not hold is not in wait() at all: guard-liveness judges it, not the wait
     * invariants.
     */
    int blockedWait(State s) {
        int pc = pc(s);
        if (pc != PHASE_START || local(s, L_LOOPSIG) != 0) return -1;
        int i = local(s, L_OP);
        PtraceRequest req = script.get(i);
        if (req.op() != PtraceOp.WAIT) return -1;
        return req.guard() != null && model.guardUnmet(s, req.guard()) != null ? -1 : i;
    }

    /** At a request it has not started (not 'wait until's inner PTRACE_CONT), whose guard does not hold. */
    @Override String unmetGuard(State s) {
        if (pc(s) != PHASE_START || local(s, L_LOOPSIG) != 0) return null;
        PtraceRequest req = script.get(local(s, L_OP));
        String why = req.guard() == null ? null : model.guardUnmet(s, req.guard());
        return why == null ? null : "ptrace never starts '" + req.text() + "': " + why;
    }

    @Override String stuckProblem(State s) {
        int pc = pc(s);
        if (pc == DONE_PC) return null;
        PtraceRequest req = script.get(local(s, L_OP));
        // wait() blocking for a stop that does not come is the debugger's business (wait-liveness judges it).
        if (blockedWait(s) >= 0) return null;
        // reached only when the guard, if any, holds (Model.stuckProblem asks unmetGuard first)
        if (pc == PHASE_START && local(s, L_LOOPSIG) == 0 && req.guard() != null) {
            return "ptrace cannot start '" + req.text() + "' although its guard holds";
        }
        if (pc == PHASE_ATTACH_TRAPPING) {
            // Finding 16: the wake-up ptrace_attach gave the group-stopped task cleared only __TASK_STOPPED
            // (patch 17's selective wake_up_quiescent); an engine's __TASK_UTRACED keeps it asleep, so it never
            // reaches the trap that clears TRAPPING. 3.1 waits TASK_UNINTERRUPTIBLE: the debugger cannot be killed.
            String held = (s.get(TASK_STATE) & TaskState.UTRACED_BIT) != 0
                ? " (the tracee it woke is still " + TaskState.name(s.get(TASK_STATE)) + ": __TASK_UTRACED keeps it asleep)" : "";
            return "PTRACE_ATTACH waits for JOBCTL_TRAPPING, which nobody clears" + held;
        }
        return "ptrace cannot finish: " + where(s);
    }

    /** The request: "PTRACE_WAIT", "PTRACE_CONT SIGQUIT" (inside 'wait until': its PTRACE_CONT), or "done". */
    @Override String where(State s) {
        int pc = pc(s);
        if (pc == DONE_PC) return "done";
        int loop = local(s, L_LOOPSIG);
        return loop != 0 ? PtraceOp.CONT.request() + " " + Signals.name(loop) : script.get(local(s, L_OP)).call();
    }

    /** For traces: what the last wait() returned. */
    String lastWait(State s) {
        int r = local(s, L_WAITRES);
        return r == 0 ? "-" : WaitResult.name(r);
    }
}

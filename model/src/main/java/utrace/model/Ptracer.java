package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * The ptrace tracer: a debugger process running its script of ptrace
 * requests on the tracee, as kernel/ptrace.c of 3.1 does them and as
 * patches 10-30 of the series change them. The program counter is the phase
 * within the current request.
 */
final class Ptracer extends Actor {
    private static final int PHASE_START = 0;
    private static final int PHASE_SET = 1;
    private static final int PHASE_WAKE = 2;
    private static final int PHASE_WAKE_WRITE = 3;
    static final int DONE_PC = 99;

    private static final StepInfo ATTACH = new StepInfo("exit_state or PT_PTRACED set? -EPERM; else task->ptrace = PT_PTRACED; send_sig_info(SIGSTOP); stopped? JOBCTL_TRAP_STOP, ptrace_signal_wake_up", "ptrace_attach", 12);
    private static final StepInfo WAIT = new StepInfo("the tracee is TASK_TRACED with an exit_code (or dead): collect it", "wait_task_stopped", 0);
    private static final StepInfo CHECK = new StepInfo("task_is_traced()? wait_task_inactive(child, TASK_TRACED)", "ptrace_check_attach", 13);
    private static final StepInfo SET = new StepInfo("ptrace_set_syscall_trace; TIF_SYSCALL_EMU; PT_SINGLE_*; (before 28) user_*_step", "ptrace_resume", 25);
    private static final StepInfo WAKE = new StepInfo("lock_task_sighand; wake_up_quiescent(child, __TASK_TRACED)", "ptrace_resume", 10);
    private static final StepInfo WAKE_READ = new StepInfo("no siglock (before patch 10): wake_up_quiescent reads child->state", "ptrace_resume", 10);
    private static final StepInfo WAKE_WRITE = new StepInfo("no siglock (before patch 10): try_to_wake_up: __TASK_TRACED? state = TASK_RUNNING", "ptrace_resume", 10);
    private static final StepInfo DETACH = new StepInfo("ptrace_disable; ptrace_set_syscall_trace(false); __ptrace_unlink: ptrace = 0, wake", "ptrace_detach", 12);
    private static final StepInfo EXIT = new StepInfo("exit_ptrace -> __ptrace_unlink: ptrace = 0, wake (no ptrace_check_attach)", "exit_ptrace", 12);
    private static final StepInfo DONE = new StepInfo("done", "-", 0);

    private static final int L_OP = 0;
    /** Before patch 10: what wake_up_quiescent decided from its lock-free read (1 wake, 2 clear the bit only). */
    private static final int L_WAKE = 1;
    private static final int LOCALS = 2;

    private final List<PtraceOp> script;

    Ptracer(Model model, int index, List<PtraceOp> script) {
        super(model, index, "ptrace");
        this.script = script;
    }

    @Override int slots() { return 1 + LOCALS; }

    @Override String role() { return "ptrace"; }

    @Override void init(int[] v) {
        if (script.isEmpty()) v[base] = DONE_PC;
    }

    private void returned(Ctx c, PtraceOp op, int ret) {
        c.observe(Obs.ptraceReturn(op, ret));
        c.note(op.request() + " returns " + Errno.name(ret));
        int next = c.local(L_OP) + 1;
        c.local(L_OP, next);
        c.pc(next < script.size() ? PHASE_START : DONE_PC);
    }

    @Override boolean step(Ctx c) {
        if (c.pc() == DONE_PC) {
            c.at(DONE);
            return false;
        }
        PtraceOp op = script.get(c.local(L_OP));
        switch (op) {
            case ATTACH: return attach(c, op);
            case WAIT: return waitStopped(c, op);
            case EXIT: return exitPtrace(c, op);
            default:
                if (c.pc() == PHASE_START) return checkAttach(c, op);
                return op == PtraceOp.DETACH ? detach(c, op) : resume(c, op);
        }
    }

    private boolean attach(Ctx c, PtraceOp op) {
        c.at(ATTACH);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        if (c.get(EXIT_STATE) != 0 || c.has(PTRACE, PT_PTRACED)) {
            returned(c, op, Errno.EPERM);
            return true;
        }
        c.set(PTRACE, PT_PTRACED);
        c.setBits(SIGPENDING, Signals.SIGSTOP);
        c.clearBits(G_TASK, G_CONT_AFTER_STOP); // history: a stop is asked for again
        Utrace.signalWakeUp(c, false);
        // "If the task is already STOPPED, set JOBCTL_TRAP_STOP and TRAPPING, and
        // kick it so that it transits to TRACED" (the wait for TRAPPING is not
        // modelled: the scenario's wait() waits for the trap).
        if (Utrace.taskIsStopped(c)) {
            c.setBits(JOBCTL, JOBCTL_TRAP_STOP);
            ptraceSignalWakeUp(c, true);
        }
        returned(c, op, Errno.OK);
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

    private boolean waitStopped(Ctx c, PtraceOp op) {
        c.at(WAIT);
        boolean stopped = c.get(PT_STOP_CODE) != 0 && Utrace.taskIsPtraceStopped(c) && c.has(PTRACE, PT_PTRACED);
        if (!stopped && c.get(EXIT_STATE) == 0) return false;
        c.set(PT_STOP_CODE, 0);
        c.note(stopped ? "the tracee is in a ptrace stop" : "the tracee is dead");
        returned(c, op, stopped ? Errno.OK : Errno.ESRCH);
        return true;
    }

    /**
     * ptrace_check_attach(): the tracee must be ours and TASK_TRACED, then
     * wait_task_inactive(child, TASK_TRACED) waits until it is off the CPU,
     * giving up if its state stops matching while it still runs. Before patch
     * 13 "matching" means ==, so a UTRACED bit added meanwhile makes it fail.
     */
    private boolean checkAttach(Ctx c, PtraceOp op) {
        c.at(CHECK);
        if (!c.has(PTRACE, PT_PTRACED) || !Utrace.taskIsPtraceStopped(c) || c.get(EXIT_STATE) != 0) {
            returned(c, op, Errno.ESRCH);
            return true;
        }
        if (!model.tracee().asleepIn(c)) {
            int state = c.get(TASK_STATE);
            boolean matches = c.cfg.has(13) ? (state & TaskState.TASK_TRACED) != 0 : state == TaskState.TASK_TRACED;
            if (matches) return false; // still on its way into schedule(): keep waiting
            c.note("wait_task_inactive: state " + TaskState.name(state) + " does not match TASK_TRACED");
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

    /** The ptrace requests that take task_utrace_lock() (from patch 25): all but attach, wait and exit. */
    private boolean takesTaskUtraceLock() {
        if (!model.config().has(25)) return false;
        for (PtraceOp op : script) if (op != PtraceOp.ATTACH && op != PtraceOp.WAIT && op != PtraceOp.EXIT) return true;
        return false;
    }

    /** Without B4.reader, task_utrace_lock's load through task->utrace may be performed before that of the pointer. */
    @Override boolean hoistsLoads() {
        return model.config().weak() && !model.config().barrier(Barrier.B4_READER) && takesTaskUtraceLock();
    }

    @Override int hoistableLoad(int[] v) {
        return hoistsLoads() && v[base] == PHASE_SET ? UTRACE_UNINIT : -1;
    }

    /** ptrace_set_syscall_trace() (patch 21; PT_SYSCALL_TRACE from 22; locking and the utrace check from 25). */
    private static void setSyscallTrace(Ctx c, boolean on) {
        if (on) {
            if (c.cfg.has(22)) c.setBits(PTRACE, PT_SYSCALL_TRACE);
            c.setBits(TIF, Tif.SYSCALL_TRACE);
        } else {
            if (c.cfg.has(22)) c.clearBits(PTRACE, PT_SYSCALL_TRACE);
            if (!c.cfg.has(25) || (c.get(UTRACE_FLAGS) & Events.SYSCALL) == 0) c.clearBits(TIF, Tif.SYSCALL_TRACE);
        }
    }

    private boolean resume(Ctx c, PtraceOp op) {
        switch (c.pc()) {
            case PHASE_SET: {
                c.at(SET);
                if (c.cfg.has(25) && !c.lockFree(taskUtraceLock(c))) return false;
                setSyscallTrace(c, op == PtraceOp.SYSCALL);
                if (op == PtraceOp.SYSEMU) c.setBits(TIF, Tif.SYSCALL_EMU);
                else c.clearBits(TIF, Tif.SYSCALL_EMU);
                boolean step = op == PtraceOp.SINGLESTEP || op == PtraceOp.SINGLEBLOCK;
                if (c.cfg.has(26)) {
                    c.clearBits(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK);
                    if (op == PtraceOp.SINGLEBLOCK) c.setBits(PTRACE, PT_SINGLE_BLOCK);
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
                c.set(PT_STOP_CODE, 0);
                c.pc(PHASE_WAKE);
                return true;
            }
            case PHASE_WAKE:
                if (c.cfg.has(10)) {
                    c.at(WAKE);
                    if (!c.lockFree(LOCK_SIGLOCK)) return false;
                    boolean woke = Utrace.wakeUpQuiescent(c, TaskState.TRACED_BIT);
                    c.clearBits(G_PTRACE, G_PT_HOLDS);
                    c.note(woke ? "woken" : "TRACED cleared; still " + TaskState.name(c.get(TASK_STATE)));
                    returned(c, op, Errno.OK);
                    return true;
                }
                c.at(WAKE_READ);
                c.local(L_WAKE, wakeDecision(c));
                c.pc(PHASE_WAKE_WRITE);
                return true;
            case PHASE_WAKE_WRITE:
                c.at(WAKE_WRITE);
                if (c.local(L_WAKE) == 1) {
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

    /** What wake_up_quiescent(child, __TASK_TRACED) decides from the state it reads: 1 wake, 2 clear only. */
    private static int wakeDecision(Ctx c) {
        if (c.cfg.has(17)) {
            int quiescent = c.get(TASK_STATE) & TaskState.STOP_BITS;
            if (quiescent != 0 && (quiescent & ~TaskState.TRACED_BIT) != 0) return 2;
        }
        return 1;
    }

    private boolean detach(Ctx c, PtraceOp op) {
        c.at(DETACH);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        if (c.cfg.has(25) && !c.lockFree(taskUtraceLock(c))) return false;
        // ptrace_disable() (x86): stepping off until patch 29, PT_SINGLE_* off from 26.
        if (!c.cfg.has(29)) c.clearBits(TIF, Tif.SINGLESTEP);
        if (c.cfg.has(26)) c.clearBits(PTRACE, PT_SINGLE_STEP | PT_SINGLE_BLOCK);
        c.clearBits(TIF, Tif.SYSCALL_EMU);
        setSyscallTrace(c, false);
        unlink(c);
        returned(c, op, Errno.OK);
        return true;
    }

    private boolean exitPtrace(Ctx c, PtraceOp op) {
        c.at(EXIT);
        if (!c.lockFree(LOCK_SIGLOCK) || !c.lockFree(LOCK_TASKLIST)) return false;
        if (c.has(PTRACE, PT_PTRACED)) unlink(c);
        returned(c, op, Errno.OK);
        return true;
    }

    /**
     * __ptrace_unlink(): ptrace = 0; pending ptrace traps are dropped; if the
     * group is stopped, JOBCTL_STOP_PENDING is reinstated so that the
     * tracee, once untraced, stops again in TASK_STOPPED (this is what
     * utrace_get_signal must respect, patch 09); then a tracee in TASK_TRACED
     * or with STOP_PENDING is kicked: signal_wake_up(child, traced) before
     * patch 12 (whose WAKEKILL also wakes a TASK_UTRACED sleep),
     * ptrace_signal_wake_up() (through wake_up_quiescent) after.
     */
    private void unlink(Ctx c) {
        c.set(PTRACE, 0);
        c.set(PT_STOP_CODE, 0);
        c.clearBits(G_PTRACE, G_PT_ASKED_SYSCALL | G_PT_ASKED_SYSEMU | G_PT_ASKED_STEP | G_PT_HOLDS);
        JobCtl.clearPending(c, JOBCTL_TRAP_MASK);
        // PF_EXITING aside, "group stop is in effect": SIGNAL_STOP_STOPPED (group_stop_count is 0, see JobCtl)
        if (!model.tracee().exitingIn(c) && (c.has(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED) || JobCtl.groupStopCount() != 0)) {
            c.setBits(JOBCTL, JOBCTL_STOP_PENDING);
        }
        boolean traced = Utrace.taskIsPtraceStopped(c);
        if (traced || c.has(JOBCTL, JOBCTL_STOP_PENDING)) ptraceSignalWakeUp(c, traced);
    }

    /**
     * ptrace requests reach into utrace (utrace_control via ptrace_resume, utrace_reset on
     * detach) and the task; wait_task_inactive reads the tracee's program counter. A done
     * tracer takes no step.
     */
    @Override void may(State s, Footprint may) {
        if (pc(s) == DONE_PC) return;
        mayShared(may);
        mayOwn(may);
        may.read(model.tracee().base, -1);
        model.tracee().mayReadExiting(may); // __ptrace_unlink's PF_EXITING test (patch 09's group-stop reinstatement)
    }

    @Override String stuckProblem(State s) {
        if (pc(s) == DONE_PC) return null;
        // wait() blocking for a stop that does not come is the debugger's business, not a deadlock.
        if (script.get(local(s, L_OP)) == PtraceOp.WAIT) return null;
        return "ptrace cannot finish: " + where(s);
    }

    @Override String where(State s) {
        int pc = pc(s);
        if (pc == DONE_PC) return "done";
        return script.get(local(s, L_OP)).request();
    }
}

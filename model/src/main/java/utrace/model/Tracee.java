package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * The traced thread. It lives the scenario's script (system calls, then
 * exit) and, on every way back to user mode, runs the signal and
 * notify-resume work that utrace hooks into. Each engine callback is a step
 * of this actor. The program follows kernel/utrace.c of patch 01 and the
 * tracehooks of patches 03, 06 and 08, one file per kernel area, each with
 * its program counters, their {@link StepInfo} and the code:
 * <ul>
 * <li>{@link TraceeSyscall}: user mode (with the handlers that re-raise or exit), the syscall entry/exit hooks,
 *     the bodies of PTRACE_TRACEME, raise() and kill(), do_notify_resume;
 * <li>{@link TraceeReport}: the report pass (start_report .. finish_report), utrace_resume;
 * <li>{@link TraceeSignal}: get_signal_to_deliver, utrace_get_signal, tracehook_signal_handler;
 * <li>{@link TraceeStop}: utrace_stop, utrace_finish_stop, the group-stop sleep, utrace_end_stop;
 * <li>{@link TraceePtrace}: ptrace_report_syscall and ptrace_stop;
 * <li>{@link TraceeExit}: do_exit, utrace_report_exit, exit_notify, utrace_report_death, the reap.
 * </ul>
 * This class is the actor: its slots and locals, the dispatch on the program
 * counter, and what the explorer and the traces ask of the tracee.
 */
final class Tracee extends Actor {
    /**
     * Program counters are numbered across the areas (states and fingerprints hold the
     * numbers, so the existing ones stay put); a new step takes the number PCS and bumps it.
     */
    static final int PCS = 49;

    // the area whose file has a program counter's code
    static final int AREA_SYSCALL = 0;
    static final int AREA_REPORT = 1;
    static final int AREA_SIGNAL = 2;
    static final int AREA_STOP = 3;
    static final int AREA_PTRACE = 4;
    static final int AREA_EXIT = 5;

    private static final StepInfo[] INFO = new StepInfo[PCS];
    private static final byte[] AREA = new byte[PCS];

    /** Each area's describe() declares its program counters here. */
    static void info(int pc, int area, String label, String function, int patch, SeedRef ref) {
        if (INFO[pc] != null) throw new IllegalStateException("tracee pc " + pc + " declared twice");
        INFO[pc] = new StepInfo(label, function, patch, ref);
        AREA[pc] = (byte) area;
    }

    static {
        TraceeSyscall.describe();
        TraceeReport.describe();
        TraceeSignal.describe();
        TraceeStop.describe();
        TraceePtrace.describe();
        TraceeExit.describe();
        for (int pc = 0; pc < PCS; pc++) {
            if (INFO[pc] == null) throw new IllegalStateException("tracee pc " + pc + " not declared by any area");
        }
    }

    /** Every step of the tracee, by program counter, for `checker list steps`. */
    static List<StepInfo> steps() {
        return List.of(INFO);
    }

    // locals: the tracee's frame, shared by the areas
    static final int L_SCRIPT = 0;
    static final int L_KIND = 1;
    static final int L_EVENT = 2;
    static final int L_CUR = 3;
    static final int L_PASS_CONT = 4;
    static final int L_ACTION = 5;
    static final int L_RESUME_ACTION = 6;
    static final int L_RESULT = 7;
    static final int L_RBITS = 8;
    static final int L_WANT = 9;
    static final int L_OPS = 10;
    static final int L_CB_RET = 11;
    static final int L_AFTER = 12;
    static final int L_STOP_ACTION = 13;
    static final int L_STOP_CONT = 14;
    static final int L_FRR_CONT = 15;
    static final int L_SIGNR = 16;
    static final int L_REAP_LIST = 17;
    static final int L_REPORT_AFTER = 18;
    static final int L_REPORT_STOP_CONT = 19;
    /** where ptrace_stop returns to */
    static final int L_PT_CONT = 20;
    /** why the current ptrace stop was entered (Obs.PTRACE_STOP_*): what runs after it (ptrace_signal's tail, ...) */
    static final int L_PT_WHY = 21;
    /** the system call in progress, TraceeOp.encode() (0: a plain syscall): what SYS_BODY does */
    static final int L_SYSOP = 22;
    /** a signal whose handler (reraise or exit) runs next in user mode, or 0 */
    static final int L_HANDLER = 23;
    /** exit_notify() decided to autoreap (exit_state = EXIT_DEAD): release_task follows the death report */
    static final int L_AUTOREAP = 24;
    /** do_exit()'s code, stored in task->exit_code just before exit_notify (exit(N): N &lt;&lt; 8; a fatal signal: its number) */
    static final int L_EXIT_STATUS = 25;
    static final int LOCALS = 26;

    final List<TraceeOp> script;
    /**
     * task->blocked, kept after the locals, and only when the script calls sigprocmask() (ptrace-tests
     * ptrace_cont-defeats-sigblock): only the task itself writes its mask, and a scenario that never
     * blocks a signal keeps the state layout, and so the fingerprints and golden traces, it had before.
     */
    final boolean masks;

    Tracee(Model model, int index, List<TraceeOp> script) {
        super(model, index, "tracee");
        this.script = script;
        boolean m = false;
        for (TraceeOp op : script) m |= op.changesMask();
        this.masks = m;
    }

    @Override int slots() { return 1 + LOCALS + (masks ? 1 : 0); }

    /** The slot of task->blocked, or -1 if this tracee never blocks a signal (then its mask is empty). */
    int blockedSlot() { return masks ? base + 1 + LOCALS : -1; }

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
        if (pc == TraceeReport.P_READ && !model.config().barrier(Barrier.B2_READER)) return engine(v[base + 1 + L_CUR] - 1, E_OPS);
        if (reportHook(pc) && !model.config().barrier(Barrier.B4_READER)) return UTRACE_ALLOCATED;
        return -1;
    }

    /** The hooks whose step reads utrace_flags and, if it asks for the event, task->utrace (startReport). */
    private static boolean reportHook(int pc) {
        return pc == TraceeSyscall.SYS_ENTRY || pc == TraceeSyscall.SYS_EXIT || pc == TraceeExit.EXIT_REPORT;
    }

    @Override boolean step(Ctx c) {
        int pc = c.pc();
        boolean moved = stepAt(c, pc);
        if (moved && c.taskGhost(Slots.G_EXAMINING)) Owner.noteTraceeRan(c); // guarantee 10's ghost
        // utrace_flags did not ask for the event: an early load of task->utrace goes unused (weak model only)
        if (moved && reportHook(pc)) c.dropEarlyLoad();
        return moved;
    }

    private boolean stepAt(Ctx c, int pc) {
        c.at(INFO[pc]);
        switch (AREA[pc]) {
            case AREA_SYSCALL: return TraceeSyscall.step(this, c, pc);
            case AREA_REPORT: return TraceeReport.step(this, c, pc);
            case AREA_SIGNAL: return TraceeSignal.step(this, c, pc);
            case AREA_STOP: return TraceeStop.step(this, c, pc);
            case AREA_PTRACE: return TraceePtrace.step(this, c, pc);
            case AREA_EXIT: return TraceeExit.step(this, c, pc);
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    // ---- what the explorer and the traces ask ---------------------------------------------

    boolean asleep(State s) {
        int pc = pc(s);
        return (pc == TraceeStop.STOP_SLEEP || pc == TraceeStop.JC_SLEEP || pc == TraceePtrace.PT_STOP_SLEEP) && s.taskState() != TaskState.RUNNING;
    }

    /**
     * Off the CPU: asleep in a stop, or in a read() or pause() (TASK_INTERRUPTIBLE): what wait_task_inactive()
     * waits for. utrace_prepare_examine() takes any state but TASK_RUNNING, so an examination of a tracee asleep
     * in a system call goes through as the kernel's does.
     */
    boolean asleepIn(Ctx c) {
        int pc = c.peek(base);
        return (pc == TraceeStop.STOP_SLEEP || pc == TraceeStop.JC_SLEEP || pc == TraceePtrace.PT_STOP_SLEEP
            || pc == TraceeSyscall.SYS_SLEEP) && c.get(TASK_STATE) != TaskState.RUNNING;
    }

    /**
     * PF_EXITING: exit_signals() has run. do_exit() calls it after
     * utrace_report_exit() (patch 06 puts the hook before ptrace_event(EXIT),
     * which comes before exit_signals()), so the task is not yet PF_EXITING
     * in its EXIT report pass nor in a utrace_stop() that report asks for; it
     * is from the step that goes on to exit_notify() (the model's EXIT_NOTIFY
     * includes exit_signals) on, including the DEATH report pass.
     */
    boolean exitingIn(Ctx c) {
        int pc = c.peek(base);
        if (AREA[pc] == AREA_EXIT) return pc != TraceeExit.EXIT_REPORT && pc != TraceeExit.EXIT_NOTIFY;
        // a callback step of a pass: TraceeReport's P_* and TraceeSignal.P_SIGNAL_CALL, numbered 28-35
        if (pc < TraceeReport.P_SET_REPORTING || pc > TraceeReport.P_REREAD) return false;
        return c.peek(base + 1 + L_KIND) != TraceeReport.K_SIGNAL && c.peek(base + 1 + L_EVENT) == Events.DEATH;
    }

    /** What {@link #exitingIn} reads of this actor's block, for another actor's may-footprint. */
    void mayReadExiting(Footprint may) {
        may.read(base, -1);
        may.read(base + 1 + L_EVENT, -1);
        may.read(base + 1 + L_KIND, -1);
    }

    boolean inUtraceStop(State s) {
        return pc(s) == TraceeStop.STOP_SLEEP && s.taskState() != TaskState.RUNNING;
    }

    /** Asleep in the utrace_stop() of utrace_report_exit() (it goes on to exit_notify), held by a live engine. */
    boolean heldAtReportExit(State s) {
        if (!inUtraceStop(s) || local(s, L_STOP_CONT) != TraceeExit.EXIT_NOTIFY) return false;
        for (int e = 0; e < model.engineCount(); e++) {
            if (s.engineOps(e) == Ops.LIVE && (s.engineFlags(e) & Events.ENGINE_STOP) != 0) return true;
        }
        return false;
    }

    boolean dead(State s) { return pc(s) == TraceeExit.DEAD; }

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
        return pc(s) == TraceeSyscall.USER && local(s, L_SCRIPT) >= script.size() && local(s, L_HANDLER) == 0;
    }

    /**
     * Asleep in a read() or pause() that no signal has woken: waiting for data (or a signal) that may never come
     * is a legitimate place to stay, as user mode is.
     */
    boolean sleepingInSyscall(State s) {
        return pc(s) == TraceeSyscall.SYS_SLEEP && s.taskState() == TaskState.INTERRUPTIBLE;
    }

    /** For a guard ({@code after tracee:STATE}): does the tracee's state say so? */
    boolean inState(Ctx c, Guard.TraceeState st) {
        // read only the slot this guard looks at: the step's footprint (partial-order reduction)
        return st == Guard.TraceeState.ZOMBIE ? inState(st, 0, c.get(EXIT_STATE)) : inState(st, c.get(TASK_STATE), 0);
    }

    /** The same test on a final state, for telling a guard that never held from a deadlock. */
    boolean inState(State s, Guard.TraceeState st) {
        return inState(st, s.taskState(), s.exitState());
    }

    private static boolean inState(Guard.TraceeState st, int taskState, int exitState) {
        // if/else: see TraceeOp.text() (JPF and enum switch maps)
        if (st == Guard.TraceeState.STOPPED) return (taskState & TaskState.STOPPED_BIT) != 0;
        // "t (tracing stop)": a ptrace stop, or a utrace stop, which patch 14 reports the same way
        if (st == Guard.TraceeState.TRACED) return (taskState & (TaskState.TRACED_BIT | TaskState.UTRACED_BIT)) != 0;
        // only a read() or pause() sleeps in TASK_INTERRUPTIBLE in this model
        if (st == Guard.TraceeState.SLEEPING) return taskState == TaskState.INTERRUPTIBLE;
        return exitState != TaskState.EXIT_NONE;
    }

    /** Where the tracee is, for a guard that never held: "TRACED|WAKEKILL in ptrace_stop", "exited (ZOMBIE)", "dead". */
    String stateForGuard(State s) {
        if (dead(s)) return "dead";
        if (s.exitState() != TaskState.EXIT_NONE) return "exited (" + TaskState.exitName(s.exitState()) + ")";
        if (idle(s)) return "idle in user mode, its script done";
        if (sleepingInSyscall(s)) return "asleep (INTERRUPTIBLE) in " + TraceeOp.decode(local(s, L_SYSOP)).label();
        // the function, not the step's label: that describes the step it would take next
        return TaskState.name(s.taskState()) + " in " + INFO[pc(s)].function();
    }

    /** Asleep in TASK_STOPPED in do_signal_stop's schedule() (the group stop's sleep). */
    boolean inGroupStopSleep(State s) {
        return pc(s) == TraceeStop.JC_SLEEP && (s.taskState() & TaskState.STOPPED_BIT) != 0;
    }

    /**
     * For a tracee asleep in a read() or pause(): null, unless TIF_SIGPENDING is set, which signal_wake_up sets
     * before it wakes TASK_INTERRUPTIBLE: then the wake-up was lost (the task went to sleep after it tested for a
     * signal: set_current_state must come first).
     */
    String syscallSleepLost(State s) {
        if (!sleepingInSyscall(s) || (s.tif() & Tif.SIGPENDING) == 0) return null;
        return "tracee sleeps in " + TraceeOp.decode(local(s, L_SYSOP)).label() + " (INTERRUPTIBLE) for good with "
            + "TIF_SIGPENDING set: the signal_wake_up found it still running, and it went to sleep after its "
            + "signal_pending() test (a lost wake-up)";
    }

    @Override String stuckProblem(State s) {
        if (sleepingInSyscall(s)) return syscallSleepLost(s);
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
        // a ptrace stop is ended by the tracer, while there is one (traceme-ignores-exiting-parent: not after it exited)
        boolean tracerGone = Model.tracerGone(s);
        if ((s.get(PTRACE) & PT_PTRACED) != 0 && (s.taskState() & TaskState.TRACED_BIT) != 0 && !tracerGone) return null;
        int letGo = -1; // an engine whose ENGINE_STOP outlived its own word to let the tracee go
        for (int e = 0; e < model.engineCount(); e++) {
            if (s.engineOps(e) == Ops.LIVE && (s.engineFlags(e) & Events.ENGINE_STOP) != 0) {
                if (!s.engineHistory(e, EG_LET_GO)) return null;
                letGo = e;
            }
        }
        int pc = pc(s);
        if (letGo >= 0) {
            return "tracee sleeps in utrace_stop (" + TaskState.name(s.taskState()) + ") for good: only "
                + model.engineName(letGo) + "'s ENGINE_STOP keeps it there, but " + model.engineName(letGo)
                + " let it go (its last utrace_control() or callback return was not UTRACE_STOP)";
        }
        String where = pc == TraceeStop.STOP_SLEEP ? "utrace_stop" : pc == TraceePtrace.PT_STOP_SLEEP ? "ptrace_stop" : "do_signal_stop";
        return "tracee sleeps in " + where + " (" + TaskState.name(s.taskState()) + ") but no engine wants it stopped"
            + ((s.get(PTRACE) & PT_PTRACED) == 0 ? " and ptrace is not attached"
                : tracerGone ? " and its tracer has exited (PT_PTRACED left set)" : "");
    }

    @Override String where(State s) {
        int pc = pc(s);
        StepInfo i = INFO[pc];
        String w = i.function() + ": " + i.label();
        int cur = local(s, L_CUR);
        if (pc >= TraceeReport.P_SET_REPORTING && cur > 0) w += " [" + model.engineName(cur - 1) + "]";
        return w;
    }
}

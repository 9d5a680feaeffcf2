package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/** Another process sending the scenario's signals to the tracee, in order. */
final class Killer extends Actor {
    private static final StepInfo SEND_KILL = new StepInfo(
        "siglock; queue SIGKILL; complete_signal: SIGNAL_GROUP_EXIT, clear jobctl pending, signal_wake_up(t, 1)",
        "complete_signal", 0,
        SeedRef.code(SeedRef.SIGNAL_C, 3404, "(sig == SIGKILL || !tracehook_consider_fatal_signal(t, sig))) {")
            .note("send_signal's path (kernel/signal.c) is 3.1 code; patch 04's line keeps SIGKILL fatal whoever traces")
            .simplified("the whole send under siglock is one step; one thread: the group exit sets "
                + "SIGNAL_GROUP_EXIT (ending the group stop), clears the jobctl pending bits and wakes the tracee "
                + "even from TASK_WAKEKILL sleeps; signals sent after it are still queued (prepare_signal's "
                + "\"in the middle of dying\" case is not modelled)"));
    private static final StepInfo SEND_STOP = new StepInfo("siglock; SIGSTOP: prepare_signal flushes SIGCONT; queue; signal_wake_up(t, 0)",
        "prepare_signal", 0,
        SeedRef.called(SeedRef.SIGNAL_C, 3938, "static int prepare_signal(int sig, struct task_struct *p, int from_ancestor_ns)",
            "prepare_signal", "prepare_signal's stop-signal branch is 3.1 code; the line is the hunk header naming it")
            .simplified("the whole send under siglock is one step; one pending set (no shared queue)"));
    private static final StepInfo SEND_CONT = new StepInfo(
        "siglock; SIGCONT: prepare_signal flushes stop signals, ends the group stop, wake_up_quiescent(__TASK_STOPPED); "
            + "queued only if traced or SIGNAL_IGN wanted (05)",
        "prepare_signal", 11,
        SeedRef.code(SeedRef.SIGNAL_C, 3943, "wake_up_quiescent(t, __TASK_STOPPED);")
            .simplified("the whole send under siglock is one step; do_notify_parent_cldstop(CLD_CONTINUED) is not modelled"));
    private static final StepInfo SEND_OTHER = new StepInfo("siglock; queue the signal; signal_wake_up(t, 0)", "send_signal", 0,
        SeedRef.called(SeedRef.SIGNAL_C, 3931, "void signal_wake_up(struct task_struct *t, int resume)", "signal_wake_up",
            "send_signal (kernel/signal.c) is not in the series; the line is the hunk header naming signal_wake_up, "
                + "which it calls through complete_signal")
            .simplified("the whole send under siglock is one step; the signal (SIGUSR1, SIGTRAP) is queued once"));

    /** Every step a killer can take, for `checker list steps`. */
    static final List<StepInfo> STEPS = List.of(SEND_KILL, SEND_STOP, SEND_CONT, SEND_OTHER);

    private final List<Integer> signals;

    Killer(Model model, int index, List<Integer> signals, String name) {
        super(model, index, name);
        this.signals = signals;
    }

    @Override int slots() { return 1; }

    @Override String role() { return "killer"; }

    @Override boolean step(Ctx c) {
        int i = c.pc();
        if (i >= signals.size()) return false;
        int sig = signals.get(i);
        c.at(sig == Signals.SIGKILL ? SEND_KILL : sig == Signals.SIGSTOP ? SEND_STOP : sig == Signals.SIGCONT ? SEND_CONT : SEND_OTHER);
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        switch (sig) {
            case Signals.SIGKILL:
                // complete_signal(): fatal, the group exits; wake even TASK_WAKEKILL sleepers.
                // signal->flags = SIGNAL_GROUP_EXIT ends the group stop;
                // task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK).
                c.setBits(SIGPENDING, Signals.SIGKILL);
                c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
                c.setBits(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT);
                JobCtl.clearPending(c, JOBCTL_PENDING_MASK);
                c.taskGhostSet(G_KILLED);
                // The group is exiting: no stop can take effect any more, so the history bit of
                // sigcont-ends-stop is dropped (and does not split the states after SIGKILL).
                c.clearBits(G_TASK, G_CONT_AFTER_STOP);
                Utrace.signalWakeUp(c, true);
                break;
            case Signals.SIGSTOP:
                // prepare_signal(): a stop signal flushes a pending SIGCONT.
                c.clearBits(SIGPENDING, Signals.SIGCONT);
                c.setBits(SIGPENDING, Signals.SIGSTOP);
                c.clearBits(G_TASK, G_CONT_AFTER_STOP); // history: a stop is asked for again
                Utrace.signalWakeUp(c, false);
                break;
            case Signals.SIGCONT:
                // prepare_signal(): flush stop signals, task_clear_jobctl_pending(t,
                // JOBCTL_STOP_PENDING) (so a dequeued SIGSTOP is void too), end the
                // group stop, wake __TASK_STOPPED.
                c.clearBits(SIGPENDING, Signals.SIGSTOP);
                JobCtl.clearPending(c, JOBCTL_STOP_PENDING);
                c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
                c.setBits(G_TASK, G_CONT_AFTER_STOP); // history: every earlier SIGSTOP is cancelled
                Utrace.wakeUpQuiescent(c, TaskState.STOPPED_BIT);
                // SIGCONT's default action is "ignore", so sig_ignored() drops it, except
                // (patch 05) "return !t->ptrace && !UTRACE_FLAG(t, SIGNAL_IGN)": an engine
                // that wants ignored signals gets it queued, then complete_signal().
                if (c.has(PTRACE, PT_PTRACED) || (c.cfg.has(5) && c.has(UTRACE_FLAGS, Events.SIGNAL_IGN))) {
                    c.setBits(SIGPENDING, Signals.SIGCONT);
                    Utrace.signalWakeUp(c, false);
                }
                break;
            default:
                c.setBits(SIGPENDING, sig);
                Utrace.signalWakeUp(c, false);
                break;
        }
        c.note("send " + Signals.name(sig));
        c.pc(i + 1);
        return true;
    }

    /**
     * send_signal() of each signal still to send, under siglock: the pending set, the group
     * stop flag, task->jobctl's pending bits (SIGKILL, SIGCONT), TIF_SIGPENDING and the
     * wake-up (task state); SIGKILL sets the G_KILLED history;
     * SIGCONT reads task->ptrace and utrace_flags (patch 05's sig_ignored). Nothing else: the
     * killers are what partial-order reduction can most often move past.
     */
    @Override void may(State s, Footprint may) {
        int from = pc(s);
        if (from >= signals.size()) return;
        may.readWrite(LOCK_SIGLOCK, -1);
        may.readWrite(base, -1);
        may.readWrite(TIF, Tif.SIGPENDING);
        may.readWrite(TASK_STATE, -1); // signal_wake_up / wake_up_quiescent: read and set the state
        for (int i = from; i < signals.size(); i++) {
            int sig = signals.get(i);
            may.write(SIGPENDING, sig | Signals.SIGCONT | Signals.SIGSTOP);
            if (sig == Signals.SIGSTOP || sig == Signals.SIGCONT || sig == Signals.SIGKILL) may.write(G_TASK, G_CONT_AFTER_STOP);
            if (sig == Signals.SIGKILL) {
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED | SIGNAL_GROUP_EXIT);
                may.write(G_TASK, G_KILLED);
                may.write(JOBCTL, JOBCTL_PENDING_MASK | JOBCTL_STOP_DEQUEUED); // task_clear_jobctl_pending (patch 09/20 rows)
            }
            if (sig == Signals.SIGCONT) {
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
                may.write(JOBCTL, JOBCTL_STOP_PENDING | JOBCTL_STOP_DEQUEUED);
                may.read(PTRACE, PT_PTRACED);
                may.read(UTRACE_FLAGS, -1);
            }
        }
    }

    @Override String stuckProblem(State s) {
        return pc(s) >= signals.size() ? null : "killer cannot send at: " + where(s);
    }

    @Override String where(State s) {
        int i = pc(s);
        return i >= signals.size() ? "done" : "send " + Signals.name(signals.get(i));
    }
}

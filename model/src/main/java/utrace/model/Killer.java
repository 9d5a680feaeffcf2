package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * Another process sending the scenario's signals to the tracee, in order:
 * kill(pid, SIG) (to the thread group's shared queue), or tkill(tid, SIG) for
 * a {@code tkill:SIG} item (to task->pending). An item with a guard ({@code
 * after ptrace:2}) is sent only once the guard holds.
 */
final class Killer extends Actor {
    private static final StepInfo SEND_KILL = new StepInfo(
        "siglock; queue SIGKILL; complete_signal: SIGNAL_GROUP_EXIT, clear jobctl pending, signal_wake_up(t, 1)",
        "complete_signal", 0,
        SeedRef.code(SeedRef.SIGNAL_C, 3404, "(sig == SIGKILL || !tracehook_consider_fatal_signal(t, sig))) {")
            .note("send_signal's path (kernel/signal.c) is 3.1 code; patch 04's line keeps SIGKILL fatal whoever traces")
            .simplified("the whole send under siglock is one step; one thread: the group exit sets "
                + "SIGNAL_GROUP_EXIT (ending the group stop), clears the jobctl pending bits and wakes the tracee "
                + "even from TASK_WAKEKILL sleeps; group_exit_code is SIGKILL (an unwatched fatal signal's group exit, if one came first, keeps its own)"));
    private static final StepInfo SEND_STOP = new StepInfo("siglock; SIGSTOP: prepare_signal flushes SIGCONT; queue; signal_wake_up(t, 0)",
        "prepare_signal", 0,
        SeedRef.called(SeedRef.SIGNAL_C, 3938, "static int prepare_signal(int sig, struct task_struct *p, int from_ancestor_ns)",
            "prepare_signal", "prepare_signal's stop-signal branch is 3.1 code; the line is the hunk header naming it")
            .simplified("the whole send under siglock is one step"));
    private static final StepInfo SEND_CONT = new StepInfo(
        "siglock; SIGCONT: prepare_signal flushes stop signals, ends the group stop, wake_up_quiescent(__TASK_STOPPED); "
            + "queued only if traced or SIGNAL_IGN wanted (05)",
        "prepare_signal", 11,
        SeedRef.code(SeedRef.SIGNAL_C, 3943, "wake_up_quiescent(t, __TASK_STOPPED);")
            .simplified("the whole send under siglock is one step; do_notify_parent_cldstop(CLD_CONTINUED) is not modelled"));
    private static final StepInfo SEND_OTHER = new StepInfo(
        "siglock; queue the signal; complete_signal: signal_wake_up(t, 0), or a group exit for a fatal signal nobody traces (04)",
        "send_signal", 0,
        SeedRef.called(SeedRef.SIGNAL_C, 3931, "void signal_wake_up(struct task_struct *t, int resume)", "signal_wake_up",
            "send_signal (kernel/signal.c) is not in the series; the line is the hunk header naming signal_wake_up, "
                + "which it calls through complete_signal")
            .simplified("the whole send under siglock is one step; a signal already pending is queued once (legacy_queue); "
                + "a fatal signal nobody traces (patch 04's tracehook_consider_fatal_signal) becomes complete_signal's "
                + "group exit in the same step; a running tracee is taken to be on a CPU (wants_signal's task_curr)"));

    /** Every step a killer can take, for `checker list steps`. */
    static final List<StepInfo> STEPS = List.of(SEND_KILL, SEND_STOP, SEND_CONT, SEND_OTHER);

    private final List<KillerSend> sends;

    Killer(Model model, int index, List<KillerSend> sends, String name) {
        super(model, index, name);
        this.sends = sends;
    }

    @Override int slots() { return 1; }

    @Override String role() { return "killer"; }

    /** How many signals this killer has sent (for another actor's guard). */
    int sent(Ctx c) {
        return c.peek(base);
    }

    @Override boolean step(Ctx c) {
        int i = c.pc();
        if (i >= sends.size()) return false;
        KillerSend send = sends.get(i);
        int sig = send.signal();
        c.at(sig == Signals.SIGKILL ? SEND_KILL : sig == Signals.SIGSTOP ? SEND_STOP : sig == Signals.SIGCONT ? SEND_CONT : SEND_OTHER);
        if (send.guard() != null && !model.guardHolds(c, send.guard())) return false;
        if (!c.lockFree(LOCK_SIGLOCK) && !c.cfg.mutated(Mutation.SEND_SKIPS_SIGLOCK)) return false;
        // do_tkill -> do_send_specific -> send_signal(sig, info, p, 0): task->pending
        boolean queued = SendSignal.send(c, sig, !send.tkill() || c.cfg.mutated(Mutation.TKILL_QUEUES_SHARED));
        if (c.record) c.note("send " + Signals.name(sig) + (send.tkill() ? " with tkill() (task->pending)" : " with kill() (shared queue)")
            + (queued ? "" : ": ignored (dropped)"));
        c.pc(i + 1);
        return true;
    }

    /**
     * send_signal() of each signal still to send, under siglock: both pending sets, the group
     * stop flag, task->jobctl's pending bits (SIGKILL, SIGCONT), TIF_SIGPENDING and the
     * wake-up (task state, which wants_signal() reads too, as it reads PF_EXITING: exit_state);
     * SIGKILL, and a fatal signal nobody traces (complete_signal's group exit: it also reads
     * utrace_flags and task->ptrace), sets the G_KILLED history, a signal to a ptraced task
     * the G_SIG_OWED history;
     * SIGCONT reads task->ptrace and utrace_flags (patch 05's sig_ignored). A guard reads
     * what it waits for. Nothing else: the killers are what partial-order reduction can most
     * often move past.
     */
    @Override void may(State s, Footprint may) {
        int from = pc(s);
        if (from >= sends.size()) return;
        may.readWrite(LOCK_SIGLOCK, -1);
        may.readWrite(base, -1);
        may.readWrite(TIF, Tif.SIGPENDING);
        may.readWrite(TASK_STATE, -1); // signal_wake_up / wake_up_quiescent: read and set the state
        may.read(PTRACE, PT_PTRACED);
        if (model.blockedSlot() >= 0) may.read(model.blockedSlot(), -1); // complete_signal's wants_signal()
        may.read(EXIT_STATE, -1); // wants_signal(): PF_EXITING (SendSignal.pfExiting)
        for (int i = from; i < sends.size(); i++) {
            KillerSend send = sends.get(i);
            int sig = send.signal();
            int flushed = sig | Signals.SIGCONT | Signals.STOP_MASK;
            may.readWrite(SIGPENDING, flushed); // legacy_queue() reads it
            may.readWrite(SHARED_PENDING, flushed);
            may.readWrite(G_SIG_OWED, flushed);
            if (send.guard() != null) model.mayReadGuard(send.guard(), may);
            if (sig == Signals.SIGSTOP || sig == Signals.SIGCONT || sig == Signals.SIGKILL) may.write(G_TASK, G_CONT_AFTER_STOP);
            may.read(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT);
            boolean groupExit = sig == Signals.SIGKILL || SendSignal.mayExitTheGroup(model, sig);
            if (sig != Signals.SIGKILL && groupExit) {
                // tracehook_consider_fatal_signal (patch 04); the group exit queues SIGKILL with its code
                may.read(UTRACE_FLAGS, Events.SIGNAL_TERM | Events.SIGNAL_CORE);
                may.read(PTRACE, -1);
                may.write(SIGPENDING, Signals.SIGKILL);
            }
            if (groupExit) {
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED | SIGNAL_GROUP_EXIT | SIGNAL_GROUP_EXIT_SIG);
                may.write(G_TASK, G_CONT_AFTER_STOP);
                may.write(G_TASK, G_KILLED | G_SIGKILL_UNTAKEN);
                // task_clear_jobctl_pending (patch 09/20 rows), which reads what is left to clear JOBCTL_TRAPPING
                may.readWrite(JOBCTL, JOBCTL_PENDING_MASK | JOBCTL_STOP_DEQUEUED | JOBCTL_TRAPPING);
            }
            if (sig == Signals.SIGCONT) {
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
                may.readWrite(JOBCTL, JOBCTL_PENDING_MASK | JOBCTL_STOP_DEQUEUED | JOBCTL_TRAPPING);
                may.read(UTRACE_FLAGS, -1);
            }
        }
    }

    /** The same on a final state. */
    int sent(State s) {
        return pc(s);
    }

    @Override String stuckProblem(State s) {
        int i = pc(s);
        if (i >= sends.size()) return null;
        // reached only when the guard, if any, holds (Model.stuckProblem asks unmetGuard first)
        Guard g = sends.get(i).guard();
        return "killer cannot send at: " + where(s) + (g == null ? "" : " (its guard holds)");
    }

    @Override String unmetGuard(State s) {
        int i = pc(s);
        Guard g = i < sends.size() ? sends.get(i).guard() : null;
        String why = g == null ? null : model.guardUnmet(s, g);
        return why == null ? null : name + " never sends '" + sends.get(i).text() + "': " + why;
    }

    @Override String where(State s) {
        int i = pc(s);
        return i >= sends.size() ? "done" : "send " + sends.get(i).text();
    }
}

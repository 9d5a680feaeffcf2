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
    private static final StepInfo SEND = new StepInfo("siglock; prepare_signal; queue the signal (an ignored SIGCONT is not); complete_signal: wake the tracee", "send_signal", 0);
    private static final StepInfo DONE = new StepInfo("done", "send_signal", 0);

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
        if (i >= sends.size()) {
            c.at(DONE);
            return false;
        }
        c.at(SEND);
        KillerSend send = sends.get(i);
        if (send.guard() != null && !model.guardHolds(c, send.guard())) return false;
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        int sig = send.signal();
        boolean queued = SendSignal.send(c, sig, !send.tkill());
        c.note("send " + Signals.name(sig) + (send.tkill() ? " with tkill() (task->pending)" : " with kill() (shared queue)")
            + (queued ? "" : ": ignored (dropped)"));
        c.pc(i + 1);
        return true;
    }

    /**
     * send_signal() of each signal still to send, under siglock: both pending sets, the group
     * stop flag, task->jobctl's pending bits (SIGKILL, SIGCONT), TIF_SIGPENDING and the
     * wake-up (task state); SIGKILL sets the G_KILLED history, a signal to a ptraced task
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
        for (int i = from; i < sends.size(); i++) {
            KillerSend send = sends.get(i);
            int sig = send.signal();
            int flushed = sig | Signals.SIGCONT | Signals.STOP_MASK;
            may.write(SIGPENDING, flushed);
            may.write(SHARED_PENDING, flushed);
            may.readWrite(G_SIG_OWED, flushed);
            if (send.guard() != null) model.mayReadGuard(send.guard(), may);
            if (sig == Signals.SIGSTOP || sig == Signals.SIGCONT || sig == Signals.SIGKILL) may.write(G_TASK, G_CONT_AFTER_STOP);
            may.read(GROUP_EXIT_CODE, -1);
            if (sig == Signals.SIGKILL) {
                may.write(GROUP_EXIT_CODE, -1);
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
                may.write(G_TASK, G_KILLED);
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

    @Override String stuckProblem(State s) {
        int i = pc(s);
        if (i >= sends.size()) return null;
        Guard g = sends.get(i).guard();
        return "killer cannot send at: " + where(s) + (g == null ? "" : " (" + g.text() + " never holds)");
    }

    @Override String where(State s) {
        int i = pc(s);
        return i >= sends.size() ? "done" : "send " + sends.get(i).text();
    }
}

package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/** Another process sending the scenario's signals to the tracee, in order. */
final class Killer extends Actor {
    private static final StepInfo SEND = new StepInfo("siglock; queue the signal (an ignored SIGCONT is not); wake the tracee", "send_signal", 0);
    private static final StepInfo DONE = new StepInfo("done", "send_signal", 0);

    private final List<Integer> signals;

    Killer(Model model, int index, List<Integer> signals, String name) {
        super(model, index, name);
        this.signals = signals;
    }

    @Override int slots() { return 1; }

    @Override String role() { return "killer"; }

    @Override boolean step(Ctx c) {
        int i = c.pc();
        if (i >= signals.size()) {
            c.at(DONE);
            return false;
        }
        c.at(SEND);
        if (!c.lockFree(LOCK_SIGLOCK)) return false;
        int sig = signals.get(i);
        switch (sig) {
            case Signals.SIGKILL:
                // complete_signal(): fatal, the group exits; wake even TASK_WAKEKILL sleepers.
                // signal->flags = SIGNAL_GROUP_EXIT ends the group stop;
                // task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK).
                c.setBits(SIGPENDING, Signals.SIGKILL);
                c.clearBits(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
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
                may.write(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
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

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Signals;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/**
 * A signal the tracer passes on resume or detach, or a signal sent to a
 * ptraced task, is delivered or reported, never silently dropped. The
 * history G_SIG_OWED holds those signals until the tracee takes them.
 */
final class SignalDelivered extends ObservationCheck {
    SignalDelivered() {
        super("signal-delivered",
            "A signal passed by the tracer where the kernel honours it (PTRACE_CONT/SYSCALL/SINGLESTEP/DETACH with a "
            + "signal at a signal-delivery stop: ptrace_signal delivers exit_code; at a syscall stop: send_sig), or "
            + "sent to a ptraced task, is delivered (handler or default action) or reported to the tracer in a "
            + "signal-delivery stop: the tracee never returns to user mode with such a signal neither taken nor "
            + "pending (nor blocked), and no final state has one vanished (ptrace-tests attach-into-signal, detach-parting-signal, "
            + "sa-resethand-on-cont-signal, ptrace-on-job-control-stopped, signal-loss). A SIGCONT or stop signal "
            + "flushing it, and the task's exit, end the debt.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.USER_ENTRY) continue;
            // a blocked signal waits, queued, until sigprocmask unblocks it (ptrace_signal requeues a blocked one)
            int owed = before.get(Slots.G_SIG_OWED) & ~m.blockedSignals(before);
            if (owed != 0) {
                return "back to user mode while " + Signals.names(owed)
                    + " (passed by the tracer or sent while ptraced) was never delivered nor reported";
            }
        }
        return null;
    }

    @Override public String checkTerminal(Model m, State s) {
        if (s.exitState() != TaskState.EXIT_NONE) return null;
        int lost = s.get(Slots.G_SIG_OWED) & ~(s.pendingSignals() | s.get(Slots.SHARED_PENDING) | inFlight(s));
        if (lost == 0) return null;
        return Signals.names(lost) + " (passed by the tracer or sent while ptraced) was dropped: neither delivered, "
            + "reported nor pending";
    }

    /** A signal in task->exit_code of a tracee still in its ptrace stop: ptrace_signal delivers it when woken. */
    private static int inFlight(State s) {
        return Signals.ofNumber(s.get(Slots.EXIT_CODE));
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_SIG_OWED, -1);
        if (m.blockedSlot() >= 0) v.read(m.blockedSlot(), -1);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

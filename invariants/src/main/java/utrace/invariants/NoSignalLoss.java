package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Signals;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** A pending signal is always dequeued (and, when ptraced, reported) before the task runs user code. */
final class NoSignalLoss extends ObservationCheck {
    NoSignalLoss() {
        super("no-signal-loss",
            "The tracee never returns to user mode with a signal it does not block still pending (in task->pending or "
            + "signal->shared_pending): TIF_SIGPENDING stays set while a signal is queued, so get_signal_to_deliver() dequeues (and, for a ptraced task, reports) it first "
            + "(recalc_sigpending, patch 05; ptrace-tests signal-loss).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.USER_ENTRY) continue;
            // a blocked signal stays queued until sigprocmask unblocks it (ptrace_cont-defeats-sigblock)
            int pending = (before.pendingSignals() | before.get(Slots.SHARED_PENDING)) & ~m.blockedSignals(before);
            if (pending != 0) return "back to user mode with " + Signals.names(pending) + " still pending";
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.SIGPENDING, -1);
        v.read(Slots.SHARED_PENDING, -1);
        if (m.blockedSlot() >= 0) v.read(m.blockedSlot(), -1);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

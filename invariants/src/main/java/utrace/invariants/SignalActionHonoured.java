package utrace.invariants;

import java.util.List;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * A signal utrace_get_signal takes from the queue for its engines (patch 01's steal) is neither misreported to them
 * nor lost: the first engine's @action says what normal delivery would do, and what the engines leave is what
 * get_signal_to_deliver does. A passive engine (one that only watches signals) changes nothing. Judged on history
 * (Slots.G_SIG_VERDICT) and on the pass's event, never on report.result, which a broken utrace gets wrong.
 */
final class SignalActionHonoured extends ObservationCheck {
    SignalActionHonoured() {
        super("signal-action-honoured",
            "a signal utrace_get_signal dequeues for a report_signal pass is told truly and acted on as its engines "
            + "leave it: a report_signal's @action for it is what normal delivery would do (UTRACE_SIGNAL_DELIVER for "
            + "a handler, else the default: CORE, IGN, STOP or TERM; utrace_get_signal: \"From the signal number and "
            + "sigaction, determine what normal delivery would do\"), or UTRACE_SIGNAL_IGN after an earlier engine's "
            + "(\"the previous engine's return value sets the signal action seen by the the following engine's "
            + "callback\"); and unless an engine answered UTRACE_SIGNAL_IGN, the signal's handler is set up, its "
            + "default action taken (SIGCONT's is to ignore it) or ptrace_signal reports it before the tracee returns "
            + "to user mode or dequeues another signal (\"If no engine perturbs it, we'll do that\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.liveCallback() && (o.code() & Events.SIGNAL_ALL) != 0 && o.signalAction() >= 0) {
                int normal = Obs.normalSignalAction(o.code());
                int seen = o.signalAction();
                if (seen != normal && seen != Obs.SIGNAL_IGN) {
                    return "report_signal to " + m.engineName(o.engine()) + " for a " + Events.names(o.code())
                        + " signal got " + Obs.signalActionName(seen) + ", but normal delivery would do "
                        + Obs.signalActionName(normal) + " and no engine before it changed that";
                }
            }
            boolean settles = o.kind() == Obs.Kind.USER_ENTRY || o.kind() == Obs.Kind.DEQUEUE;
            if (settles && before.has(Slots.G_PTRACE, Slots.G_SIG_VERDICT) && !before.killed()) {
                return (o.kind() == Obs.Kind.USER_ENTRY ? "back to user mode" : "another signal dequeued")
                    + " while the signal the last report_signal pass took was neither ignored by an engine nor acted "
                    + "on: no handler set up, no default action, no ptrace_signal report: it vanished";
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_PTRACE, Slots.G_SIG_VERDICT);
        v.read(Slots.G_TASK, Slots.G_KILLED);
    }

    /** Observations checkTransition reads: callbacks, dequeues and returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK, Obs.Kind.DEQUEUE, Obs.Kind.USER_ENTRY); }
}

package utrace.checker.lincheck;

import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;

/**
 * Contract signal-action-honoured (utrace_get_signal: "From the signal number and sigaction, determine what normal
 * delivery would do. If no engine perturbs it, we'll do that by returning the signal number"), read from the log
 * apart from the invariant's history bit: each report_signal for a dequeued signal is told the action normal delivery
 * would take (or UTRACE_SIGNAL_IGN once an earlier engine answered it), and a signal no engine answered with
 * UTRACE_SIGNAL_IGN (by the scenario's callback lines) reaches get_signal_to_deliver's delivery ("return signr")
 * before the tracee returns to user mode or dequeues another signal. A signal whose default is to ignore it (event
 * SIGNAL_IGN) is owed nothing.
 */
final class SignalActionHonouredContract {
    private SignalActionHonouredContract() {}

    static String check(Model m, List<LoggedStep> log) {
        int owedSince = -1; // the step whose report pass took a signal its engines did not drop
        for (LoggedStep s : log) {
            if (s.actor() == 0 && s.function().equals("utrace_get_signal") && s.label().startsWith("spin_lock_irq(siglock)")) {
                owedSince = -1; // "return signr": get_signal_to_deliver acts on it (or on its representative)
            }
            for (Obs o : s.obs()) {
                if ((o.kind() == Obs.Kind.USER_ENTRY || o.kind() == Obs.Kind.DEQUEUE) && owedSince >= 0) {
                    return "signal-action-honoured: the signal whose report pass began at step " + owedSince + " was "
                        + "dropped by no engine, yet at step " + s.index() + " the tracee "
                        + (o.kind() == Obs.Kind.USER_ENTRY ? "is back in user mode" : "dequeues another signal")
                        + " without get_signal_to_deliver having acted on it";
                }
                if (o.kind() == Obs.Kind.REPORT_STARTED && (o.code() & Events.SIGNAL_ALL) != 0) {
                    owedSince = o.code() == Events.SIGNAL_IGN ? -1 : s.index();
                } else if (o.liveCallback() && (o.code() & Events.SIGNAL_ALL) != 0) {
                    int seen = o.signalAction();
                    if (seen >= 0 && seen != Obs.normalSignalAction(o.code()) && seen != Obs.SIGNAL_IGN) {
                        return "signal-action-honoured: report_signal to " + m.engineName(o.engine()) + " at step "
                            + s.index() + " for a " + Events.names(o.code()) + " signal gets "
                            + Obs.signalActionName(seen) + ", not what normal delivery would do ("
                            + Obs.signalActionName(Obs.normalSignalAction(o.code())) + ")";
                    }
                    if (ignores(m, o.engine())) owedSince = -1; // the engine's own choice
                }
            }
        }
        return null;
    }

    /** The engine's callback line answers a signal with UTRACE_SIGNAL_IGN (report_signal, or report_quiesce in its stead). */
    private static boolean ignores(Model m, int e) {
        return m.scenario().engines().get(e).signalPassCallback().ignoreSignal();
    }
}

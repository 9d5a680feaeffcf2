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
 * The @action argument of a report_signal made before any signal is dequeued tells the engine why it is called:
 * UTRACE_SIGNAL_HANDLER right after a signal handler's setup, UTRACE_SIGNAL_REPORT otherwise (utrace.h, enum
 * utrace_signal_action and @report_signal). A debugger that single-steps into a handler relies on it: the
 * HANDLER report is where it learns that the next instruction is the handler's. Judged on history
 * (Slots.G_HANDLER_*), never on utrace->signal_handler, the flag a broken utrace gets wrong.
 */
final class SignalReportAction extends ObservationCheck {
    SignalReportAction() {
        super("signal-report-action",
            "a report_signal made before any signal is dequeued gets UTRACE_SIGNAL_HANDLER only for a signal handler "
            + "set up while an engine was attached, since the tracee was last in user mode, and in that setup's "
            + "first report pass only (not after utrace_reset left no engine: an engine attached later never set "
            + "the handler up); and that report is not a plain UTRACE_SIGNAL_REPORT (utrace.h: \"It's "
            + "%UTRACE_SIGNAL_HANDLER instead when signal handler setup just finished ... and is also implicitly "
            + "requested by %UTRACE_SINGLESTEP or %UTRACE_BLOCKSTEP into the signal delivery\"); nor is any such "
            + "report told a signal's action (DELIVER, TERM, CORE, STOP: \"The other signal actions indicate a signal "
            + "about to be delivered\"), but UTRACE_SIGNAL_IGN once an earlier engine answered it.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            // a report with no signal: report_signal's pass for event 0, observed as the QUIESCE it stands in for
            if (!o.liveCallback() || o.code() != Events.QUIESCE) continue;
            int action = o.signalAction();
            if (action == Obs.SIGNAL_HANDLER && !before.taskHistory(Slots.G_HANDLER_PASS)) {
                return reportSignal(m, o) + " got UTRACE_SIGNAL_HANDLER, but no signal handler setup is unreported: "
                    + "none since the tracee was last in user mode, or an earlier report took it, or utrace_reset "
                    + "left no engine since";
            }
            if (action >= 0 && action != Obs.SIGNAL_HANDLER && action != Obs.SIGNAL_REPORT && action != Obs.SIGNAL_IGN) {
                return reportSignal(m, o) + " got " + Obs.signalActionName(action) + ", the action of a signal about "
                    + "to be delivered: a report with no signal is UTRACE_SIGNAL_REPORT or UTRACE_SIGNAL_HANDLER (or "
                    + "UTRACE_SIGNAL_IGN once an earlier engine answered it)";
            }
            if (action == Obs.SIGNAL_REPORT && before.taskHistory(Slots.G_HANDLER_PASS)) {
                return reportSignal(m, o) + " got UTRACE_SIGNAL_REPORT in the report right after a signal handler's "
                    + "setup: it must be UTRACE_SIGNAL_HANDLER";
            }
        }
        return null;
    }

    private static String reportSignal(Model m, Obs o) {
        return "report_signal to " + m.engineName(o.engine()) + " (before any signal is dequeued)";
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_HANDLER_PASS);
    }

    /** Observations checkTransition reads: callbacks. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK); }
}

package utrace.checker.lincheck;

import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;

/**
 * Contract signal-report-action (utrace.h, enum utrace_signal_action and @report_signal), read from the log by the
 * tracee's steps, apart from the invariant's history bits: a report_signal made before any signal is dequeued gets
 * UTRACE_SIGNAL_HANDLER only in the report that took a handler setup made with an engine attached, and that report
 * never gets a plain UTRACE_SIGNAL_REPORT; nor does any such report get a signal's action (DELIVER, TERM, CORE,
 * STOP), only UTRACE_SIGNAL_IGN once an earlier engine answered it.
 * A setup is dropped by utrace_resume ("a signal handler setup done but no report_signal following it"), by the
 * return to user mode, and when no engine is left.
 */
final class SignalReportActionContract {
    private SignalReportActionContract() {}

    static String check(Model m, List<LoggedStep> log) {
        boolean untaken = false; // a handler setup no report has taken yet
        boolean handlerReport = false; // the report under way took a setup
        int setupAt = -1;
        for (LoggedStep s : log) {
            State before = s.index() == 0 ? m.initial() : log.get(s.index() - 1).after();
            if (s.actor() == 0) {
                if (s.function().equals("tracehook_signal_handler") && s.label().startsWith("signal frame set up")
                        && before.get(Slots.UTRACE_FLAGS) != 0) {
                    untaken = true;
                    setupAt = s.index();
                } else if (s.function().equals("utrace_get_signal") && s.label().startsWith("lock; splice_attaching")) {
                    handlerReport = untaken;
                    untaken = false;
                } else if (s.function().equals("tracehook_notify_resume") && before.get(Slots.UTRACE_FLAGS) != 0) {
                    untaken = false;
                }
            }
            for (Obs o : s.obs()) {
                if (!o.liveCallback() || o.code() != Events.QUIESCE || o.signalAction() < 0) continue;
                int a = o.signalAction();
                if (a != Obs.SIGNAL_HANDLER && a != Obs.SIGNAL_REPORT && a != Obs.SIGNAL_IGN) {
                    return "signal-report-action: report_signal to " + m.engineName(o.engine()) + " at step " + s.index()
                        + " gets " + Obs.signalActionName(a) + " before any signal is dequeued: a signal's action, not "
                        + "UTRACE_SIGNAL_REPORT or HANDLER";
                }
                if (o.signalAction() == Obs.SIGNAL_HANDLER && !handlerReport) {
                    return "signal-report-action: report_signal to " + m.engineName(o.engine()) + " at step " + s.index()
                        + " gets UTRACE_SIGNAL_HANDLER, but no report before it took a handler setup"
                        + (setupAt < 0 ? " (none was made with an engine attached)" : " (the last was at step " + setupAt + ")");
                }
                if (o.signalAction() == Obs.SIGNAL_REPORT && handlerReport) {
                    return "signal-report-action: report_signal to " + m.engineName(o.engine()) + " at step " + s.index()
                        + " gets UTRACE_SIGNAL_REPORT in the report that took the handler setup of step " + setupAt
                        + ": it must be UTRACE_SIGNAL_HANDLER";
                }
            }
            if (s.has(Obs.Kind.USER_ENTRY) || s.after().get(Slots.UTRACE_FLAGS) == 0) {
                untaken = handlerReport = false;
            } else if (s.actor() == 0 && s.label().startsWith("act on the engines' signal disposition")) {
                handlerReport = false;
            }
        }
        return null;
    }
}

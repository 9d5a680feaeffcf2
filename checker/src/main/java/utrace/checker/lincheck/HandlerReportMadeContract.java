package utrace.checker.lincheck;

import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.Actions;
import utrace.model.EngineList;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Tif;

/**
 * Contract handler-report-made (utrace_get_signal: "If an engine wanted to stop or step, then make sure we do another
 * report after signal handler setup"; utrace.h: the UTRACE_SIGNAL_HANDLER report "is also implicitly requested by
 * %UTRACE_SINGLESTEP or %UTRACE_BLOCKSTEP into the signal delivery"), read from the log apart from the invariant's
 * history bit: once a report_signal for a dequeued signal returned a stop or a step and that signal's handler was set
 * up, the tracee is not back in user mode before utrace_get_signal's report before dequeuing (report_signal with
 * UTRACE_SIGNAL_HANDLER, or report_quiesce for an engine without report_signal; which @action it gets is
 * signal-report-action's), while an attached live engine has QUIESCE. So is a handler set up while the tracee was
 * single-stepping (TIF_SINGLESTEP: ptrace's step too; utrace_signal_handler: "If we're already stepping, make sure we
 * do a report_signal"). A dequeue starts over; no engine left drops it.
 */
final class HandlerReportMadeContract {
    private HandlerReportMadeContract() {}

    static String check(Model m, List<LoggedStep> log) {
        int askedBy = -1; // the engine whose report_signal for the signal being delivered returned a stop or a step
        int owedSince = -1; // the step of the handler setup that is owed its report
        for (LoggedStep s : log) {
            State before = s.index() == 0 ? m.initial() : log.get(s.index() - 1).after();
            for (Obs o : s.obs()) {
                if (o.kind() == Obs.Kind.DEQUEUE) {
                    askedBy = -1;
                } else if (o.liveCallback() && o.code() != Events.QUIESCE && (o.code() & Events.SIGNAL_ALL) != 0
                        && o.ret() < Actions.RESUME && askedBy < 0) {
                    askedBy = o.engine();
                } else if (o.liveCallback() && o.code() == Events.QUIESCE && s.function().equals("utrace_get_signal")) {
                    owedSince = -1; // the report before dequeuing that takes the setup (its @action is signal-report-action's)
                } else if (o.kind() == Obs.Kind.USER_ENTRY && owedSince >= 0) {
                    int e = quiesceEngine(before);
                    if (e >= 0) {
                        String why = askedBy >= 0
                            ? m.engineName(askedBy) + "'s report_signal asked for a stop or a step at a signal's delivery, its "
                                + "handler was set up at step " + owedSince
                            : "the tracee was single-stepping as a signal handler was set up at step " + owedSince
                                + " (utrace_signal_handler: \"If we're already stepping, make sure we do a report_signal\")";
                        return "handler-report-made: " + why + ", and the tracee is back in user mode at step " + s.index()
                            + " with no report before dequeuing (report_signal with UTRACE_SIGNAL_HANDLER) to "
                            + m.engineName(e) + ", which has QUIESCE";
                    }
                }
            }
            // "We only got here to clear utrace->signal_handler": the report before dequeuing, asked for (resume at
            // REPORT or stronger), finds no engine with QUIESCE, so there is nobody to report to; an engine that gets
            // QUIESCE later was owed nothing (a pass that is only spurious, resume weaker than REPORT, excuses nothing)
            if (owedSince >= 0 && s.actor() == 0 && s.function().equals("utrace_get_signal") && s.label().startsWith("lock; splice_attaching")
                    && before.resume() <= Actions.REPORT && (before.utraceFlags() & Events.QUIESCE) == 0) {
                owedSince = askedBy = -1;
            }
            if (s.actor() == 0 && s.function().equals("tracehook_signal_handler") && s.label().startsWith("signal frame set up")
                    && (askedBy >= 0 || (before.tif() & Tif.SINGLESTEP) != 0 && before.get(Slots.UTRACE_FLAGS) != 0)) {
                owedSince = s.index(); // asked by an engine's stop or step, or owed to a setup while stepping
            }
            if (s.has(Obs.Kind.USER_ENTRY) || s.after().get(Slots.UTRACE_FLAGS) == 0) {
                owedSince = askedBy = -1;
            }
        }
        return null;
    }

    private static int quiesceEngine(State s) {
        for (int list = s.attached(), i = 0; i < EngineList.size(list); i++) {
            int e = EngineList.get(list, i);
            if (s.engineOps(e) == Ops.LIVE && (s.engineFlags(e) & Events.QUIESCE) != 0) return e;
        }
        return -1;
    }
}

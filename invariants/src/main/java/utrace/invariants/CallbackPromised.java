package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The callbacks utrace.c promises an owner that changes a stopped tracee's course: judged where the tracee
 * would break the promise, its return to user mode. Not in PATCHES.md's list; the seed's comments are the
 * source. A callback to another engine does not count; an engine detached meanwhile is owed nothing.
 */
final class CallbackPromised extends ObservationCheck {
    CallbackPromised() {
        super("callback-promised",
            "a tracee in a utrace stop does not return to user mode before the callback promised to an engine "
            + "while it was stopped: a report_quiesce (or report_signal) after utrace_set_events() returned 0 with "
            + "QUIESCE newly in @events (utrace.c: \"if %UTRACE_EVENT(%QUIESCE) is included in @events, then a "
            + "@report_quiesce callback will be made when @target resumes\"), and after utrace_control(REPORT) or "
            + "(INTERRUPT) returned 0 (\"If @target had been stopped, then there will be a callback before it "
            + "resumes running normally\"; INTERRUPT: \"a @report_signal callback before it resumes\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            if (obs.get(k).kind() != Obs.Kind.USER_ENTRY) continue;
            for (int e = 0; e < m.engineCount(); e++) {
                if (before.engineHistory(e, Slots.EG_CALLBACK_OWED) && before.engineOps(e) == Ops.LIVE) {
                    return "the tracee returned to user mode with no report_quiesce or report_signal to "
                        + m.engineName(e) + " since a call that promised one while it was stopped";
                }
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_CALLBACK_OWED);
        engines(m, v, Slots.E_OPS, -1);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

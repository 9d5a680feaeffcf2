package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 4: a stop holds until every engine that asked for it lets go. */
final class StopIsSticky extends ObservationCheck {
    StopIsSticky() {
        super("stop-is-sticky",
            "A thread stopped by an engine runs no user code until every engine that keeps it stopped "
            + "(ENGINE_STOP) resumes or detaches it, unless it is killed; the same once an engine's callback "
            + "returned UTRACE_STOP, even before the thread sleeps (PATCHES.md guarantee 4; utrace.h: \"if "
            + "@engine returned %UTRACE_STOP then @current stays stopped unless @engine tells it otherwise\"; "
            + "utrace_reset wakes the task only when no engine's flags have ENGINE_STOP).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (before.killed()) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.USER_ENTRY) continue;
            for (int e = 0; e < m.engineCount(); e++) {
                if (before.engineHistory(e, Slots.EG_HELD_STOPPED)) {
                    return "the tracee returned to user mode while " + m.engineName(e) + " still keeps it stopped";
                }
                if (before.engineHistory(e, Slots.EG_STOP_ASKED)) {
                    return "the tracee returned to user mode without stopping, although a callback of "
                        + m.engineName(e) + " returned UTRACE_STOP and its owner has not resumed or detached it";
                }
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_KILLED);
        engines(m, v, Slots.E_GHOST, Slots.EG_HELD_STOPPED | Slots.EG_STOP_ASKED);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

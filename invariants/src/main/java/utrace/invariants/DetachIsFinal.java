package utrace.invariants;

import java.util.List;

import utrace.model.Actions;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 6: after utrace_control(DETACH) returned 0, no callback to that engine. */
final class DetachIsFinal extends ObservationCheck {
    DetachIsFinal() {
        super("detach-is-final",
            "After utrace_control(UTRACE_DETACH) returns 0, no callback to that engine is running or will "
            + "be made; a callback that may still run must make it return -EINPROGRESS; after a callback of the "
            + "engine returned UTRACE_DETACH (\"Detach my engine\"), no other callback is made to it "
            + "(PATCHES.md guarantee 6; utrace_control checks utrace->reporting after smp_mb(), pairing "
            + "with start_callback).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.liveCallback() && before.engineHistory(o.engine(), Slots.EG_DETACH_RETURNED_ZERO)) {
                return callback(m, o) + " after its detach (utrace_control(DETACH) returned 0, or a callback of it returned UTRACE_DETACH)";
            }
            if (o.isReturnOf(OwnerOp.Kind.CONTROL) && o.aux() == Actions.DETACH && o.ret() == 0
                    && t.after().engineHistory(o.engine(), Slots.EG_IN_CALLBACK)) {
                return "utrace_control(DETACH) on " + m.engineName(o.engine())
                    + " returned 0 while a callback to it is still running";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_DETACH_RETURNED_ZERO | Slots.EG_IN_CALLBACK);
    }

    /** Observations checkTransition reads: callbacks and utrace_control returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK, Obs.Kind.API_RETURN); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Errno;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Guarantee 7: utrace_barrier() returns 0 only when the engine is quiet; and, as the DocBook's "Using
 * utrace_barrier" says, -ESRCH "only if the engine is completely detached (finished all callbacks)".
 * An owner that gets either may free what its callbacks use (the DocBook's example: unloading the module).
 */
final class BarrierMeansQuiet extends ObservationCheck {
    BarrierMeansQuiet() {
        super("barrier-means-quiet",
            "utrace_barrier() returns 0 only when no callback of that engine is in progress and every effect "
            + "of the last callback's return value (stop, detach) has been applied "
            + "(PATCHES.md guarantee 7; finish_callback clears utrace->reporting only after "
            + "finish_callback_report); and -ESRCH only when the engine is completely detached, no callback "
            + "of it in progress (DocBook, \"Using utrace_barrier\": \"finished all callbacks\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.isReturnOf(OwnerOp.Kind.BARRIER) && (o.ret() == 0 || o.ret() == Errno.ESRCH)
                    && t.after().engineHistory(o.engine(), Slots.EG_IN_CALLBACK)) {
                return "utrace_barrier on " + m.engineName(o.engine()) + " returned " + (o.ret() == 0 ? "0" : "-ESRCH")
                    + " while the engine's callback has not finished";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_IN_CALLBACK);
    }

    /** Observations checkTransition reads: utrace_barrier returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN); }
}

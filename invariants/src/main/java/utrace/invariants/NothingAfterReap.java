package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 2: death is the penultimate callback, reap the final one. */
final class NothingAfterReap extends ObservationCheck {
    NothingAfterReap() {
        super("nothing-after-reap",
            "report_reap is the last callback an engine ever gets: once report_reap has been made to an "
            + "engine, no callback of any kind (quiesce, death, signal, reap again) is made to it "
            + "(PATCHES.md guarantee 2; the reap teardown clears ops and flags after report_reap).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.liveCallback() && before.engineHistory(o.engine(), Slots.EG_REAP_CALLED)) {
                return callback(m, o) + " after its report_reap";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_REAP_CALLED);
    }

    /** Observations checkTransition reads: callbacks. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Guarantee 10: utrace_finish_examine() returns 0 only if the target stayed unscheduled since
 * utrace_prepare_examine(). Judged on a ghost (the tracee took a step after the prepare), not on the
 * state and switch count that utrace_finish_examine itself compares: the model's switch count has two
 * bits and wraps, and an invariant that re-did the kernel's check could not catch the check being wrong.
 */
final class ExamineMeansUnscheduled extends ObservationCheck {
    ExamineMeansUnscheduled() {
        super("examine-means-unscheduled",
            "utrace_finish_examine() returns 0 only if the tracee stayed unscheduled since the same owner's "
            + "utrace_prepare_examine() (PATCHES.md guarantee 10; utrace.c: \"this returns zero if @target has "
            + "remained unscheduled since the paired utrace_prepare_examine() call returned zero\"; the DocBook: "
            + "it \"returns an error if the task ever woke up during the examination\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.isReturnOf(OwnerOp.Kind.EXAMINE) && o.ret() == 0
                    && before.engineHistory(o.engine(), Slots.EG_RAN_SINCE_EXAMINE)) {
                return "utrace_finish_examine on " + m.engineName(o.engine())
                    + " returned 0 although the tracee ran since utrace_prepare_examine";
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_RAN_SINCE_EXAMINE);
    }

    /** Observations checkTransition reads: utrace_finish_examine returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN); }
}

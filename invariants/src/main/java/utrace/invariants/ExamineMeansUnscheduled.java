package utrace.invariants;

import java.util.List;

import utrace.model.Errno;
import utrace.model.Events;
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
 * state and switch count that utrace_finish_examine itself compares: an invariant that re-did the kernel's
 * check could not catch the check being wrong (or the model's switch count, 8 bits, wrapping).
 */
final class ExamineMeansUnscheduled extends ObservationCheck {
    ExamineMeansUnscheduled() {
        super("examine-means-unscheduled",
            "utrace_finish_examine() returns 0 only if the tracee stayed unscheduled since the same owner's "
            + "utrace_prepare_examine() (PATCHES.md guarantee 10; utrace.c: \"this returns zero if @target has "
            + "remained unscheduled since the paired utrace_prepare_examine() call returned zero\"; the DocBook: "
            + "it \"returns an error if the task ever woke up during the examination\"); and it, or "
            + "utrace_prepare_examine(), returns -EINVAL only when, and 0 never when, the engine does not keep the tracee "
            + "stopped (no ENGINE_STOP, as the owner sees the engine's flags; utrace.c: \"The error is -%EINVAL if @engine is "
            + "not keeping @target stopped, or -%EAGAIN if @target woke up unexpectedly\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.EXAMINE_PREPARED) {
                if (m.seenBy(before, t.actor(), Slots.engine(o.engine(), Slots.E_FLAGS), Events.ENGINE_STOP) == 0) {
                    return "utrace_prepare_examine on " + m.engineName(o.engine()) + " returned 0, not -EINVAL, although "
                        + m.engineName(o.engine()) + " does not keep the tracee stopped";
                }
                continue;
            }
            if (!o.isReturnOf(OwnerOp.Kind.EXAMINE)) continue;
            if (o.ret() == 0 && before.engineHistory(o.engine(), Slots.EG_RAN_SINCE_EXAMINE)) {
                return "utrace_finish_examine on " + m.engineName(o.engine())
                    + " returned 0 although the tracee ran since utrace_prepare_examine";
            }
            // Both calls test engine_wants_stop() first (an unlocked read of engine->flags by the owner): -EINVAL only
            // then, and never 0 for an engine that does not keep the tracee stopped. Not "-EINVAL exactly then": the
            // kernel's finish tests the flag once and then spins in wait_task_inactive(), so a stop released during the
            // spin ends in -EAGAIN (the model's spin re-runs the whole step; a finer model must not be misjudged).
            boolean keeps = m.seenBy(before, t.actor(), Slots.engine(o.engine(), Slots.E_FLAGS), Events.ENGINE_STOP) != 0;
            if (keeps ? o.ret() == Errno.EINVAL : o.ret() == 0) {
                return "utrace_" + (before.engineHistory(o.engine(), Slots.EG_EXAMINING) ? "finish" : "prepare") + "_examine on "
                    + m.engineName(o.engine()) + " returned " + Errno.name(o.ret()) + (keeps
                        ? " although " + m.engineName(o.engine()) + " keeps the tracee stopped (ENGINE_STOP)"
                        : " although " + m.engineName(o.engine()) + " no longer keeps the tracee stopped");
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_RAN_SINCE_EXAMINE | Slots.EG_EXAMINING);
        engines(m, v, Slots.E_FLAGS, Events.ENGINE_STOP);
    }

    /** Observations checkTransition reads: utrace_finish_examine returns, utrace_prepare_examine successes. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN, Obs.Kind.EXAMINE_PREPARED); }
}

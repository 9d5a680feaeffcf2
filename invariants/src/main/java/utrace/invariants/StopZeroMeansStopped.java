package utrace.invariants;

import java.util.List;

import utrace.model.Actions;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/**
 * Guarantee 5: utrace_control(STOP) returns 0 only for a stopped target, except that SIGKILL may wake it
 * meanwhile: utrace.h, UTRACE_STOP, "@target can be woken only by %SIGKILL" (utrace_control reads
 * task_is_utraced() under utrace->lock; SIGKILL's wake-up takes siglock, not that lock).
 */
final class StopZeroMeansStopped extends ObservationCheck {
    StopZeroMeansStopped() {
        super("stop-zero-means-stopped",
            "utrace_control(UTRACE_STOP) returns 0 only when the target is already stopped (job control or "
            + "tracing stop); otherwise it returns -EINPROGRESS (PATCHES.md guarantee 5; utrace_do_stop returns "
            + "task_is_traced()). The documented exception: once SIGKILL has been sent the target may be awake "
            + "when the call returns 0 (utrace.h: \"@target can be woken only by %SIGKILL\"). What -EINPROGRESS "
            + "promises is stop-einprogress-means-callback.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.isReturnOf(OwnerOp.Kind.CONTROL) && o.aux() == Actions.STOP && o.ret() == 0
                    && !TaskState.isStoppedOrTraced(t.after().taskState()) && !t.after().killed()) {
                return "utrace_control(STOP) on " + m.engineName(o.engine()) + " returned 0 but the tracee is "
                    + TaskState.name(t.after().taskState());
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.TASK_STATE, -1);
        v.read(Slots.G_TASK, Slots.G_KILLED);
    }

    /** Observations checkTransition reads: utrace_control returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN); }
}

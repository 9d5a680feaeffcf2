package utrace.invariants;

import java.util.List;

import utrace.model.EngineList;
import utrace.model.Errno;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/**
 * What utrace_attach_task(UTRACE_ATTACH_CREATE) returns, as utrace_add_engine() decides it under utrace->lock:
 * the engine only once it is queued, -ESRCH only for a task its exit made EXIT_DEAD. control-errors and
 * set-events-errors judge the other calls' returns; nothing judged the attach's until the twenty-fifth round,
 * when `make pit` showed utrace_add_engine's -ESRCH made 0 passing every scenario.
 */
final class AttachErrors extends ObservationCheck {
    AttachErrors() {
        super("attach-errors",
            "utrace_attach_task() with UTRACE_ATTACH_CREATE returns the engine only once utrace_add_engine() has put it "
            + "on ->attaching (\"Make sure it gets onto the ->attached list by the next time it's examined\"), live, "
            + "so that it gets callbacks from the next reporting pass on; it fails with -ESRCH only when the task is "
            + "EXIT_DEAD as utrace_add_engine reads it (\"either it sees utrace_flags != 0 or we see exit_state == "
            + "EXIT_DEAD\"), and then the engine is on no list. (The model's one engine per owner at a time makes "
            + "-EEXIST the attach's other failure; no invariant states it.)");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (!o.isReturnOf(OwnerOp.Kind.ATTACH)) continue;
            int e = o.engine();
            State after = t.after();
            boolean queued = EngineList.contains(after.get(Slots.ATTACHING), e) || EngineList.contains(after.get(Slots.ATTACHED), e);
            if (o.ret() == Errno.OK && (!queued || after.engineOps(e) != Ops.LIVE)) {
                return "utrace_attach_task(" + m.engineName(e) + ") returned the engine, but it is "
                    + (queued ? "not live" : "on neither ->attaching nor ->attached") + ": it will never get a callback";
            }
            if (o.ret() == Errno.ESRCH) {
                if (m.seenBy(before, t.actor(), Slots.EXIT_STATE, -1) != TaskState.EXIT_DEAD) {
                    return "utrace_attach_task(" + m.engineName(e) + ") returned -ESRCH, but the task was not EXIT_DEAD";
                }
                if (queued) return "utrace_attach_task(" + m.engineName(e) + ") returned -ESRCH, but left the engine on a list";
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.ATTACHING, -1);
        v.read(Slots.ATTACHED, -1);
        engines(m, v, Slots.E_OPS, -1);
        v.read(Slots.EXIT_STATE, -1);
    }

    /** Observations checkTransition reads: utrace_attach_task returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN); }
}

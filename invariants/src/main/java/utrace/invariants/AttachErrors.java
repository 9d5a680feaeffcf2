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
            + "EXIT_DEAD\"), and then the engine is on no list. With UTRACE_ATTACH_EXCLUSIVE and no MATCH flag it "
            + "returns the engine only if no other engine (ops set, not utrace_detached_ops) was on ->attached or "
            + "->attaching as it queued its own, and -EEXIST only if one was (\"Attempting to attach a second "
            + "(matching) engine fails with -EEXIST\"; \"fails with -EEXIST if there are any engines on @target at "
            + "all\"), the test and the queueing under one utrace->lock. (The model's one engine per owner at a "
            + "time makes -EEXIST also the answer to an owner whose engine is not freed yet.)");
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
            if (o.aux() == OwnerOp.ATTACH_EXCLUSIVE) {
                int other = otherEngine(before, e);
                if (o.ret() == Errno.OK && other >= 0) {
                    return "utrace_attach_task(" + m.engineName(e) + ", UTRACE_ATTACH_EXCLUSIVE) returned the engine although "
                        + m.engineName(other) + " was attached (\"Attempting to attach a second (matching) engine fails "
                        + "with -EEXIST\"): two engines where the caller asked for one";
                }
                if (o.ret() == Errno.EEXIST && other < 0 && before.engineOps(e) == Ops.NULL
                        && !before.has(Slots.engine(e, Slots.E_GHOST), Slots.EG_OWNER_REF)) {
                    return "utrace_attach_task(" + m.engineName(e) + ", UTRACE_ATTACH_EXCLUSIVE) returned -EEXIST although "
                        + "no engine was attached";
                }
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

    /** find_matching_engine() with no MATCH flag: an engine other than {@code e}, live, on either list; -1 if none. */
    private static int otherEngine(State s, int e) {
        for (int slot : new int[] {Slots.ATTACHED, Slots.ATTACHING}) {
            for (int list = s.get(slot), i = 0; i < EngineList.size(list); i++) {
                int x = EngineList.get(list, i);
                if (x != e && s.engineOps(x) == Ops.LIVE) return x;
            }
        }
        return -1;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.ATTACHING, -1);
        v.read(Slots.ATTACHED, -1);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_GHOST, Slots.EG_OWNER_REF);
        v.read(Slots.EXIT_STATE, -1);
    }

    /** Observations checkTransition reads: utrace_attach_task returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN); }
}

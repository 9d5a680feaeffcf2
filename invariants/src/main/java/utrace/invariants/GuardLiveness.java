package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;

/**
 * No final state with an actor still waiting at an ordering guard that does not hold. Split from
 * deadlock-freedom: an actor at such a guard is not stuck in the kernel, the event the scenario
 * ordered it after never came on this path. That is a bug when the scenario's expectation is the
 * kernel's promise (traceme-ignores-exiting-parent: the child is left in a ptrace stop, never the
 * group stop the SIGCONT waits for), or a scenario that asks for something this path cannot give;
 * the message says both, as only the reader can tell them apart.
 */
final class GuardLiveness extends Base {
    GuardLiveness() {
        super("guard-liveness",
            "In a final state no actor (owner, killer, ptrace) still waits at an ordering guard ('after ACTOR:K', "
            + "'after tracee:STATE') that does not hold: the event the scenario orders the call after came on every "
            + "path. A violation means the kernel did not do what the scenario expects there (a bug), or that the "
            + "guard cannot hold on that path and the scenario should say so differently. An actor whose guard holds "
            + "and still cannot move is deadlock-freedom's.");
    }

    @Override public String checkTerminal(Model m, State s) {
        String w = m.unmetGuards(s);
        return w == null ? null : w + ". Either the kernel did not do here what the scenario expects (a bug), or the "
            + "guard cannot hold on this path and the scenario should order the call otherwise (docs/scenario-format.md, Ordering)";
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // terminal check only
    }
}

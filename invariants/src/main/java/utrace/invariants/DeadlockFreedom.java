package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;

/**
 * No state where nothing can move while some actor is stuck for the wrong reason. An actor waiting at
 * an ordering guard that does not hold is not stuck in the kernel: guard-liveness judges it.
 */
final class DeadlockFreedom extends Base {
    DeadlockFreedom() {
        super("deadlock-freedom",
            "In every state where no actor can take a step, each actor is done or rightly waiting: the "
            + "tracee is dead, idle in user mode, or held stopped by an engine or a group stop; the parent "
            + "waits for a task that is not dead; no actor waits for a lock or spins in utrace_barrier forever, "
            + "nor stays before a call whose ordering guard holds (one whose guard does not hold is guard-liveness's).");
    }

    @Override public String checkTerminal(Model m, State s) {
        String p = m.stuckProblem(s);
        return p == null ? null : "deadlock: " + p;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // terminal check only
    }
}

package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * "Nobody may modify the list when the task is not quiescent" (struct utrace
 * comment, patch 01): the tracee walks ->attached without a lock.
 */
final class AttachedListQuiescent extends Base {
    AttachedListQuiescent() {
        super("attached-list-quiescent",
            "Only the tracee itself changes utrace->attached while it walks the list in a reporting pass; "
            + "others change it only while the tracee is quiescent. A SIGKILLed tracee woken from a stop must "
            + "not run ahead while its tracer still works on the list under utrace->lock (patch 16, utrace_end_stop).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (t.actor() == 0 || !before.taskHistory(Slots.G_PASS_ACTIVE)) return null;
        if (t.after().attached() != before.attached()) {
            return m.actorName(t.actor()) + " changed utrace->attached while the tracee walks it in a reporting pass";
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_PASS_ACTIVE);
        v.read(Slots.ATTACHED, -1);
    }

    /** Observations checkTransition reads: none (it compares utrace->attached, declared visible). */
    @Override public int observes() { return 0; }
}

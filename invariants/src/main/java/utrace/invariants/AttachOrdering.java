package utrace.invariants;

import java.util.List;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 9: attach ordering of callbacks. */
final class AttachOrdering extends ObservationCheck {
    AttachOrdering() {
        super("attach-ordering",
            "An engine attached while an event's callbacks are being made gets no callback for that event, "
            + "and within one reporting pass engines are called in attach order (reverse order for "
            + "SYSCALL_ENTRY) (PATCHES.md guarantee 9; utrace_add_engine queues on ->attaching, "
            + "start_report splices it before the next pass).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (!before.taskHistory(Slots.G_PASS_ACTIVE)) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (!o.liveCallback()) continue;
            int e = o.engine();
            boolean reverse = before.taskHistory(Slots.G_PASS_REVERSE);
            // Which passes go in reverse is the event's, not the model's say: only utrace_report_syscall_entry's
            // (REPORT_CALLBACKS(_reverse, ...)); its report_quiesce callbacks are made in the same pass.
            if (o.code() == Events.SYSCALL_ENTRY && !reverse) {
                return callback(m, o) + " in an attach-order pass: syscall entry reports go in reverse attach order";
            }
            if (reverse && o.code() != Events.SYSCALL_ENTRY && o.code() != Events.QUIESCE) {
                return callback(m, o) + " in a reverse-order pass: only syscall entry reports go in reverse";
            }
            if (before.engineHistory(e, Slots.EG_ATTACHED_IN_PASS)) {
                return callback(m, o) + ", which was attached while this event's callbacks were being made";
            }
            int last = before.get(Slots.G_PASS_LAST) - 1;
            int seq = before.engineSeq(e);
            if (last >= 0 && seq != last) {
                if (reverse ? seq > last : seq < last) {
                    return callback(m, o) + " out of " + (reverse ? "reverse " : "") + "attach order";
                }
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_PASS_ACTIVE | Slots.G_PASS_REVERSE);
        v.read(Slots.G_PASS_LAST, -1);
        engines(m, v, Slots.E_GHOST, Slots.EG_ATTACHED_IN_PASS);
        engines(m, v, Slots.E_SEQ, -1);
    }

    /** Observations checkTransition reads: live callbacks. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK); }
}

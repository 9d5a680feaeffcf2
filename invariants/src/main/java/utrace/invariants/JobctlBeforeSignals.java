package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Signals;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * get_signal_to_deliver() does job control before it takes any signal;
 * utrace_get_signal(), hooked in front of it (patch 19), must not steal a
 * signal for its engines while that job-control work is due (patches 09, 20).
 */
final class JobctlBeforeSignals extends ObservationCheck {
    JobctlBeforeSignals() {
        super("jobctl-before-signals",
            "No signal is dequeued while job control is due for the tracee: with JOBCTL_STOP_PENDING (a group stop it "
            + "must join, also reinstated by PTRACE_DETACH of a stopped group) or a ptrace trap (JOBCTL_TRAP_STOP, set "
            + "by PTRACE_ATTACH of a stopped task) pending in task->jobctl, get_signal_to_deliver() first stops or "
            + "traps, and utrace_get_signal() must let it (\"we must stop\") instead of dequeuing a signal for its "
            + "engines. Otherwise an untraced task of a stopped group runs a signal, and a tracer attaching to a "
            + "stopped task sees a signal stop instead of the group-stop trap (PATCHES.md rows 09 and 20).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.DEQUEUE) continue;
            int due = o.aux() & Slots.JOBCTL_PENDING_MASK;
            if (due != 0) {
                return Signals.name(o.code()) + " dequeued although task->jobctl has "
                    + ((due & Slots.JOBCTL_STOP_PENDING) != 0 ? "JOBCTL_STOP_PENDING (the group stop comes first)"
                        : "JOBCTL_TRAP_STOP (the ptrace group-stop trap comes first)");
            }
        }
        return null;
    }

    /** Only observations (the step's DEQUEUE / UTRACE_STRUCT_INVALID records): no state bit is visible. */
    @Override public void visible(Model m, Footprint v) { }

    /** A step without observations passes. */
    @Override public boolean quietStepsPass() { return true; }

    /** Observations checkTransition reads: dequeues. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.DEQUEUE); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Signals;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** A stopped thread group stays stopped until SIGCONT or SIGKILL, unless a tracer runs it. */
final class GroupStopHolds extends ObservationCheck {
    GroupStopHolds() {
        super("group-stop-holds",
            "While the tracee's group is stopped (signal->flags & SIGNAL_STOP_STOPPED, set when SIGSTOP's group stop "
            + "completes, cleared by SIGCONT and SIGKILL) and no tracer holds it (only ptrace may run a task of a "
            + "stopped group), the tracee takes no signal other than SIGKILL and runs no user code: after "
            + "PTRACE_DETACH it stops again (JOBCTL_STOP_PENDING), and utrace must not take a signal for its engines "
            + "instead (PATCHES.md row 09), and an engine's resume must not wake a task its group keeps in TASK_STOPPED "
            + "(utrace_wakeup's TASK_STOPPED fix-up before 09, selective wake_up_quiescent from 17).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (!before.has(Slots.SIGNAL_FLAGS, Slots.SIGNAL_STOP_STOPPED)) return null;
        if (before.has(Slots.PTRACE, Slots.PT_PTRACED) || before.killed()) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.DEQUEUE && o.code() != Signals.SIGKILL) {
                return Signals.name(o.code()) + " dequeued by an untraced tracee of a stopped group";
            }
            if (o.kind() == Obs.Kind.USER_ENTRY) return "back to user mode although the group is stopped and untraced";
        }
        return null;
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.SIGNAL_FLAGS, Slots.SIGNAL_STOP_STOPPED);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
        v.read(Slots.G_TASK, Slots.G_KILLED);
    }

    /** A step without observations (no dequeue, no return to user mode) passes. */
    @Override public boolean quietStepsPass() { return true; }

    /** Observations checkTransition reads: dequeues and returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.DEQUEUE, Obs.Kind.USER_ENTRY); }
}

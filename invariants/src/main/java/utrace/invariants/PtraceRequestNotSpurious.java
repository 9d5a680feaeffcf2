package utrace.invariants;

import java.util.List;

import utrace.model.Errno;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/** Patch 13: a UTRACED bit on a TRACED task must not make ptrace requests fail. */
final class PtraceRequestNotSpurious extends ObservationCheck {
    PtraceRequestNotSpurious() {
        super("ptrace-request-not-spurious",
            "A ptrace request on a tracee that sits in a ptrace stop (TASK_TRACED, not killed, not dead) does not "
            + "fail with -ESRCH, even when utrace added TASK_UTRACED meanwhile (PATCHES.md row 13: "
            + "wait_task_inactive matches the state as a bitmask).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.PTRACE_RETURN && o.ret() == Errno.ESRCH && !before.killed() && before.exitState() == 0
                    && (before.taskState() & TaskState.TRACED_BIT) != 0 && before.has(Slots.PTRACE, Slots.PT_PTRACED)) {
                return "a ptrace request failed with -ESRCH although the tracee is in its ptrace stop ("
                    + TaskState.name(before.taskState()) + ")";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_KILLED);
        v.read(Slots.EXIT_STATE, -1);
        v.read(Slots.TASK_STATE, -1);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
    }

    /** Observations checkTransition reads: ptrace request returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.PTRACE_RETURN); }
}

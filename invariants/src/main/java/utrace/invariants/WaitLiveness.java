package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.WaitResult;

/**
 * No waiter waits for good for a report the kernel owes it, and SIGCONT
 * wakes what it continues.
 */
final class WaitLiveness extends Base {
    WaitLiveness() {
        super("wait-liveness",
            "In a final state no tracer (or parent) sits blocked in wait() while the kernel owes it a report: an "
            + "uncollected ptrace stop, the group-stop trap PTRACE_ATTACH promised a stopped task (JOBCTL_TRAP_STOP: "
            + "ptrace-tests stop-attach-then-wait, attach-wait-on-stopped), or the exit of a child it may reap. And no "
            + "task sleeps in TASK_STOPPED after the SIGCONT that ended its stop was sent (prepare_signal wakes "
            + "__TASK_STOPPED: ptrace-tests stopped-detach-sleeping-3x).");
    }

    @Override public String checkTerminal(Model m, State s) {
        int owed = s.get(Slots.G_WAIT);
        boolean zombie = s.exitState() == TaskState.EXIT_ZOMBIE;
        boolean ptraced = (s.get(Slots.PTRACE) & Slots.PT_PTRACED) != 0;
        int t = m.blockedWait(s, Obs.WAITER_TRACER);
        if (t >= 0) {
            String what = null;
            if (ptraced && (owed & Slots.GW_STOP_UNREPORTED) != 0) what = "a ptrace stop (" + WaitResult.name(s.get(Slots.G_WAIT_STATUS)) + ")";
            else if (ptraced && (owed & Slots.GW_TRAP_OWED) != 0) what = "the group-stop trap PTRACE_ATTACH promised";
            else if (zombie && (owed & (Slots.GW_EXIT_TRACER | (m.tracerIsParent() ? Slots.GW_EXIT_PARENT : 0))) != 0) {
                what = "the exit (" + WaitResult.name(s.get(Slots.G_WAIT_STATUS)) + ")";
            }
            if (what != null) return m.waitText(Obs.WAITER_TRACER, t) + " waits for good although the kernel owes it " + what;
        }
        if (m.blockedWait(s, Obs.WAITER_PARENT) >= 0 && zombie && !ptraced && (owed & Slots.GW_EXIT_PARENT) != 0) {
            return "the parent waits for good although its child is a zombie it may reap";
        }
        if (m.traceeInGroupStopSleep(s) && s.has(Slots.G_TASK, Slots.G_CONT_AFTER_STOP)) {
            return "the tracee sleeps in TASK_STOPPED although SIGCONT was sent after the last SIGSTOP";
        }
        return null;
    }

    @Override public void visible(Model m, Footprint v) {
        // terminal check only
    }
}

package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;

/**
 * SIGCONT sent after a SIGSTOP cancels it: the stop must not take effect
 * afterwards. The kernel makes sure of it under siglock: prepare_signal()
 * flushes the pending stop signals and clears JOBCTL_STOP_PENDING and
 * JOBCTL_STOP_DEQUEUED, and do_signal_stop() stops only while
 * JOBCTL_STOP_DEQUEUED is still set ("a SIGCONT cancelled the stop after
 * it was dequeued").
 */
final class SigcontEndsStop extends Base {
    SigcontEndsStop() {
        super("sigcont-ends-stop",
            "A SIGCONT sent after the last SIGSTOP (from a killer, or PTRACE_ATTACH's) cancels that stop: the group "
            + "never enters the stopped state (SIGNAL_STOP_STOPPED) afterwards. prepare_signal() flushes pending stop "
            + "signals and clears JOBCTL_STOP_PENDING|JOBCTL_STOP_DEQUEUED under siglock, and do_signal_stop() "
            + "gives up without JOBCTL_STOP_DEQUEUED, so a SIGSTOP already dequeued but not yet acted on is void too "
            + "(POSIX: SIGCONT continues a stopped process and discards pending stop signals). A SIGSTOP the tracer "
            + "passes from a signal-delivery stop counts from that stop (ptrace_signal sets JOBCTL_STOP_DEQUEUED "
            + "before it): a SIGCONT sent during the stop cancels it, one sent before the stop (the signal reported, "
            + "say) does not.");
    }

    @Override public String checkState(Model m, State s) {
        if (s.has(Slots.G_TASK, Slots.G_CONT_AFTER_STOP) && s.has(Slots.SIGNAL_FLAGS, Slots.SIGNAL_STOP_STOPPED)) {
            return "the group is stopped (SIGNAL_STOP_STOPPED) although SIGCONT was sent after the last SIGSTOP";
        }
        return null;
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_CONT_AFTER_STOP);
        v.read(Slots.SIGNAL_FLAGS, Slots.SIGNAL_STOP_STOPPED);
    }

    /** No transition check. */
    @Override public boolean quietStepsPass() { return true; }
}

package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;

/** A stop nobody will end is a hang, whoever caused it. */
final class NoLostWakeup extends Base {
    NoLostWakeup() {
        super("no-lost-wakeup",
            "There is no final state in which the tracee sleeps in a stop (utrace_stop, ptrace_stop) that no actor "
            + "will end: some engine still asks for the stop, ptrace is still attached, or it is a group stop that "
            + "SIGCONT ends. An engine's ENGINE_STOP does not count once its own last word let the tracee go "
            + "(utrace_control() with another action, or a callback's return other than UTRACE_STOP: utrace.h, "
            + "UTRACE_RESUME \"reversing the effect of a previous %UTRACE_STOP\").");
    }

    @Override public String checkTerminal(Model m, State s) {
        return m.traceeLostWakeup(s);
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // terminal check only
    }
}

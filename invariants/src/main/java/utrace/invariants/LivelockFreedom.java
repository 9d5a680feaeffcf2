package utrace.invariants;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Transition;

/**
 * No kernel livelock: no reachable cycle of two or more distinct states along which the tracee never gets back to
 * user mode. deadlock-freedom sees a retry that repeats one step for ever (a self-loop: utrace_barrier's
 * -ERESTARTSYS, utrace_stop's relock) as "stuck"; a loop of several steps leaves no state where nothing can move,
 * so it needs a search for cycles (SPIN's non-progress cycles, with a return to user mode as the progress label).
 * A loop through user mode is the program's own (attach-into-signal's handler re-raises SIGQUIT for ever).
 */
final class LivelockFreedom extends Base {
    LivelockFreedom() {
        super("livelock-freedom",
            "No reachable cycle of two or more states along which the tracee never returns to user mode: every "
            + "kernel path ends (the task sleeps, stops, exits or returns to user mode), and none can repeat for "
            + "ever, as a busy-wait or a retry that never succeeds would. A loop through user mode is the "
            + "program's own; a step that leaves the state unchanged is deadlock-freedom's 'stuck'. Judged by a "
            + "search for cycles once the rest of the search passes.");
    }

    @Override public boolean judgesCycles() { return true; }

    /** A return to user mode (exit_to_user_mode's last step, or a handler frame entered). */
    @Override public boolean progress(Transition t) {
        for (Obs o : t.obs()) if (o.kind() == Obs.Kind.USER_ENTRY) return true;
        return false;
    }

    @Override public String checkCycle(Model m, List<Transition> cycle) {
        for (Transition t : cycle) if (progress(t)) return null;
        return "livelock: a cycle of " + cycle.size() + " steps that never returns to user mode can repeat for ever: "
            + summary(m, cycle);
    }

    /** "tracee: sys_read / sys_pause x256" etc.: each actor's functions around the cycle, in order, repeats counted. */
    static String summary(Model m, List<Transition> cycle) {
        List<String> parts = new ArrayList<>();
        String last = null;
        int count = 0;
        for (Transition t : cycle) {
            String here = m.actorName(t.actor()) + ": " + t.info().function();
            if (here.equals(last)) {
                count++;
                continue;
            }
            if (last != null) parts.add(count > 1 ? last + " x" + count : last);
            last = here;
            count = 1;
        }
        parts.add(count > 1 ? last + " x" + count : last);
        return String.join(", ", parts);
    }

    /** Judges no state and no step. */
    @Override public void visible(Model m, Footprint v) {
    }

    @Override public int observes() { return 0; }

    @Override public boolean judgesObservationsOnly() { return true; }
}

package utrace.invariants;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Actions;
import utrace.model.CallbackSpec;
import utrace.model.EngineSpec;
import utrace.model.Events;
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
            "No reachable cycle of two or more states along which the tracee never returns to user mode and no "
            + "engine asks for more: every kernel path ends (the task sleeps, stops, exits or returns to user mode), "
            + "and none can repeat for ever, as a busy-wait or a retry that never succeeds would. A loop through user "
            + "mode is the program's own, and one through a callback that asks for more (returns anything but "
            + "UTRACE_RESUME, or calls utrace_control/utrace_set_events on itself) is the engine's; a step that "
            + "leaves the state unchanged is deadlock-freedom's 'stuck'. Judged by a search for cycles once the rest "
            + "of the search passes.");
    }

    @Override public boolean judgesCycles() { return true; }

    /**
     * A return to user mode (the exit path's last step), or a callback in which the engine asked for more: it
     * returned anything but UTRACE_RESUME, or called utrace_control / utrace_set_events on itself. An engine
     * whose report_quiesce calls utrace_control(STOP) and returns UTRACE_RESUME gets another report pass (the
     * STOP left utrace->resume at UTRACE_REPORT and TIF_NOTIFY_RESUME set), then asks again, for ever: the loop
     * is the engine's, as a loop through user mode is the program's (checker fuzz --seed 31 met six of them).
     */
    @Override public boolean progress(Model m, Transition t) {
        for (Obs o : t.obs()) {
            if (o.kind() == Obs.Kind.USER_ENTRY) return true;
            if (o.kind() == Obs.Kind.CALLBACK && engineAskedForMore(m, o)) return true;
        }
        return false;
    }

    private static boolean engineAskedForMore(Model m, Obs o) {
        if (!o.liveCallback()) return false;
        if (o.ret() != Actions.RESUME) return true;
        if (m.scenario() == null || o.engine() < 0 || o.engine() >= m.scenario().engines().size()) return false;
        // the spec the callback ran: report_signal's is the "signal" one, report_quiesce standing in for it included
        EngineSpec spec = m.scenario().engines().get(o.engine());
        CallbackSpec cb = spec.callback(o.signalAction() >= 0 ? Events.SIGNAL : o.code());
        return cb.selfCall() != null;
    }

    @Override public String checkCycle(Model m, List<Transition> cycle) {
        for (Transition t : cycle) if (progress(m, t)) return null;
        return "livelock: a cycle of " + cycle.size() + " steps that never returns to user mode, with no engine asking for "
            + "more, can repeat for ever: "
            + summary(m, cycle) + fairness(m, cycle);
    }

    /**
     * Whether the cycle is fair (weak fairness): no actor that could move at every state of it stays out of it.
     * The search assumes no fairness, so it also reports a cycle a fair scheduler would leave; the message says
     * which kind it found, and which actors could end an unfair one.
     */
    static String fairness(Model m, List<Transition> cycle) {
        boolean[] in = new boolean[m.actorCount()];
        for (Transition t : cycle) in[t.actor()] = true;
        List<String> left = new ArrayList<>();
        for (int a = 0; a < m.actorCount(); a++) {
            if (in[a]) continue;
            boolean always = true;
            for (Transition t : cycle) {
                Transition other = m.step(t.after(), a);
                if (other == null || other.after().equals(t.after())) {
                    always = false;
                    break;
                }
            }
            if (always) left.add(m.actorName(a));
        }
        if (left.isEmpty()) return " (a fair cycle: every other actor is blocked or done all along it)";
        return " (unfair to " + String.join(", ", left) + ", which could move at every state of the cycle: a fair "
            + "scheduler would run " + (left.size() == 1 ? "it" : "them") + ")";
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

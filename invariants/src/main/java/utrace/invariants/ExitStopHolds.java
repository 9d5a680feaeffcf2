package utrace.invariants;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/**
 * The one stop SIGKILL does not break at once: utrace.h, @report_exit, "Returning UTRACE_STOP here keeps
 * @current stopped before it cleans up its state and dies". A thread that dequeued its SIGKILL and runs
 * do_exit() sleeps in utrace_stop() for an engine whose report_exit returned UTRACE_STOP, because
 * utrace_stop() tests only __fatal_signal_pending() (patch 01); sigkill-wins names this its exception.
 * Without this invariant nothing would notice that stop going missing: the thread is killed, so
 * stop-is-sticky does not look at it (the fidelity scenario sigkill-held-at-exit, issue 13).
 */
final class ExitStopHolds extends Base {
    ExitStopHolds() {
        super("exit-stop-holds",
            "A thread whose report_exit callback returned UTRACE_STOP does not pass exit_notify (become a zombie "
            + "or dead) while that engine still asks for the stop (ENGINE_STOP) and its owner's utrace_control() has "
            + "neither let go (any action but STOP, not refused with -EINVAL) nor detached it, unless a new SIGKILL "
            + "is pending (utrace.h, @report_exit: "
            + "\"Returning UTRACE_STOP here keeps @current stopped before it cleans up its state and dies\"; "
            + "utrace_stop() tests __fatal_signal_pending(), which the dequeued SIGKILL no longer is).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (before.exitState() != TaskState.EXIT_NONE || t.after().exitState() == TaskState.EXIT_NONE) return null;
        // a fresh SIGKILL ends the stop: one sent and not dequeued since, as the history tells it (not task->pending,
        // which a broken dequeue leaves set)
        if (before.taskHistory(Slots.G_SIGKILL_UNTAKEN)) return null;
        for (int e = 0; e < m.engineCount(); e++) {
            if (live(before, e) && before.has(Slots.engine(e, Slots.E_FLAGS), Events.ENGINE_STOP)
                    && before.engineHistory(e, Slots.EG_EXIT_STOP)) {
                return "the thread passed exit_notify (exit_state " + TaskState.exitName(t.after().exitState()) + ") although "
                    + m.engineName(e) + "'s report_exit returned UTRACE_STOP and " + m.engineName(e) + " has not let it go";
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.EXIT_STATE, -1);
        v.read(Slots.G_TASK, Slots.G_SIGKILL_UNTAKEN);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, Events.ENGINE_STOP);
        engines(m, v, Slots.E_GHOST, Slots.EG_EXIT_STOP);
    }

    /** No observation: the check reads exit_state, which the step that fires it writes. */
    @Override public int observes() { return 0; }
}

package utrace.invariants;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;

/**
 * Guarantee 5, its other half: after utrace_control(STOP) returns -EINPROGRESS, the engine is called
 * back before the tracee stops for it. utrace.h, UTRACE_STOP: "This returns -%EINPROGRESS if @target
 * is not already stopped. Then the effect is like %UTRACE_REPORT. A @report_quiesce or @report_signal
 * callback will be made soon. Your callback can then return %UTRACE_STOP to keep @target stopped."
 * The DocBook narrows it to engines "that set the UTRACE_EVENT(QUIESCE) event bit". An engine that
 * waits for that callback, as the DocBook tells it to, waits for good if the tracee stops without it:
 * only the engine's own utrace_control() can end that stop (docs/findings.md, finding 8).
 */
final class StopEinprogressMeansCallback extends Base {
    StopEinprogressMeansCallback() {
        super("stop-einprogress-means-callback",
            "After utrace_control(UTRACE_STOP) returns -EINPROGRESS to an engine with UTRACE_EVENT(QUIESCE), the "
            + "tracee does not sleep in utrace_stop for that engine alone before a callback to it is made "
            + "(PATCHES.md guarantee 5; utrace.h, UTRACE_STOP: \"A @report_quiesce or @report_signal callback will "
            + "be made soon. Your callback can then return %UTRACE_STOP to keep @target stopped\"; the DocBook: "
            + "\"an engine must wait for an event callback when the thread is ready to stop\"). Edges utrace.h "
            + "draws: while another engine keeps the tracee stopped there \"might be no callbacks until all "
            + "engines let it resume\" (UTRACE_REPORT); a stop the engine's own callback asked for (it returned, "
            + "or may still return, UTRACE_STOP) owes no further callback; the engine's next utrace_control(), a "
            + "utrace_set_events() that drops QUIESCE, a detach, or SIGKILL ends the promise (docs/findings.md, "
            + "finding 8).");
    }

    @Override public String checkState(Model m, State s) {
        if (s.killed()) return null; // SIGKILL ends the stop: the callbacks of the exit follow
        int owed = -1;
        for (int e = 0; e < m.engineCount(); e++) {
            if (!live(s, e) || !s.has(Slots.engine(e, Slots.E_FLAGS), Events.ENGINE_STOP)) continue;
            // EG_HELD_STOPPED: the tracee went to sleep in utrace_stop while this engine wanted the stop
            // (a 0 return from STOP sets it too, but never for an engine that is owed a callback).
            boolean promised = s.engineHistory(e, Slots.EG_STOP_OWED) && s.engineHistory(e, Slots.EG_HELD_STOPPED)
                && s.has(Slots.engine(e, Slots.E_FLAGS), Events.QUIESCE);
            // UTRACE_REPORT, which -EINPROGRESS is "like": "If another engine is keeping @target stopped,
            // then there might be no callbacks until all engines let it resume."
            if (!promised) return null;
            if (owed < 0) owed = e;
        }
        if (owed < 0) return null;
        return "the tracee sleeps in utrace_stop for " + m.engineName(owed) + " alone, whose utrace_control(STOP) "
            + "returned -EINPROGRESS, and no callback has been made to " + m.engineName(owed) + " since";
    }

    /** What checkState reads (partial-order reduction's visibility): engine state and history, SIGKILL. */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_KILLED);
        engines(m, v, Slots.E_GHOST, Slots.EG_STOP_OWED | Slots.EG_HELD_STOPPED);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, Events.ENGINE_STOP | Events.QUIESCE);
    }

    /** A state check only: no step's observations matter. */
    @Override public int observes() { return 0; }

    @Override public boolean quietStepsPass() { return true; }
}

package utrace.invariants;

import java.util.List;

import utrace.model.EngineList;
import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The other half of no-unrequested-callback: an engine gets the callbacks it asked for. The hooks (system call
 * entry and exit, do_exit's EXIT, the signal dequeue) test task->utrace_flags (and, for system calls,
 * TIF_SYSCALL_TRACE) without a lock, so what utrace_set_events()
 * stores before it returns must be what a later hook sees: the engine's flags, utrace_flags and the TIF flag
 * are all set under utrace->lock in the call. Judged where the tracee passes a hook without a report pass,
 * from the engines' flags in memory, and where a pass begins: an engine attached before it must be spliced
 * onto ->attached by it (utrace_add_engine's pending_attach).
 */
final class EventsReported extends ObservationCheck {
    EventsReported() {
        super("events-reported",
            "An engine gets the event reports it asked for: the tracee does not pass a system call's entry or exit "
            + "hook or do_exit's EXIT hook, or act on a signal utrace_get_signal dequeued (or one complete_signal turned into a "
            + "group exit as it was sent: patch 04's tracehook_consider_fatal_signal forbids that while an engine watches "
            + "SIGNAL_TERM/CORE), without a report pass while a live engine's "
            + "flags ask for that event (utrace.c, utrace_set_events(): \"This call enables @events callbacks to be "
            + "made as soon as @engine becomes eligible for any callbacks\"; utrace.h, UTRACE_EVENT(SIGNAL*): "
            + "report_signal is made for a signal the engine intercepts); a report pass that begins leaves no engine "
            + "on ->attaching that was attached and asked for the event before it began (start_report() splices "
            + "when utrace->pending_attach is set). Under the weak memory model an engine's "
            + "flags count once no actor's store buffer still holds a change of them or of utrace_flags.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.REPORT_STARTED) {
                String left = leftAttaching(m, before, t.after(), o.code());
                if (left != null) return left;
                continue;
            }
            if (o.kind() != Obs.Kind.EVENT_UNREPORTED) continue;
            int event = o.aux() != 0 ? SignalEvent.of(m, o.aux()) : o.code();
            for (int e = 0; e < m.engineCount(); e++) {
                if (!live(before, e) || (before.engineFlags(e) & event) == 0 || !settled(m, before, e, event)) continue;
                return "the tracee passed the " + Events.names(event) + " hook with no report pass although "
                    + m.engineName(e) + " asks for " + Events.names(event) + " (its flags: "
                    + Events.names(before.engineFlags(e)) + ")";
            }
        }
        return null;
    }

    /**
     * start_report() splices ->attaching when utrace->pending_attach says there is something to splice: an engine
     * that was on ->attaching with the event in its flags before the pass began (its attach and its
     * utrace_set_events returned) is on ->attached for it.
     */
    private static String leftAttaching(Model m, State before, State after, int event) {
        for (int e = 0; e < m.engineCount(); e++) {
            if (!EngineList.contains(before.attaching(), e) || !live(before, e) || (before.engineFlags(e) & event) == 0
                    || EngineList.contains(after.attached(), e) || !settled(m, before, e, event)) {
                continue;
            }
            return "the " + Events.names(event) + " report pass began with " + m.engineName(e) + " left on ->attaching, although "
                + m.engineName(e) + " was attached and asked for " + Events.names(event) + " before it began";
        }
        return null;
    }

    /** No actor still holds a store to the engine's flags or to utrace_flags (only the weak model buffers). */
    private static boolean settled(Model m, State s, int e, int event) {
        int flagsSlot = Slots.engine(e, Slots.E_FLAGS);
        for (int a = 0; a < m.actorCount(); a++) {
            if (m.seenBy(s, a, flagsSlot, event) != s.bits(flagsSlot, event)) return false;
            if (m.seenBy(s, a, Slots.UTRACE_FLAGS, event) != s.bits(Slots.UTRACE_FLAGS, event)) return false;
        }
        return true;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, -1); // engineFlags() reads the whole slot
        v.read(Slots.UTRACE_FLAGS, -1);
        v.read(Slots.ATTACHING, -1);
        v.read(Slots.ATTACHED, -1);
    }

    /** Observations checkTransition reads: hooks passed without a report pass, report passes begun. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.EVENT_UNREPORTED, Obs.Kind.REPORT_STARTED); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The other half of no-unrequested-callback: an engine gets the callbacks it asked for. The hooks test
 * task->utrace_flags (and, for system calls, TIF_SYSCALL_TRACE) without a lock, so what utrace_set_events()
 * stores before it returns must be what a later hook sees: the engine's flags, utrace_flags and the TIF flag
 * are all set under utrace->lock in the call. Judged where the tracee passes a hook without a report pass,
 * from the engines' flags in memory; an engine not yet spliced onto ->attached is not judged here (its flags
 * are in utrace_flags all the same, so the hook does report).
 */
final class EventsReported extends ObservationCheck {
    EventsReported() {
        super("events-reported",
            "An engine gets the event reports it asked for: the tracee does not pass a system call's entry or exit "
            + "hook, or act on a signal utrace_get_signal dequeued, without a report pass while a live engine's "
            + "flags ask for that event (utrace.c, utrace_set_events(): \"This call enables @events callbacks to be "
            + "made as soon as @engine becomes eligible for any callbacks\"; utrace.h, UTRACE_EVENT(SIGNAL*): "
            + "report_signal is made for a signal the engine intercepts). Under the weak memory model an engine's "
            + "flags count once no actor's store buffer still holds a change of them or of utrace_flags.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.EVENT_UNREPORTED) continue;
            int event = o.code();
            for (int e = 0; e < m.engineCount(); e++) {
                if (!live(before, e) || (before.engineFlags(e) & event) == 0 || !settled(m, before, e, event)) continue;
                return "the tracee passed the " + Events.names(event) + " hook with no report pass although "
                    + m.engineName(e) + " asks for " + Events.names(event) + " (its flags: "
                    + Events.names(before.engineFlags(e)) + ")";
            }
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
    }

    /** Observations checkTransition reads: hooks passed without a report pass. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.EVENT_UNREPORTED); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 8: utrace_set_events() error codes and the stopped-target promise. */
final class SetEventsErrors extends ObservationCheck {
    SetEventsErrors() {
        super("set-events-errors",
            "utrace_set_events(), called by an owner or by a callback on its own engine, fails with -EALREADY when clearing DEATH/QUIESCE after report_death began "
            + "or newly setting them on a dying task, and with -ESRCH once the reap began or the engine is detached; "
            + "after it returns 0 "
            + "to the owner, or to the engine's own callback, no callback outside the new mask is made, on a stopped or "
            + "a running target (where "
            + "a callback already under way must make it -EINPROGRESS, and after -EINPROGRESS once "
            + "utrace_barrier() returned 0); no error the comment does not give (-EINPROGRESS \"will never be "
            + "returned\" when @events only sets new bits); DEATH set with a 0 return is reported when the task "
            + "dies (PATCHES.md guarantee 8).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.isAnyReturnOf(OwnerOp.Kind.SET_EVENTS) && o.ret() != 0) {
                String why = spuriousError(m, before, t.actor(), o.engine(), o.aux(), o.ret());
                // the message is built only for a violation
                if (why != null) {
                    return (o.kind() == Obs.Kind.SELF_CALL_RETURN ? "a callback's own " : "") + "utrace_set_events("
                        + m.engineName(o.engine()) + ", " + Events.names(o.aux()) + ") returned "
                        + Errno.name(o.ret()) + why;
                }
            }
            if (o.isAnyReturnOf(OwnerOp.Kind.SET_EVENTS) && o.ret() == 0) {
                int e = o.engine();
                int old = flagsSeen(m, before, t.actor(), e);
                int events = o.aux();
                if (((old & ~events) & Events.DEATH_EVENTS) != 0 && before.taskHistory(Slots.G_DEATH_BEGAN)
                        && !before.taskHistory(Slots.G_DEATH_DONE)) {
                    return "utrace_set_events cleared " + Events.names(old & ~events & Events.DEATH_EVENTS)
                        + " on " + m.engineName(e) + " during report_death and returned 0, not -EALREADY";
                }
                if (((events & ~old) & Events.DEATH_EVENTS) != 0 && before.exitState() != 0) {
                    return "utrace_set_events set " + Events.names(events & ~old & Events.DEATH_EVENTS)
                        + " on a dying task and returned 0, not -EALREADY";
                }
                if (before.taskHistory(Slots.G_REAP_BEGAN)) {
                    return "utrace_set_events on " + m.engineName(e) + " returned 0 after the reap began, not -ESRCH";
                }
                // the DocBook: once detached, "all calls" with the engine "return -ESRCH" (get_utrace_lock)
                if (m.seenBy(before, t.actor(), Slots.engine(e, Slots.E_OPS), -1) != Ops.LIVE) {
                    return "utrace_set_events on " + m.engineName(e) + " returned 0 although it is detached, not -ESRCH";
                }
            }
            if (o.liveCallback() && before.engineHistory(o.engine(), Slots.EG_MASK_VALID)) {
                int mask = before.engineMask(o.engine()) & ~Slots.E_MASK_AFTER_BARRIER;
                // utrace_get_signal calls report_signal for QUIESCE too: not a callback QUIESCE's owner disabled.
                int enabling = (o.code() & Events.SIGNAL_ALL) != 0 ? o.code() | Events.QUIESCE : o.code();
                if ((mask & enabling) == 0) {
                    boolean barrier = (before.engineMask(o.engine()) & Slots.E_MASK_AFTER_BARRIER) != 0;
                    return callback(m, o) + (barrier
                        ? " although the owner's utrace_set_events left the mask " + Events.names(mask)
                            + " after an -EINPROGRESS return and its utrace_barrier() then returned 0"
                        : " although utrace_set_events(" + Events.names(mask) + ") returned 0 to "
                            + (before.engineHistory(o.engine(), Slots.EG_MASK_BY_CALLBACK) ? "its own callback" : "the owner"));
                }
            }
        }
        return null;
    }

    /**
     * An error utrace_set_events' comment does not give for this call: -EINPROGRESS "will never be returned" if
     * @events only sets new bits; -EALREADY is for clearing DEATH/QUIESCE once report_death began or newly
     * setting them on a dying task; -ESRCH for a detached engine or once the reap began. Returns what follows the
     * call in the message, or null.
     */
    private static String spuriousError(Model m, State s, int caller, int e, int events, int ret) {
        int old = flagsSeen(m, s, caller, e);
        if (ret == Errno.EINPROGRESS && (old & ~events) == 0) {
            return " although it only sets new bits (\"-EINPROGRESS will never be returned\")";
        }
        // report_death and the reap as their history bits tell them, not utrace->death and utrace->reap
        boolean deathUnderWay = s.taskHistory(Slots.G_DEATH_BEGAN) && !s.taskHistory(Slots.G_DEATH_DONE);
        if (ret == Errno.EALREADY && !((old & ~events & Events.DEATH_EVENTS) != 0 && deathUnderWay)
                && !((events & ~old & Events.DEATH_EVENTS) != 0 && s.exitState() != 0)) {
            return " although it neither clears DEATH/QUIESCE after report_death began nor newly sets them "
                + "on a dying task";
        }
        if (ret == Errno.ESRCH && m.seenBy(s, caller, Slots.engine(e, Slots.E_OPS), -1) == Ops.LIVE
                && !s.taskHistory(Slots.G_REAP_BEGAN)) {
            return " while " + m.engineName(e) + " is attached and the reap has not begun";
        }
        return null;
    }

    /**
     * The engine's flags as the calling actor read them (old_flags): under the weak memory model its own earlier
     * utrace_set_events may still sit in its store buffer, and the call reads it from there.
     */
    private static int flagsSeen(Model m, State s, int caller, int e) {
        return m.seenBy(s, caller, Slots.engine(e, Slots.E_FLAGS), -1) & ~Events.ENGINE_STOP;
    }

    @Override public String checkTerminal(Model m, State s) {
        if (s.exitState() == 0 || !m.traceeDead(s)) return null;
        for (int e = 0; e < m.engineCount(); e++) {
            if (s.engineHistory(e, Slots.EG_WANTED_DEATH) && !s.engineHistory(e, Slots.EG_DEATH_CALLED)
                    && s.engineOps(e) == Ops.LIVE) {
                return m.engineName(e) + " asked for DEATH in time but report_death was never made";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_FLAGS, -1);
        v.read(Slots.G_TASK, Slots.G_DEATH_BEGAN | Slots.G_DEATH_DONE | Slots.G_REAP_BEGAN);
        v.read(Slots.EXIT_STATE, -1);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_GHOST, Slots.EG_MASK_VALID | Slots.EG_MASK_BY_CALLBACK);
        engines(m, v, Slots.E_MASK, -1);
    }

    /** Observations checkTransition reads: utrace_set_events returns and callbacks. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN, Obs.Kind.SELF_CALL_RETURN, Obs.Kind.CALLBACK); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Actions;
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

/**
 * Guarantee 6's error codes, and the rest of utrace_control()'s comment: what each error means, judged on the
 * state the returning step read (get_utrace_lock and the body under utrace->lock are the steps that return).
 * The 0 and -EINPROGRESS of a live target are other invariants' (detach-is-final, stop-zero-means-stopped).
 */
final class ControlErrors extends ObservationCheck {
    ControlErrors() {
        super("control-errors",
            "utrace_control() fails as documented, called by an owner or by a callback on its own engine: on a dead target (exit_state set) every action but DETACH with "
            + "-ESRCH; -ESRCH (and not 0 or -EINPROGRESS) once the reap began or the engine is detached, and "
            + "only then; -EALREADY only for DETACH once report_death may have begun; -EINVAL exactly for REPORT, SINGLESTEP or BLOCKSTEP when "
            + "the engine lacks QUIESCE (PATCHES.md guarantee 6; utrace_control: \"If @target is already dead "
            + "(@target->exit_state nonzero), all actions except %UTRACE_DETACH fail with -%ESRCH\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (!o.isAnyReturnOf(OwnerOp.Kind.CONTROL)) continue;
            String why = why(m, before, t.actor(), o.engine(), o.aux(), o.ret());
            // the message is built only for a violation: this runs on every utrace_control return the search makes
            if (why != null) {
                return (o.kind() == Obs.Kind.SELF_CALL_RETURN ? "a callback's own " : "") + "utrace_control("
                    + m.engineName(o.engine()) + ", " + Actions.name(o.aux()) + ") returned "
                    + Errno.name(o.ret()) + why;
            }
        }
        return null;
    }

    /**
     * Null if {@code ret} is what utrace_control(e, action), called by actor {@code caller}, may return in
     * {@code s}, else why not (appended to the call). The engine's flags and ops are read as the caller saw
     * them: under the weak memory model its own earlier utrace_set_events or DETACH may still sit in its store
     * buffer, and the call reads it from there (store forwarding).
     */
    static String why(Model m, State s, int caller, int e, int action, int ret) {
        boolean needsQuiesce = action >= Actions.REPORT && action < Actions.RESUME
            && m.seenBy(s, caller, Slots.engine(e, Slots.E_FLAGS), Events.QUIESCE) == 0; // the bit it declares visible
        // The sanity check comes first, before get_utrace_lock(): it holds for a detached or dead engine too.
        if (needsQuiesce != (ret == Errno.EINVAL)) {
            return needsQuiesce ? ", not -EINVAL, although " + m.engineName(e) + " lacks QUIESCE"
                : " although " + m.engineName(e) + " has QUIESCE or the action needs none";
        }
        if (ret == Errno.EINVAL) return null;
        int ops = m.seenBy(s, caller, Slots.engine(e, Slots.E_OPS), -1);
        // The reap and report_death as their history bits tell them, not utrace->reap and utrace->death: the
        // kernel's own flags are what a broken utrace would get wrong (a death flag never cleared answers
        // -EALREADY for good).
        boolean reapBegan = s.taskHistory(Slots.G_REAP_BEGAN);
        boolean deathUnderWay = s.taskHistory(Slots.G_DEATH_BEGAN) && !s.taskHistory(Slots.G_DEATH_DONE);
        boolean gone = ops != Ops.LIVE || reapBegan;
        // A DETACH that returns in a step after its mark (the weak memory model) sees its own DETACHED ops; a
        // DETACH after an earlier one fails in get_utrace_lock, a step that sees those ops too (-ESRCH above).
        boolean ownMark = action == Actions.DETACH && ops == Ops.DETACHED && !reapBegan;
        boolean dead = s.exitState() != 0;
        if ((ret == Errno.OK || ret == Errno.EINPROGRESS) && gone && !ownMark) {
            // the DocBook: "After using UTRACE_DETACH once, further calls to utrace_control with the same engine
            // pointer will return -ESRCH"; get_utrace_lock() answers so once the reap began
            return " although " + m.engineName(e) + (reapBegan ? ": the reap has begun"
                : " is detached");
        }
        if (ret == Errno.ESRCH && !gone && !(dead && action != Actions.DETACH)) {
            return " while " + m.engineName(e) + " is attached, the reap has not begun"
                + (dead ? "" : " and the target is alive");
        }
        if (ret == Errno.EALREADY && !(action == Actions.DETACH && deathUnderWay)) {
            return action != Actions.DETACH ? ": -EALREADY is DETACH's alone"
                : s.taskHistory(Slots.G_DEATH_BEGAN) ? " after report_death and its bookkeeping finished"
                : " before report_death began";
        }
        if (dead && action != Actions.DETACH && ret != Errno.ESRCH) {
            return ", not -ESRCH, on a dead target (exit_state set)";
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_FLAGS, Events.QUIESCE);
        engines(m, v, Slots.E_OPS, -1);
        v.read(Slots.G_TASK, Slots.G_REAP_BEGAN | Slots.G_DEATH_BEGAN | Slots.G_DEATH_DONE);
        v.read(Slots.EXIT_STATE, -1);
    }

    /** Observations checkTransition reads: utrace_control returns, an owner's or a callback's on its own engine. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.API_RETURN, Obs.Kind.SELF_CALL_RETURN); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Guarantee 1 (PATCHES.md): report_reap never starts before report_death returned. */
final class ReapAfterDeath extends ObservationCheck {
    ReapAfterDeath() {
        super("reap-after-death",
            "With both DEATH and REAP requested, an engine's report_reap callback never starts before its "
            + "report_death callback has returned, and if report_death returned UTRACE_DETACH no report_reap "
            + "is made; an engine still attached with REAP when the task is reaped gets its report_reap "
            + "(PATCHES.md guarantee 1; utrace_maybe_reap() defers the reap while DEATH/QUIESCE are set, "
            + "utrace_report_death() does it afterwards; utrace.h: @report_reap is \"called when someone reaps "
            + "the dead task\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.ENGINE_REAPED) {
                if ((o.code() & Events.REAP) != 0 && o.aux() == 0) {
                    return m.engineName(o.engine()) + " asked for REAP but the reap tore it down with no report_reap";
                }
                continue;
            }
            if (!o.liveCallback() || o.code() != Events.REAP) continue;
            int e = o.engine();
            if (before.engineHistory(e, Slots.EG_DEATH_DETACHED)) {
                return "report_reap to " + m.engineName(e) + " after its report_death returned UTRACE_DETACH";
            }
            if (before.engineHistory(e, Slots.EG_WANTED_DEATH) && !before.engineHistory(e, Slots.EG_DEATH_RETURNED)) {
                return "report_reap to " + m.engineName(e) + " before its report_death "
                    + (before.engineHistory(e, Slots.EG_DEATH_CALLED) ? "returned" : "was made");
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_DEATH_DETACHED | Slots.EG_WANTED_DEATH | Slots.EG_DEATH_RETURNED | Slots.EG_DEATH_CALLED);
    }

    /** Observations checkTransition reads: report_reap callbacks, and engines the reap tears down. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK, Obs.Kind.ENGINE_REAPED); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/** Patch 17's promise: TRACED|UTRACED runs only when both ptrace and utrace let it. */
final class QuiescentNeedsBoth extends ObservationCheck {
    QuiescentNeedsBoth() {
        super("quiescent-needs-both",
            "A tracee stopped for ptrace and for utrace (TASK_TRACED|TASK_UTRACED) runs again only after ptrace has "
            + "resumed it and every engine that stopped it has let it go: it never leaves a stop while ptrace still "
            + "holds it or an engine was told it is stopped, unless it is killed (PATCHES.md rows 10, 12, 15, 17, 18).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (before.killed()) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.STOP_LEFT) continue;
            if (before.has(Slots.G_PTRACE, Slots.G_PT_HOLDS) && t.after().has(Slots.PTRACE, Slots.PT_PTRACED)) {
                return "the tracee left its ptrace stop although ptrace has not resumed it";
            }
            for (int e = 0; e < m.engineCount(); e++) {
                if (before.engineHistory(e, Slots.EG_HELD_STOPPED) && t.after().engineHistory(e, Slots.EG_HELD_STOPPED)) {
                    return "the tracee left its stop although " + m.engineName(e) + " still keeps it stopped";
                }
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_KILLED);
        v.read(Slots.G_PTRACE, Slots.G_PT_HOLDS);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
        engines(m, v, Slots.E_GHOST, Slots.EG_HELD_STOPPED);
    }

    /** Observations checkTransition reads: stop exits. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.STOP_LEFT); }
}

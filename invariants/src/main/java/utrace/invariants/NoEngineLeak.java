package utrace.invariants;

import utrace.model.EngineList;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Ops;
import utrace.model.Slots;
import utrace.model.State;

/** Guarantee 11: engine lifetime, reference counts and lists. */
final class NoEngineLeak extends Base {
    NoEngineLeak() {
        super("no-engine-leak",
            "Engine reference counts and lists stay consistent: an engine is on at most one of ->attached "
            + "and ->attaching, the attached state holds exactly one reference and the owner one until "
            + "utrace_engine_put, no engine on a list has been freed, and once the task has been released "
            + "no engine is left attached (PATCHES.md guarantee 11).");
    }

    @Override public String checkState(Model m, State s) {
        for (int e = 0; e < m.engineCount(); e++) {
            boolean attached = EngineList.contains(s.attached(), e);
            boolean attaching = EngineList.contains(s.attaching(), e);
            if (attached && attaching) return m.engineName(e) + " is on both ->attached and ->attaching";
            boolean onList = attached || attaching;
            int expected = (onList ? 1 : 0) + (s.engineHistory(e, Slots.EG_OWNER_REF) ? 1 : 0);
            if (onList && s.engineOps(e) == Ops.NULL) return m.engineName(e) + " is on a list with ops == NULL";
            if (onList && s.engineHistory(e, Slots.EG_FREED)) return m.engineName(e) + " was freed while still on a list";
            // an engine being torn down (off the lists, ops not yet NULL) still holds its attached reference
            boolean tearingDown = !onList && s.engineOps(e) != Ops.NULL;
            if (!tearingDown && s.engineRef(e) != expected) {
                return m.engineName(e) + " has " + s.engineRef(e) + " references, expected " + expected;
            }
        }
        return null;
    }

    @Override public String checkTerminal(Model m, State s) {
        // Released: release_task began (utrace_maybe_reap(reap)), or it is EXIT_DEAD (autoreaped or reaped
        // with no utrace flags left), or the real parent's wait() reaped it. A zombie is not: a tracer that still
        // holds it may reap it later.
        boolean released = s.taskHistory(Slots.G_REAP_BEGAN) || s.exitState() == utrace.model.TaskState.EXIT_DEAD
            || m.parentReaped(s);
        if (!released || !m.traceeDead(s)) return null;
        for (int e = 0; e < m.engineCount(); e++) {
            if (s.engineOps(e) != Ops.NULL) {
                return m.engineName(e) + " is still attached (ops " + Ops.name(s.engineOps(e)) + ") after the task was released";
            }
        }
        if (s.attached() != 0 || s.attaching() != 0) return "engines left on the lists of a released task";
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.ATTACHED, -1);
        v.read(Slots.ATTACHING, -1);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_REF, -1);
        engines(m, v, Slots.E_GHOST, Slots.EG_OWNER_REF | Slots.EG_FREED);
    }
}

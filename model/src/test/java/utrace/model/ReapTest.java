package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * utrace_maybe_reap() (kernel/utrace.c, patch 01), utrace_release_task()
 * (patch 08) and utrace_report_death()'s tail, on hand-built states.
 * Seed: "if (reap) { utrace->reap = 1; if (utrace_flags & _UTRACE_DEATH_EVENTS) { unlock; return; } }
 * else { utrace->death = 0; if (!utrace->reap) { utrace_reset(); return; } }
 * utrace_flags = 0; list_replace_init(attached); list_splice_tail_init(attaching); unlock;
 * for each: if (flags & REAP) report_reap; ops = NULL; flags = 0; utrace_engine_put."
 */
class ReapTest {
    private static final int TRACEE = 0, PARENT = 1;
    private static final int E1 = 0, E2 = 1, E3 = 2;

    private static Fixture fx() {
        Fixture f = Fixture.of("engine E1\nengine E2\nengine E3\ntracee exit\nparent wait\n");
        assertEquals("parent", f.model.actorRole(PARENT));
        return f;
    }

    /** A zombie whose parent is about to take utrace->lock in utrace_maybe_reap(reap=true). */
    private static Fixture zombieBeingReleased() {
        return fx().set(EXIT_STATE, TaskState.EXIT_DEAD).pc(TRACEE, TraceeExit.DEAD).pc(PARENT, Parent.REAP_LOCK);
    }

    @Test
    void releaseDefersWhileDeathEventsAreSet() {
        for (int ev : new int[] {Events.DEATH, Events.QUIESCE}) {
            Fixture f = zombieBeingReleased().attach(E1, ev | Events.REAP).attach(E2, Events.REAP);
            Ctx c = f.ctx(PARENT);
            assertEquals(-1, Reaper.maybeReapOnRelease(c), "deferred to utrace_report_death");
            assertTrue(f.has(UBITS, U_REAP), "utrace->reap = 1 even when deferring");
            assertEquals(ev | Events.REAP, f.get(UTRACE_FLAGS), "flags and lists untouched");
            assertEquals(2, EngineList.size(f.get(ATTACHED)));
            assertEquals(Ops.LIVE, f.eget(E1, E_OPS));
        }
    }

    @Test
    void releaseTearsDownWhenNoDeathReportIsPending() {
        Fixture f = zombieBeingReleased().attach(E1, Events.REAP | Events.EXEC).attach(E2, Events.EXIT).attaching(E3, 0);
        int list = Reaper.maybeReapOnRelease(f.ctx(PARENT));
        assertEquals("[E1,E2,E3]", EngineList.format(list, f.model::engineName), "attached, then attaching");
        assertEquals(0, f.get(UTRACE_FLAGS), "utrace_flags = 0");
        assertEquals(EngineList.EMPTY, f.get(ATTACHED));
        assertEquals(EngineList.EMPTY, f.get(ATTACHING));
        assertTrue(f.has(UBITS, U_REAP));
    }

    @Test
    void reapMutationsTearDownRegardless() {
        Fixture f = Fixture.of("engine E1\ntracee exit\nparent wait\n",
            Fixture.CORE.withMutations(java.util.EnumSet.of(Mutation.REAP_NOT_DEFERRED)));
        f.attach(E1, Events.DEATH | Events.REAP);
        assertTrue(Reaper.maybeReapOnRelease(f.ctx(PARENT)) > 0);
    }

    @Test
    void teardownLoopReportsReapOnlyToEnginesThatWantItAndPutsEveryone() {
        Fixture f = zombieBeingReleased().attach(E1, Events.REAP).attach(E2, Events.EXIT).attach(E3, Events.REAP);
        f.eset(E1, E_REF, 2);
        f.eset(E3, E_OPS, Ops.DETACHED);

        List<Obs> obs = new ArrayList<>();
        State s = f.state();
        for (int i = 0; i < 10 && s.get(f.base(PARENT)) != Parent.DONE; i++) {
            Transition t = f.model.step(s, PARENT);
            assertNotNull(t, "the reaping parent never blocks here");
            obs.addAll(t.obs());
            s = t.after();
        }
        assertEquals(Parent.DONE, s.get(f.base(PARENT)));
        assertEquals(List.of(Obs.callback(E1, Events.REAP, Actions.RESUME, true), Obs.engineReaped(E1, Events.REAP, true),
            Obs.engineReaped(E2, Events.EXIT, false), Obs.callback(E3, Events.REAP, Actions.RESUME, false)), obs,
            "report_reap for E1, utrace_detached_reap for E3, nothing for E2; the live ones leave with their flags "
            + "and whether their report_reap was made (reap-after-death reads it)");
        for (int e = 0; e < 3; e++) {
            assertEquals(Ops.NULL, s.engineOps(e));
            assertEquals(0, s.engineFlags(e));
        }
        assertEquals(1, s.engineRef(E1));
        assertEquals(0, s.engineRef(E2));
        assertTrue(s.engineHistory(E1, EG_REAP_CALLED));
        assertFalse(s.engineHistory(E3, EG_REAP_CALLED), "a detached engine's reap is not a real report_reap");
        assertTrue(s.engineHistory(E2, EG_FREED));
    }

    @Test
    void releaseTaskSkipsTheReapWithoutUtraceFlags() {
        // utrace_release_task(): "smp_mb(); if (task_utrace_flags(task)) utrace_maybe_reap(task, utrace, true);"
        Fixture f = fx().set(EXIT_STATE, TaskState.EXIT_DEAD).pc(PARENT, Parent.RELEASE);
        Transition t = f.step(PARENT);
        assertEquals(Parent.DONE, t.after().get(f.base(PARENT)));
        Fixture g = fx().attach(E1, Events.REAP).set(EXIT_STATE, TaskState.EXIT_DEAD).pc(PARENT, Parent.RELEASE);
        assertEquals(Parent.REAP_LOCK, g.step(PARENT).after().get(g.base(PARENT)));
    }

    @Test
    void parentReapWaitsForUtraceLock() {
        Fixture f = zombieBeingReleased().attach(E1, Events.REAP).lockedBy(TRACEE);
        assertNull(f.step(PARENT));
    }

    @Test
    void deathWithoutReapResetsToReapOnly() {
        // utrace_maybe_reap(reap=false) from utrace_report_death: death = 0; !reap -> utrace_reset.
        Fixture f = fx().attach(E1, Events.DEATH | Events.QUIESCE).attach(E2, Events.EXIT)
            .set(EXIT_STATE, TaskState.EXIT_ZOMBIE).set(UBITS, U_DEATH).pc(TRACEE, TraceeExit.DEATH_MAYBE_REAP);
        State s = f.step(TRACEE).after();
        assertFalse(s.utraceBit(U_DEATH));
        assertEquals(Events.REAP, s.utraceFlags(), "utrace_reset keeps only REAP on a dead task");
        assertEquals(2, EngineList.size(s.attached()), "engines stay for the reap");
        assertEquals(TraceeExit.DEAD, s.get(f.base(TRACEE)));
        assertEquals(-1, s.lockHolder(LOCK_UTRACE));
    }

    @Test
    void deathAfterReleaseTaskTearsDownItself() {
        Fixture f = fx().attach(E1, Events.DEATH | Events.REAP).attach(E2, Events.REAP)
            .set(EXIT_STATE, TaskState.EXIT_DEAD).set(UBITS, U_DEATH | U_REAP).pc(TRACEE, TraceeExit.DEATH_MAYBE_REAP)
            .pc(PARENT, Parent.DONE);
        State s = f.step(TRACEE).after();
        assertFalse(s.utraceBit(U_DEATH));
        assertEquals(0, s.utraceFlags());
        assertEquals(EngineList.EMPTY, s.attached());
        assertTrue(s.taskHistory(G_TORN_DOWN));
        assertEquals(TraceeExit.REAP_LOOP, s.get(f.base(TRACEE)));
        assertEquals(-1, s.lockHolder(LOCK_UTRACE));
        int reaps = 0;
        for (int i = 0; i < 5 && s.get(f.base(TRACEE)) == TraceeExit.REAP_LOOP; i++) {
            Transition t = f.model.step(s, TRACEE);
            reaps += (int) t.obs().stream().filter(Obs::liveCallback).count();
            s = t.after();
        }
        assertEquals(2, reaps, "report_reap for both engines, after report_death");
        assertEquals(TraceeExit.DEAD, s.get(f.base(TRACEE)));
    }
}

package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelTest {
    static List<String> shippedNames() {
        return Scenarios.shippedNames();
    }

    private static Model model(String text) throws ScenarioFormatException {
        return new Model(ScenarioParser.parse("t", text), ModelConfig.fullSeries());
    }

    @Test
    void initialStateOfPreattachedEngines() throws Exception {
        Model m = model("scenario t\n"
            + "engine E1 preattached events=QUIESCE|SYSCALL_ENTRY\n"
            + "engine E2 events=EXEC\n"
            + "engine E3 preattached events=DEATH\n"
            + "tracee syscall\n"
            + "owner E1 control STOP\n");
        State s = m.initial();
        assertEquals("[E1,E3]", EngineList.format(s.attached(), m::engineName), "preattached engines, in declaration order");
        assertEquals(EngineList.EMPTY, s.attaching());
        assertEquals(Events.QUIESCE | Events.SYSCALL_ENTRY | Events.DEATH | Events.REAP, s.utraceFlags(),
            "union of the engines' events | REAP");
        assertTrue((s.tif() & Tif.SYSCALL_TRACE) != 0, "a syscall event needs TIF_SYSCALL_TRACE");
        assertEquals(Ops.LIVE, s.engineOps(0));
        assertEquals(Ops.NULL, s.engineOps(1), "not preattached: its owner must attach it");
        assertEquals(Ops.LIVE, s.engineOps(2));
        assertEquals(Events.QUIESCE | Events.SYSCALL_ENTRY, s.engineFlags(0));
        assertEquals(2, s.engineRef(0), "attached reference + the owner's");
        assertEquals(1, s.engineRef(2), "no owner: only the attached reference");
        assertEquals(0, s.engineSeq(0));
        assertEquals(1, s.engineSeq(2));
        assertEquals(2, s.get(G_ATTACH_COUNT));
        assertEquals(1, s.get(UTRACE_ALLOCATED));
        assertEquals(TaskState.RUNNING, s.taskState());
        assertEquals(TaskState.EXIT_NONE, s.exitState());
        assertEquals(Actions.RESUME, s.resume());
        assertEquals(-1, s.reporting());
        for (int l : new int[] {LOCK_UTRACE, LOCK_SIGLOCK, LOCK_TASKLIST, LOCK_TASK}) assertEquals(-1, s.lockHolder(l));
        assertEquals(2, m.actorCount());
        assertEquals("tracee", m.actorRole(0));
        assertEquals("owner", m.actorRole(1));
    }

    @Test
    void initialStateWithoutPreattachedEngines() throws Exception {
        State s = model("scenario t\nengine E1 events=SYSCALL\ntracee exit\nowner E1 attach\nparent wait\n").initial();
        assertEquals(0, s.utraceFlags());
        assertEquals(EngineList.EMPTY, s.attached());
        assertEquals(0, s.get(UTRACE_ALLOCATED), "task->utrace is allocated lazily by the first attach (patch 02)");
        assertEquals(0, s.tif());
    }

    @ParameterizedTest
    @MethodSource("shippedNames")
    void initialStateOfEveryShippedScenario(String name) throws Exception {
        Scenario sc = Scenarios.load(name);
        State s = new Model(sc, ModelConfig.fullSeries()).initial();
        int union = 0, n = 0;
        for (int e = 0; e < sc.engines().size(); e++) {
            EngineSpec spec = sc.engines().get(e);
            assertEquals(spec.preattached(), EngineList.contains(s.attached(), e), spec.name());
            if (spec.preattached()) {
                union |= spec.events() | Events.REAP;
                assertEquals(n++, EngineList.indexOf(s.attached(), e), "declaration order");
            }
        }
        assertEquals(union, s.utraceFlags());
        assertEquals((union & Events.SYSCALL) != 0, (s.tif() & Tif.SYSCALL_TRACE) != 0);
    }

    /** Exploring twice gives the same numbers; stepping never mutates the state it starts from. */
    @ParameterizedTest
    @MethodSource("shippedNames")
    void explorationIsDeterministic(String name) throws Exception {
        Scenario sc = Scenarios.load(name);
        NaiveSearch a = NaiveSearch.run(new Model(sc, ModelConfig.fullSeries()));
        NaiveSearch b = NaiveSearch.run(new Model(Scenarios.load(name), ModelConfig.fullSeries()));
        assertTrue(a.states() > 1);
        assertEquals(a.states(), b.states());
        assertEquals(a.transitions, b.transitions);
        assertEquals(a.maxDepth, b.maxDepth);
        assertEquals(a.depth, b.depth, "the same states at the same BFS depths");
    }

    @ParameterizedTest
    @MethodSource("shippedNames")
    void stepIsAPureFunctionOfStateAndActor(String name) throws Exception {
        Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> q = new ArrayDeque<>();
        seen.add(m.initial());
        q.add(m.initial());
        while (!q.isEmpty()) {
            State s = q.poll();
            int[] before = s.copyValues();
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t1 = m.step(s, a, false);
                Transition t2 = m.step(s, a, true);
                assertArrayEquals(before, s.copyValues(), "step must not modify its input state");
                assertEquals(t1 == null, t2 == null, "recording must not change what is enabled");
                if (t1 == null) continue;
                assertEquals(t1.after(), t2.after(), "recording must not change the step");
                assertEquals(t1.obs(), t2.obs());
                assertEquals(a, t1.actor());
                assertEquals(s.size(), t1.after().size());
                if (seen.add(t1.after())) q.add(t1.after());
            }
        }
    }

    /**
     * A hand-counted state space: an idle tracee (empty life), one engine
     * never attached, a killer sending one SIGUSR1. The tracee can only move
     * once the signal is pending: USER (TIF_SIGPENDING) -> EXIT_TO_USER ->
     * GS_HOOK (get_signal, dequeue: recalc_sigpending clears TIF) -> GS_HANDLER
     * -> EXIT_TO_USER -> USER. So: init, the send, five tracee steps = 7 states,
     * 6 transitions, depth 6.
     */
    @Test
    void handCountedStateSpaceOneSignal() throws Exception {
        NaiveSearch n = NaiveSearch.run(model("scenario t\nengine E1\ntracee\nkiller SIGUSR1\n"));
        assertEquals(7, n.states());
        assertEquals(6, n.transitions);
        assertEquals(6, n.maxDepth);
    }

    /**
     * The same with two SIGUSR1 (see the explorer test for the derivation):
     * 1 state before any send, S1..S6 after the first, A1..A6 plus B4 (second
     * signal after the first was dequeued, in the handler) after the second:
     * 14 states, 18 transitions, depth 7.
     */
    @Test
    void handCountedStateSpaceTwoSignals() throws Exception {
        NaiveSearch n = NaiveSearch.run(model("scenario t\nengine E1\ntracee\nkiller SIGUSR1 SIGUSR1\n"));
        assertEquals(14, n.states());
        assertEquals(18, n.transitions);
        assertEquals(7, n.maxDepth);
    }

    @ParameterizedTest
    @MethodSource("shippedNames")
    void canProgressMatchesTheSteps(String name) throws Exception {
        Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        NaiveSearch n = NaiveSearch.run(m);
        int terminal = 0;
        for (State s : n.depth.keySet()) {
            boolean moves = false;
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a);
                if (t != null && !t.after().equals(s)) moves = true;
            }
            assertEquals(moves, m.canProgress(s));
            if (!moves) terminal++;
        }
        assertTrue(terminal > 0, "every shipped scenario ends somewhere");
    }
}

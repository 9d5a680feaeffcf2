package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.InvariantSet;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

class ExplorerTest {
    static List<String> shippedNames() {
        return Scenarios.shippedNames();
    }

    /** How a mutation is checked: the core set plus the invariant it names (the ptrace-tests ones are outside core). */
    static List<Invariant> coreAnd(Mutation mu) {
        try {
            return InvariantSet.shipped("core").plus(mu.breaks).invariants();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<Invariant> core() {
        try {
            return InvariantSet.shipped("core").invariants();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Model model(String scenarioText) {
        try {
            return new Model(ScenarioParser.parse("test", scenarioText), ModelConfig.fullSeries());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Model shipped(String name, Mutation... ms) {
        try {
            ModelConfig cfg = ModelConfig.fullSeries();
            if (ms.length > 0) cfg = cfg.withMutations(EnumSet.of(ms[0], ms));
            return new Model(Scenarios.load(name), cfg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ExplorationResult explore(Model m, List<Invariant> invs) {
        return new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, invs);
    }

    // ---- known state counts ------------------------------------------------------------

    /** An idle tracee (empty life), an engine that is never attached, a killer. */
    // tkill(): the signals go to task->pending (kill() would queue them on the shared queue; same counts)
    private static final String ONE_SIGNAL = "scenario s\nengine E1\ntracee\nkiller tkill:SIGUSR1\n";
    private static final String TWO_SIGNALS = "scenario s\nengine E1\ntracee\nkiller tkill:SIGUSR1 tkill:SIGUSR1\n";

    /**
     * Derivation by hand. utrace_flags stays 0 (no engine is attached), so the
     * tracee runs the plain signal path. In the initial state only the killer
     * can move (the idle tracee has no TIF work). After the send:
     * S1 USER with TIF_SIGPENDING -> S2 EXIT_TO_USER -> S3 GS_HOOK (get_signal)
     * -> dequeue SIGUSR1, recalc_sigpending clears TIF -> S4 GS_HANDLER
     * -> S5 EXIT_TO_USER -> S6 USER, idle, killer done. Nothing is written to
     * the tracee's locals on this path, so the only difference between S6 and
     * the initial state is the killer's pc.
     * States: init + S1..S6 = 7; transitions: 1 (send) + 5 (tracee) = 6; depth 6.
     */
    @Test
    void handCountedOneSignal() {
        ExplorationResult r = explore(model(ONE_SIGNAL), List.of());
        assertEquals(Verdict.PASS, r.verdict());
        assertEquals(7, r.stats().states());
        assertEquals(6, r.stats().transitions());
        assertEquals(6, r.stats().maxDepth());
        assertNull(r.counterexample());
        assertNull(r.incompleteReason());
        assertEquals(r.stats().states(), explore(model(ONE_SIGNAL), core()).stats().states(), "invariants do not change the graph");
    }

    /**
     * Two SIGUSR1 (pending signals are a set, so a second one while the first
     * is pending merges). Killer pc k = 0, 1, 2:
     * k=0: init only (1 state).
     * k=1: S1..S6 as above (6 states).
     * k=2: the second send from S1, S2, S3 gives A1, A2, A3 (same tracee state, k=2);
     *      the tracee goes on A1 -> A2 -> A3 -> A4 (GS_HANDLER) -> A5 -> A6 (idle);
     *      from S4 (handler, nothing pending) the send gives B4 = GS_HANDLER with
     *      SIGUSR1 pending, and B4 -> A2 (EXIT_TO_USER, pending);
     *      from S5 the send gives A2, from S6 it gives A1. (7 states)
     * States 1 + 6 + 7 = 14.
     * Transitions: init 1; S1..S5 two each (tracee, killer) = 10; S6 one (killer);
     *      A1..A5 one each = 5; B4 one; A6 none. Total 18.
     * Depth: A2 is at depth 3 (init, S1, A1|S2, A2), so A6 at 3 + 4 = 7.
     */
    @Test
    void handCountedTwoSignals() {
        ExplorationResult r = explore(model(TWO_SIGNALS), core());
        assertEquals(Verdict.PASS, r.verdict());
        assertEquals(14, r.stats().states());
        assertEquals(18, r.stats().transitions());
        assertEquals(7, r.stats().maxDepth());
    }

    @Test
    void handCountsAgreeWithTheNaiveSearch() {
        for (String text : List.of(ONE_SIGNAL, TWO_SIGNALS)) {
            NaiveBfs n = NaiveBfs.run(model(text), List.of());
            ExplorationResult r = explore(model(text), List.of());
            assertEquals(n.states(), r.stats().states());
            assertEquals(n.transitions, r.stats().transitions());
        }
    }

    /** The fingerprint search finds exactly the states an exact HashSet<State> search finds. */
    @ParameterizedTest
    @MethodSource("shippedNames")
    void countsAgreeWithANaiveExactSearch(String name) {
        NaiveBfs n = NaiveBfs.run(shipped(name), List.of());
        ExplorationResult r = explore(shipped(name), List.of());
        assertEquals(Verdict.PASS, r.verdict(), "no invariants: nothing can fail");
        assertEquals(n.states(), r.stats().states(), "states");
        assertEquals(n.transitions, r.stats().transitions(), "transitions");
        assertEquals(n.maxDepth, r.stats().maxDepth(), "depth");
        assertTrue(r.stats().visitedBytes() >= 8L * r.stats().states());
    }

    /** The shipped scenarios pass the core invariants on the full series, over the same graph. */
    @ParameterizedTest
    @MethodSource("shippedNames")
    void shippedScenariosPassCoreWithTheSameCounts(String name) {
        ExplorationResult r = explore(shipped(name), core());
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample() == null ? "" : r.counterexample().violation().describe());
        NaiveBfs n = NaiveBfs.run(shipped(name), core());
        assertEquals(-1, n.shortestViolation);
        assertEquals(n.states(), r.stats().states());
    }

    // ---- determinism -------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("shippedNames")
    void repeatedRunsGiveTheSameCounts(String name) {
        ExplorationResult a = explore(shipped(name), core());
        ExplorationResult b = explore(shipped(name), core());
        assertEquals(a.verdict(), b.verdict());
        assertEquals(a.stats().states(), b.stats().states());
        assertEquals(a.stats().transitions(), b.stats().transitions());
        assertEquals(a.stats().maxDepth(), b.stats().maxDepth());
        assertEquals(a.stats().visitedBytes(), b.stats().visitedBytes());
    }

    @Test
    void repeatedRunsGiveTheSameCounterexample() {
        for (Mutation mu : Mutation.values()) {
            ExplorationResult a = explore(shipped(mu.scenario, mu), coreAnd(mu));
            ExplorationResult b = explore(shipped(mu.scenario, mu), coreAnd(mu));
            assertEquals(Verdict.VIOLATION, a.verdict(), mu.id);
            assertEquals(a.counterexample().schedule(), b.counterexample().schedule(), mu.id);
            assertEquals(a.counterexample().violation().describe(), b.counterexample().violation().describe(), mu.id);
            assertEquals(a.counterexample().violation().kind(), b.counterexample().violation().kind(), mu.id);
            assertEquals(a.stats().states(), b.stats().states(), mu.id);
            assertEquals(a.stats().transitions(), b.stats().transitions(), mu.id);
        }
    }

    // ---- counterexamples ---------------------------------------------------------------

    /** Re-applies the schedule and re-checks the violation where the explorer reported it. */
    private static void assertReplays(Model m, Counterexample cx) {
        State s = m.initial();
        State before = s;
        Transition last = null;
        Violation v = cx.violation();
        State entry = s;
        java.util.List<Transition> around = new java.util.ArrayList<>();
        for (int a : cx.schedule()) {
            Transition t = m.step(s, a);
            assertNotNull(t, "schedule step by actor " + a + " must be enabled");
            before = s;
            last = t;
            s = t.after();
        }
        if (v.kind() == Violation.Kind.CYCLE) {
            // a lasso: the steps after cycleStart lead back to the state after them, and the invariant forbids them
            State t = m.initial();
            for (int i = 0; i < v.cycleStart(); i++) t = m.step(t, cx.schedule().get(i)).after();
            entry = t;
            for (int i = v.cycleStart(); i < cx.schedule().size(); i++) {
                Transition step = m.step(t, cx.schedule().get(i));
                around.add(step);
                t = step.after();
            }
            assertNotNull(InvariantChecker.recheckCycle(m, v.invariant(), entry, around), "the lasso closes: " + v.describe());
            return;
        }
        String again = v.kind() == Violation.Kind.TRANSITION
            ? InvariantChecker.recheck(m, v.invariant(), v.kind(), before, last)
            : InvariantChecker.recheck(m, v.invariant(), v.kind(), s, null);
        assertNotNull(again, "the violation must hold at the end of the schedule: " + v.describe());
    }

    /** BFS: the counterexample is as short as the shortest violation the naive search can find. */
    @Test
    void bfsGivesAShortestCounterexample() {
        Mutation mu = Mutation.CONTROL_STOP_IGNORES_DO_STOP;
        assertEquals("two-engines-stop-resume", mu.scenario);
        ExplorationResult r = explore(shipped(mu.scenario, mu), coreAnd(mu));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(mu.breaks, r.counterexample().violation().invariant().name());

        NaiveBfs n = NaiveBfs.run(shipped(mu.scenario, mu), coreAnd(mu));
        assertTrue(n.shortestViolation > 0);
        assertEquals(n.shortestViolation, r.counterexample().schedule().size(),
            "no schedule shorter than the explorer's reaches any violation");
        assertReplays(shipped(mu.scenario, mu), r.counterexample());
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void everyMutationGivesAReplayableShortCounterexample(Mutation mu) {
        ExplorationResult r = explore(shipped(mu.scenario, mu), coreAnd(mu));
        assertEquals(Verdict.VIOLATION, r.verdict(), mu.id);
        assertNull(r.incompleteReason());
        assertReplays(shipped(mu.scenario, mu), r.counterexample());
        // a cycle's lasso has no "shortest violation" a search of states could compare it with (CycleSearchTest
        // checks its way in is a shortest path)
        if (r.counterexample().violation().kind() == Violation.Kind.CYCLE) return;
        NaiveBfs n = NaiveBfs.run(shipped(mu.scenario, mu), coreAnd(mu));
        int len = r.counterexample().schedule().size();
        // BFS finds violations in depth order: at most one step longer than the shortest
        // (a terminal violation of a state later in the same BFS level is one step shorter).
        assertTrue(len == n.shortestViolation || len == n.shortestViolation + 1,
            mu.id + ": explorer " + len + ", shortest " + n.shortestViolation);
    }

    static List<Mutation> mutations() {
        return List.of(Mutation.values());
    }

    @Test
    void violationInTheInitialStateHasAnEmptySchedule() {
        Invariant always = new Invariant() {
            public String name() { return "always-false"; }
            public String statement() { return "fails everywhere"; }
            public String checkState(Model m, State s) { return "no"; }
        };
        ExplorationResult r = explore(model(ONE_SIGNAL), List.of(always));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(List.of(), r.counterexample().schedule());
        assertEquals(1, r.stats().states());
    }

    @Test
    void transitionViolationSchedulesEndWithTheViolatingStep() {
        // Fails on the dequeue: S3 (GS_HOOK, depth 3) -> S4 in the hand count above.
        Invariant noDequeue = new Invariant() {
            public String name() { return "no-dequeue"; }
            public String statement() { return ""; }
            public String checkTransition(Model m, State before, Transition t) {
                return before.pendingSignals() != 0 && t.after().pendingSignals() == 0 ? "dequeued" : null;
            }
        };
        ExplorationResult r = explore(model(ONE_SIGNAL), List.of(noDequeue));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(List.of(1, 0, 0, 0), r.counterexample().schedule(), "killer sends; tracee: USER, EXIT_TO_USER, GS_HOOK");
        assertEquals(Violation.Kind.TRANSITION, r.counterexample().violation().kind());
        assertReplays(model(ONE_SIGNAL), r.counterexample());
    }

    /**
     * Transition invariants must be checked on every transition, also on one
     * that leads to a state already visited. In the two-signal hand count the
     * only tracee step out of GS_HANDLER with a signal pending is B4 -> A2, and
     * A2 (depth 3) is always visited before B4 (depth 5) is expanded.
     */
    @Test
    void transitionsIntoVisitedStatesAreChecked() {
        Invariant leaveHandlerWithSignalPending = new Invariant() {
            public String name() { return "b4-to-a2"; }
            public String statement() { return ""; }
            public String checkTransition(Model m, State before, Transition t) {
                return t.actor() == 0 && before.pendingSignals() != 0
                    && m.where(before, 0).startsWith("tracehook_signal_handler") ? "B4 -> A2" : null;
            }
        };
        ExplorationResult r = explore(model(TWO_SIGNALS), List.of(leaveHandlerWithSignalPending));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(List.of(1, 0, 0, 0, 1, 0), r.counterexample().schedule(), "init, S1, S2, S3, S4, B4, then the step");
        assertReplays(model(TWO_SIGNALS), r.counterexample());
        NaiveBfs n = NaiveBfs.run(model(TWO_SIGNALS), List.of(leaveHandlerWithSignalPending));
        assertEquals(6, n.shortestViolation);
    }

    @Test
    void stateViolationSchedulesEndInTheViolatingState() {
        Invariant nothingPending = new Invariant() {
            public String name() { return "nothing-pending"; }
            public String statement() { return ""; }
            public String checkState(Model m, State s) {
                return s.pendingSignals() != 0 || s.get(utrace.model.Slots.SHARED_PENDING) != 0 ? "pending" : null;
            }
        };
        ExplorationResult r = explore(model(ONE_SIGNAL), List.of(nothingPending));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(List.of(1), r.counterexample().schedule());
        assertEquals(Violation.Kind.STATE, r.counterexample().violation().kind());
        assertEquals(2, r.stats().states(), "the search stops at the first violation");
    }

    @Test
    void terminalViolationIsCheckedWhereNothingCanMove() {
        Invariant neverStop = new Invariant() {
            public String name() { return "never-stop"; }
            public String statement() { return ""; }
            public String checkTerminal(Model m, State s) { return "stuck"; }
        };
        ExplorationResult r = explore(model(ONE_SIGNAL), List.of(neverStop));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals(List.of(1, 0, 0, 0, 0, 0), r.counterexample().schedule(), "S6, the only final state");
        assertEquals(Violation.Kind.TERMINAL, r.counterexample().violation().kind());
        assertReplays(model(ONE_SIGNAL), r.counterexample());
    }

    // ---- limits --------------------------------------------------------------------------

    @Test
    void stateLimitGivesIncompleteNeverPass() {
        Model m = shipped("detach-races-death");
        long total = explore(m, core()).stats().states();
        for (long max : new long[] {1, 2, 10, 50, total / 2, total - 1}) {
            ExplorationResult r = new Explorer(new Limits(max, 0), ProgressListener.NONE).explore(m, core());
            assertEquals(Verdict.INCOMPLETE, r.verdict(), "max " + max);
            assertNull(r.counterexample());
            assertNotNull(r.incompleteReason());
            assertTrue(r.incompleteReason().contains("state limit " + max), r.incompleteReason());
            assertTrue(r.stats().states() >= max && r.stats().states() < total, r.stats().toString());
        }
        ExplorationResult enough = new Explorer(new Limits(total + 1, 0), ProgressListener.NONE).explore(m, core());
        assertEquals(Verdict.PASS, enough.verdict());
        assertEquals(total, enough.stats().states());
    }

    @Test
    void everyStateLimitBelowTheTotalIsIncomplete() {
        Model m = model(TWO_SIGNALS);
        for (long max = 1; max < 14; max++) {
            ExplorationResult r = new Explorer(new Limits(max, 0), ProgressListener.NONE).explore(m, List.of());
            assertEquals(Verdict.INCOMPLETE, r.verdict(), "max " + max);
        }
    }

    @Test
    void stateLimitIsDeterministic() {
        Model m = shipped("stop-then-kill");
        ExplorationResult a = new Explorer(new Limits(100, 0), ProgressListener.NONE).explore(m, core());
        ExplorationResult b = new Explorer(new Limits(100, 0), ProgressListener.NONE).explore(m, core());
        assertEquals(a.stats().states(), b.stats().states());
        assertEquals(a.stats().transitions(), b.stats().transitions());
        assertEquals(a.incompleteReason(), b.incompleteReason());
    }

    @Test
    void aViolationFoundBeforeTheLimitIsStillReported() {
        Mutation mu = Mutation.CONTROL_STOP_IGNORES_DO_STOP;
        ExplorationResult full = explore(shipped(mu.scenario, mu), coreAnd(mu));
        ExplorationResult limited = new Explorer(new Limits(full.stats().states() + 10, 0), ProgressListener.NONE)
            .explore(shipped(mu.scenario, mu), coreAnd(mu));
        assertEquals(Verdict.VIOLATION, limited.verdict());
        assertEquals(full.counterexample().schedule(), limited.counterexample().schedule());
    }

    /**
     * A time limit of 1 ms with an invariant that busy-waits 2 ms (by the same
     * monotonic clock the explorer reads) on every state: the limit is certainly
     * reached after the first expansion, while states are still queued. No
     * assertion here depends on how fast the machine is.
     */
    @Test
    void timeLimitGivesIncompleteNeverPass() {
        Invariant slow = new Invariant() {
            public String name() { return "slow"; }
            public String statement() { return "holds, slowly"; }
            public String checkState(Model m, State s) {
                long t0 = System.nanoTime();
                while (System.nanoTime() - t0 < 2_000_000L) Thread.onSpinWait();
                return null;
            }
        };
        Model m = shipped("detach-races-death");
        ExplorationResult r = new Explorer(new Limits(0, 1), ProgressListener.NONE).explore(m, List.of(slow));
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertNull(r.counterexample());
        assertTrue(r.incompleteReason().contains("time limit 1 ms"), r.incompleteReason());
        assertTrue(r.stats().states() < explore(m, List.of()).stats().states());
    }

    @Test
    void noLimitsMeansExhaustive() {
        assertEquals(0, Limits.NONE.maxStates());
        assertEquals(0, Limits.NONE.timeLimitMillis());
        ExplorationResult r = explore(shipped("stop-then-kill"), core());
        assertEquals(Verdict.PASS, r.verdict());
        assertNull(r.incompleteReason());
    }
}

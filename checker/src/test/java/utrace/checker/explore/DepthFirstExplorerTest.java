package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;

/** Depth-first search visits exactly what breadth-first visits, finds every mutation, and is deterministic. */
class DepthFirstExplorerTest {
    static List<String> shippedNames() {
        return Scenarios.shippedNames();
    }

    static List<Invariant> core() {
        try {
            return InvariantSet.shipped("core").invariants();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Model shipped(String name, Mutation... ms) {
        try {
            ModelConfig cfg = ModelConfig.fullSeries();
            if (ms.length > 0) cfg = cfg.withMutations(EnumSet.of(ms[0], ms));
            return new Model(Scenarios.load(name), cfg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ExplorationResult dfs(Model m, List<Invariant> invs) {
        return new DepthFirstExplorer(Limits.NONE, ProgressListener.NONE).explore(m, invs);
    }

    static ExplorationResult bfs(Model m, List<Invariant> invs) {
        return new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, invs);
    }

    /** Both searches are exhaustive over the same graph: the same states and the same transitions. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedNames")
    void sameStatesAndTransitionsAsBreadthFirst(String name) {
        ExplorationResult b = bfs(shipped(name), core());
        ExplorationResult d = dfs(shipped(name), core());
        assertEquals(Verdict.PASS, b.verdict());
        assertEquals(Verdict.PASS, d.verdict(), () -> d.counterexample().violation().describe());
        assertEquals(b.stats().states(), d.stats().states(), "states");
        assertEquals(b.stats().transitions(), d.stats().transitions(), "transitions");
        assertTrue(d.stats().maxDepth() >= b.stats().maxDepth(), "a depth-first path is at least as deep as the BFS depth");
    }

    /** ExplorerTest's hand-counted graph: 7 states, 6 transitions, a single path of depth 6. */
    @Test
    void handCountedOneSignal() throws Exception {
        Model m = new Model(ScenarioParser.parse("test", "scenario s\nengine E1\ntracee\nkiller SIGUSR1\n"), ModelConfig.fullSeries());
        ExplorationResult r = dfs(m, List.of());
        assertEquals(Verdict.PASS, r.verdict());
        assertEquals(7, r.stats().states());
        assertEquals(6, r.stats().transitions());
        assertEquals(6, r.stats().maxDepth());
    }

    /** Every mutation is caught, and the schedule is legal and violates what it says, exactly at its end. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mutation.class)
    void findsEveryMutationWithALegalSchedule(Mutation mu) {
        Model m = shipped(mu.scenario, mu);
        ExplorationResult r = dfs(m, ExplorerTest.coreAnd(mu));
        assertEquals(Verdict.VIOLATION, r.verdict());
        Counterexample cx = r.counterexample();
        Counterexample again = new ScheduleCheck(m, cx.violation().invariant()).firstViolation(cx.schedule());
        assertNotNull(again, "the schedule is legal and violates " + cx.violation().invariant().name());
        assertEquals(cx.schedule(), again.schedule(), "the violation is at the end of the schedule, not before");
        assertEquals(cx.violation().message(), again.violation().message());
        // The mutation's own invariant alone is found too.
        ExplorationResult own = dfs(m, List.of(utrace.invariants.Invariants.byName(mu.breaks)));
        assertEquals(Verdict.VIOLATION, own.verdict(), mu.breaks);
    }

    @Test
    void deterministic() {
        Model m = shipped("detach-during-callback", Mutation.DETACH_IGNORES_REPORTING);
        ExplorationResult a = dfs(m, core());
        ExplorationResult b = dfs(m, core());
        assertEquals(a.counterexample().schedule(), b.counterexample().schedule());
        assertEquals(a.stats().states(), b.stats().states());
        assertEquals(a.stats().transitions(), b.stats().transitions());
    }

    @Test
    void stateLimitGivesIncompleteNeverPass() {
        String name = shippedNames().get(0);
        long all = bfs(shipped(name), core()).stats().states();
        ExplorationResult r = new DepthFirstExplorer(new Limits(all - 1, 0), ProgressListener.NONE).explore(shipped(name), core());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReason().contains("state limit"), r.incompleteReason());
        ExplorationResult exact = new DepthFirstExplorer(new Limits(all, 0), ProgressListener.NONE).explore(shipped(name), core());
        assertEquals(Verdict.PASS, exact.verdict(), "a limit the search does not exceed does not stop it");
    }
}

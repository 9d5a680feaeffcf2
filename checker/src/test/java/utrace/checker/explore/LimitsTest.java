package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * --max-states N is exact and the same for every engine: the search stops at the first state past N in
 * breadth-first order, holding N states, with the transitions taken until then; the classic explorer and
 * the level-by-level one with 1, 2 or 3 workers give the same verdict, counts, depth and (when a violation
 * comes before the cut) the same counterexample. Issue 14 item 9: with 2 workers the limit used to be
 * checked after each level (70,000 became 177,273 states) and the counts differed from one worker's.
 */
class LimitsTest {
    static List<Invariant> core() throws Exception {
        return InvariantSet.resolve("core").invariants();
    }

    static Model shipped(String name) throws Exception {
        return new Model(Scenarios.load(name), ModelConfig.fullSeries());
    }

    @Test
    void everyLimitGivesTheSameCountsInEveryEngine() throws Exception {
        Model m = shipped("detach-races-death");
        long total = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, core()).stats().states();
        for (long max = 1; max <= total + 1; max += max < 40 ? 1 : 37) check(m, core(), max, total);
        check(m, core(), total, total);
        check(m, core(), total - 1, total);
    }

    @Test
    void aViolationBeforeTheCutWinsAndAfterItTheLimit() throws Exception {
        Mutation mu = Mutation.CONTROL_STOP_IGNORES_DO_STOP;
        Model m = new Model(Scenarios.load(mu.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(mu)));
        List<Invariant> inv = core();
        ExplorationResult full = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, inv);
        assertEquals(Verdict.VIOLATION, full.verdict());
        long at = full.stats().states();
        for (long max : new long[] {1, at / 2, at - 1, at, at + 1, at + 100}) check(m, inv, max, Long.MAX_VALUE);
    }

    @Test
    void bitstateAndLargerScenariosAgreeToo() throws Exception {
        Model m = shipped("bench-small");
        for (long max : new long[] {1000, 4321, 20_000}) {
            ExplorationResult a = level(m, core(), max, 1, 1L << 24);
            ExplorationResult b = level(m, core(), max, 2, 1L << 24);
            assertEquals(LevelExplorerTest.signature(a), LevelExplorerTest.signature(b));
            assertEquals(Verdict.INCOMPLETE, a.verdict());
            assertEquals(max, a.stats().states());
        }
    }

    @Test
    void depthFirstHoldsExactlyTheLimit() throws Exception {
        Model m = shipped("stop-then-kill");
        for (long max : new long[] {1, 10, 100, 500}) {
            ExplorationResult r = new DepthFirstExplorer(new Limits(max, 0), ProgressListener.NONE).explore(m, core());
            assertEquals(Verdict.INCOMPLETE, r.verdict());
            assertEquals(max, r.stats().states());
        }
    }

    /** Explorer and LevelExplorer (1, 2, 3 workers) under --max-states max; total: the scenario's state count. */
    private static void check(Model m, List<Invariant> inv, long max, long total) throws Exception {
        ExplorationResult classic = new Explorer(new Limits(max, 0), ProgressListener.NONE).explore(m, inv);
        for (int w = 1; w <= 3; w++) {
            ExplorationResult lv = level(m, inv, max, w, 0);
            assertEquals(LevelExplorerTest.signature(classic), LevelExplorerTest.signature(lv), "max " + max + ", " + w + " workers");
            assertEquals(classic.incompleteReason(), lv.incompleteReason());
        }
        assertTrue(classic.stats().states() <= max, "never past the limit: " + classic.stats());
        if (classic.verdict() == Verdict.INCOMPLETE) {
            assertEquals(max, classic.stats().states());
            assertEquals("state limit " + max + " reached", classic.incompleteReason());
        } else if (classic.verdict() == Verdict.PASS) {
            assertTrue(total <= max, "PASS within the limit");
        }
    }

    private static ExplorationResult level(Model m, List<Invariant> inv, long max, int workers, long bits) {
        return new LevelExplorer(new Limits(max, 0), ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withWorkers(workers).withBitstate(bits)).explore(m, inv);
    }
}

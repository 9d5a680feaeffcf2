package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.TraceBuilder;

/** Bitstate hashing: never PASS, says what it may have missed, still finds the mutations' violations with real traces. */
class BitstateTest {
    static final long ONE_MB = 1L << 23;

    static List<Invariant> core() throws Exception {
        return InvariantSet.resolve("core").invariants();
    }

    /** The scenario's state count with exact (fingerprint-set) storage. */
    private static long exactStates(Model model) throws Exception {
        return new LevelExplorer(Limits.NONE, ProgressListener.NONE, ScaleOptions.SEQUENTIAL).explore(model, core()).stats().states();
    }

    @Test
    void withoutAViolationTheVerdictIsNoViolationFoundProbabilisticNeverPass() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE, ScaleOptions.SEQUENTIAL.withBitstate(ONE_MB))
            .explore(model, core());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReason().startsWith("no violation found (probabilistic)"), r.incompleteReason());
        assertTrue(r.incompleteReason().contains("Holzmann's coverage estimate"), r.incompleteReason());
        // A 1 MB table is far from full here: every state is found.
        assertEquals(exactStates(model), r.stats().states());
    }

    @Test
    void aTableTooSmallMissesStatesAndSaysSo() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withBitstate(1L << 12)).explore(model, core());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        long exact = exactStates(model);
        assertTrue(exact > 4096 / 3, "the scenario must not fit: " + exact);
        assertTrue(r.stats().states() < exact, "4096 bits cannot hold " + exact + " states at 3 bits each: " + r.stats().states());
        // Holzmann's estimate sees the crowded table: well short of full coverage, with states missed
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("coverage estimate ([0-9.]+)%.*about ([0-9,]+) states")
            .matcher(r.incompleteReason());
        assertTrue(c.find(), r.incompleteReason());
        assertTrue(Double.parseDouble(c.group(1)) < 95, r.incompleteReason());
        long missed = Long.parseLong(c.group(2).replace(",", ""));
        assertTrue(missed > 0 && r.stats().states() + missed <= 2 * exact, exact + " states: " + r.incompleteReason());
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void findsEveryMutationWithAReplayableTrace(Mutation m) throws Exception {
        if (Invariants.byName(m.breaks).judgesCycles()) {
            // bitstate never passes (INCOMPLETE, probabilistic), so livelock-freedom's exact cycle search, which runs
            // only after a search that passed, does not run: the verdict says nothing was proven
            Model model = new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
                ScaleOptions.SEQUENTIAL.withBitstate(ONE_MB)).explore(model, List.of(Invariants.byName(m.breaks)));
            assertEquals(Verdict.INCOMPLETE, r.verdict(), m.id);
            assertNull(r.cycles());
            return;
        }
        Model model = new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withBitstate(ONE_MB).withWorkers(2)).explore(model, List.of(Invariants.byName(m.breaks)));
        assertEquals(Verdict.VIOLATION, r.verdict(), m.id);
        assertEquals(m.breaks, r.counterexample().violation().invariant().name());
        ReplayResult replay = Replayer.replay(TraceBuilder.build(model, r.counterexample().schedule(), r.counterexample().violation()));
        assertEquals(ReplayResult.Outcome.REPRODUCED, replay.outcome(), replay.message());
    }
}

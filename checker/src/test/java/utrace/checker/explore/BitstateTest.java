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

    @Test
    void withoutAViolationTheVerdictIsNoViolationFoundProbabilisticNeverPass() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE, ScaleOptions.SEQUENTIAL.withBitstate(ONE_MB))
            .explore(model, core());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReason().startsWith("no violation found (probabilistic)"), r.incompleteReason());
        assertTrue(r.incompleteReason().contains("probability that a state was missed"), r.incompleteReason());
        // A 1 MB table is far from full here: every state is found.
        assertEquals(5168, r.stats().states());
    }

    @Test
    void aTableTooSmallMissesStatesAndSaysSo() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withBitstate(1L << 12)).explore(model, core());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.stats().states() < 5168, "4096 bits cannot hold 5168 states at 3 bits each: " + r.stats().states());
        assertTrue(r.incompleteReason().contains("missed <= 1.0e+00"), r.incompleteReason());
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void findsEveryMutationWithAReplayableTrace(Mutation m) throws Exception {
        Model model = new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
        ExplorationResult r = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withBitstate(ONE_MB).withWorkers(2)).explore(model, List.of(Invariants.byName(m.breaks)));
        assertEquals(Verdict.VIOLATION, r.verdict(), m.id);
        assertEquals(m.breaks, r.counterexample().violation().invariant().name());
        ReplayResult replay = Replayer.replay(TraceBuilder.build(model, r.counterexample().schedule(), r.counterexample().violation()));
        assertEquals(ReplayResult.Outcome.REPRODUCED, replay.outcome(), replay.message());
    }
}

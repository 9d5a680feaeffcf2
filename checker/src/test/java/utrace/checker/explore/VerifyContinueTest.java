package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.TraceReader;

/**
 * `verify --continue` against a naive search: for every invariant of the core
 * set, the deliberately simple NaiveBfs (exact states, whole graph, that one
 * invariant only) says whether it can fail and how short its shortest
 * violation is. --continue must report exactly the invariants that can fail,
 * each with a trace as short as that (breadth-first traces of a final-state
 * violation may be one step longer, as for a single search: see
 * ExplorerTest), and identical to what a breadth-first search for that
 * invariant alone reports. Scenarios with two or three violated invariants.
 */
class VerifyContinueTest {
    @TempDir
    Path tmp;

    static List<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (Mutation mu : mutations()) {
            out.add(Arguments.of(mu, ScaleOptions.SEQUENTIAL));
            out.add(Arguments.of(mu, ScaleOptions.SEQUENTIAL.withWorkers(2)));
        }
        return out;
    }

    static List<Mutation> mutations() {
        return List.of(Mutation.REAP_NOT_DEFERRED, Mutation.FINISH_CALLBACK_CLEARS_REPORTING_EARLY, Mutation.SET_EVENTS_IGNORES_DEATH);
    }

    private static List<Invariant> core() throws Exception {
        return InvariantSet.shipped("core").invariants();
    }

    private List<ScenarioResult> run(Mutation mu, RunOptions opts, ScaleOptions scale) throws Exception {
        Scenario s = Scenarios.load(mu.scenario);
        VerifyRequest req = new VerifyRequest(List.of(s), InvariantSet.shipped("core"),
            ModelConfig.fullSeries().withMutations(EnumSet.of(mu)), new Limits(0, 0), tmp.resolve("t"));
        return VerifyRun.run(req, new VerifyRun.Listener() {
            @Override public void starting(Scenario sc) { }

            @Override public ProgressListener progressFor(Scenario sc) { return ProgressListener.NONE; }
        }, opts.withKeepGoing(true), scale);
    }

    /** Per violated invariant, the length of its shortest violation, by the naive search (invariant order kept). */
    private static Map<String, Integer> naive(Model m) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Invariant i : core()) {
            int len = NaiveBfs.run(m, List.of(i)).shortestViolation;
            if (len >= 0) out.put(i.name(), len);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyViolatedInvariantGetsItsOwnShortestTrace(Mutation mu, ScaleOptions scale) throws Exception {
        Model model = new Model(Scenarios.load(mu.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(mu)));
        Map<String, Integer> shortest = naive(model);
        assertTrue(shortest.size() >= 2, mu.id + " violates several invariants: " + shortest);

        List<ScenarioResult> results = run(mu, RunOptions.DEFAULT, scale);
        assertEquals(shortest.size() + 1, results.size(), "one search per violated invariant, then one that passes");
        ScenarioResult last = results.get(results.size() - 1);
        assertEquals(Verdict.PASS, last.result().verdict());
        assertEquals(1, VerifyRun.exitCode(results));

        List<String> reported = new ArrayList<>();
        for (int k = 0; k < results.size() - 1; k++) {
            ScenarioResult r = results.get(k);
            assertEquals(Verdict.VIOLATION, r.result().verdict());
            assertEquals(k + 1, r.continued().search());
            assertEquals(reported, r.continued().without(), "search " + (k + 1) + " leaves out the invariants reported before");
            Violation v = r.result().counterexample().violation();
            String inv = v.invariant().name();
            assertTrue(shortest.containsKey(inv), inv + " can fail");
            assertFalse(reported.contains(inv), inv + " reported once");
            reported.add(inv);

            int len = r.traceSteps();
            int naiveLen = shortest.get(inv);
            boolean terminal = v.kind() == Violation.Kind.TERMINAL;
            assertTrue(len == naiveLen || (terminal && len == naiveLen + 1),
                mu.id + " " + inv + ": --continue's trace has " + len + " steps, the shortest violation " + naiveLen);
            // Exactly the trace a breadth-first search for this invariant alone gives.
            ExplorationResult alone = scale.explore(SearchMode.BFS, model, List.of(v.invariant()), new Limits(0, 0), ProgressListener.NONE);
            assertEquals(alone.counterexample().schedule(), r.result().counterexample().schedule(), inv);
            assertEquals(ReplayResult.Outcome.REPRODUCED, Replayer.replay(TraceReader.read(r.traceJson())).outcome(), inv);
            assertTrue(r.traceJson().getFileName().toString().endsWith("." + inv + ".json"), "its own trace file");
        }
        assertEquals(new java.util.HashSet<>(shortest.keySet()), new java.util.HashSet<>(reported), "every invariant that can fail");
        assertEquals(core().size() - reported.size(), last.continued().checked(), "the last search checks the rest");
    }

    /** Depth-first (shortened) and partial-order-reduced searches report the same invariants, each trace replaying. */
    @ParameterizedTest
    @MethodSource("mutations")
    void otherSearchModesReportTheSameInvariants(Mutation mu) throws Exception {
        Model model = new Model(Scenarios.load(mu.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(mu)));
        Map<String, Integer> shortest = naive(model);
        for (List<ScenarioResult> results : List.of(
                run(mu, new RunOptions(SearchMode.DFS, true, utrace.traces.TextRenderer.Detail.BRIEF, true), ScaleOptions.SEQUENTIAL),
                run(mu, RunOptions.DEFAULT, ScaleOptions.SEQUENTIAL.withPor(true)))) {
            List<String> reported = new ArrayList<>();
            for (ScenarioResult r : results) {
                if (r.result().verdict() != Verdict.VIOLATION) continue;
                reported.add(r.result().counterexample().violation().invariant().name());
                assertTrue(r.traceSteps() >= shortest.get(reported.get(reported.size() - 1)), "no trace beats the shortest");
                assertEquals(ReplayResult.Outcome.REPRODUCED, Replayer.replay(TraceReader.read(r.traceJson())).outcome());
            }
            assertEquals(new java.util.HashSet<>(shortest.keySet()), new java.util.HashSet<>(reported));
            assertEquals(Verdict.PASS, results.get(results.size() - 1).result().verdict());
        }
    }
}

package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The level-synchronous engine against the classic one: for every shipped
 * scenario under the full series, the mutations that concern it, two more
 * mutations drawn with a fixed seed and the bug-matrix configurations of it,
 * every number of workers gives exactly Explorer's verdict, counts, depth,
 * violation and schedule (also when a violation stops the search midway).
 */
class LevelExplorerTest {
    private static final long SEED = 0x7e57_1e7e1L;

    record Case(String scenario, ModelConfig config) {
        @Override public String toString() { return scenario + " " + config; }
    }

    static Stream<Case> cases() {
        Random rnd = new Random(SEED);
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        Mutation[] all = Mutation.values();
        List<MatrixRow> rows = BugMatrix.load();
        List<Case> out = new ArrayList<>();
        for (String n : names) {
            Set<ModelConfig> cfgs = new LinkedHashSet<>();
            cfgs.add(ModelConfig.fullSeries());
            for (Mutation m : all) if (m.scenario.equals(n)) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            for (int i = 0; i < 2; i++) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(all[rnd.nextInt(all.length)])));
            for (MatrixRow r : rows) if (r.scenario().equals(n)) cfgs.add(BugMatrix.config(r));
            for (ModelConfig c : cfgs) out.add(new Case(n, c));
        }
        return out.stream();
    }

    static List<Invariant> all() throws Exception {
        return InvariantSet.resolve("all").invariants();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameResultAsTheClassicExplorerForAnyNumberOfWorkers(Case c) throws Exception {
        Model model = new Model(Scenarios.load(c.scenario()), c.config());
        ExplorationResult classic = new Explorer(Limits.NONE, ProgressListener.NONE).explore(model, all());
        for (int workers : new int[] {1, 3}) {
            ExplorationResult level = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
                ScaleOptions.SEQUENTIAL.withWorkers(workers)).explore(model, all());
            assertEquals(signature(classic), signature(level), workers + " worker(s)");
        }
    }

    static String signature(ExplorationResult r) {
        Stats s = r.stats();
        String v = r.counterexample() == null ? "" : " " + r.counterexample().violation().invariant().name() + " "
            + r.counterexample().violation().kind() + " " + r.counterexample().violation().message() + " "
            + r.counterexample().schedule();
        return r.verdict() + " states=" + s.states() + " transitions=" + s.transitions() + " depth=" + s.maxDepth() + v;
    }

    @Test
    void runsAreDeterministic() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        ScaleOptions two = ScaleOptions.SEQUENTIAL.withWorkers(2);
        String first = signature(new LevelExplorer(Limits.NONE, ProgressListener.NONE, two).explore(model, all()));
        for (int i = 0; i < 3; i++) {
            assertEquals(first, signature(new LevelExplorer(Limits.NONE, ProgressListener.NONE, two).explore(model, all())));
        }
    }

    @Test
    void aStateLimitEndsTheSearchIncomplete() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        // the core set: with -i all this scenario shows finding 6 (ptrace-request-not-spurious) within 9 steps
        ExplorationResult r = new LevelExplorer(new Limits(500, 0), ProgressListener.NONE, ScaleOptions.SEQUENTIAL.withWorkers(2))
            .explore(model, InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertTrue(r.incompleteReason().contains("state limit 500"), r.incompleteReason());
        assertTrue(r.stats().states() >= 500 && r.stats().states() < 5168, "" + r.stats().states());
    }

    @Test
    void aWorkerFailureIsRethrownNotSwallowed() {
        try (WorkerPool pool = new WorkerPool(3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(100, i -> {
                if (i == 57) throw new IllegalStateException("task 57");
            }));
            assertEquals("task 57", e.getMessage());
            // The pool still works after a failed batch.
            int[] done = new int[50];
            pool.run(50, i -> done[i] = 1);
            assertEquals(50, java.util.Arrays.stream(done).sum());
        }
    }
}

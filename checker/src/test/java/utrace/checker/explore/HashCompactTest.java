package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * Hash compaction (--hash-compact) against the exact visited set: the same violations, counts and
 * counterexamples on every gate row (patch removed) and every shipped mutation, the same state and transition
 * counts on the default scenarios (where it says INCOMPLETE instead of PASS), and a table that fills up ends
 * the search INCOMPLETE instead of looping or dropping states silently.
 */
class HashCompactTest {
    /** A table for a million states (2^21 slots, 8 MB). */
    static final ScaleOptions COMPACT = ScaleOptions.SEQUENTIAL.withHashCompact(HashCompactTable.slotsFor(1_000_000));

    static List<Invariant> core() throws Exception {
        return InvariantSet.resolve("core").invariants();
    }

    private static ExplorationResult run(Model m, List<Invariant> inv, ScaleOptions o) {
        return new LevelExplorer(Limits.NONE, ProgressListener.NONE, o).explore(m, inv);
    }

    /** The exact search's signature with PASS read as the probabilistic INCOMPLETE. */
    private static String expected(ExplorationResult exact) {
        return LevelExplorerTest.signature(exact).replaceFirst("^PASS", "INCOMPLETE");
    }

    @Test
    void sameViolationsAsExactOnEveryGateRowAndMutation() throws Exception {
        int violations = 0;
        List<String> checked = new ArrayList<>();
        for (MatrixRow row : BugMatrix.load()) {
            Model m = new Model(Scenarios.load(row.scenario()), BugMatrix.config(row));
            List<Invariant> inv = new ArrayList<>(core());
            if (inv.stream().noneMatch(i -> i.name().equals(row.invariant()))) inv.add(Invariants.byName(row.invariant()));
            ExplorationResult exact = run(m, inv, ScaleOptions.SEQUENTIAL);
            ExplorationResult compact = run(m, inv, COMPACT.withWorkers(2));
            assertEquals(expected(exact), LevelExplorerTest.signature(compact), row.id() + " " + row.scenario());
            if (exact.verdict() == Verdict.VIOLATION) violations++;
            checked.add(row.id());
        }
        for (Mutation mu : Mutation.values()) {
            // a cycle is judged only after a search that passed; hash compaction never passes (its verdict is
            // INCOMPLETE, probabilistic), so livelock-freedom's exact cycle search does not run after it
            if (Invariants.byName(mu.breaks).judgesCycles()) continue;
            Model m = new Model(Scenarios.load(mu.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(mu)));
            List<Invariant> inv = new ArrayList<>(core());
            if (inv.stream().noneMatch(i -> i.name().equals(mu.breaks))) inv.add(Invariants.byName(mu.breaks));
            ExplorationResult exact = run(m, inv, ScaleOptions.SEQUENTIAL);
            assertEquals(Verdict.VIOLATION, exact.verdict(), mu.name());
            assertEquals(expected(exact), LevelExplorerTest.signature(run(m, inv, COMPACT)), mu.name());
            violations++;
        }
        assertTrue(violations > 20 && checked.size() > 10, violations + " violations, rows " + checked);
    }

    @Test
    void sameCountsAsExactOnTheDefaultScenarios() throws Exception {
        for (String name : Scenarios.shippedNames()) {
            Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
            ExplorationResult exact = run(m, core(), ScaleOptions.SEQUENTIAL);
            ExplorationResult compact = run(m, core(), COMPACT);
            assertEquals(expected(exact), LevelExplorerTest.signature(compact), name);
            if (exact.verdict() == Verdict.PASS) {
                assertTrue(compact.incompleteReason().startsWith("no violation found (probabilistic): hash compaction"),
                    compact.incompleteReason());
            }
        }
    }

    @Test
    void aFullTableEndsTheSearchIncompleteAndSaysWhatToDo() throws Exception {
        Model m = new Model(Scenarios.load("bench-small"), ModelConfig.fullSeries());
        ExplorationResult r = run(m, core(), ScaleOptions.SEQUENTIAL.withHashCompact(HashCompactTable.slotsFor(1000)));
        assertEquals(Verdict.INCOMPLETE, r.verdict());
        assertNotNull(r.incompleteReason());
        assertTrue(r.incompleteReason().startsWith("hash-compact table full"), r.incompleteReason());
        assertTrue(r.incompleteReason().contains("--expected-states"), r.incompleteReason());
        assertTrue(r.stats().states() <= 0.9 * HashCompactTable.slotsFor(1000), r.stats().toString());
    }

    @Test
    void theOmissionEstimateCountsTheSlotsCompared() {
        HashCompactTable t = new HashCompactTable(1 << 10);
        // Same partition (top bits 0), same home slot (bits 32..), different stored bits: each probe compares.
        for (int i = 1; i <= 5; i++) assertTrue(t.add(i));
        // 0 + 1 + 2 + 3 + 4 occupied slots compared, each a 2^-32 chance
        assertEquals(10 / Math.pow(2, 32), t.expectedOmissions(), 1e-20);
        assertTrue(t.contains(3));
        assertEquals(false, t.add(3));
        assertEquals(false, t.contains(6));
        assertEquals(5, t.size());
        assertEquals(4L << 10, t.bytes());
    }

    @Test
    void tablesAreSizedFromTheExpectedStates() {
        assertEquals(1L << 24, HashCompactTable.slotsFor(10_000_000), "10M states at <= 3/4 load: 2^24 slots, 64 MB");
        assertEquals(1L << 10, HashCompactTable.slotsFor(1));
        assertEquals(1L << 29, BitstateTable.bitsFor(10_000_000), "32 bits a state, rounded up: 2^29 bits, 64 MB");
        assertEquals(1L << 10, BitstateTable.bitsFor(1));
    }
}

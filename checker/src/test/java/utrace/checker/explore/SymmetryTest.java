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

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;

/**
 * Symmetry reduction is sound where it merges identical killers: every
 * shipped scenario with a killer, grown to 2 and 3 identical killers, gives
 * the same verdict and violated invariant with and without --symmetry, under
 * the full series, the mutations shown on that scenario and two more drawn
 * with a fixed seed; the reduced search has fewer states,
 * its trace is as short (breadth-first, the quotient keeps distances) and,
 * mapped back to real killers, replays to the same violation.
 */
class SymmetryTest {
    record Case(Scenario scenario, ModelConfig config) {
        @Override public String toString() { return scenario.name() + " " + config; }
    }

    /** The shipped scenarios with a killer line, that line turned into 'killers N'. */
    static List<Scenario> grown() throws Exception {
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        List<Scenario> out = new ArrayList<>();
        for (String n : names) {
            Scenario s = Scenarios.load(n);
            if (s.killers() != 1) continue;
            for (int k : new int[] {2, 3}) {
                String text = s.source().replaceFirst("(?m)^scenario\\s+\\S+", "scenario " + n + "-x" + k)
                    .replaceFirst("(?m)^killer\\s", "killers " + k + " ");
                out.add(ScenarioParser.parse(n + "-x" + k, text));
            }
        }
        return out;
    }

    /** Per grown scenario: the full series, the mutations shown on its base scenario, two more drawn with a fixed seed. */
    static Stream<Case> cases() throws Exception {
        Random rnd = new Random(0x5e_77e7L);
        Mutation[] all = Mutation.values();
        List<Case> out = new ArrayList<>();
        for (Scenario s : grown()) {
            String base = s.name().replaceFirst("-x[0-9]$", "");
            Set<ModelConfig> cfgs = new LinkedHashSet<>();
            cfgs.add(ModelConfig.fullSeries());
            for (Mutation m : all) if (m.scenario.equals(base)) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            for (int i = 0; i < 2; i++) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(all[rnd.nextInt(all.length)])));
            for (ModelConfig c : cfgs) out.add(new Case(s, c));
        }
        return out.stream();
    }

    static List<Invariant> core() throws Exception {
        return InvariantSet.resolve("core").invariants();
    }

    @Test
    void thereAreEnoughScenariosToTest() throws Exception {
        assertTrue(grown().size() >= 8, "scenarios with a killer: " + grown().size());
    }

    /** Cases that end in a violation: the comparison must cover traces, not only PASS counts. */
    private static final java.util.concurrent.atomic.AtomicInteger VIOLATIONS = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void violationsWereCompared() {
        assertTrue(VIOLATIONS.get() >= 3, "only " + VIOLATIONS.get() + " cases with a violation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVerdictWithAndWithoutSymmetry(Case c) throws Exception {
        Model model = new Model(c.scenario(), c.config());
        ExplorationResult full = new Explorer(Limits.NONE, ProgressListener.NONE).explore(model, core());
        ExplorationResult sym = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
            ScaleOptions.SEQUENTIAL.withSymmetry(true).withWorkers(2)).explore(model, core());
        assertEquals(full.verdict(), sym.verdict());
        if (full.verdict() == Verdict.PASS) {
            assertTrue(sym.stats().states() < full.stats().states(),
                "identical killers give a smaller quotient: " + sym.stats().states() + " vs " + full.stats().states());
        }
        if (full.verdict() == Verdict.VIOLATION) {
            VIOLATIONS.incrementAndGet();
            assertEquals(full.counterexample().violation().invariant().name(), sym.counterexample().violation().invariant().name());
            assertEquals(full.counterexample().schedule().size(), sym.counterexample().schedule().size(), "still a shortest trace");
            Trace t = TraceBuilder.build(model, sym.counterexample().schedule(), sym.counterexample().violation());
            ReplayResult r = Replayer.replay(t);
            assertEquals(ReplayResult.Outcome.REPRODUCED, r.outcome(), r.message());
        }
    }

    @Test
    void killersAreMergedOnlyWhenTheyAreIdenticalAndTheMemoryModelIsSc() throws Exception {
        Scenario three = ScenarioParser.parse("t", "scenario t\nengine E1 preattached events=QUIESCE|DEATH|REAP\n"
            + "tracee syscall exit\nkillers 3 SIGKILL\nparent wait\n");
        assertEquals(3, Symmetry.of(new Model(three, ModelConfig.fullSeries())).groupSize());
        Scenario one = ScenarioParser.parse("t", "scenario t\nengine E1 preattached events=QUIESCE|DEATH|REAP\n"
            + "tracee syscall exit\nkiller SIGKILL SIGKILL\nparent wait\n");
        assertEquals(0, Symmetry.of(new Model(one, ModelConfig.fullSeries())).groupSize());
        ModelConfig weak = ModelConfig.fullSeries().withMemoryModel(utrace.model.MemoryModel.WEAK);
        assertEquals(0, Symmetry.of(new Model(three, weak)).groupSize(), "per-CPU store buffers record which killer stored");
    }
}

package utrace.checker.run;

import java.util.EnumSet;
import java.util.List;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** Test helper: explore one shipped scenario with some invariants and mutations. */
final class Check {
    private Check() {}

    static final Limits LIMITS = new Limits(5_000_000, 0);

    static ExplorationResult explore(String scenario, List<Invariant> invariants, Mutation... mutations) {
        try {
            Scenario s = Scenarios.load(scenario);
            ModelConfig cfg = ModelConfig.fullSeries().withMutations(
                mutations.length == 0 ? EnumSet.noneOf(Mutation.class) : EnumSet.of(mutations[0], mutations));
            return new Explorer(LIMITS, ProgressListener.NONE).explore(new Model(s, cfg), invariants);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** As {@link #explore}, for a scenario given as text (a test's own variant of a shipped one). */
    static ExplorationResult exploreText(String text, List<Invariant> invariants, Mutation... mutations) {
        try {
            Scenario s = utrace.model.ScenarioParser.parse("test", text);
            ModelConfig cfg = ModelConfig.fullSeries().withMutations(
                mutations.length == 0 ? EnumSet.noneOf(Mutation.class) : EnumSet.of(mutations[0], mutations));
            return new Explorer(LIMITS, ProgressListener.NONE).explore(new Model(s, cfg), invariants);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A shipped scenario's text, for a test that explores a variant of it. */
    static String source(String scenario) {
        try {
            return Scenarios.load(scenario).source();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<Invariant> only(String name) {
        Invariant i = Invariants.byName(name);
        if (i == null) throw new AssertionError("no invariant " + name);
        return List.of(i);
    }
}

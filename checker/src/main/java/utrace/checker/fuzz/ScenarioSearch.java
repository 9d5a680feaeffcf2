package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.List;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;

/**
 * One scenario searched as `verify --continue` does: breadth-first on one
 * worker (the same states, order and shortest traces on every machine),
 * then again without each invariant found violated, until a search passes
 * or a limit cuts it. Each violation comes back as its trace, for the
 * classifier.
 */
final class ScenarioSearch {
    private ScenarioSearch() {}

    /** A violation's trace; {@code search} counts from 1 (the search with every invariant). */
    record Found(int search, Trace trace) {}

    /** Every violation found, and why the last search stopped early (null: it ended with a PASS or nothing left). */
    record Outcome(List<Found> violations, String cut, int cutSearch, boolean passedFirst) {}

    static Outcome run(Scenario s, String file, List<Invariant> invariants, ModelConfig config, Limits limits) {
        Model model = new Model(s, config);
        List<Invariant> remaining = new ArrayList<>(invariants);
        List<Found> found = new ArrayList<>();
        for (int search = 1; !remaining.isEmpty(); search++) {
            ExplorationResult r = ScaleOptions.SEQUENTIAL.explore(SearchMode.BFS, model, List.copyOf(remaining), limits,
                ProgressListener.NONE);
            if (r.verdict() == Verdict.INCOMPLETE) return new Outcome(found, r.incompleteReason(), search, false);
            if (r.verdict() == Verdict.PASS) return new Outcome(found, null, 0, search == 1);
            Trace t = TraceBuilder.build(model, r.counterexample().schedule(), r.counterexample().violation(), file);
            found.add(new Found(search, t));
            String violated = t.invariant().name();
            remaining.removeIf(i -> i.name().equals(violated));
        }
        return new Outcome(found, null, 0, false);
    }

    /** The first violation of {@code invariant} alone (its shortest trace), or null if it holds or the search is cut. */
    static Trace first(Scenario s, String file, Invariant invariant, ModelConfig config, Limits limits) {
        Model model = new Model(s, config);
        ExplorationResult r = ScaleOptions.SEQUENTIAL.explore(SearchMode.BFS, model, List.of(invariant), limits, ProgressListener.NONE);
        if (r.verdict() != Verdict.VIOLATION) return null;
        return TraceBuilder.build(model, r.counterexample().schedule(), r.counterexample().violation(), file);
    }
}

package utrace.checker.run;

import java.nio.file.Path;
import java.util.List;

import utrace.checker.explore.ExplorationResult;
import utrace.model.Scenario;

/**
 * One scenario's exploration and, for a violation, where its trace files went
 * and how the trace was obtained ({@code origin}, null without a violation).
 * For a shortened trace, {@code result}'s counterexample is the shortened one.
 * {@code writeError} says why the trace files could not be written (then the
 * trace paths are null); null when they were, or when there was nothing to write.
 * Under `verify --continue` a scenario gives one result per search
 * ({@code continued}); otherwise {@code continued} is null.
 */
public record ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps,
                             TraceOrigin origin, String writeError, Continued continued) {
    /**
     * Which search of a `verify --continue` run this is: {@code search} counts from 1; {@code without} are the
     * invariants the earlier searches of the scenario found violated, left out of this one; {@code checked} is
     * how many invariants this search checked.
     */
    public record Continued(int search, List<String> without, int checked) {
        public Continued {
            without = List.copyOf(without);
        }
    }

    public ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps,
                          TraceOrigin origin, String writeError) {
        this(scenario, result, traceJson, traceText, traceSteps, origin, writeError, null);
    }

    public ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps,
                          TraceOrigin origin) {
        this(scenario, result, traceJson, traceText, traceSteps, origin, null, null);
    }

    /** A breadth-first result (the search found the trace it wrote). */
    public ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps) {
        this(scenario, result, traceJson, traceText, traceSteps, traceJson == null ? null : TraceOrigin.breadthFirst(traceSteps));
    }

    /** The same result as search {@code c} of a --continue run. */
    public ScenarioResult continued(Continued c) {
        return new ScenarioResult(scenario, result, traceJson, traceText, traceSteps, origin, writeError, c);
    }
}

package utrace.checker.run;

import java.nio.file.Path;

import utrace.checker.explore.ExplorationResult;
import utrace.model.Scenario;

/**
 * One scenario's exploration and, for a violation, where its trace files went
 * and how the trace was obtained ({@code origin}, null without a violation).
 * For a shortened trace, {@code result}'s counterexample is the shortened one.
 * {@code writeError} says why the trace files could not be written (then the
 * trace paths are null); null when they were, or when there was nothing to write.
 */
public record ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps,
                             TraceOrigin origin, String writeError) {
    public ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps,
                          TraceOrigin origin) {
        this(scenario, result, traceJson, traceText, traceSteps, origin, null);
    }

    /** A breadth-first result (the search found the trace it wrote). */
    public ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps) {
        this(scenario, result, traceJson, traceText, traceSteps, traceJson == null ? null : TraceOrigin.breadthFirst(traceSteps));
    }
}

package utrace.checker.run;

import java.nio.file.Path;

import utrace.checker.explore.ExplorationResult;
import utrace.model.Scenario;

/** One scenario's exploration and, for a violation, where its trace files went. */
public record ScenarioResult(Scenario scenario, ExplorationResult result, Path traceJson, Path traceText, int traceSteps) {
}

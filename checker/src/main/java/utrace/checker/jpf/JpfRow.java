package utrace.checker.jpf;

import java.nio.file.Path;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Stats;
import utrace.checker.explore.Verdict;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.TraceOrigin;
import utrace.checker.explore.SearchMode;
import utrace.model.Scenario;

/** One scenario under JPF (which driver), and, for a violation, where its trace went (null otherwise). */
public record JpfRow(Scenario scenario, JpfDriverKind driver, JpfEngine.Result result, Path traceJson, Path traceText) {
    /** ERROR when JPF's answer could not be used, else the verdict's name. */
    public String verdictName() {
        return result.verdict() == null ? "ERROR" : result.verdict().name();
    }

    /**
     * The row as the native reports see a result, for --junit: JPF's new
     * states as states, new + visited as transitions; an unusable JPF answer
     * becomes INCOMPLETE (it proves nothing).
     */
    public ScenarioResult asScenarioResult() {
        JpfEngine.Result r = result;
        Stats st = new Stats(r.output().newStates(), r.output().newStates() + r.output().visitedStates(), r.output().maxDepth(),
            r.millis(), 0);
        Verdict v = r.verdict() == null ? Verdict.INCOMPLETE : r.verdict();
        String reason = r.verdict() == null ? "JPF could not be used: " + r.error() : r.incompleteReason();
        ExplorationResult x = new ExplorationResult(v, st, r.counterexample(), reason);
        int steps = r.counterexample() == null ? 0 : r.counterexample().schedule().size();
        TraceOrigin origin = traceJson == null ? null : new TraceOrigin(SearchMode.DFS, false, steps, steps);
        return new ScenarioResult(scenario, x, traceJson, traceText, steps, origin);
    }
}

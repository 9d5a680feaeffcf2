package utrace.checker.jpf;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/**
 * Which invariant a finding's row checks: the one the native breadth-first search meets first with every invariant
 * on the full series. That is mostly the finding's own (docs/findings.md); two scenarios show a neighbour first, on a
 * trace as short: ptrace-step-vs-utrace-stop finding 6's ptrace-request-not-spurious, detach-races-death-report
 * attached-list-quiescent (the reap changes ->attached under the death report). A finding's scenario is small: this
 * costs milliseconds.
 */
final class FindingInvariant {
    private FindingInvariant() {}

    static String of(Scenario s) {
        try {
            ExplorationResult r = new Explorer(new Limits(5_000_000, 0), ProgressListener.NONE)
                .explore(new Model(s, ModelConfig.fullSeries()), InvariantSet.shipped("all").invariants());
            if (r.counterexample() == null) {
                throw new IllegalStateException("finding " + s.name() + " no longer violates any invariant on the full series ("
                    + r.verdict() + "): docs/findings.md and model/scenarios/findings.list need a look");
            }
            return r.counterexample().violation().invariant().name();
        } catch (InvariantSetException e) {
            throw new IllegalStateException("the shipped set 'all' does not load: " + e.getMessage(), e);
        }
    }
}

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
 * costs milliseconds. A finding the full series no longer shows (a model change closed it) has no invariant: its row
 * then checks every invariant and comes out UNEXPECTED (PASS where the row needs a VIOLATION), not as a crash.
 */
final class FindingInvariant {
    private FindingInvariant() {}

    /** The invariant, or null if the full series passes the scenario with every invariant on. */
    static String of(Scenario s) {
        try {
            ExplorationResult r = new Explorer(new Limits(5_000_000, 0), ProgressListener.NONE)
                .explore(new Model(s, ModelConfig.fullSeries()), InvariantSet.shipped("all").invariants());
            return r.counterexample() == null ? null : r.counterexample().violation().invariant().name();
        } catch (InvariantSetException e) {
            throw new IllegalStateException("the shipped set 'all' does not load: " + e.getMessage(), e);
        }
    }
}

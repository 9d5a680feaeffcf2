package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The native replay a JPF schedule must pass before it becomes a trace
 * (no JPF needed): the native engine's own counterexamples confirm to the
 * same violation; cut short by a step they do not.
 */
class ConfirmTest {
    static Stream<Mutation> mutations() {
        return Stream.of(Mutation.values());
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void aCounterexampleConfirmsAndAPrefixDoesNot(Mutation m) throws Exception {
        Model model = new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
        List<Invariant> set = Crosscheck.with(InvariantSet.shipped("core"), m.breaks).invariants();
        ExplorationResult r = new Explorer(Limits.NONE, ProgressListener.NONE).explore(model, set);
        assertEquals(Verdict.VIOLATION, r.verdict());
        List<Integer> schedule = r.counterexample().schedule();
        if (r.counterexample().violation().kind() == utrace.invariants.Violation.Kind.CYCLE) {
            // a lasso, as the cycle listener's path gives it (watching from the start): the cycle it ends with is
            // found again where the search put it; one step fewer closes none
            utrace.invariants.Invariant inv = r.counterexample().violation().invariant();
            JpfEngine.Confirmation lasso = JpfEngine.confirmCycle(model, inv, schedule, 0);
            assertEquals(r.counterexample().violation(), lasso.violation(), lasso.problem());
            assertNull(JpfEngine.confirmCycle(model, inv, schedule.subList(0, schedule.size() - 1), 0).violation());
            return;
        }
        JpfEngine.Confirmation ok = JpfEngine.confirm(model, set, schedule);
        assertNull(ok.problem());
        assertNotNull(ok.violation());
        assertEquals(r.counterexample().violation().invariant().name(), ok.violation().invariant().name());
        assertEquals(r.counterexample().violation().kind(), ok.violation().kind());
        // Breadth-first gives a shortest counterexample: one step fewer reaches no violation
        // (a stuck state counts: the final-state invariants are checked there).
        JpfEngine.Confirmation cut = JpfEngine.confirm(model, set, schedule.subList(0, schedule.size() - 1));
        assertNull(cut.violation(), () -> m.id + ": " + cut.violation().describe());
    }
}

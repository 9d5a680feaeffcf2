package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariants;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The scenarios of model/scenarios/fidelity.list (issue 13, docs/fidelity.md)
 * pass on the full series with every invariant; the do_signal_stop row also
 * shows the old model's behaviour as a mutation, which sigkill-wins catches.
 * (model's FidelityFixesTest checks the interleavings each fix opens.)
 */
class FidelityTest {
    static Stream<String> fidelityScenarios() {
        return Scenarios.fidelityNames().stream();
    }

    @ParameterizedTest(name = "{0} passes every invariant")
    @MethodSource("fidelityScenarios")
    void passesEveryInvariantOnTheFullSeries(String scenario) {
        ExplorationResult r = Check.explore(scenario, Invariants.all());
        assertEquals(Verdict.PASS, r.verdict(), () -> scenario + ": " + (r.counterexample() == null ? r.incompleteReason()
            : r.counterexample().violation().describe()));
    }

    /** Issue 13's done-criterion: SIGSTOP then SIGKILL with a SIGNAL_ALL engine passes; the old model did not. */
    @Test
    void sigkillWinsOverAStopSignalAnEngineReports() {
        assertEquals(Verdict.PASS, Check.explore("signal-engine-stop-then-kill", Check.only("sigkill-wins")).verdict());
        ExplorationResult old = Check.explore("signal-engine-stop-then-kill", Check.only("sigkill-wins"),
            Mutation.GROUP_STOP_IGNORES_SIGKILL);
        assertEquals(Verdict.VIOLATION, old.verdict());
        // the killed thread stops in do_signal_stop: sigkill-wins' group-stop clause (twentieth round) fires on that
        // step, before the final state that is not dead
        assertTrue(old.counterexample().violation().message().contains("entered a group stop"),
            old.counterexample().violation().message());
    }
}

package utrace.checker.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * The Lincheck suite on the full series with the small budgets of `make test`
 * (`checker lincheck` runs it deeper): every claim holds, every probe shows
 * the race that makes its subset non-atomic. Lincheck runs one check at a
 * time (one surefire fork, tests in sequence).
 */
class LincheckSuiteTest {
    /** Plans x invocations per situation in model-checking mode: what `make test` can afford. */
    static final Map<String, Budget> BUDGET = Map.of(
        "stopped-tracee", new Budget(3, 40),
        "zombie-reap", new Budget(3, 40),
        "zombie-set-events-vs-reap", new Budget(3, 50),
        "detach-vs-exit", new Budget(3, 100),
        "ptrace-syscall-vs-detach", new Budget(2, 40),
        "stop-einprogress-vs-detach", new Budget(1, 100),
        "barrier-vs-reap", new Budget(1, 100),
        "examine-vs-kill", new Budget(2, 100),
        "shipped-contracts", new Budget(Scenarios.shippedNames().size(), 10));

    @TempDir Path traces;

    static List<String> situations() { return Situations.names(); }

    @ParameterizedTest
    @MethodSource("situations")
    void onTheFullSeriesClaimsHoldAndProbesShowTheirRace(String name) throws Exception {
        Situation s = Situations.byName(name);
        Budget b = BUDGET.get(name);
        assertNotNull(b, "no make-test budget for " + name);
        Outcome o = LincheckCheck.run(s, Mode.MODEL_CHECKING, b, ModelConfig.fullSeries(), 1, false, traces);
        if (s.expectHolds()) {
            assertFalse(o.failed(), () -> o.failureReport());
            assertEquals(b.iterations(), o.plansRun());
        } else {
            assertTrue(o.failed(), name + " is a probe: Lincheck must find its non-atomic results within " + b);
            assertInstanceOf(LincheckAssertionError.class, o.error());
            assertTrue(Files.readString(o.reportFile()).contains("The following interleaving leads to the error"));
        }
    }

    /** The targeted situations (not in the default run) hold on the full series too: their claims are claims. */
    @Test
    void theTargetedSituationsHoldOnTheFullSeries() {
        for (Situation s : Situations.targeted()) {
            Outcome o = LincheckCheck.run(s, Mode.MODEL_CHECKING, new Budget(2, 100), ModelConfig.fullSeries(), 1, false, traces);
            assertTrue(s.expectHolds(), s.name());
            assertFalse(o.failed(), () -> o.failureReport());
        }
    }

    /** Stress mode (real threads, real scheduling) on the two situations where it adds a different sampler. */
    @Test
    void stressModeRunsTheStoppedTraceeAndTheShippedScenariosWithoutFailure() {
        Outcome a = LincheckCheck.run(Situations.byName("stopped-tracee"), Mode.STRESS, new Budget(3, 20),
            ModelConfig.fullSeries(), 1, false, traces);
        assertFalse(a.failed(), () -> a.failureReport());
        Outcome b = LincheckCheck.run(Situations.byName("shipped-contracts"), Mode.STRESS,
            new Budget(Scenarios.shippedNames().size(), 5), ModelConfig.fullSeries(), 1, true, traces);
        assertFalse(b.failed(), () -> b.failureReport());
    }

    /** Same plans, same seed: Lincheck's model checker finds the same interleaving, and the report is the same. */
    @Test
    void aFailureReportIsDeterministic() throws Exception {
        Situation s = Situations.byName("detach-vs-exit");
        Outcome first = LincheckCheck.run(s, Mode.MODEL_CHECKING, new Budget(1, 100), ModelConfig.fullSeries(), 1, false, traces);
        String report = Files.readString(first.reportFile());
        Outcome second = LincheckCheck.run(s, Mode.MODEL_CHECKING, new Budget(1, 100), ModelConfig.fullSeries(), 1, false, traces);
        assertTrue(first.failed() && second.failed());
        assertEquals(report, Files.readString(second.reportFile()));
    }
}

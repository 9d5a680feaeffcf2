package utrace.checker.lincheck;

import java.io.IOException;
import java.util.Random;

import utrace.model.ModelConfig;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;

/**
 * A probe, and a finding (docs/findings.md, finding 8): E1's report_syscall_exit returns UTRACE_STOP and the
 * tracee heads for utrace_stop; E1's owner detaches and E2's owner asks for a stop meanwhile. A STOP that lands
 * before the tracee takes utrace->lock returns -EINPROGRESS, and the tracee sleeps for E2 at once, before the
 * callback utrace.h promises. No sequential specification: the stop-einprogress-means-callback contract is
 * expected to break.
 */
final class StopEinprogressRace implements Situation {
    static final String SCENARIO = "stop-einprogress-no-callback";

    @Override public String name() { return "stop-einprogress-vs-detach"; }

    @Override public String claim() {
        return "utrace_control(STOP) racing another engine's DETACH while the tracee heads for utrace_stop: "
            + "the callback -EINPROGRESS promises comes before the stop";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return false; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        try {
            return ScenarioPlans.of(id + ":" + SCENARIO, name(), Scenarios.load(SCENARIO), config);
        } catch (IOException | ScenarioFormatException e) {
            throw new IllegalStateException("shipped scenario " + SCENARIO + " does not load: " + e.getMessage(), e);
        }
    }
}

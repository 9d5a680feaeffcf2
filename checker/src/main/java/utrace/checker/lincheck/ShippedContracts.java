package utrace.checker.lincheck;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;

/**
 * The shipped default scenarios, each actor on its own Lincheck thread, with
 * the documented contracts checked on every run ({@link Contracts}). No
 * sequential specification: these mix calls that are not atomic
 * (-EINPROGRESS) with the tracee's life, so what is checked is the contract,
 * not atomicity. Plan i is the i-th scenario of default.list (round robin), and
 * there are at least as many plans as scenarios.
 */
final class ShippedContracts implements Situation {
    private final List<String> scenarios;

    /** Every scenario of default.list. */
    ShippedContracts() { this(null); }

    /** Only these shipped scenarios (null: all of default.list). */
    ShippedContracts(List<String> scenarios) { this.scenarios = scenarios; }

    @Override public String name() { return "shipped-contracts"; }

    @Override public String claim() {
        return "every API call of the shipped default scenarios racing the tracee's life, signals and reap: "
            + "the documented contracts (" + String.join(", ", Contracts.NAMES) + ")";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    /** At least one plan per scenario, so that the default budget covers them all. */
    @Override public int plans(int iterations) { return Math.max(iterations, scenarios().size()); }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        List<String> names = scenarios();
        int i = Integer.parseInt(id.substring(id.lastIndexOf('#') + 1)) - 1;
        String scenario = names.get(i % names.size());
        try {
            return ScenarioPlans.of(id + ":" + scenario, name(), Scenarios.load(scenario), config);
        } catch (IOException | ScenarioFormatException e) {
            throw new IllegalStateException("shipped scenario " + scenario + " does not load: " + e.getMessage(), e);
        }
    }

    /** The scenarios, in plan order; as many plans cover each once. */
    List<String> scenarios() { return scenarios != null ? scenarios : Scenarios.shippedNames(); }
}

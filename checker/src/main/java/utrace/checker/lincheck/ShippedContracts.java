package utrace.checker.lincheck;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;

/**
 * The shipped default scenarios, each actor on its own Lincheck thread, with
 * the documented contracts checked on every run ({@link Contracts}). No
 * sequential specification: these mix calls that are not atomic
 * (-EINPROGRESS) with the tracee's life, so what is checked is the contract,
 * not atomicity. Plan i is the i-th scenario of default.list (round robin), and
 * there are at least as many plans as scenarios. With a list of scenarios
 * (`--scenario`, or a mutation's own scenario for `--each-mutation`) the plans
 * are those instead: any shipped scenario by name, or a scenario file.
 */
final class ShippedContracts implements Situation {
    private final List<String> scenarios;

    /** Every scenario of default.list. */
    ShippedContracts() { this(null); }

    /** Only these scenarios, shipped names or scenario files (null: all of default.list). */
    ShippedContracts(List<String> scenarios) { this.scenarios = scenarios; }

    @Override public String name() { return "shipped-contracts"; }

    @Override public String claim() {
        if (scenarios != null) {
            return "every API call of " + String.join(", ", scenarios) + " racing the tracee's life, signals and reap: "
                + "the documented contracts (" + String.join(", ", Contracts.NAMES) + ")";
        }
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
        Scenario sc = load(scenario);
        return ScenarioPlans.of(id + ":" + sc.name(), name(), sc, config);
    }

    /** A shipped scenario by name or a scenario file; a usage error is the caller's to report (see {@link #check}). */
    private static Scenario load(String scenario) {
        try {
            return Scenarios.load(scenario);
        } catch (IOException | ScenarioFormatException e) {
            throw new IllegalStateException("scenario " + scenario + " does not load: " + e.getMessage(), e);
        }
    }

    /**
     * Null if Lincheck can run {@code scenario} (a shipped name or a file) as a plan, else why not: it does
     * not load, or no plan keeps it as it is (see {@link ScenarioPlans#of}).
     */
    public static String check(String scenario, ModelConfig config) {
        Scenario sc;
        try {
            sc = Scenarios.load(scenario);
        } catch (IOException | ScenarioFormatException e) {
            return e.getMessage();
        }
        try {
            ScenarioPlans.of("check:" + sc.name(), "shipped-contracts", sc, config);
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "scenario " + sc.name() + ": " + e.getMessage();
        }
    }

    /** The scenarios, in plan order; as many plans cover each once. */
    List<String> scenarios() { return scenarios != null ? scenarios : Scenarios.shippedNames(); }
}

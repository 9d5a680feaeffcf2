package utrace.checker.lincheck;

import java.util.Random;

import utrace.model.ModelConfig;

/**
 * One API subset under one condition: how to generate Lincheck plans for it
 * (seeded), and what must hold. With a sequential specification the claim is
 * linearizability of the return codes and observed callbacks against it;
 * without one (null) only the documented contracts are checked, through
 * {@code @Validate} on the recorded results.
 */
public interface Situation {
    String name();

    /** The API subset and the condition under which the claim is made (the README table row). */
    String claim();

    /** The sequential specification written from the documentation, or null for contracts only. */
    Class<?> specification();

    /**
     * True if the claim is expected to hold on the full series. False marks a
     * probe: Lincheck is expected to show that this subset is not atomic (the
     * table's "no" rows), so a failure there is the expected result.
     */
    boolean expectHolds();

    /** How many plans a check with {@code iterations} plans per situation makes of this one. */
    default int plans(int iterations) { return iterations; }

    /** A fresh plan named {@code id}; the same Random state gives the same plan. */
    LincheckPlan plan(String id, Random rnd, ModelConfig config);
}

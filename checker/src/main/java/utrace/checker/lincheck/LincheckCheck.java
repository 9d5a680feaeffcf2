package utrace.checker.lincheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.verifier.EpsilonVerifier;

import utrace.checker.threaded.CallRunner;
import utrace.checker.threaded.LoggedStep;
import utrace.checker.threaded.ThreadedRun;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.traces.AtomicFiles;

/**
 * Runs one situation under Lincheck: {@code iterations} seeded plans, each
 * checked by Lincheck for {@code invocations} invocations in one mode, until
 * the first failure. A failure's report (the plan, the model scenario and
 * Lincheck's interleaving table) is written to a file under the trace
 * directory.
 */
public final class LincheckCheck {
    private LincheckCheck() {}

    static {
        // Lincheck warns on stderr for every record class it cannot snapshot (records are immutable:
        // nothing to restore). Keep its errors; a user can still ask for more with -Dlincheck.logLevel=.
        if (System.getProperty("lincheck.logLevel") == null) System.setProperty("lincheck.logLevel", "ERROR");
    }

    /** Iterations of a unit's step loop after which Lincheck reports a livelock (a runaway mutated model). */
    static final int LOOP_BOUND = 10_000;

    public enum Mode {
        /** Lincheck's model checker: switches threads at monitor enter/exit and wait/notify, i.e. between model steps. */
        MODEL_CHECKING("model-checking"),
        /** Real threads, real scheduling: many runs, no control over the interleaving. */
        STRESS("stress");

        public final String word;
        Mode(String word) { this.word = word; }
    }

    /** Plans per situation and Lincheck invocations per plan. */
    public record Budget(int iterations, int invocations) {}

    /**
     * What one situation's check found: on a failure, Lincheck's
     * {@link LincheckAssertionError}, the report and the file it was written to.
     */
    public record Outcome(Situation situation, Mode mode, ModelConfig config, boolean failed, int plansRun,
                          long millis, String failureReport, Path reportFile, LincheckAssertionError error) {
        /** The result the claim predicts: held for a claim expected to hold, failed for a probe. */
        public boolean asExpected() { return failed != situation.expectHolds(); }

        /** One line: why Lincheck failed (the broken contract, or the kind of failure); null if it did not. */
        public String reason() {
            if (error == null) return null;
            String m = error.getMessage();
            int cv = m.indexOf("ContractViolation: ");
            if (cv >= 0) return m.substring(cv + "ContractViolation: ".length(), lineEnd(m, cv));
            if (m.contains("= Invalid execution results =")) {
                return "results no sequential execution of " + situation.specification().getSimpleName()
                    + " produces (not linearizable; the table in the report shows them)";
            }
            if (m.contains("= The execution has hung =")) return "the execution hung (deadlock or livelock)";
            String first = m.strip();
            return first.substring(0, lineEnd(first, 0));
        }

        private static int lineEnd(String s, int from) {
            int nl = s.indexOf('\n', from);
            return nl < 0 ? s.length() : nl;
        }
    }

    public static Outcome run(Situation situation, Mode mode, Budget budget, ModelConfig config, long seed,
                              boolean coreInvariants, Path traceDir) {
        Random rnd = new Random(seed * 1_000_003L + situation.name().hashCode());
        List<LincheckPlan> plans = new ArrayList<>();
        for (int i = 1; i <= situation.plans(budget.iterations()); i++) {
            plans.add(situation.plan(situation.name() + "#" + i, rnd, config).withCoreInvariants(coreInvariants));
        }
        long t0 = System.nanoTime();
        LincheckPlan.install(plans);
        try {
            options(situation, mode, budget, plans).check(EngineApiOperations.class);
        } catch (LincheckAssertionError e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LincheckPlan plan = failingPlan(plans, e.getMessage());
            String report = report(situation, mode, plan, budget, seed, coreInvariants, e.getMessage());
            Path file = traceDir == null ? null : writeReport(traceDir, fileName(situation, mode, config), report);
            return new Outcome(situation, mode, config, true, plans.indexOf(plan) + 1, ms, report, file, e);
        } finally {
            LincheckPlan.uninstall();
        }
        return new Outcome(situation, mode, config, false, plans.size(), (System.nanoTime() - t0) / 1_000_000, null, null, null);
    }

    /** Lincheck's table starts with begin(ID): that names the plan. */
    private static LincheckPlan failingPlan(List<LincheckPlan> plans, String message) {
        for (LincheckPlan p : plans) {
            if (message.contains("begin(" + p.id() + ")")) return p;
        }
        return null;
    }

    private static Options<?, ?> options(Situation situation, Mode mode, Budget budget, List<LincheckPlan> plans) {
        Options<?, ?> o;
        if (mode == Mode.MODEL_CHECKING) {
            ModelCheckingOptions mc = new ModelCheckingOptions();
            // Lincheck does not see the model's state change (model code is ignored below), so each
            // iteration of a unit's step loop looks alike to it: with its defaults (a thread switch every
            // 10 iterations, "stuck" at 50) a tracee life of 50 steps would be reported as a livelock.
            // A model run is finite (a few dozen steps); 10,000 iterations is a real livelock.
            mc.loopBound(LOOP_BOUND).loopIterationsBeforeThreadSwitch(LOOP_BOUND);
            // A model step is atomic by construction (it runs under the run's monitor): no thread switch
            // inside the model, the invariants or the contracts, only at the runner's monitor operations.
            mc.addGuarantee(ManagedStrategyGuaranteeKt.forClasses(LincheckCheck::insideAStep).allMethods().ignore());
            // CallRunner's helpers run under the monitor too; only runUnit's monitor operations are
            // scheduling points, and took(step) stays visible so the trace names each model step.
            mc.addGuarantee(ManagedStrategyGuaranteeKt.forClasses(CallRunner.class.getName())
                .methods(m -> !m.equals("runUnit") && !m.equals("took")).ignore());
            o = mc;
        } else {
            o = new StressOptions();
        }
        // Only our plans (a test instance must know its plan), each for the same number of invocations.
        o.iterations(0).invocationsPerIteration(budget.invocations()).minimizeFailedScenario(false);
        for (LincheckPlan p : plans) o.addCustomScenario(p.toExecutionScenario());
        if (situation.specification() != null) o.sequentialSpecification(situation.specification());
        else o.verifier(EpsilonVerifier.class);
        return o;
    }

    /**
     * Classes whose code runs only inside one model step (under the run's
     * monitor) or outside the threads Lincheck schedules: the model, the
     * invariants, the threaded run (its monitor is held already when the
     * runner calls it), the plan and the contract checks.
     */
    private static Boolean insideAStep(String className) {
        return className.startsWith("utrace.model.") || className.startsWith("utrace.invariants.")
            || className.startsWith("utrace.traces.")
            || className.equals(ThreadedRun.class.getName()) || className.equals(LoggedStep.class.getName())
            || className.startsWith(LincheckPlan.class.getName()) || className.startsWith(PlannedOp.class.getName())
            || className.startsWith(Contracts.class.getName()) || className.startsWith("utrace.checker.lincheck.spec.");
    }

    static String fileName(Situation situation, Mode mode, ModelConfig config) {
        StringBuilder b = new StringBuilder(situation.name());
        for (Mutation m : config.mutations()) b.append('+').append(m.id);
        if (!config.patchesSpec().equals("all")) b.append("+patches-").append(config.patchesSpec().replace(',', '_'));
        return b.append('.').append(mode.word).append(".txt").toString();
    }

    private static String report(Situation situation, Mode mode, LincheckPlan plan, Budget budget, long seed,
                                 boolean coreInvariants, String lincheckMessage) {
        StringBuilder b = new StringBuilder();
        b.append("Lincheck found a failure: situation ").append(situation.name()).append(", ").append(mode.word)
            .append(" mode, ").append(situation.plans(budget.iterations())).append(" plans (seed ").append(seed).append("), ")
            .append(budget.invocations()).append(" invocations per plan\n");
        b.append("claim: ").append(situation.claim()).append('\n');
        b.append(situation.expectHolds() ? "expected: holds on the full series\n"
            : "expected: a probe; Lincheck is expected to find that this subset is not atomic\n");
        b.append("specification: ").append(situation.specification() == null
            ? "none (contracts only: " + String.join(", ", Contracts.NAMES) + ")" : situation.specification().getSimpleName()).append('\n');
        if (plan != null) {
            b.append("configuration: ").append(plan.config()).append(coreInvariants ? ", core invariants checked" : "").append("\n\n");
            b.append("Failing plan ").append(plan.id()).append(", Lincheck operations:\n").append(plan.layout()).append('\n');
            b.append("Model scenario (each owner line lists that owner's operations in order):\n").append(plan.scenarioText()).append('\n');
        }
        b.append(lincheckMessage.strip()).append('\n');
        return b.toString();
    }

    /** Written atomically (temporary file, then rename), like the traces. */
    static Path writeReport(Path traceDir, String name, String report) {
        Path file = traceDir.resolve("lincheck").resolve(name);
        try {
            AtomicFiles.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Lincheck report " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}

package utrace.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.lincheck.LincheckCheck;
import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.checker.lincheck.Situation;
import utrace.checker.lincheck.Situations;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/** `checker lincheck`: the Lincheck suite (issue 6) with budgets larger than `make test` uses. */
@Command(name = "lincheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Check the engine-facing API for linearizability with Lincheck.",
        "",
        "Check the engine API under Lincheck: each operation is one engine-API call (or the tracee's",
        "life, a signal, the parent's reap, a ptrace request) run on the real model through the",
        "threaded runner, each model step atomic under a monitor. Lincheck's model checker switches",
        "threads at that monitor (between model steps); its stress mode runs real threads.",
        "Each situation either claims linearizability against a sequential specification written",
        "from the documentation, or checks the documented contracts on the recorded results",
        "(@Validate). Probes are situations expected NOT to be atomic: Lincheck should find it.",
        "A failure's report (plan, model scenario, Lincheck's interleaving table) is written to",
        "TRACE-DIR/lincheck/SITUATION[+MUTATION][+patches-..].MODE.txt.",
        "",
        "Examples:",
        "  checker lincheck                                   every situation, model checking",
        "  checker lincheck --iterations 50 --invocations 2000 --mode both    a deeper run",
        "  checker lincheck --situation shipped-contracts --mutation detach-ignores-reporting",
        "  checker lincheck --situation ptrace-syscall-vs-detach --patches without:25",
        ""},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  every claim expected to hold held (probes may or may not have shown their race)",
        "  1  Lincheck found a failure of a claim expected to hold (report written)",
        "  2  usage error"})
final class LincheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--situation", paramLabel = "NAME",
        description = "A situation to check (repeatable); default: all. `checker lincheck --list` names them.")
    List<String> situations = new ArrayList<>();

    @Option(names = "--list", description = "List the situations with their claims and exit.")
    boolean list;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", defaultValue = "10",
        description = "Plans (Lincheck scenarios) per situation and mode, generated from --seed. "
            + "shipped-contracts: plan i is the i-th shipped scenario, at least one plan each. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = {"-k", "--invocations"}, paramLabel = "M", defaultValue = "500",
        description = "Lincheck invocations (interleavings, or stress runs) per plan. Default: ${DEFAULT-VALUE}.")
    int invocations;

    @Option(names = "--mode", paramLabel = "model-checking|stress|both", defaultValue = "model-checking",
        description = "Lincheck's strategy. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = {"-m", "--mutation"}, paramLabel = "NAME",
        description = "Switch on a seeded deviation (repeatable); see `checker list mutations`.")
    List<String> mutations = new ArrayList<>();

    @Option(names = {"-p", "--patches"}, paramLabel = "SELECTION", defaultValue = "all",
        description = "Which patches are applied: all, upto:N, without:N[,M] or a list like 1-8,10. Default: ${DEFAULT-VALUE}.")
    String patches;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME",
        description = "For shipped-contracts: only these shipped scenarios (repeatable).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Seed of the plan generator: the same seed gives the same plans. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--core-invariants",
        description = "Also check the model's 'core' invariants at every step (off: only Lincheck's own checks).")
    boolean coreInvariants;

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out",
        description = "Failure reports go to DIR/lincheck/. Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        if (list) {
            for (Situation s : Situations.all()) {
                out.printf("%-28s %-10s %s%n", s.name(), s.expectHolds() ? "claim" : "probe", s.claim());
            }
            return ExitCode.OK;
        }
        if (iterations < 1) throw new UsageException("--iterations must be at least 1, got " + iterations);
        if (invocations < 1) throw new UsageException("--invocations must be at least 1, got " + invocations);
        List<Mode> modes = modes();
        ModelConfig config = config();
        List<Situation> chosen = chosen();

        out.println("checker lincheck: " + chosen.size() + " situation(s), " + iterations + " plan(s) x " + invocations
            + " invocation(s) each, " + String.join("+", modes.stream().map(m -> m.word).toList()) + ", " + config
            + (coreInvariants ? ", core invariants" : "") + ", seed " + seed);
        out.printf("%-28s %-15s %-22s %6s %10s%n", "situation", "mode", "verdict", "plans", "time");
        boolean broken = false;
        for (Situation s : chosen) {
            for (Mode m : modes) {
                Outcome o = LincheckCheck.run(s, m, new Budget(iterations, invocations), config, seed, coreInvariants, traceDir);
                out.printf("%-28s %-15s %-22s %6d %9.1fs%n", s.name(), m.word, verdict(o), o.plansRun(), o.millis() / 1000.0);
                if (o.failed()) {
                    out.println("    " + o.reason());
                    out.println("    report: " + o.reportFile());
                }
                if (o.failed() && s.expectHolds()) broken = true;
            }
        }
        return broken ? ExitCode.VIOLATION : ExitCode.OK;
    }

    private static String verdict(Outcome o) {
        if (o.situation().expectHolds()) return o.failed() ? "FAILED" : "HOLDS";
        return o.failed() ? "NOT ATOMIC (expected)" : "not shown (probe)";
    }

    private List<Mode> modes() {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "model-checking": return List.of(Mode.MODEL_CHECKING);
            case "stress": return List.of(Mode.STRESS);
            case "both": return List.of(Mode.MODEL_CHECKING, Mode.STRESS);
            default: throw new UsageException("--mode: expected model-checking, stress or both, got '" + mode + "'");
        }
    }

    private List<Situation> chosen() {
        for (String sc : scenarios) {
            if (!Scenarios.shippedNames().contains(sc)) {
                throw new UsageException("--scenario: '" + sc + "' is not a default shipped scenario; known: "
                    + String.join(", ", Scenarios.shippedNames()));
            }
        }
        List<String> names = situations.isEmpty() ? Situations.names() : situations;
        List<Situation> out = new ArrayList<>();
        for (String n : names) {
            Situation s = Situations.byName(n);
            if (s == null) {
                throw new UsageException("unknown situation '" + n + "'; known situations: " + String.join(", ", Situations.names()));
            }
            if (s.name().equals("shipped-contracts") && !scenarios.isEmpty()) s = Situations.shippedContracts(scenarios);
            out.add(s);
        }
        return out;
    }

    private ModelConfig config() {
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        for (String m : mutations) {
            Mutation mu = Mutation.byId(m);
            if (mu == null) {
                List<String> known = new ArrayList<>();
                for (Mutation x : Mutation.values()) known.add(x.id);
                throw new UsageException("unknown mutation '" + m + "'; known mutations: " + String.join(", ", known));
            }
            ms.add(mu);
        }
        try {
            return ModelConfig.fullSeries().withPatches(utrace.model.Series.select(patches)).withMutations(ms);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--patches: " + e.getMessage());
        }
    }
}

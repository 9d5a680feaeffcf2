package utrace.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.lincheck.LincheckCheck;
import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.checker.lincheck.Situation;
import utrace.checker.lincheck.Situations;
import utrace.checker.report.RunReport;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/** `checker lincheck`: the Lincheck suite (issue 6) with budgets larger than `make test` uses. */
@Command(name = "lincheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Check the engine-facing API for linearizability with Lincheck.",
        "",
        "Checks the engine API under Lincheck: each operation is one engine-API call (or the tracee's life, a "
            + "signal, the parent's reap, a ptrace request) run on the real model through the threaded runner, each "
            + "model step atomic under a monitor. Lincheck's model checker switches threads at that monitor (between "
            + "model steps); its stress mode runs real threads.",
        "",
        "Each situation either claims linearizability against a sequential specification written from the "
            + "documentation, or checks the documented contracts on the recorded results (@Validate). Probes are "
            + "situations expected NOT to be atomic: Lincheck should find it; whether it does or not, a probe never "
            + "fails the run. A failure's report (plan, model scenario, Lincheck's interleaving table) is written to "
            + "TRACE-DIR/lincheck/SITUATION[+MUTATION][+patches-..].MODE.txt.",
        "",
        "Progress (which situation runs, how many are done, the rate) goes to stderr; the last line on stdout is "
            + "the summary with the exit code.",
        "",
        "Examples:",
        "  checker lincheck",
        "      every situation, model checking",
        "  checker lincheck --iterations 50 --invocations 2000 --mode both",
        "      a deeper run",
        "  checker lincheck --situation shipped-contracts \\",
        "      --mutation detach-ignores-reporting",
        "  checker lincheck --situation ptrace-syscall-vs-detach --patches without:25",
        ""})
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

    @Option(names = {"-p", "--patches"}, paramLabel = "SELECTION", defaultValue = "all", description = PatchOptions.HELP)
    String patches;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME",
        description = "For shipped-contracts: only these scenarios (repeatable): default ones (the situation's plans "
            + "without this option) or fidelity ones (model/scenarios/fidelity.list).")
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

    @CommandLine.Mixin
    ReportOptions report;

    /** Seconds between two "still running" lines on stderr while one situation runs. */
    static final int HEARTBEAT_SECONDS = 10;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        if (list) {
            for (Situation s : Situations.all()) {
                out.printf("%-28s %-10s %s%n", s.name(), s.expectHolds() ? "claim" : "probe", s.claim());
            }
            return ExitCode.OK;
        }
        if (iterations < 1) throw new UsageException("--iterations must be at least 1, got " + iterations);
        if (invocations < 1) throw new UsageException("--invocations must be at least 1, got " + invocations);
        List<Mode> modes = modes();
        ModelConfig config = PatchOptions.config(patches, mutations);
        List<Situation> chosen = chosen();
        OutputPaths.checkDir(traceDir, "--trace-dir");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        PrintStream textOut = report.text() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = new RunReport("lincheck", "checker.lincheck");
        ObjectNode h = rep.header();
        h.put("situations", chosen.size());
        h.put("iterations", iterations);
        h.put("invocations", invocations);
        h.put("mode", mode);
        h.put("config", config.toString());
        h.put("core_invariants", coreInvariants);
        h.put("seed", seed);
        rep.property("config", config.toString());
        rep.property("seed", Long.toString(seed));
        int total = chosen.size() * modes.size();
        List<String> pending = new ArrayList<>();
        for (Situation s : chosen) for (Mode m : modes) pending.add(s.name() + " " + m.word);
        report.armInterrupts(rep, out, "situation run(s)", () -> String.join(", ", pending));

        textOut.println("checker lincheck: " + chosen.size() + " situation(s), " + iterations + " plan(s) x " + invocations
            + " invocation(s) each, " + String.join("+", modes.stream().map(m -> m.word).toList()) + ", " + config
            + (coreInvariants ? ", core invariants" : "") + ", seed " + seed);
        textOut.printf("%-28s %-15s %-22s %6s %10s%n", "situation", "mode", "verdict", "plans", "time");
        boolean broken = false;
        int done = 0;
        int held = 0;
        int failedClaims = 0;
        int probesShown = 0;
        long plansDone = 0;
        long start = System.nanoTime();
        for (Situation s : chosen) {
            for (Mode m : modes) {
                String what = String.format(Locale.ROOT, "[lincheck %d/%d] %s, %s", done + 1, total, s.name(), m.word);
                Heartbeat beat = report.quiet() ? null : new Heartbeat(err, what, start, plansDone, invocations);
                Outcome o;
                try {
                    o = LincheckCheck.run(s, m, new Budget(iterations, invocations), config, seed, coreInvariants, traceDir);
                } finally {
                    if (beat != null) beat.stop();
                }
                done++;
                plansDone += o.plansRun();
                pending.remove(s.name() + " " + m.word);
                if (!o.failed() && s.expectHolds()) held++;
                if (o.failed() && s.expectHolds()) failedClaims++;
                if (o.failed() && !s.expectHolds()) probesShown++;
                rep.add(row(o));
                if (!report.quiet()) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "%s: %s in %.1f s; %d of %d done, %.1f s so far, %.0f invocations/s%n", what,
                        verdict(o), o.millis() / 1000.0, done, total, secs, secs == 0 ? 0 : plansDone * invocations / secs);
                }
                textOut.printf("%-28s %-15s %-22s %6d %9.1fs%n", s.name(), m.word, verdict(o), o.plansRun(), o.millis() / 1000.0);
                if (o.failed()) {
                    textOut.println("    " + o.reason());
                    textOut.println("    report: " + o.reportFile());
                }
                if (o.failed() && s.expectHolds()) broken = true;
            }
        }
        h.put("held", held);
        h.put("failed_claims", failedClaims);
        h.put("probes_shown", probesShown);
        int code = report.finish(rep, broken ? ExitCode.VIOLATION : ExitCode.OK, out, err);
        textOut.printf(Locale.ROOT, "%n%d situation run(s): %d claim(s) held, %d failed, %d probe(s) showed their race; "
            + "%.1f s; exit code %d%n", total, held, failedClaims, probesShown, (System.nanoTime() - start) / 1e9, code);
        textOut.flush();
        return code;
    }

    private static RunReport.Row row(Outcome o) {
        ObjectNode j = RunReport.object();
        j.put("situation", o.situation().name());
        j.put("kind", o.situation().expectHolds() ? "claim" : "probe");
        j.put("mode", o.mode().word);
        j.put("verdict", verdict(o));
        j.put("failed", o.failed());
        j.put("plans", o.plansRun());
        j.put("millis", o.millis());
        if (o.failed()) {
            j.put("reason", o.reason());
            if (o.reportFile() != null) j.put("report", o.reportFile().toString());
        }
        String name = o.situation().name() + " " + o.mode().word;
        String so = o.failed() ? o.reason() + "\nreport: " + o.reportFile() + "\n\n"
            + (o.failureReport() == null ? "" : o.failureReport()) : verdict(o) + "\n";
        if (o.failed() && o.situation().expectHolds()) {
            return new RunReport.Row(name, o.millis(), RunReport.Status.FAILURE, o.reason(), "not-linearizable", so, j);
        }
        return new RunReport.Row(name, o.millis(), RunReport.Status.PASS, null, null, so, j);
    }

    /** A "still running" line on stderr every HEARTBEAT_SECONDS while one situation runs. */
    private static final class Heartbeat {
        private final Thread thread;

        Heartbeat(PrintStream err, String what, long start, long plansDone, int invocations) {
            long t0 = System.nanoTime();
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(HEARTBEAT_SECONDS * 1000L);
                        double secs = (System.nanoTime() - start) / 1e9;
                        err.printf(Locale.ROOT, "%s: running, %.0f s (%.0f s in all, %.0f invocations/s before this one)%n",
                            what, (System.nanoTime() - t0) / 1e9, secs, secs == 0 ? 0 : plansDone * invocations / secs);
                    }
                } catch (InterruptedException e) {
                    // stopped: the situation finished
                }
            }, "lincheck progress");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            thread.interrupt();
        }
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
        // The default scenarios and the fidelity ones (the edges of documented exceptions, which pass every
        // invariant and every contract on the full series too).
        List<String> known = new ArrayList<>(Scenarios.shippedNames());
        known.addAll(Scenarios.fidelityNames());
        for (String sc : scenarios) {
            if (!known.contains(sc)) {
                throw new UsageException("--scenario: '" + sc + "' is not a default or fidelity scenario; known: "
                    + String.join(", ", known));
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
}

package utrace.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.lincheck.EachMutation;
import utrace.checker.lincheck.LincheckCheck;
import utrace.checker.lincheck.LincheckCheck.Budget;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.checker.lincheck.Situation;
import utrace.checker.lincheck.Situations;
import utrace.checker.report.RunReport;
import utrace.model.ModelConfig;
import utrace.model.Mutation;

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
        "  checker lincheck --situation shipped-contracts \\",
        "      --scenario examine-group-stopped -n 1 -k 200 \\",
        "      --mutation prepare-examine-ignores-engine-stop",
        "      one mutation on its own (matrix) scenario",
        "  checker lincheck --each-mutation",
        "      every mutation alone on its own scenario: caught, or why not",
        ""})
final class LincheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--situation", paramLabel = "NAME",
        description = "A situation to check (repeatable); default: all but the targeted ones. `checker lincheck --list` "
            + "names them.")
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

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE",
        description = "For shipped-contracts: only these scenarios (repeatable) instead of default.list's: any shipped "
            + "scenario (`checker list scenarios`: default, matrix, findings, fidelity, ptrace-tests, bench) or a "
            + "scenario file. Without --situation it runs shipped-contracts alone.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--each-mutation",
        description = "Instead of the situations: each mutation alone (all of `checker list mutations`, or those "
            + "--mutation names), shipped-contracts on the scenario the mutation declares, one row per mutation: "
            + "caught (the contract and step that caught it), HELD (a contract that reads what it breaks missed it: "
            + "a finding about the contracts, exit 1), not distinguished (the run fails without the mutation too, exit 1), "
            + "or no contract (none reads what it breaks, e.g. ptrace's wait results). A catch counts only if the same "
            + "run without the mutation holds (run once per scenario). A mutation whose own scenario is known to be out of Lincheck's reach is retried on a targeted "
            + "situation or with more invocations, and its row says so. Budget: --iterations plans (default here 1) "
            + "x --invocations per mutation.")
    boolean eachMutation;

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
            for (Situation s : Situations.targeted()) {
                out.printf("%-28s %-10s %s%n", s.name(), s.expectHolds() ? "claim" : "probe",
                    "(targeted: not in the default run; --situation or --each-mutation runs it) " + s.claim());
            }
            return ExitCode.OK;
        }
        if (iterations < 1) throw new UsageException("--iterations must be at least 1, got " + iterations);
        if (invocations < 1) throw new UsageException("--invocations must be at least 1, got " + invocations);
        List<Mode> modes = modes();
        ModelConfig config = PatchOptions.config(patches, mutations);
        if (eachMutation) return eachMutation(out, err, modes, config);
        List<Situation> chosen = chosen(config);
        PrintStream textOut = report.text() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = startReport(chosen.size(), iterations, config);
        ObjectNode h = rep.header();
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

    /**
     * --each-mutation: each mutation alone, shipped-contracts on its own scenario; a row per mutation (and
     * mode). Exit 0 when every mutation is caught or held for a stated reason, 1 when one is HELD (a contract
     * that reads what it breaks missed it), could not be run, or failed for a reason that is no contract.
     */
    /** Checks the output paths and starts the JSON/JUnit report with the run's header (both run kinds). */
    private RunReport startReport(int situations, int iterationsPerRun, ModelConfig config) {
        OutputPaths.checkDir(traceDir, "--trace-dir");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        RunReport rep = new RunReport("lincheck", "checker.lincheck");
        ObjectNode h = rep.header();
        h.put("situations", situations);
        h.put("iterations", iterationsPerRun);
        h.put("invocations", invocations);
        h.put("mode", mode);
        h.put("config", config.toString());
        h.put("core_invariants", coreInvariants);
        h.put("seed", seed);
        rep.property("config", config.toString());
        rep.property("seed", Long.toString(seed));
        return rep;
    }

    private int eachMutation(PrintStream out, PrintStream err, List<Mode> modes, ModelConfig base) {
        if (!situations.isEmpty()) {
            throw new UsageException("--each-mutation runs shipped-contracts on each mutation's own scenario: "
                + "leave out --situation");
        }
        if (!scenarios.isEmpty()) {
            throw new UsageException("--each-mutation runs each mutation on the scenario it declares "
                + "(`checker list mutations`): leave out --scenario");
        }
        // One plan per mutation unless asked: every plan of a mutation is its one scenario.
        int plans = spec.commandLine().getParseResult().hasMatchedOption("--iterations") ? iterations : 1;
        List<Mutation> chosen = EachMutation.chosen(mutations);
        ModelConfig patchesOnly = base.withMutations(EnumSet.noneOf(Mutation.class));
        PrintStream textOut = report.text() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = startReport(1, plans, patchesOnly);
        ObjectNode h = rep.header();
        h.put("each_mutation", true);
        int total = chosen.size() * modes.size();
        List<String> pending = new ArrayList<>();
        for (Mutation m : chosen) for (Mode md : modes) pending.add(m.id + " " + md.word);
        report.armInterrupts(rep, out, "mutation run(s)", () -> String.join(", ", pending));
        EachMutation.Baselines baselines = new EachMutation.Baselines();

        textOut.println("checker lincheck --each-mutation: " + chosen.size() + " mutation(s), each alone on its own "
            + "scenario under shipped-contracts, " + plans + " plan(s) x " + invocations + " invocation(s), "
            + String.join("+", modes.stream().map(md -> md.word).toList()) + ", " + patchesOnly
            + (coreInvariants ? ", core invariants" : "") + ", seed " + seed
            + "; a catch counts if the same run without the mutation holds (made once per scenario)");
        String rowFormat = "%-40s %-34s %-12s %-34s %5s %8s%n";
        textOut.printf(rowFormat, "mutation", "scenario", "result", "contract", "step", "time");
        Map<EachMutation.Verdict, Integer> counts = new EnumMap<>(EachMutation.Verdict.class);
        for (EachMutation.Verdict v : EachMutation.Verdict.values()) counts.put(v, 0);
        int done = 0;
        int retried = 0;
        int retriedCaught = 0;
        long plansDone = 0;
        long start = System.nanoTime();
        for (Mutation m : chosen) {
            for (Mode md : modes) {
                String what = String.format(Locale.ROOT, "[lincheck %d/%d] %s on %s, %s", done + 1, total, m.id, m.scenario,
                    md.word);
                Heartbeat beat = report.quiet() ? null : new Heartbeat(err, what, start, plansDone, invocations);
                EachMutation.Result r;
                try {
                    r = EachMutation.run(m, md, new Budget(plans, invocations), patchesOnly, seed, coreInvariants, traceDir,
                        baselines);
                } finally {
                    if (beat != null) beat.stop();
                }
                done++;
                plansDone += r.plans();
                pending.remove(m.id + " " + md.word);
                counts.merge(r.verdict(), 1, Integer::sum);
                if (r.retry() != null) retried++;
                if (r.retry() != null && r.verdict() == EachMutation.Verdict.CAUGHT) retriedCaught++;
                rep.add(row(r));
                if (!report.quiet()) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "%s: %s in %.1f s; %d of %d done, %.1f s so far%n", what, r.verdict().word,
                        r.millis() / 1000.0, done, total, secs);
                }
                textOut.printf(Locale.ROOT, rowFormat, m.id, m.scenario, r.verdict().word,
                    r.contract() == null ? "-" : r.contract(), r.step() < 0 ? "-" : Integer.toString(r.step()),
                    String.format(Locale.ROOT, "%.1fs", r.millis() / 1000.0));
                if (r.retry() != null) textOut.println("    " + r.retry());
                textOut.println("    " + r.detail());
                if (r.reportFile() != null) textOut.println("    report: " + r.reportFile());
            }
        }
        boolean unaccounted = false;
        for (EachMutation.Verdict v : EachMutation.Verdict.values()) if (!v.accounted && counts.get(v) > 0) unaccounted = true;
        h.put("caught", counts.get(EachMutation.Verdict.CAUGHT));
        h.put("missed", counts.get(EachMutation.Verdict.HELD));
        h.put("undistinguished", counts.get(EachMutation.Verdict.UNDISTINGUISHED));
        h.put("retried", retried);
        h.put("no_contract", counts.get(EachMutation.Verdict.NO_CONTRACT));
        h.put("not_run", counts.get(EachMutation.Verdict.NOT_RUN));
        h.put("errors", counts.get(EachMutation.Verdict.ERROR));
        int code = report.finish(rep, unaccounted ? ExitCode.VIOLATION : ExitCode.OK, out, err);
        textOut.printf(Locale.ROOT, "%n%d mutation run(s): %d caught (%d of them on a retry), %d HELD (a contract missed "
            + "what it reads), %d not distinguished (the scenario fails without the mutation too), %d with no contract "
            + "reading what they break, %d not run, %d error(s); %.1f s; exit code %d%n",
            total, counts.get(EachMutation.Verdict.CAUGHT), retriedCaught, counts.get(EachMutation.Verdict.HELD),
            counts.get(EachMutation.Verdict.UNDISTINGUISHED),
            counts.get(EachMutation.Verdict.NO_CONTRACT),
            counts.get(EachMutation.Verdict.NOT_RUN), counts.get(EachMutation.Verdict.ERROR),
            (System.nanoTime() - start) / 1e9, code);
        textOut.flush();
        return code;
    }

    private static RunReport.Row row(EachMutation.Result r) {
        ObjectNode j = RunReport.object();
        j.put("situation", "shipped-contracts");
        j.put("kind", "mutation");
        j.put("mode", r.mode().word);
        j.put("verdict", r.verdict().word);
        j.put("failed", r.outcome() != null && r.outcome().failed());
        j.put("plans", r.plans());
        j.put("millis", r.millis());
        j.put("mutation", r.mutation().id);
        j.put("scenario", r.scenario());
        j.put("breaks", r.mutation().breaks);
        if (r.contract() != null) j.put("contract", r.contract());
        if (r.step() >= 0) j.put("step", r.step());
        j.put("reason", r.detail());
        if (r.retry() != null) j.put("retry", r.retry());
        if (r.baseline() != null) j.put("baseline", r.baseline());
        if (r.reportFile() != null) j.put("report", r.reportFile().toString());
        String name = r.mutation().id + " on " + r.scenario() + " " + r.mode().word;
        String so = (r.retry() == null ? "" : r.retry() + "\n") + r.verdict().word + ": " + r.detail() + "\n" + (r.reportFile() == null ? "" : "report: " + r.reportFile() + "\n");
        if (!r.verdict().accounted) {
            return new RunReport.Row(name, r.millis(), RunReport.Status.FAILURE, r.detail(), "mutation-" + r.verdict().name()
                .toLowerCase(Locale.ROOT).replace('_', '-'), so, j);
        }
        return new RunReport.Row(name, r.millis(), RunReport.Status.PASS, null, null, so, j);
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

    private List<Situation> chosen(ModelConfig config) {
        // Any shipped scenario, or a file; each must make a plan that keeps it as it is.
        for (String sc : scenarios) {
            String problem = Situations.scenarioProblem(sc, config);
            if (problem != null) throw new UsageException("--scenario: " + problem);
        }
        // --scenario means something to shipped-contracts only: alone it asks for that situation; beside situations
        // that are not it, it would be ignored without a word (a run of every situation, minutes long).
        List<String> names = !situations.isEmpty() ? situations
            : scenarios.isEmpty() ? Situations.names() : List.of("shipped-contracts");
        if (!scenarios.isEmpty() && !names.contains("shipped-contracts")) {
            throw new UsageException("--scenario picks the scenarios of the shipped-contracts situation: add "
                + "--situation shipped-contracts, or leave out --situation");
        }
        List<Situation> out = new ArrayList<>();
        for (String n : names) {
            Situation s = Situations.byName(n);
            if (s == null) {
                throw new UsageException("unknown situation '" + n + "'; known situations: " + String.join(", ", Situations.allNames()));
            }
            if (s.name().equals("shipped-contracts") && !scenarios.isEmpty()) s = Situations.shippedContracts(scenarios);
            out.add(s);
        }
        return out;
    }
}

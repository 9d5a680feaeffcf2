package utrace.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.report.Numbers;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.Verdict;
import utrace.checker.report.RunReport;
import utrace.checker.report.ScenarioRows;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.Series;

/** `checker bisect`: walk the series prefixes and say which patch fixes, and which breaks, an invariant. */
@Command(name = "bisect", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Find the patches after which an invariant starts and stops holding.",
        "",
        "Checks one invariant on one scenario for every prefix of the series (upto:1 .. upto:33) and reports the "
            + "first patch after which it holds, the first after which it breaks again, and every later change, each "
            + "violating side with a replayable trace. With --junit each prefix is a testcase; only the full series "
            + "(upto:33) fails when violated, the others carry their verdict in system-out.",
        "",
        "Example:",
        "  checker bisect -i quiescent-needs-both \\",
        "      --scenario ptrace-resume-vs-engine-stop",
        ""})
final class BisectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--invariants", "--invariant"}, required = true, paramLabel = "NAME",
        description = "The invariant to bisect: one name (see `checker list invariants`); -i is --invariants as on "
            + "every command, here limited to one invariant.")
    String invariant;

    @Option(names = {"-s", "--scenario"}, required = true, paramLabel = "NAME|FILE",
        description = "A shipped scenario name or a scenario file.")
    String scenario;

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out/bisect",
        description = "Where the traces of violating prefixes go. Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @Option(names = "--por", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Partial-order reduction in the native searches (default: off; see verify --help).")
    boolean por;

    @CommandLine.Mixin
    ReportOptions report;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        Invariant inv = Invariants.byName(invariant);
        if (inv == null && (invariant.contains(",") || InvariantSet.SHIPPED.contains(invariant))) {
            throw new UsageException("bisect takes one invariant, not the set '" + UsageException.shown(invariant)
                + "': bisect each invariant on its own");
        }
        if (inv == null) {
            throw new UsageException("unknown invariant '" + UsageException.shown(invariant) + "'"
                + utrace.model.Suggest.orKnown(invariant, Invariants.names(), "known invariants", "checker list invariants"));
        }
        OutputPaths.checkDir(traceDir, "--trace-dir");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        Scenario s = ScenarioArgs.loadOne(scenario);
        boolean text = report.text();
        PrintStream textOut = text ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = new RunReport("bisect", "checker.bisect");
        ObjectNode h = rep.header();
        h.put("invariant", invariant);
        h.put("scenario", s.name());
        h.put("series_length", ModelConfig.SERIES_LENGTH);
        rep.property("invariant", invariant);
        rep.property("scenario", s.name());
        report.armInterrupts(rep, out, "prefix(es)", null);
        VerifyRun.Listener quiet = new VerifyRun.Listener() {
            @Override public void starting(Scenario sc) { }

            @Override public ProgressListener progressFor(Scenario sc) { return ProgressListener.NONE; }
        };
        List<ScenarioResult> byPrefix = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 1; n <= ModelConfig.SERIES_LENGTH; n++) {
            ModelConfig cfg = ModelConfig.fullSeries().withPatches(Series.select("upto:" + n));
            VerifyRequest req = new VerifyRequest(List.of(s), new InvariantSet(invariant, List.of(inv)), cfg, Limits.NONE,
                traceDir.resolve("upto-" + n));
            ScenarioResult r = VerifyRun.run(req, quiet, RunOptions.DEFAULT, ScaleOptions.SEQUENTIAL.withPor(por)).get(0);
            byPrefix.add(r);
            if (r.writeError() != null) rep.outputError(r.writeError());
            rep.add(row(r, n));
            if (!report.quiet()) {
                err.printf(Locale.ROOT, "[bisect] upto:%d of %d: %s, %.1f s so far%n", n, ModelConfig.SERIES_LENGTH,
                    r.result().verdict(), (System.nanoTime() - start) / 1e9);
            }
        }
        textOut.printf("bisect %s on %s over the series prefixes upto:1..upto:%d%n%n", invariant, s.name(), ModelConfig.SERIES_LENGTH);
        int runStart = 1;
        for (int n = 2; n <= ModelConfig.SERIES_LENGTH + 1; n++) {
            if (n <= ModelConfig.SERIES_LENGTH && verdict(byPrefix, n) == verdict(byPrefix, runStart)) continue;
            textOut.printf(Locale.ROOT, "  upto:%-2d .. upto:%-2d  %s%n", runStart, n - 1, verdict(byPrefix, runStart));
            runStart = n;
        }
        textOut.println();
        Integer firstFix = null;
        Integer firstBreak = null;
        for (int n = 1; n <= ModelConfig.SERIES_LENGTH; n++) {
            Verdict v = verdict(byPrefix, n);
            Verdict prev = n == 1 ? null : verdict(byPrefix, n - 1);
            if (prev == null) {
                if (v == Verdict.PASS) textOut.println("holds from the start (upto:1, the utrace core)");
                continue;
            }
            if (v == prev) continue;
            Series.Patch p = Series.patch(n);
            if (v == Verdict.PASS) {
                textOut.printf("patch %02d fixes it: %s%n", n, p.title());
                textOut.printf("    before (upto:%d): %s%n", n - 1, describe(byPrefix, n - 1));
                if (firstFix == null) firstFix = n;
            } else {
                textOut.printf("patch %02d breaks it: %s%n", n, p.title());
                textOut.printf("    from upto:%d: %s%n", n, describe(byPrefix, n));
                if (firstFix != null || verdict(byPrefix, 1) == Verdict.PASS) {
                    if (firstBreak == null) firstBreak = n;
                }
            }
        }
        String holdsFrom = verdict(byPrefix, 1) == Verdict.PASS ? "01 (holds from the start)"
            : firstFix == null ? "none" : String.format("%02d", firstFix);
        String breaksAgain = firstBreak == null ? "none" : String.format("%02d", firstBreak);
        Verdict full = verdict(byPrefix, ModelConfig.SERIES_LENGTH);
        h.put("first_patch_holding", holdsFrom);
        h.put("first_patch_breaking_again", breaksAgain);
        h.put("full_series", full.name());
        int code = full == Verdict.PASS ? ExitCode.OK : full == Verdict.INCOMPLETE ? ExitCode.INCOMPLETE : ExitCode.VIOLATION;
        code = report.finish(rep, code, out, err);
        textOut.println();
        textOut.println("first patch after which it holds: " + holdsFrom);
        textOut.println("first patch after which it breaks again: " + breaksAgain);
        textOut.println("full series: " + full + "; exit code " + code);
        textOut.flush();
        return code;
    }

    /** Prefix {@code n} as a report row: informational (PASS) except the full series, which fails when violated. */
    private static RunReport.Row row(ScenarioResult r, int n) {
        ObjectNode j = RunReport.object();
        j.put("prefix", "upto:" + n);
        j.put("patch", n);
        j.put("patch_title", Series.patch(n).title());
        j.set("run", ScenarioRows.json(r));
        RunReport.Row base = ScenarioRows.row(r);
        String name = String.format(Locale.ROOT, "upto:%02d %s", n, r.scenario().name());
        String so = "upto:" + n + ": " + r.result().verdict() + "\n" + (base.systemOut() == null ? "" : base.systemOut());
        if (n < ModelConfig.SERIES_LENGTH || base.status() == RunReport.Status.PASS) {
            return new RunReport.Row(name, base.millis(), RunReport.Status.PASS, null, null, so, j);
        }
        return new RunReport.Row(name, base.millis(), base.status(), base.message(), base.type(), so, j);
    }

    private static Verdict verdict(List<ScenarioResult> rs, int n) {
        return rs.get(n - 1).result().verdict();
    }

    private static String describe(List<ScenarioResult> rs, int n) {
        ScenarioResult r = rs.get(n - 1);
        if (r.result().counterexample() == null) return r.result().verdict().name();
        String where = r.traceJson() != null ? "trace " + r.traceJson() : "trace NOT written: " + r.writeError();
        return r.result().counterexample().violation().message() + "; " + where + " (" + Numbers.steps(r.traceSteps()) + ")";
    }
}

package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;
import utrace.model.Series;

/** `checker bisect`: walk the series prefixes and say which patch fixes, and which breaks, an invariant. */
@Command(name = "bisect", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Find the patches after which an invariant starts and stops holding.",
        "",
        "Check one invariant on one scenario for every prefix of the series (upto:1 .. upto:33)",
        "and report the first patch after which it holds, the first after which it breaks",
        "again, and every later change, each violating side with a replayable trace.",
        "Example: checker bisect --invariant quiescent-needs-both --scenario ptrace-resume-vs-engine-stop",
        ""})
final class BisectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--invariant"}, required = true, paramLabel = "NAME", description = "The invariant to bisect.")
    String invariant;

    @Option(names = {"-s", "--scenario"}, required = true, paramLabel = "NAME|FILE", description = "The scenario.")
    String scenario;

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out/bisect",
        description = "Where the traces of violating prefixes go. Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @Option(names = "--por", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Partial-order reduction in the native searches (default: off; see verify --help).")
    boolean por;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Invariant inv = Invariants.byName(invariant);
        if (inv == null) {
            throw new UsageException("unknown invariant '" + invariant + "'; known invariants: " + String.join(", ", Invariants.names()));
        }
        Scenario s;
        try {
            s = Scenarios.load(scenario);
        } catch (ScenarioFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        VerifyRun.Listener quiet = new VerifyRun.Listener() {
            @Override public void starting(Scenario sc) { }

            @Override public ProgressListener progressFor(Scenario sc) { return ProgressListener.NONE; }
        };
        List<ScenarioResult> byPrefix = new ArrayList<>();
        for (int n = 1; n <= ModelConfig.SERIES_LENGTH; n++) {
            ModelConfig cfg = ModelConfig.fullSeries().withPatches(Series.select("upto:" + n));
            VerifyRequest req = new VerifyRequest(List.of(s), new InvariantSet(invariant, List.of(inv)), cfg, Limits.NONE,
                traceDir.resolve("upto-" + n));
            byPrefix.add(VerifyRun.run(req, quiet, utrace.checker.run.RunOptions.DEFAULT,
                utrace.checker.explore.ScaleOptions.SEQUENTIAL.withPor(por)).get(0));
        }
        out.printf("bisect %s on %s over the series prefixes upto:1..upto:%d%n%n", invariant, s.name(), ModelConfig.SERIES_LENGTH);
        int runStart = 1;
        for (int n = 2; n <= ModelConfig.SERIES_LENGTH + 1; n++) {
            if (n <= ModelConfig.SERIES_LENGTH && verdict(byPrefix, n) == verdict(byPrefix, runStart)) continue;
            out.printf(Locale.ROOT, "  upto:%-2d .. upto:%-2d  %s%n", runStart, n - 1, verdict(byPrefix, runStart));
            runStart = n;
        }
        out.println();
        Integer firstFix = null;
        Integer firstBreak = null;
        for (int n = 1; n <= ModelConfig.SERIES_LENGTH; n++) {
            Verdict v = verdict(byPrefix, n);
            Verdict prev = n == 1 ? null : verdict(byPrefix, n - 1);
            if (prev == null) {
                if (v == Verdict.PASS) out.println("holds from the start (upto:1, the utrace core)");
                continue;
            }
            if (v == prev) continue;
            Series.Patch p = Series.patch(n);
            if (v == Verdict.PASS) {
                out.printf("patch %02d fixes it: %s%n", n, p.title());
                out.printf("    before (upto:%d): %s%n", n - 1, describe(byPrefix, n - 1));
                if (firstFix == null) firstFix = n;
            } else {
                out.printf("patch %02d breaks it: %s%n", n, p.title());
                out.printf("    from upto:%d: %s%n", n, describe(byPrefix, n));
                if (firstFix != null || verdict(byPrefix, 1) == Verdict.PASS) {
                    if (firstBreak == null) firstBreak = n;
                }
            }
        }
        out.println();
        out.println("first patch after which it holds: " + (verdict(byPrefix, 1) == Verdict.PASS ? "01 (holds from the start)"
            : firstFix == null ? "none" : String.format("%02d", firstFix)));
        out.println("first patch after which it breaks again: " + (firstBreak == null ? "none" : String.format("%02d", firstBreak)));
        out.println("full series: " + verdict(byPrefix, ModelConfig.SERIES_LENGTH));
        out.flush();
        return verdict(byPrefix, ModelConfig.SERIES_LENGTH) == Verdict.PASS ? ExitCode.OK : ExitCode.VIOLATION;
    }

    private static Verdict verdict(List<ScenarioResult> rs, int n) {
        return rs.get(n - 1).result().verdict();
    }

    private static String describe(List<ScenarioResult> rs, int n) {
        ScenarioResult r = rs.get(n - 1);
        if (r.result().counterexample() == null) return r.result().verdict().name();
        return r.result().counterexample().violation().message() + "; trace " + r.traceJson() + " (" + r.traceSteps() + " steps)";
    }
}

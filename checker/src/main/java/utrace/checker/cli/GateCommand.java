package utrace.checker.cli;

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
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.GateResult;
import utrace.checker.gate.GateRun;
import utrace.checker.gate.MatrixRow;
import utrace.checker.run.ScenarioResult;

/** `checker gate`: the bug matrix as a CI gate. */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "The bug matrix as a CI gate: every patch's race, with and without it.",
        "",
        "Run the bug matrix (" + BugMatrix.FILE + "): for every patch that closes a race or",
        "fixes a regression, its scenario and invariant are checked without the patch (a",
        "violation is expected, with a replayable trace) and on the full series (PASS expected).",
        "Exit 0 when every row shows its expected outcome, 1 on any unexpected outcome (a missed",
        "bug, or a violation on the full series), 3 if a limit made a row incomplete.",
        "Barrier rows (barrier:B1.writer) run the weak memory model without that barrier",
        "(a violation is expected) and with every barrier (PASS expected); --barriers runs",
        "only those, after the litmus self-test of the weak memory model.",
        "Every row needs an exhaustive search: --bitstate is refused here (exit 2).",
        ""})
final class GateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--row", paramLabel = "ID|SCENARIO", description = "Only these rows (repeatable): a row id (p17) or a scenario name.")
    List<String> only = new ArrayList<>();

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out/gate",
        description = "Where the rows' traces go (one folder per row). Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "0", description = "Per-run state limit (0 = none).")
    long maxStates;

    @Option(names = "--shard", paramLabel = "K/N",
        description = "Run only shard K of N (1 <= K <= N): the matrix rows at positions K, K+N, K+2N, ... (after --row). "
            + "The split depends only on the matrix file, so N CI jobs with K = 1..N run every row exactly once.")
    String shard;

    @Option(names = "--barriers",
        description = "Only the barrier rows (broken-config barrier:ID, weak memory model), after the litmus self-test "
            + "of the weak model (SB, MP, MP+dependency, R against LKMM's verdicts). See `checker list barriers`.")
    boolean barriers;

    @CommandLine.Mixin
    ScaleMixin scale;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow r : BugMatrix.load()) {
            if (barriers && !BugMatrix.isBarrierRow(r)) continue;
            if (only.isEmpty() || only.stream().anyMatch(f -> BugMatrix.concerns(r, f))) rows.add(r);
        }
        boolean litmusOk = !barriers || utrace.checker.gate.LitmusGate.print(out);
        if (rows.isEmpty()) throw new UsageException("no bug-matrix row matches " + only + "; see " + BugMatrix.FILE);
        if (shard != null) {
            int[] kn = ShardSpec.parse(shard);
            int all = rows.size();
            rows = GateRun.shard(rows, kn[0], kn[1]);
            out.printf(Locale.ROOT, "shard %d/%d: %d of %d rows%n", kn[0], kn[1], rows.size(), all);
            if (rows.isEmpty()) {
                out.printf("nothing to run in this shard%n");
                out.flush();
                return ExitCode.OK;
            }
        }
        long start = System.nanoTime();
        utrace.checker.explore.ScaleOptions scaleOpts = scale.options(utrace.checker.explore.SearchMode.BFS);
        // A row passes only on an exhaustive search: bitstate could never give the expected PASS.
        if (scaleOpts.bitstate()) throw new UsageException("gate needs exhaustive searches: --bitstate cannot show a PASS");
        List<GateResult> results = GateRun.run(rows, new Limits(maxStates, 0), traceDir, scaleOpts);
        out.printf(Locale.ROOT, "%-10s %-18s %-36s %-28s %-22s %-22s %9s %8s%n",
            "row", "broken", "scenario", "invariant", "expected", "got", "states", "time");
        int incomplete = 0;
        int bad = 0;
        for (GateResult g : results) {
            // A limit hit (--max-states) proves nothing either way: counted apart, exit 3, not an unexpected outcome.
            // A real surprise on one side (a full-series violation, a missed bug) still counts as unexpected.
            boolean surprise = !g.brokenAsExpected() && !isIncomplete(g.broken()) || !g.fullAsExpected() && !isIncomplete(g.full());
            if (surprise) bad++;
            else if (!g.ok()) incomplete++;
            line(out, g.row().id(), g.row().broken(), g.row(), "VIOLATION", g.broken(), g.brokenAsExpected());
            line(out, "", BugMatrix.isBarrierRow(g.row()) ? "weak, all barriers" : "all", g.row(), "PASS", g.full(),
                g.fullAsExpected());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "%n%d rows, %d as expected, %d unexpected%s; %.1f s; traces under %s%n",
            results.size(), results.size() - bad - incomplete, bad,
            incomplete == 0 ? "" : ", " + incomplete + " incomplete (a limit was hit)", ms / 1000.0, traceDir);
        out.flush();
        if (bad > 0 || !litmusOk) return ExitCode.VIOLATION;
        return incomplete > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
    }

    private static boolean isIncomplete(ScenarioResult r) {
        return r.result().verdict() == utrace.checker.explore.Verdict.INCOMPLETE;
    }

    private static void line(PrintWriter out, String id, String cfg, MatrixRow row, String expected, ScenarioResult r, boolean ok) {
        String got = r.result().verdict().name();
        if (r.result().counterexample() != null) got += " (" + r.traceSteps() + " steps)";
        out.printf(Locale.ROOT, "%-10s %-18s %-36s %-28s %-22s %-22s %9d %6d ms%s%n", id, cfg, row.scenario(),
            row.invariant(), expected, got, r.result().stats().states(), r.result().stats().millis(),
            ok ? "" : isIncomplete(r) ? "   <-- INCOMPLETE" : "   <-- UNEXPECTED");
        if (r.traceJson() != null && !ok) out.printf("           trace: %s%n", r.traceJson());
    }
}

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
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.checker.explore.Verdict;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.GateResult;
import utrace.checker.gate.GateRun;
import utrace.checker.gate.LitmusGate;
import utrace.checker.gate.MatrixRow;
import utrace.checker.report.RunReport;
import utrace.checker.report.ScenarioRows;
import utrace.checker.run.ScenarioResult;

/** `checker gate`: the bug matrix as a CI gate. */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "The bug matrix as a CI gate: every patch's race, with and without it.",
        "",
        "Runs the bug matrix (" + BugMatrix.FILE + "): for every patch that closes a race or fixes a regression, "
            + "its scenario and invariant are checked without the patch (a violation is expected, with a replayable "
            + "trace) and on the full series (PASS expected).",
        "",
        "Barrier rows (barrier:B1.writer) run the weak memory model without that barrier (a violation is expected) "
            + "and with every barrier (PASS expected); --barriers runs only those, after the litmus self-test of the "
            + "weak memory model.",
        "",
        "Every row needs an exhaustive search: --bitstate is refused here (exit 2). With --junit each row is two "
            + "testcases, ROW.broken and ROW.full; --shard K/N splits the rows over N CI jobs.",
        ""})
final class GateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--row", paramLabel = "ID|SCENARIO", description = "Only these rows (repeatable): a row id (p17) or a scenario name.")
    List<String> only = new ArrayList<>();

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out/gate",
        description = "Where the rows' traces go (one folder per row). Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "0", converter = StateCountConverter.class,
        description = "Stop each search when a state past the first N distinct ones is found; the row is then "
            + "INCOMPLETE. 0 = no limit (the default).")
    long maxStates;

    @Option(names = "--shard", paramLabel = "K/N", arity = "0..1", fallbackValue = ShardSpec.FROM_ENV,
        description = "Run only shard K of N (1 <= K <= N): the matrix rows at positions K, K+N, K+2N, ... (after --row). "
            + "The split depends only on the matrix file, so N CI jobs with K = 1..N run every row exactly once. "
            + "--shard alone reads K and N from the environment: CHECKER_SHARD=K/N, a Slurm array "
            + "(SLURM_ARRAY_TASK_ID, _COUNT, _MIN) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX with "
            + "CHECKER_SHARD_COUNT); see docs/ci.md. `checker merge` joins the shards' JSON.")
    String shard;

    @Option(names = "--barriers",
        description = "Only the barrier rows (broken-config barrier:ID, weak memory model), after the litmus self-test "
            + "of the weak model (SB, MP, MP+dependency, R against LKMM's verdicts). See `checker list barriers`.")
    boolean barriers;

    @CommandLine.Mixin
    ReportOptions report;

    @CommandLine.Mixin
    ScaleMixin scale;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        OutputPaths.checkDir(traceDir, "--trace-dir");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        ScaleOptions scaleOpts = scale.options(SearchMode.BFS);
        // A row passes only on an exhaustive search: bitstate could never give the expected PASS.
        if (scaleOpts.probabilistic()) throw new UsageException("gate needs exhaustive searches: --bitstate and --hash-compact cannot show a PASS");
        List<MatrixRow> matrix = BugMatrix.load();
        // Every --row must match a row: a mistyped one in a CI job's list would otherwise drop its rows silently.
        for (String f : only) {
            if (matrix.stream().noneMatch(r -> BugMatrix.concerns(r, f))) {
                throw new UsageException("no bug-matrix row matches '" + UsageException.shown(f) + "'; see " + BugMatrix.FILE);
            }
            if (barriers && matrix.stream().noneMatch(r -> BugMatrix.isBarrierRow(r) && BugMatrix.concerns(r, f))) {
                throw new UsageException("--row " + UsageException.shown(f) + " names no barrier row, and --barriers runs only "
                    + "those (barrier:B1.writer ...)");
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow r : matrix) {
            if (barriers && !BugMatrix.isBarrierRow(r)) continue;
            if (only.isEmpty() || only.stream().anyMatch(f -> BugMatrix.concerns(r, f))) rows.add(r);
        }
        ShardSpec.Shard sh = shard == null ? null : ShardSpec.resolve(shard, "--shard", System.getenv());
        int[] kn = sh == null ? null : new int[] {sh.k(), sh.n()};
        boolean text = report.text();
        RunReport rep = new RunReport("gate", "checker.gate");
        ObjectNode h = rep.header();
        int all = rows.size();
        if (kn != null) {
            // What a merge must find equal in every shard: the rows the shards split, in matrix order.
            h.set("rows_selected", rowIds(rows));
            rows = GateRun.shard(rows, kn[0], kn[1]);
            h.put("shard", kn[0] + "/" + kn[1]);
            // Where K/N came from (the option or which environment variables), for a merge that finds a shard missing.
            h.put("shard_from", sh.source());
            rep.property("shard", kn[0] + "/" + kn[1]);
        }
        h.put("matrix", BugMatrix.FILE);
        h.put("rows_in_matrix", all);
        h.put("barriers_only", barriers);
        h.put("max_states", maxStates);
        h.put("trace_dir", traceDir.toString());
        // Text goes to stdout only in text mode: in json mode stdout holds the one JSON document.
        PrintStream textOut = text ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        boolean litmusOk = true;
        if (barriers) {
            java.io.PrintWriter w = new java.io.PrintWriter(textOut, true);
            litmusOk = LitmusGate.print(w);
            w.flush();
            h.put("litmus_ok", litmusOk);
        }
        if (kn != null) {
            textOut.printf(Locale.ROOT, "shard %d/%d: %d of %d rows%s%n", kn[0], kn[1], rows.size(), all,
                sh.source().equals("--shard") ? "" : " (from " + sh.source() + ")");
        }
        if (rows.isEmpty()) {
            textOut.printf("nothing to run in this shard%n");
            return report.finish(rep, ExitCode.OK, out, err);
        }
        List<String> pending = new ArrayList<>();
        for (MatrixRow r : rows) pending.add(r.id());
        report.armInterrupts(rep, out, "row(s)", () -> String.join(", ", pending));
        long start = System.nanoTime();
        textOut.printf(Locale.ROOT, "%-10s %-18s %-36s %-28s %-22s %-22s %9s %8s%n",
            "row", "broken", "scenario", "invariant", "expected", "got", "states", "time");
        int[] counts = new int[2]; // unexpected, incomplete
        List<GateResult> results = GateRun.run(rows, new Limits(maxStates, 0), traceDir, scaleOpts, g -> {
            pending.remove(g.row().id());
            // A limit hit (--max-states) proves nothing either way: counted apart, exit 3, not an unexpected outcome.
            // A real surprise on one side (a full-series violation, a missed bug) still counts as unexpected.
            boolean surprise = !g.brokenAsExpected() && !isIncomplete(g.broken()) || !g.fullAsExpected() && !isIncomplete(g.full());
            if (surprise) counts[0]++;
            else if (!g.ok()) counts[1]++;
            for (ScenarioResult r : new ScenarioResult[] {g.broken(), g.full()}) {
                if (r.writeError() != null) rep.outputError(r.writeError());
            }
            rep.add(row(g, true));
            rep.add(row(g, false));
            line(textOut, g.row().id(), g.row().broken(), g.row(), "VIOLATION", g.broken(), g.brokenAsExpected());
            line(textOut, "", BugMatrix.isBarrierRow(g.row()) ? "weak, all barriers" : "all", g.row(), "PASS", g.full(),
                g.fullAsExpected());
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        int bad = counts[0];
        int incomplete = counts[1];
        int code = bad > 0 || !litmusOk ? ExitCode.VIOLATION : incomplete > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
        ObjectNode sum = h.putObject("summary");
        sum.put("rows", results.size());
        sum.put("as_expected", results.size() - bad - incomplete);
        sum.put("unexpected", bad);
        sum.put("incomplete", incomplete);
        sum.put("millis", ms);
        code = report.finish(rep, code, out, err);
        textOut.printf(Locale.ROOT, "%n%d rows, %d as expected, %d unexpected%s; %.1f s; traces under %s; exit code %d%n",
            results.size(), results.size() - bad - incomplete, bad,
            incomplete == 0 ? "" : ", " + incomplete + " incomplete (a limit was hit)", ms / 1000.0, traceDir, code);
        textOut.flush();
        return code;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode rowIds(List<MatrixRow> rows) {
        com.fasterxml.jackson.databind.node.ArrayNode a = RunReport.object().arrayNode();
        for (MatrixRow r : rows) a.add(r.id());
        return a;
    }

    /** One side of a gate row as a report row: ROW.broken expects the row's violation, ROW.full a PASS. */
    private static RunReport.Row row(GateResult g, boolean brokenSide) {
        ScenarioResult r = brokenSide ? g.broken() : g.full();
        boolean ok = brokenSide ? g.brokenAsExpected() : g.fullAsExpected();
        String expected = brokenSide ? "VIOLATION of " + g.row().invariant() : "PASS";
        ObjectNode j = RunReport.object();
        j.put("id", g.row().id());
        j.put("side", brokenSide ? "broken" : "full");
        j.put("config", brokenSide ? g.row().broken() : BugMatrix.isBarrierRow(g.row()) ? "weak, all barriers" : "all");
        j.put("invariant", g.row().invariant());
        j.put("expected", brokenSide ? "VIOLATION" : "PASS");
        String outcome = ok ? "as expected" : isIncomplete(r) ? "incomplete" : "unexpected";
        j.put("outcome", outcome);
        j.set("run", ScenarioRows.json(r));
        String name = g.row().id() + "." + (brokenSide ? "broken" : "full") + " " + g.row().scenario();
        String so = ScenarioRows.systemOut(r);
        if (ok) return new RunReport.Row(name, r.result().stats().millis(), RunReport.Status.PASS, null, null, so, j);
        if (isIncomplete(r)) {
            return new RunReport.Row(name, r.result().stats().millis(), RunReport.Status.ERROR,
                "INCOMPLETE: " + r.result().incompleteReason(), "incomplete", so, j);
        }
        String got = r.result().verdict() == Verdict.VIOLATION
            ? "VIOLATION of " + r.result().counterexample().violation().invariant().name() + ": "
                + r.result().counterexample().violation().message()
            : r.result().verdict().name();
        return new RunReport.Row(name, r.result().stats().millis(), RunReport.Status.FAILURE,
            "expected " + expected + ", got " + got, brokenSide ? "missed-bug" : "full-series-violation", so, j);
    }

    private static boolean isIncomplete(ScenarioResult r) {
        return r.result().verdict() == Verdict.INCOMPLETE;
    }

    private static void line(PrintStream out, String id, String cfg, MatrixRow row, String expected, ScenarioResult r, boolean ok) {
        String got = r.result().verdict().name();
        if (r.result().counterexample() != null) got += " (" + Numbers.steps(r.traceSteps()) + ")";
        out.printf(Locale.ROOT, "%-10s %-18s %-36s %-28s %-22s %-22s %,9d %6d ms%s%n", id, cfg, row.scenario(),
            row.invariant(), expected, got, r.result().stats().states(), r.result().stats().millis(),
            ok ? "" : isIncomplete(r) ? "   <-- INCOMPLETE" : "   <-- UNEXPECTED");
        if (r.traceJson() != null && !ok) out.printf("           trace: %s%n", r.traceJson());
        if (r.writeError() != null) out.printf("           trace NOT written: %s%n", r.writeError());
    }
}

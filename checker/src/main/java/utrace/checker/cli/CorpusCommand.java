package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.corpus.Corpus;
import utrace.checker.corpus.CorpusException;
import utrace.checker.corpus.CorpusIndex;
import utrace.checker.corpus.CorpusRow;
import utrace.checker.report.RunReport;

/** `checker corpus [--update]`: check or refresh the golden traces of traces/corpus/. */
@Command(name = "corpus", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Check (or --update) the golden trace corpus.",
        "",
        "Checks the trace corpus. Every row of DIR/" + CorpusIndex.FILE_NAME + " names a configuration that must "
            + "violate an invariant; DIR/NAME.json is its golden (shortest) trace. Each golden trace is replayed; one "
            + "that no longer reproduces is reported as STALE (the model changed, but the explorer still finds the "
            + "violation) or LOST (the violation is gone). `make test` runs the same check. Any failed row (missing, "
            + "stale, lost, ...) gives exit code 4 and is named.",
        "",
        "--update rewrites every golden trace from the current model (breadth-first, only the row's invariant); run "
            + "it (`make corpus`) after an intended model change and review the diff. To add a row: add a line to "
            + "the index, run `checker corpus --update`, commit NAME.json.",
        "",
        "Index rows:",
        "  NAME scenario=NAME|FILE [mutations=M1,M2] [patches=SELECTION]",
        "       invariant=NAME",
        ""})
final class CorpusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "traces/corpus",
        description = "The corpus directory. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--update", description = "Rewrite the golden traces from the current model instead of checking them.")
    boolean update;

    @CommandLine.Mixin
    ReportOptions report;

    @Override public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        if (!Files.isDirectory(dir)) throw new UsageException("--dir " + dir + ": not a directory");
        List<CorpusRow> rows;
        try {
            rows = CorpusIndex.read(dir.resolve(CorpusIndex.FILE_NAME));
        } catch (CorpusException e) {
            throw new UsageException(e.getMessage());
        }
        PrintStream textOut = report.text() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = new RunReport("corpus", "checker.corpus");
        rep.header().put("dir", dir.toString());
        rep.header().put("update", update);
        report.armInterrupts(rep, out, "row(s)", null);
        List<Corpus.RowResult> results = new ArrayList<>();
        long start = System.nanoTime();
        for (CorpusRow row : rows) {
            long t0 = System.nanoTime();
            Corpus.RowResult r = update ? Corpus.update(dir, row) : Corpus.check(dir, row);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            results.add(r);
            rep.add(row(row.name(), r.status().name(), r.steps(), r.message(), r.ok(), ms, Corpus.traceFile(dir, row)));
            textOut.printf("%-44s %-12s %5s  %s%n", row.name(), r.status(), r.steps() < 0 ? "-" : r.steps() + "", r.message());
        }
        List<Path> orphans = Corpus.orphans(dir, rows);
        for (Path p : orphans) {
            rep.add(row(p.getFileName().toString(), "ORPHAN", -1, "no row of the index names it", false, 0, p));
            textOut.printf("%-44s %-12s %5s  %s%n", p.getFileName(), "ORPHAN", "-", "no row of the index names it");
        }
        long failed = results.stream().filter(r -> !r.ok()).count() + orphans.size();
        rep.header().put("failed", failed);
        int code = report.finish(rep, failed == 0 ? ExitCode.OK : ExitCode.DIVERGED, out, err);
        textOut.printf(java.util.Locale.ROOT, "%n%s: %d row(s), %d failed; %.1f s; exit code %d%n", update ? "corpus update" : "corpus check",
            rows.size(), failed, (System.nanoTime() - start) / 1e9, code);
        textOut.flush();
        return code;
    }

    private static RunReport.Row row(String name, String status, int steps, String message, boolean ok, long ms, Path trace) {
        ObjectNode j = RunReport.object();
        j.put("name", name);
        j.put("status", status);
        if (steps >= 0) j.put("steps", steps);
        j.put("message", message);
        j.put("trace", trace.toString());
        String so = status + ": " + message + "\ntrace: " + trace + "\nreplay: bin/checker replay " + trace + "\n";
        return ok ? new RunReport.Row(name, ms, RunReport.Status.PASS, null, null, so, j)
            : new RunReport.Row(name, ms, RunReport.Status.FAILURE, status + ": " + message, status.toLowerCase(java.util.Locale.ROOT), so, j);
    }
}

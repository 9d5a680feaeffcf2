package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.corpus.Corpus;
import utrace.checker.corpus.CorpusException;
import utrace.checker.corpus.CorpusIndex;
import utrace.checker.corpus.CorpusRow;

/** `checker corpus [--update]`: check or refresh the golden traces of traces/corpus/. */
@Command(name = "corpus", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Check (or --update) the golden trace corpus.",
        "",
        "Check the trace corpus. Every row of DIR/" + CorpusIndex.FILE_NAME + " names a configuration",
        "that must violate an invariant; DIR/NAME.json is its golden (shortest)",
        "trace. Each golden trace is replayed; one that no longer reproduces is",
        "reported as STALE (the model changed, but the explorer still finds the",
        "violation) or LOST (the violation is gone). `make test` runs the same check.",
        "",
        "--update rewrites every golden trace from the current model (breadth-first,",
        "only the row's invariant); run it (`make corpus`) after an intended model",
        "change and review the diff. To add a row: add a line to the index, run",
        "`checker corpus --update`, commit NAME.json.",
        "",
        "Index rows: NAME scenario=NAME|FILE [mutations=M1,M2]",
        "            [patches=SELECTION] invariant=NAME",
        ""},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  every golden trace reproduces and is shortest",
        "     (--update: every row still violates)",
        "  2  the index is missing or malformed",
        "  4  some row failed (missing, stale, lost, ...); each is named"})
final class CorpusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "traces/corpus",
        description = "The corpus directory. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--update", description = "Rewrite the golden traces from the current model instead of checking them.")
    boolean update;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<CorpusRow> rows;
        try {
            rows = CorpusIndex.read(dir.resolve(CorpusIndex.FILE_NAME));
        } catch (CorpusException e) {
            throw new UsageException(e.getMessage());
        }
        List<Corpus.RowResult> results = new ArrayList<>();
        for (CorpusRow row : rows) {
            Corpus.RowResult r = update ? Corpus.update(dir, row) : Corpus.check(dir, row);
            results.add(r);
            out.printf("%-44s %-12s %5s  %s%n", row.name(), r.status(), r.steps() < 0 ? "-" : r.steps() + "", r.message());
        }
        List<Path> orphans = Corpus.orphans(dir, rows);
        for (Path p : orphans) out.printf("%-44s %-12s %5s  %s%n", p.getFileName(), "ORPHAN", "-", "no row of the index names it");
        long failed = results.stream().filter(r -> !r.ok()).count() + orphans.size();
        out.printf("%n%s: %d row(s), %d failed%n", update ? "corpus update" : "corpus check", rows.size(), failed);
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.DIVERGED;
    }
}

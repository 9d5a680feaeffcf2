package utrace.checker.corpus;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import utrace.checker.report.Numbers;
import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;
import utrace.model.Series;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;
import utrace.traces.TraceFormatException;
import utrace.traces.TraceReader;
import utrace.traces.TraceWriter;

/**
 * The trace corpus (traces/corpus/): one golden trace per known violation,
 * so that a model change that silently loses a known bug is noticed. check
 * replays a row's golden trace and, when it no longer reproduces, explores
 * the row again to tell a stale trace (the bug is still found: refresh) from
 * a lost bug. update rewrites the golden traces from the current model,
 * breadth-first with only the row's invariant, so each is a shortest
 * violation of that invariant.
 */
public final class Corpus {
    private Corpus() {}

    /** Enough for every shipped scenario many times over; a row that needs more is reported, not hung on. */
    static final Limits LIMITS = new Limits(5_000_000, 0);

    public enum Status {
        /** The golden trace replays to its violation and is as short as the explorer's shortest. */
        OK,
        /** No NAME.json for the row. */
        MISSING,
        /** NAME.json does not read as a trace. */
        UNREADABLE,
        /** NAME.json is a trace of another scenario, configuration or invariant than the row says. */
        MISMATCH,
        /** The golden trace no longer replays, but the explorer still finds the violation: refresh the corpus. */
        STALE,
        /** The row no longer violates its invariant: the model lost a known bug. */
        LOST,
        /** It replays, but the explorer now finds a shorter trace: refresh the corpus. */
        NOT_SHORTEST,
        /** The search for the row hit its state limit: nothing is known. */
        INCOMPLETE,
        /** update: the golden trace was (re)written. */
        WRITTEN,
        /** update: the golden trace was already the one the model gives. */
        UNCHANGED
    }

    /** What happened to one row; {@code steps} is the golden (or written) trace's length, -1 if none. */
    public record RowResult(CorpusRow row, Status status, int steps, String message) {
        public boolean ok() {
            return status == Status.OK || status == Status.WRITTEN || status == Status.UNCHANGED;
        }
    }

    public static Path traceFile(Path dir, CorpusRow row) {
        return dir.resolve(row.name() + ".json");
    }

    public static RowResult check(Path dir, CorpusRow row) {
        Path file = traceFile(dir, row);
        if (!Files.isRegularFile(file)) {
            return new RowResult(row, Status.MISSING, -1, "no golden trace " + file + " (create it with `make corpus`)");
        }
        Trace t;
        try {
            t = TraceReader.read(file);
        } catch (TraceFormatException | IOException e) {
            return new RowResult(row, Status.UNREADABLE, -1, e.getMessage());
        }
        int steps = t.steps().size();
        String mismatch = mismatch(dir, row, t);
        if (mismatch != null) return new RowResult(row, Status.MISMATCH, steps, file + ": " + mismatch);
        ReplayResult replay;
        try {
            replay = Replayer.replay(t);
        } catch (TraceFormatException e) {
            return new RowResult(row, Status.UNREADABLE, steps, e.getMessage());
        }
        ExplorationResult now;
        try {
            now = explore(dir, row);
        } catch (CorpusException e) {
            return new RowResult(row, Status.UNREADABLE, steps, e.getMessage());
        }
        if (replay.outcome() == ReplayResult.Outcome.REPRODUCED) {
            if (now.verdict() == Verdict.VIOLATION && now.counterexample().schedule().size() < steps) {
                return new RowResult(row, Status.NOT_SHORTEST, steps, "replays, but the explorer now finds a "
                    + now.counterexample().schedule().size() + "-step trace; refresh with `make corpus`");
            }
            return new RowResult(row, Status.OK, steps, "REPRODUCED after " + Numbers.steps(steps) + ": " + replay.message());
        }
        String why = replay.outcome() == ReplayResult.Outcome.DIVERGED
            ? "DIVERGED at step " + replay.divergedAtStep() + ": " + replay.message() : replay.message();
        if (now.verdict() == Verdict.VIOLATION) {
            return new RowResult(row, Status.STALE, steps, "the golden trace no longer replays (" + why + "); the explorer "
                + "still finds the violation (" + now.counterexample().schedule().size() + " steps), so the model changed "
                + "but kept the bug: if the change is intended, refresh with `make corpus`");
        }
        if (now.verdict() == Verdict.INCOMPLETE) {
            return new RowResult(row, Status.INCOMPLETE, steps, "the golden trace no longer replays (" + why
                + ") and the search for the row stopped: " + now.incompleteReason());
        }
        return new RowResult(row, Status.LOST, steps, "the known violation is LOST: " + row.invariant()
            + " now holds on every interleaving of this row (" + why + ")");
    }

    /** Rewrites the row's golden trace from the current model; writes nothing unless the row still violates. */
    public static RowResult update(Path dir, CorpusRow row) {
        Model model;
        ExplorationResult r;
        try {
            model = model(dir, row);
            r = new Explorer(LIMITS, ProgressListener.NONE).explore(model, List.of(Invariants.byName(row.invariant())));
        } catch (CorpusException e) {
            return new RowResult(row, Status.UNREADABLE, -1, e.getMessage());
        }
        if (r.verdict() == Verdict.INCOMPLETE) {
            return new RowResult(row, Status.INCOMPLETE, -1, "not written: " + r.incompleteReason());
        }
        if (r.verdict() == Verdict.PASS) {
            return new RowResult(row, Status.LOST, -1, "not written: " + row.invariant()
                + " holds on every interleaving of this row; the known violation is gone");
        }
        Trace t = TraceBuilder.build(model, r.counterexample().schedule(), r.counterexample().violation());
        Path file = traceFile(dir, row);
        try {
            byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            TraceWriter.writeJson(t, file);
            boolean same = before != null && Arrays.equals(before, Files.readAllBytes(file));
            return new RowResult(row, same ? Status.UNCHANGED : Status.WRITTEN, t.steps().size(),
                (same ? "unchanged: " : "written: ") + file + " (" + Numbers.steps(t.steps().size()) + ")");
        } catch (IOException e) {
            return new RowResult(row, Status.UNREADABLE, -1, "cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Golden traces in the directory that no row names. */
    public static List<Path> orphans(Path dir, List<CorpusRow> rows) throws IOException {
        Set<String> names = new HashSet<>();
        for (CorpusRow r : rows) names.add(r.name() + ".json");
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) if (!names.contains(p.getFileName().toString())) out.add(p);
        }
        out.sort(null);
        return out;
    }

    private static ExplorationResult explore(Path dir, CorpusRow row) throws CorpusException {
        return new Explorer(LIMITS, ProgressListener.NONE).explore(model(dir, row), List.of(Invariants.byName(row.invariant())));
    }

    /** The model a row describes: its scenario under its patches and mutations. */
    public static Model model(Path dir, CorpusRow row) throws CorpusException {
        return new Model(scenario(dir, row), config(row));
    }

    static ModelConfig config(CorpusRow row) {
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        for (String m : row.mutations()) ms.add(Mutation.byId(m));
        ModelConfig cfg = ModelConfig.fullSeries().withPatches(Series.select(row.patches())).withMutations(ms);
        if (row.withoutBarriers().isEmpty()) return cfg;
        return cfg.withMemoryModel(utrace.model.MemoryModel.WEAK).withoutBarriers(utrace.model.Barrier.parseList(row.withoutBarriers()));
    }

    /** A shipped scenario by name; otherwise a file, relative to the corpus directory. */
    static Scenario scenario(Path dir, CorpusRow row) throws CorpusException {
        String where = Scenarios.isShipped(row.scenario()) ? row.scenario() : dir.resolve(row.scenario()).toString();
        try {
            return Scenarios.load(where);
        } catch (ScenarioFormatException | IOException | RuntimeException e) {
            throw new CorpusException("row " + row.name() + " (line " + row.line() + "): scenario " + row.scenario() + ": "
                + e.getMessage());
        }
    }

    private static Set<String> barrierIds(String spec) {
        Set<String> out = new HashSet<>();
        if (!spec.isEmpty()) for (utrace.model.Barrier b : utrace.model.Barrier.parseList(spec)) out.add(b.id);
        return out;
    }

    /** Null if the trace is of the row's scenario, configuration and invariant; else what differs. */
    private static String mismatch(Path dir, CorpusRow row, Trace t) {
        String scenarioName;
        try {
            scenarioName = scenario(dir, row).name();
        } catch (CorpusException e) {
            return e.getMessage();
        }
        if (!t.scenario().name().equals(scenarioName)) {
            return "trace of scenario " + t.scenario().name() + ", the row says " + scenarioName;
        }
        if (!new HashSet<>(t.config().mutations()).equals(new HashSet<>(row.mutations()))) {
            return "trace with mutations " + t.config().mutations() + ", the row says " + row.mutations();
        }
        if (!ModelConfig.parsePatches(t.config().patches()).equals(Series.select(row.patches()))) {
            return "trace with patches " + t.config().patches() + ", the row says " + row.patches();
        }
        String memory = row.withoutBarriers().isEmpty() ? "sc" : "weak";
        if (!t.config().memoryModel().equals(memory)
                || !new HashSet<>(t.config().withoutBarriers()).equals(barrierIds(row.withoutBarriers()))) {
            return "trace with memory model " + t.config().memoryModel() + " without barriers " + t.config().withoutBarriers()
                + ", the row says " + memory + (row.withoutBarriers().isEmpty() ? "" : " without " + row.withoutBarriers());
        }
        if (!t.invariant().name().equals(row.invariant())) {
            return "trace of invariant " + t.invariant().name() + ", the row says " + row.invariant();
        }
        return null;
    }
}

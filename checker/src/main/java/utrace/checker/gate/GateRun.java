package utrace.checker.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** Runs bug-matrix rows: each without its patch (expect a violation) and on the full series (expect PASS). */
public final class GateRun {
    private GateRun() {}

    private static final VerifyRun.Listener QUIET = new VerifyRun.Listener() {
        @Override public void starting(Scenario s) { }

        @Override public ProgressListener progressFor(Scenario s) { return ProgressListener.NONE; }
    };

    public static List<GateResult> run(List<MatrixRow> rows, Limits limits, Path traceDir) {
        return run(rows, limits, traceDir, ScaleOptions.SEQUENTIAL);
    }

    /** As {@link #run(List, Limits, Path)}, each search with {@code scale} (workers, reductions). */
    public static List<GateResult> run(List<MatrixRow> rows, Limits limits, Path traceDir, ScaleOptions scale) {
        return run(rows, limits, traceDir, scale, g -> { });
    }

    /** As above, telling {@code finished} each row's result as soon as it is known. */
    public static List<GateResult> run(List<MatrixRow> rows, Limits limits, Path traceDir, ScaleOptions scale,
                                       java.util.function.Consumer<GateResult> finished) {
        Map<String, ScenarioResult> fullRuns = new HashMap<>();
        List<GateResult> out = new ArrayList<>();
        for (MatrixRow row : rows) {
            ScenarioResult broken = one(row, BugMatrix.config(row), limits, traceDir.resolve(row.id()), scale);
            ModelConfig fullCfg = BugMatrix.fullConfig(row);
            String key = row.scenario() + " " + row.invariant() + " " + fullCfg.memoryModel().id;
            ScenarioResult full = fullRuns.computeIfAbsent(key,
                k -> one(row, fullCfg, limits, traceDir.resolve(fullCfg.weak() ? "full-series-weak" : "full-series"), scale));
            GateResult g = new GateResult(row, broken, full);
            out.add(g);
            finished.accept(g);
        }
        return out;
    }

    /**
     * Shard {@code k} of {@code n} (1-based): the rows whose position in {@code rows} is k-1 modulo n.
     * Round robin keeps the split deterministic (it depends only on the matrix file) and spreads
     * neighbouring rows, which often share a scenario of similar cost, over different shards.
     */
    public static List<MatrixRow> shard(List<MatrixRow> rows, int k, int n) {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("shard " + k + "/" + n + ": need 1 <= k <= n");
        List<MatrixRow> out = new ArrayList<>();
        for (int i = k - 1; i < rows.size(); i += n) out.add(rows.get(i));
        return out;
    }

    static ScenarioResult one(MatrixRow row, ModelConfig cfg, Limits limits, Path dir) {
        return one(row, cfg, limits, dir, ScaleOptions.SEQUENTIAL);
    }

    static ScenarioResult one(MatrixRow row, ModelConfig cfg, Limits limits, Path dir, ScaleOptions scale) {
        try {
            Scenario s = Scenarios.load(row.scenario());
            Invariant inv = Invariants.byName(row.invariant());
            VerifyRequest req = new VerifyRequest(List.of(s), new InvariantSet(row.invariant(), List.of(inv)), cfg, limits, dir);
            return VerifyRun.run(req, QUIET, RunOptions.DEFAULT, scale).get(0);
        } catch (java.io.IOException | utrace.model.ScenarioFormatException e) {
            throw new IllegalStateException(BugMatrix.FILE + ":" + row.line() + ": " + e.getMessage(), e);
        }
    }
}

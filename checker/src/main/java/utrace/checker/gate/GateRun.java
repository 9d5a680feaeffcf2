package utrace.checker.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
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
        Map<String, ScenarioResult> fullRuns = new HashMap<>();
        List<GateResult> out = new ArrayList<>();
        for (MatrixRow row : rows) {
            ScenarioResult broken = one(row, BugMatrix.config(row), limits, traceDir.resolve(row.id()));
            String key = row.scenario() + " " + row.invariant();
            ScenarioResult full = fullRuns.computeIfAbsent(key,
                k -> one(row, ModelConfig.fullSeries(), limits, traceDir.resolve("full-series")));
            out.add(new GateResult(row, broken, full));
        }
        return out;
    }

    static ScenarioResult one(MatrixRow row, ModelConfig cfg, Limits limits, Path dir) {
        try {
            Scenario s = Scenarios.load(row.scenario());
            Invariant inv = Invariants.byName(row.invariant());
            VerifyRequest req = new VerifyRequest(List.of(s), new InvariantSet(row.invariant(), List.of(inv)), cfg, limits, dir);
            return VerifyRun.run(req, QUIET).get(0);
        } catch (java.io.IOException | utrace.model.ScenarioFormatException e) {
            throw new IllegalStateException(BugMatrix.FILE + ":" + row.line() + ": " + e.getMessage(), e);
        }
    }
}

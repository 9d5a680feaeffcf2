package utrace.checker.gate;

import utrace.checker.run.ScenarioResult;

/** A matrix row run both ways: the broken configuration (should violate) and the full series (should hold). */
public record GateResult(MatrixRow row, ScenarioResult broken, ScenarioResult full) {
    public boolean brokenAsExpected() {
        return broken.result().verdict() == utrace.checker.explore.Verdict.VIOLATION
            && broken.result().counterexample().violation().invariant().name().equals(row.invariant());
    }

    public boolean fullAsExpected() {
        return full.result().verdict() == utrace.checker.explore.Verdict.PASS;
    }

    public boolean ok() {
        return brokenAsExpected() && fullAsExpected();
    }
}

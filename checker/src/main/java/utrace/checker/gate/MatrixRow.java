package utrace.checker.gate;

/** One row of the bug matrix: without {@code broken} the invariant fails on the scenario; with the full series it holds. */
public record MatrixRow(String id, String broken, String scenario, String invariant, int line) {
}

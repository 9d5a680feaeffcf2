package utrace.checker.explore;

/** Verdict, statistics and, for VIOLATION, the counterexample; for INCOMPLETE, which limit hit. */
public record ExplorationResult(Verdict verdict, Stats stats, Counterexample counterexample, String incompleteReason) {
}

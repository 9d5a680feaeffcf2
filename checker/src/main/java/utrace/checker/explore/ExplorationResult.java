package utrace.checker.explore;

/**
 * Verdict, statistics and, for VIOLATION, the counterexample; for INCOMPLETE, which limit hit. {@code cycles}:
 * what the cycle search ({@link CycleSearch}) did after the rest passed, or null when it did not run.
 * {@code stats} are the main search's alone.
 */
public record ExplorationResult(Verdict verdict, Stats stats, Counterexample counterexample, String incompleteReason,
                                CycleSearch.Figures cycles) {
    public ExplorationResult(Verdict verdict, Stats stats, Counterexample counterexample, String incompleteReason) {
        this(verdict, stats, counterexample, incompleteReason, null);
    }
}

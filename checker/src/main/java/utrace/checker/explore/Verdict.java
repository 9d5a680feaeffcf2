package utrace.checker.explore;

/** The outcome of exploring one scenario. */
public enum Verdict {
    /** Every reachable state explored, no invariant violated. */
    PASS,
    /** An invariant failed; a counterexample exists. */
    VIOLATION,
    /** A limit (states or time) ended the search first: nothing is proven. */
    INCOMPLETE
}

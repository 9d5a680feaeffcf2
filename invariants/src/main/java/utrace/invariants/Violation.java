package utrace.invariants;

/**
 * An invariant that failed, where (on a transition, a state, a final state or a cycle) and why. For a
 * {@link Kind#CYCLE} the counterexample's schedule is a lasso: its first {@code cycleStart} steps lead to a
 * state, the steps after them come back to it and can repeat for ever; -1 for the other kinds.
 */
public record Violation(Invariant invariant, Kind kind, String message, int cycleStart) {
    public enum Kind { TRANSITION, STATE, TERMINAL, CYCLE }

    public Violation {
        if ((kind == Kind.CYCLE) != (cycleStart >= 0)) {
            throw new IllegalArgumentException("a cycle, and only a cycle, has a start: " + kind + " at " + cycleStart);
        }
    }

    /** A violation on a transition, a state or a final state. */
    public Violation(Invariant invariant, Kind kind, String message) {
        this(invariant, kind, message, -1);
    }

    public String describe() {
        return invariant.name() + ": " + message;
    }
}

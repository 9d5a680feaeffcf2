package utrace.invariants;

/** An invariant that failed, where (on a transition, a state or a final state) and why. */
public record Violation(Invariant invariant, Kind kind, String message) {
    public enum Kind { TRANSITION, STATE, TERMINAL }

    public String describe() {
        return invariant.name() + ": " + message;
    }
}

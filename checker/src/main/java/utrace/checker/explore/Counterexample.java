package utrace.checker.explore;

import java.util.List;

import utrace.invariants.Violation;

/**
 * A violation and the schedule that reaches it from the initial state: the
 * actor index of every step, in order. Re-applying the schedule to the model
 * rebuilds every state (the trace module does that to write traces).
 */
public record Counterexample(Violation violation, List<Integer> schedule) {
}

package utrace.model;

import java.util.List;

/** One step taken: who, what, the detail of this execution, the state after and what it did. */
public record Transition(int actor, StepInfo info, String detail, State after, List<Obs> obs) {
}

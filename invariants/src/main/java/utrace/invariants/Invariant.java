package utrace.invariants;

import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * A documented guarantee of the utrace API, as a predicate over a state, a
 * transition (before, step, after) or a final state where nothing can move.
 * Each check returns null when it holds, else a one-line description of the
 * violation.
 */
public interface Invariant {
    String name();

    /** One paragraph: what must hold, citing the guarantee it comes from. */
    String statement();

    default String checkTransition(Model m, State before, Transition t) { return null; }

    default String checkState(Model m, State s) { return null; }

    /** A state where no actor can move any more (a final state, or a deadlock). */
    default String checkTerminal(Model m, State s) { return null; }
}

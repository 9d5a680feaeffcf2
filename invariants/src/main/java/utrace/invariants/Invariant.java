package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
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

    /**
     * True for an invariant judged on the cycles of the state graph ({@link #checkCycle}), not on states or
     * steps: an engine that can search for cycles does so once the rest of the search has passed (a separate
     * pass, as TLC checks liveness after safety). Default false.
     */
    default boolean judgesCycles() { return false; }

    /**
     * For the cycle search ({@link #judgesCycles}): true if a cycle through step {@code t} is allowed whatever
     * its other steps, so the search for a violating cycle need not follow it. Default true.
     */
    default boolean progress(Model m, Transition t) { return true; }

    /**
     * A reachable cycle of two or more distinct states: {@code cycle} is its steps in order, the last one
     * leading back to the state the first one left. Null when the cycle is allowed, else a one-line
     * description of the violation. Called only when {@link #judgesCycles}.
     */
    default String checkCycle(Model m, List<Transition> cycle) { return null; }

    /**
     * For partial-order reduction: add to {@code v} (as reads) every slot and bit that
     * {@link #checkState} and {@link #checkTransition} may read of the states before and after.
     * A step that writes none of them is invisible to this invariant. {@link #checkTerminal}
     * need not be covered: the reduction keeps every state where nothing can move.
     * The default is everything: an invariant that does not say makes every step visible.
     * Checked against what the checks really read by PorSoundnessTest.
     */
    default void visible(Model m, Footprint v) {
        for (int s = 0; s < v.slots(); s++) v.read(s, -1);
    }

    /**
     * For partial-order reduction: true if {@link #checkTransition} holds for every step that
     * makes no observation and writes nothing {@link #visible} (the reduction moves such steps
     * ahead of others, so it must not matter what the state around them is). Default false.
     */
    default boolean quietStepsPass() { return false; }

    /**
     * The observation kinds {@link #checkTransition} reads ({@link Obs#kinds}): with
     * {@link #quietStepsPass}, it then holds for every step whose observations are all of other
     * kinds and that writes nothing {@link #visible}, so {@link ScopedInvariants} skips it there
     * (most observed steps return from ptrace or wait, and most invariants look at neither).
     * The default is every kind. Checked against the full checker by ScopedInvariantsTest.
     */
    default int observes() { return Obs.ALL_KINDS; }

    /**
     * True if {@link #checkTransition} can fail only on a step that makes an observation of a kind
     * in {@link #observes}: it reads the states only to judge such an observation (a callback made,
     * a call returned, a signal dequeued), so a step without one passes whatever it writes and
     * whatever the states around it. {@link ScopedInvariants} then skips it on such steps even
     * where the step wrote what it reads: most of what a step writes is no observation. Default
     * false. Checked on random states by ObservationChecksTest and against the full checker by
     * ScopedInvariantsTest.
     */
    default boolean judgesObservationsOnly() { return false; }
}

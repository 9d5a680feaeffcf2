package utrace.invariants;

import java.util.List;

import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/** Runs a list of invariants over transitions, states and final states; the first failure wins. */
public final class InvariantChecker {
    private final Model model;
    private final List<Invariant> invariants;

    public InvariantChecker(Model model, List<Invariant> invariants) {
        this.model = model;
        this.invariants = invariants;
    }

    public Violation transition(State before, Transition t) {
        for (Invariant i : invariants) {
            String msg = i.checkTransition(model, before, t);
            if (msg != null) return new Violation(i, Violation.Kind.TRANSITION, msg);
        }
        return null;
    }

    public Violation state(State s) {
        for (Invariant i : invariants) {
            String msg = i.checkState(model, s);
            if (msg != null) return new Violation(i, Violation.Kind.STATE, msg);
        }
        return null;
    }

    public Violation terminal(State s) {
        for (Invariant i : invariants) {
            String msg = i.checkTerminal(model, s);
            if (msg != null) return new Violation(i, Violation.Kind.TERMINAL, msg);
        }
        return null;
    }

    /**
     * Re-check a cycle (used by replay): null unless {@code around}, the steps from {@code entry}, end back in
     * {@code entry} and {@code i} still forbids them.
     */
    public static String recheckCycle(Model m, Invariant i, State entry, List<Transition> around) {
        if (around.size() < 2 || !around.get(around.size() - 1).after().equals(entry)) return null;
        return i.checkCycle(m, around);
    }

    /** Re-check one invariant exactly where it was reported (used by replay). */
    public static String recheck(Model m, Invariant i, Violation.Kind kind, State before, Transition last) {
        switch (kind) {
            case TRANSITION: return last == null ? null : i.checkTransition(m, before, last);
            case STATE: return i.checkState(m, last == null ? before : last.after());
            case CYCLE: throw new IllegalArgumentException("a cycle is re-checked on its steps (Invariant.checkCycle)");
            default: {
                State s = last == null ? before : last.after();
                return m.canProgress(s) ? null : i.checkTerminal(m, s);
            }
        }
    }
}

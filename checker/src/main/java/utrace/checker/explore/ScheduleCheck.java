package utrace.checker.explore;

import java.util.List;

import utrace.invariants.InvariantChecker;
import utrace.invariants.Invariant;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Runs an actor schedule on the model and says whether (and where) it
 * violates one invariant, with the checks in the explorers' order: the
 * transition, then the state after it, then, in a state no step can change,
 * the final-state check. The shortener uses it to test candidate schedules.
 */
final class ScheduleCheck {
    private final Model model;
    private final InvariantChecker check;
    /** Model steps taken so far: the shortener's cost, reported with its result. */
    long steps;

    private final Invariant invariant;

    ScheduleCheck(Model model, Invariant invariant) {
        this.model = model;
        this.invariant = invariant;
        this.check = new InvariantChecker(model, List.of(invariant));
    }

    /**
     * For an invariant judged on cycles (livelock-freedom): the lasso {@code schedule} ends with, as a
     * counterexample of the whole schedule: its last step leads back to the state after some earlier step (the
     * first such, two or more steps back) and the invariant forbids the steps around. Null if the schedule is not
     * legal (every step must change the state) or closes no such cycle.
     */
    Counterexample cycle(List<Integer> schedule) {
        steps += schedule.size();
        Violation v = CycleSearch.lassoEnd(model, invariant, schedule, 0).violation();
        return v == null ? null : new Counterexample(v, List.copyOf(schedule));
    }

    /**
     * The first violation of the invariant along {@code schedule}, as a
     * counterexample whose schedule is the prefix that reaches it; null if some
     * actor in it cannot move when its turn comes or if the invariant holds
     * all along.
     */
    Counterexample firstViolation(List<Integer> schedule) {
        if (invariant.judgesCycles()) return cycle(schedule);
        State s = model.initial();
        Violation v = atState(s);
        if (v != null) return new Counterexample(v, List.of());
        return firstViolation(schedule, 0, s);
    }

    /**
     * As {@link #firstViolation(List)}, for a schedule whose first {@code from}
     * steps are known to lead to {@code start} without violating the invariant
     * (the shortener's candidates share a prefix with the schedule they come from).
     */
    Counterexample firstViolation(List<Integer> schedule, int from, State start) {
        State s = start;
        for (int i = from; i < schedule.size(); i++) {
            int a = schedule.get(i);
            if (a < 0 || a >= model.actorCount()) return null;
            Transition t = model.step(s, a);
            steps++;
            if (t == null) return null;
            Violation v = check.transition(s, t);
            if (v == null) {
                s = t.after();
                v = atState(s);
            }
            if (v != null) return new Counterexample(v, List.copyOf(schedule.subList(0, i + 1)));
        }
        return null;
    }

    /** The states a legal schedule passes through: element i is the state before step i (element n the last). */
    State[] states(List<Integer> schedule) {
        State[] out = new State[schedule.size() + 1];
        out[0] = model.initial();
        for (int i = 0; i < schedule.size(); i++) {
            out[i + 1] = model.step(out[i], schedule.get(i)).after();
            steps++;
        }
        return out;
    }

    private Violation atState(State s) {
        Violation v = check.state(s);
        if (v != null) return v;
        steps += model.actorCount();
        return model.canProgress(s) ? null : check.terminal(s);
    }
}

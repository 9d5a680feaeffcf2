package utrace.checker.explore;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Model;
import utrace.model.State;

/**
 * Shortens a counterexample while it stays a legal schedule (every actor can
 * move when its turn comes) that violates the same invariant. A schedule
 * lists actor indices only, so dropping an entry does not skip a step in the
 * middle of an actor's program: the actor simply takes one step fewer and
 * its remaining steps come earlier, against whatever the others have done by
 * then. Every candidate is re-run from the initial state and cut at its first
 * violation.
 *
 * Passes, repeated until none shortens the schedule any more: dropping k
 * consecutive steps of one actor, largest k first (delta debugging, as
 * Lincheck minimizes scenarios); then moving one step elsewhere, kept when
 * the violation then comes sooner or some steps can then be dropped; then
 * moving a few consecutive steps of one actor together, kept when the
 * violation then comes sooner. The order of candidates is fixed, so the
 * result is deterministic. It is not guaranteed shortest (only breadth-first search is), so callers
 * say "shortened", not "shortest".
 */
public final class TraceShortener {
    private TraceShortener() {}

    /** A shortened counterexample, the length it started from and the model steps the shortening cost. */
    public record Result(Counterexample counterexample, int rawSteps, long modelSteps) {
        public int steps() { return counterexample.schedule().size(); }
    }

    public static Result shorten(Model model, Counterexample raw) {
        // a lasso (CycleSearch) is not shortened: its way in is a shortest one already, and dropping a step of the
        // cycle opens it
        if (raw.violation().kind() == utrace.invariants.Violation.Kind.CYCLE) return new Result(raw, raw.schedule().size(), 0);
        ScheduleCheck check = new ScheduleCheck(model, raw.violation().invariant());
        Counterexample best = check.firstViolation(raw.schedule());
        if (best == null) {
            throw new IllegalArgumentException("the schedule does not violate " + raw.violation().invariant().name()
                + " on this model: nothing to shorten");
        }
        while (true) {
            Counterexample next = removeRuns(check, best);
            if (next == null) next = moveOne(check, best);
            if (next == null) next = moveBlock(check, best);
            if (next == null) break;
            best = next;
        }
        return new Result(best, raw.schedule().size(), check.steps);
    }

    /**
     * Drops k consecutive steps of one actor (consecutive in that actor's
     * program, wherever they sit in the schedule), largest k first; returns the
     * first candidate that still violates, or null.
     */
    private static Counterexample removeRuns(ScheduleCheck check, Counterexample cx) {
        List<Integer> s = cx.schedule();
        State[] states = check.states(s);
        List<List<Integer>> positions = positionsByActor(s);
        int most = 0;
        for (List<Integer> p : positions) most = Math.max(most, p.size());
        for (int k = most; k >= 1; k--) {
            for (List<Integer> pos : positions) {
                for (int i = 0; i + k <= pos.size(); i++) {
                    List<Integer> candidate = new ArrayList<>(s.size() - k);
                    int next = i;
                    for (int j = 0; j < s.size(); j++) {
                        if (next < i + k && j == pos.get(next)) {
                            next++;
                            continue;
                        }
                        candidate.add(s.get(j));
                    }
                    int from = pos.get(i);
                    Counterexample c = check.firstViolation(candidate, from, states[from]);
                    if (c != null) return c;
                }
            }
        }
        return null;
    }

    /**
     * Moves one step to another place in the schedule; returns the first move
     * after which the violation comes sooner or some run of steps can be
     * dropped, or null.
     */
    private static Counterexample moveOne(ScheduleCheck check, Counterexample cx) {
        List<Integer> s = cx.schedule();
        State[] states = check.states(s);
        int n = s.size();
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                if (to == from || s.get(from).equals(s.get(to))) continue;
                List<Integer> candidate = new ArrayList<>(s);
                candidate.add(to, candidate.remove(from));
                int first = Math.min(from, to);
                Counterexample c = check.firstViolation(candidate, first, states[first]);
                if (c == null) continue;
                if (c.schedule().size() < n) return c;
                Counterexample dropped = removeRuns(check, c);
                if (dropped != null) return dropped;
            }
        }
        return null;
    }

    /** The most consecutive steps of one actor that {@link #moveBlock} moves together. */
    private static final int BLOCK = 3;

    /**
     * Moves 2..BLOCK consecutive steps of one actor together, side by side, to
     * another place; returns the first move after which the violation comes
     * sooner, or null. Needed where one step alone cannot move: utrace_control
     * holds utrace->lock across its two steps, so moving only one of them past
     * a step that needs the lock is illegal.
     */
    private static Counterexample moveBlock(ScheduleCheck check, Counterexample cx) {
        List<Integer> s = cx.schedule();
        State[] states = check.states(s);
        int n = s.size();
        List<List<Integer>> positions = positionsByActor(s);
        for (int a = 0; a < positions.size(); a++) {
            List<Integer> pos = positions.get(a);
            for (int k = 2; k <= BLOCK; k++) {
                for (int i = 0; i + k <= pos.size(); i++) {
                    List<Integer> rest = new ArrayList<>(n - k);
                    int next = i;
                    for (int j = 0; j < n; j++) {
                        if (next < i + k && j == pos.get(next)) {
                            next++;
                            continue;
                        }
                        rest.add(s.get(j));
                    }
                    for (int to = 0; to <= rest.size(); to++) {
                        List<Integer> candidate = new ArrayList<>(rest.subList(0, to));
                        for (int b = 0; b < k; b++) candidate.add(a);
                        candidate.addAll(rest.subList(to, rest.size()));
                        int first = Math.min(pos.get(i), to);
                        Counterexample c = check.firstViolation(candidate, first, states[first]);
                        if (c != null && c.schedule().size() < n) return c;
                    }
                }
            }
        }
        return null;
    }

    /** For each actor index that occurs, the positions of its steps, in order. */
    private static List<List<Integer>> positionsByActor(List<Integer> s) {
        List<List<Integer>> out = new ArrayList<>();
        for (int j = 0; j < s.size(); j++) {
            int a = s.get(j);
            while (out.size() <= a) out.add(new ArrayList<>());
            out.get(a).add(j);
        }
        return out;
    }
}

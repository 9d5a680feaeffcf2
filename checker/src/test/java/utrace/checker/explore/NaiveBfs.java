package utrace.checker.explore;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * An independent, deliberately naive breadth-first search for cross-checking
 * the Explorer: exact State objects in a HashMap (State has equals/hashCode,
 * no fingerprints), no early exit. It explores the whole graph and records,
 * for every violation the Explorer could report, the length of the shortest
 * schedule that reaches it: depth(s) + 1 for a transition out of s,
 * depth(s') for a state s', depth(s) for a terminal state s.
 */
final class NaiveBfs {
    final Map<State, Integer> depth = new HashMap<>();
    long transitions;
    int maxDepth;
    /** Length of the shortest schedule to any violation, or -1 if none. */
    int shortestViolation = -1;

    static NaiveBfs run(Model m, List<Invariant> invariants) {
        NaiveBfs n = new NaiveBfs();
        InvariantChecker check = new InvariantChecker(m, invariants);
        State init = m.initial();
        ArrayDeque<State> queue = new ArrayDeque<>();
        n.depth.put(init, 0);
        queue.add(init);
        if (check.state(init) != null) n.violation(0);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            int d = n.depth.get(s);
            boolean progressed = false;
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a);
                if (t == null) continue;
                n.transitions++;
                if (!t.after().equals(s)) progressed = true;
                if (check.transition(s, t) != null) n.violation(d + 1);
                if (n.depth.putIfAbsent(t.after(), d + 1) == null) {
                    queue.add(t.after());
                    n.maxDepth = Math.max(n.maxDepth, d + 1);
                    if (check.state(t.after()) != null) n.violation(d + 1);
                }
            }
            if (!progressed && check.terminal(s) != null) n.violation(d);
        }
        return n;
    }

    private void violation(int length) {
        if (shortestViolation < 0 || length < shortestViolation) shortestViolation = length;
    }

    int states() { return depth.size(); }
}

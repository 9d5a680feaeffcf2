package utrace.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * An independent, deliberately simple breadth-first search over a model:
 * exact State objects in a HashMap (no fingerprints), every enabled step of
 * every actor counted as a transition.
 */
final class NaiveSearch {
    final Map<State, Integer> depth = new HashMap<>();
    long transitions;
    int maxDepth;

    static NaiveSearch run(Model m) {
        NaiveSearch n = new NaiveSearch();
        State init = m.initial();
        ArrayDeque<State> queue = new ArrayDeque<>();
        n.depth.put(init, 0);
        queue.add(init);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            int d = n.depth.get(s);
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a);
                if (t == null) continue;
                n.transitions++;
                if (n.depth.putIfAbsent(t.after(), d + 1) == null) {
                    queue.add(t.after());
                    n.maxDepth = Math.max(n.maxDepth, d + 1);
                }
            }
        }
        return n;
    }

    int states() { return depth.size(); }
}

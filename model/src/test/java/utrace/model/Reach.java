package utrace.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Breadth-first search for a step: the shortest schedule to a transition
 * that satisfies a predicate on (state before, transition), with every
 * step recorded (labels and details), or null if no reachable transition
 * does. For tests that a model change opens (or closes) an interleaving.
 */
final class Reach {
    private Reach() {}

    /** The transitions of a shortest path ending with the first matching one, or null. */
    static List<Transition> find(Model m, BiPredicate<State, Transition> wanted) {
        State init = m.initial();
        Map<State, State> parent = new HashMap<>();
        Map<State, Transition> via = new HashMap<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        parent.put(init, init);
        queue.add(init);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a, true);
                if (t == null) continue;
                if (wanted.test(s, t)) {
                    List<Transition> path = new ArrayList<>();
                    path.add(t);
                    for (State x = s; x != init; x = parent.get(x)) path.add(via.get(x));
                    Collections.reverse(path);
                    return path;
                }
                if (parent.putIfAbsent(t.after(), s) == null) {
                    via.put(t.after(), t);
                    queue.add(t.after());
                }
            }
        }
        return null;
    }

    /** Every transition of the model, for "no reachable step does X" tests. */
    static boolean any(Model m, BiPredicate<State, Transition> wanted) {
        return find(m, wanted) != null;
    }

    static String show(Model m, List<Transition> path) {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (Transition t : path) {
            b.append(i++).append(". ").append(m.actorName(t.actor())).append(": ").append(t.info().function())
                .append(": ").append(t.info().label());
            if (t.detail() != null) b.append("  [").append(t.detail()).append("]");
            b.append('\n');
        }
        return b.toString();
    }

    static Model model(String scenarioFile, ModelConfig cfg) {
        try {
            return new Model(ScenarioParser.parseFile(java.nio.file.Path.of(scenarioFile)), cfg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

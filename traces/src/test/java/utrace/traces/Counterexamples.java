package utrace.traces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * A real counterexample without the checker module: a small breadth-first
 * search (actors in index order, so always the same one) until some
 * invariant fails.
 */
final class Counterexamples {
    private Counterexamples() {}

    record Found(Model model, List<Integer> schedule, Violation violation) {}

    /** reap-races-death with reap-not-deferred: the parent's reap overtakes report_death. */
    static Found reapNotDeferred() throws Exception {
        Model m = new Model(Scenarios.load("reap-races-death"),
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.REAP_NOT_DEFERRED)));
        return bfs(m);
    }

    static Found bfs(Model model) {
        // The core set: the traces these tests pin were found with it (the ptrace invariants came later).
        InvariantChecker check;
        try {
            check = new InvariantChecker(model, utrace.invariants.InvariantSet.shipped("core").invariants());
        } catch (utrace.invariants.InvariantSetException e) {
            throw new AssertionError(e);
        }
        Map<State, State> parent = new HashMap<>();
        Map<State, Integer> via = new HashMap<>();
        List<State> queue = new ArrayList<>();
        State init = model.initial();
        parent.put(init, null);
        queue.add(init);
        Violation v = check.state(init);
        if (v != null) return new Found(model, List.of(), v);
        for (int i = 0; i < queue.size(); i++) {
            State s = queue.get(i);
            boolean progressed = false;
            for (int a = 0; a < model.actorCount(); a++) {
                Transition t = model.step(s, a);
                if (t == null) continue;
                if (!t.after().equals(s)) progressed = true;
                v = check.transition(s, t);
                if (v != null) return new Found(model, path(parent, via, s, a), v);
                if (parent.containsKey(t.after())) continue;
                parent.put(t.after(), s);
                via.put(t.after(), a);
                queue.add(t.after());
                v = check.state(t.after());
                if (v != null) return new Found(model, path(parent, via, t.after(), -1), v);
            }
            if (!progressed) {
                v = check.terminal(s);
                if (v != null) return new Found(model, path(parent, via, s, -1), v);
            }
        }
        throw new AssertionError("no invariant fails in " + model.scenario().name() + " under " + model.config());
    }

    private static List<Integer> path(Map<State, State> parent, Map<State, Integer> via, State s, int lastActor) {
        List<Integer> out = new ArrayList<>();
        if (lastActor >= 0) out.add(lastActor);
        for (State cur = s; parent.get(cur) != null; cur = parent.get(cur)) out.add(via.get(cur));
        Collections.reverse(out);
        return out;
    }
}

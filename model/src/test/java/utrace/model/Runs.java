package utrace.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every run of a small scenario, for tests that check what a kernel path
 * does on every interleaving: the final states (where no actor can move)
 * and every observation made on the way.
 */
final class Runs {
    final Model model;
    final List<State> finals = new ArrayList<>();
    final List<Obs> observations = new ArrayList<>();
    final Set<State> states = new HashSet<>();

    private Runs(Model model) {
        this.model = model;
    }

    static Runs of(String body) {
        return of(body, ModelConfig.fullSeries());
    }

    static Runs of(String body, ModelConfig cfg) {
        try {
            Runs r = new Runs(new Model(ScenarioParser.parse("test", "scenario t\n" + body), cfg));
            r.explore();
            return r;
        } catch (ScenarioFormatException e) {
            throw new AssertionError(e);
        }
    }

    private void explore() {
        ArrayDeque<State> queue = new ArrayDeque<>();
        State init = model.initial();
        states.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            boolean moved = false;
            for (int a = 0; a < model.actorCount(); a++) {
                Transition t = model.step(s, a);
                if (t == null) continue;
                moved = true;
                observations.addAll(t.obs());
                if (states.add(t.after())) queue.add(t.after());
            }
            if (!moved) finals.add(s);
        }
    }

    /** The results the wait()s of {@code waiter} reported, over all runs. */
    Set<String> reports(int waiter) {
        Set<String> out = new java.util.TreeSet<>();
        for (Obs o : observations) if (o.kind() == Obs.Kind.WAIT_REPORT && o.ret() == waiter) out.add(WaitResult.name(o.code()));
        return out;
    }

    /** The results of wait() number {@code index} of the tracer, over all runs. */
    Set<String> reportsOf(int index) {
        Set<String> out = new java.util.TreeSet<>();
        for (Obs o : observations) {
            if (o.kind() == Obs.Kind.WAIT_REPORT && o.ret() == Obs.WAITER_TRACER && o.aux() == index) out.add(WaitResult.name(o.code()));
        }
        return out;
    }

    int actor(String role) {
        for (int a = 0; a < model.actorCount(); a++) if (model.actorRole(a).equals(role)) return a;
        throw new AssertionError("no " + role);
    }
}

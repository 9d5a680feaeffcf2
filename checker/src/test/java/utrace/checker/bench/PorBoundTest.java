package utrace.checker.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The partial-order bound is an ample-set reduction, so it must keep what
 * ample sets keep: every final state (no step changes the state) of the full
 * graph is reached by the reduced search, and the reduced search is a part of
 * the full graph. Checked on shipped scenarios with their whole graphs.
 */
class PorBoundTest {
    @ParameterizedTest
    @ValueSource(strings = {"detach-sigkill-race", "stop-then-kill", "two-engines-stop-resume", "detach-races-death",
        "signal-loss", "bench-killers"})
    void theReducedSearchKeepsEveryFinalState(String name) throws Exception {
        Model model = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        int actors = model.actorCount();
        Map<State, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        List<int[]> succ = new ArrayList<>();
        ids.put(model.initial(), 0);
        states.add(model.initial());
        for (int s = 0; s < states.size(); s++) {
            int[] row = new int[actors];
            for (int a = 0; a < actors; a++) {
                Transition t = model.step(states.get(s), a);
                row[a] = t == null ? -1 : ids.computeIfAbsent(t.after(), x -> {
                    states.add(x);
                    return states.size() - 1;
                });
            }
            succ.add(row);
        }
        int n = states.size();
        int[] flat = new int[n * actors];
        for (int s = 0; s < n; s++) System.arraycopy(succ.get(s), 0, flat, s * actors, actors);
        boolean[] indep = PorBound.independence(flat, n, actors);
        int[] level = PorBound.reachedLevels(flat, n, actors, indep);
        int reached = 0;
        for (int s = 0; s < n; s++) {
            if (level[s] >= 0) reached++;
            boolean stuck = true;
            for (int a = 0; a < actors; a++) if (flat[s * actors + a] >= 0 && flat[s * actors + a] != s) stuck = false;
            if (stuck) assertTrue(level[s] >= 0, "final state " + s + " of " + name + " is lost by the reduction");
        }
        assertEquals(PorBound.of(model, n).reducedStates(), reached);
        assertTrue(reached < n, name + ": the bound removes something (" + reached + " of " + n + ")");
    }
}

package utrace.checker.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * The footprint-based bound searches with stubborn sets, so it keeps what they keep: every
 * final state of the full graph (no step changes the state) is reached, with and without
 * the visibility condition; and it runs the same way twice.
 */
class PorFootprintBoundTest {
    @ParameterizedTest
    @ValueSource(strings = {"detach-sigkill-race", "stop-then-kill", "two-engines-stop-resume", "signal-loss", "bench-killers"})
    void everyFinalStateIsKept(String name) throws Exception {
        Model model = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        List<Invariant> all = InvariantSet.resolve("all").invariants();
        int actors = model.actorCount();
        for (boolean visibility : new boolean[] {true, false}) {
            int[][] gl = PorFootprintBound.graphAndLevels(model, all, visibility);
            int[] succ = gl[0];
            int[] level = gl[1];
            for (int s = 0; s < level.length; s++) {
                boolean stuck = true;
                for (int a = 0; a < actors; a++) if (succ[s * actors + a] >= 0 && succ[s * actors + a] != s) stuck = false;
                if (stuck) assertTrue(level[s] >= 0, "final state " + s + " of " + name + " lost (visibility " + visibility + ")");
            }
        }
        PorFootprintBound.Result r = PorFootprintBound.of(model, all, PorFootprintBound.MAX_STATES);
        assertEquals(r, PorFootprintBound.of(model, all, PorFootprintBound.MAX_STATES));
        assertTrue(r.withVisibility() <= r.fullStates() && r.withoutVisibility() <= r.fullStates(), r.toString());
    }
}

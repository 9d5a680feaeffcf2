package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * --por switches itself off where it does not pay (issue 16 item 6): after POR_PROBE_STATES states
 * it compares the transitions it saved with those it took, and below one in a thousand it expands
 * every state in full from the next level on; where it does pay, or before the probe, it stays on.
 */
class PorSwitchOffTest {
    private static ExplorationResult run(String scenario, boolean por, int workers) throws Exception {
        Model model = new Model(Scenarios.load(scenario), ModelConfig.fullSeries());
        List<Invariant> core = InvariantSet.resolve("core").invariants();
        ScaleOptions o = ScaleOptions.SEQUENTIAL.withWorkers(workers).withPor(por);
        return new LevelExplorer(Limits.NONE, ProgressListener.NONE, o).explore(model, core);
    }

    @Test
    void onAScenarioWhereItSavesNothingItSwitchesOffAndTheSearchIsTheFullOne() throws Exception {
        ExplorationResult full = run("bench-medium", false, 1);
        for (int w : new int[] {1, 2}) {
            ExplorationResult por = run("bench-medium", true, w);
            Stats s = por.stats();
            assertTrue(s.porOffAfter() >= LevelExplorer.POR_PROBE_STATES, "switched off after the probe: " + s);
            assertTrue(s.porOffAfter() < s.states(), "and before the end: " + s);
            assertEquals(full.verdict(), por.verdict());
            assertEquals(full.stats().states(), s.states(), "bench-medium: the reduction had removed nothing before it stopped");
        }
        // the same level for every worker count: the decision rests on counts only
        assertEquals(run("bench-medium", true, 1).stats().porOffAfter(), run("bench-medium", true, 2).stats().porOffAfter());
    }

    @Test
    void belowTheProbeItStaysOnAndStillReduces() throws Exception {
        // signal-engine-vs-kill: a few hundred states, where the reduction does remove states (PorSoundnessTest)
        ExplorationResult full = run("signal-engine-vs-kill", false, 1);
        ExplorationResult por = run("signal-engine-vs-kill", true, 1);
        assertEquals(-1, por.stats().porOffAfter());
        assertTrue(por.stats().fullyExpanded() < por.stats().states(), "some state was expanded with one actor only");
        assertEquals(full.verdict(), por.verdict());
    }
}

package utrace.checker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;

/**
 * The audit's search for stated results no path checks: a call behind a wait that states nothing and blocks
 * for good is reported; a wait stated to block is not an assertion; every stated result of the ptrace-tests
 * scenarios is reached.
 */
class StatedResultsReachTest {
    private static Model model(String script) throws Exception {
        return new Model(ScenarioParser.parse("t.scenario", "scenario t\n" + script), ModelConfig.fullSeries());
    }

    @Test
    void aRequestBehindAWaitThatBlocksForGoodIsNeverChecked() throws Exception {
        Model m = model("tracee raise SIGSTOP exit 4\n"
            + "ptrace attach after tracee:stopped -> 0; wait -> stopped SIGSTOP; wait; detach -> 0\nparent ptrace\n");
        assertEquals(List.of("ptrace's 'attach after tracee:stopped -> 0' (request 1)", "ptrace's 'wait -> stopped SIGSTOP' (request 2)",
            "ptrace's 'detach -> 0' (request 4)"), m.statedResults());
        StatedResultsReach.Result r = StatedResultsReach.search(m, 0);
        assertEquals(List.of("ptrace's 'detach -> 0' (request 4)"), r.unreached());
        assertFalse(r.cut());
    }

    @Test
    void withTheWaitStatedToBlockThereIsNothingLeftToReach() throws Exception {
        Model m = model("tracee raise SIGSTOP exit 4\n"
            + "ptrace attach after tracee:stopped -> 0; wait -> stopped SIGSTOP; wait -> blocks\nparent ptrace\n");
        assertEquals(2, m.statedResults().size(), m.statedResults().toString());
        assertEquals(List.of(), StatedResultsReach.search(m, 0).unreached());
    }

    @Test
    void theParentsWaitIsAStatedResultToo() throws Exception {
        Model m = model("engine E1 preattached events=EXIT\ntracee raise SIGSTOP exit 4\nparent wait -> exited 4\n");
        assertEquals(List.of("the parent's wait"), m.statedResults());
        // the tracee stops in a group stop for good: the parent's wait never returns
        assertEquals(List.of("the parent's wait"), StatedResultsReach.search(m, 0).unreached());
    }

    @Test
    void aSearchCutBeforeDecidingSaysSo() throws Exception {
        Model m = model("tracee raise SIGSTOP exit 4\n"
            + "ptrace attach after tracee:stopped -> 0; wait -> stopped SIGSTOP; wait; detach -> 0\nparent ptrace\n");
        assertTrue(StatedResultsReach.search(m, 3).cut());
    }

    @Test
    void everyStatedResultOfEveryShippedScenarioIsReached() throws Exception {
        for (String name : Scenarios.allButBench()) {
            Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
            StatedResultsReach.Result r = StatedResultsReach.search(m, 2_000_000);
            assertFalse(r.cut(), name);
            assertEquals(List.of(), r.unreached(), name);
        }
    }
}

package utrace.checker.threaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import utrace.invariants.InvariantSet;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/** The threaded runner on real JVM threads: one interleaving, always a legal one. */
class ThreadedRunTest {
    @Test
    void defaultScenariosRunToAFinalStateWithoutViolation() throws Exception {
        for (String name : Scenarios.shippedNames()) {
            for (int rep = 0; rep < 5; rep++) {
                Model m = new Model(Scenarios.load(name), ModelConfig.fullSeries());
                ThreadedRun run = new ThreadedRun(m, InvariantSet.shipped("core").invariants());
                Violation v = run.runAllThreads();
                assertNull(v, () -> name + ": " + v.describe());
                assertTrue(run.over());
                assertTrue(!m.canProgress(run.state()), name);
                assertEquals(run.state(), replay(m, run), name);
            }
        }
    }

    @Test
    void aMutationWhoseFirstInterleavingFailsIsReportedWithAReplayableSchedule() throws Exception {
        // control-stop-ignores-do-stop fails on every interleaving in which STOP comes first.
        Model m = new Model(Scenarios.load("stop-then-resume"),
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.CONTROL_STOP_IGNORES_DO_STOP)));
        ThreadedRun run = new ThreadedRun(m, InvariantSet.shipped("core").invariants());
        // Drive it deterministically: the owner first.
        int owner = 1;
        assertTrue(run.tryStep(owner));
        assertTrue(run.tryStep(owner));
        assertEquals("stop-zero-means-stopped", run.violation().invariant().name());
        assertEquals(run.state(), replay(m, run));
    }

    private static State replay(Model m, ThreadedRun run) {
        State s = m.initial();
        for (int a : run.schedule()) {
            Transition t = m.step(s, a);
            s = t.after();
        }
        return s;
    }
}

package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import utrace.checker.explore.Verdict;
import utrace.invariants.InvariantSet;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.TraceReader;

/** Every mutation is caught with the core set (plus the invariant it names), and its trace file replays to the same violation. */
class MutationTraceReplayTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mutation.class)
    void caughtWithAReplayableTrace(Mutation m) throws Exception {
        VerifyRequest req = new VerifyRequest(List.of(Scenarios.load(m.scenario)), InvariantSet.shipped("core").plus(m.breaks),
            ModelConfig.fullSeries().withMutations(EnumSet.of(m)), Check.LIMITS, dir);
        List<ScenarioResult> rs = VerifyRun.run(req, new VerifyRun.Listener() {
            @Override public void starting(utrace.model.Scenario s) { }

            @Override public utrace.checker.explore.ProgressListener progressFor(utrace.model.Scenario s) {
                return utrace.checker.explore.ProgressListener.NONE;
            }
        });
        ScenarioResult r = rs.get(0);
        assertEquals(Verdict.VIOLATION, r.result().verdict());
        assertNotNull(r.traceJson());
        ReplayResult replay = Replayer.replay(TraceReader.read(r.traceJson()));
        assertEquals(ReplayResult.Outcome.REPRODUCED, replay.outcome(), replay.message());
        assertEquals(r.traceSteps(), replay.stepsReplayed());
    }
}

package utrace.checker.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.explore.Limits;
import utrace.checker.explore.Verdict;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.GateResult;
import utrace.checker.gate.GateRun;
import utrace.checker.gate.MatrixRow;
import utrace.model.Barrier;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.Trace;
import utrace.traces.TraceReader;

/**
 * The barrier rows of the bug matrix: every side of B1-B5 has a row; without it the row's invariant breaks with a trace that
 * buffers a store (and shows the late flush or early load, or ends with the
 * store still buffered), and the trace replays from its JSON; with every
 * barrier the invariant holds.
 */
class BarrierMatrixTest {
    @TempDir
    Path dir;

    private static List<MatrixRow> barrierRows() {
        List<MatrixRow> out = new ArrayList<>();
        for (MatrixRow r : BugMatrix.load()) if (BugMatrix.isBarrierRow(r)) out.add(r);
        return out;
    }

    @Test
    void everyBarrierHasARow() {
        TreeSet<String> covered = new TreeSet<>();
        for (MatrixRow r : barrierRows()) covered.add(r.broken().substring("barrier:".length()));
        assertEquals(new TreeSet<>(Barrier.ids()), covered);
    }

    @Test
    void everyBarrierRowBreaksWithoutItsBarrierAndHoldsWithAll() throws Exception {
        for (GateResult g : GateRun.run(barrierRows(), Limits.NONE, dir)) {
            String id = g.row().id();
            assertTrue(g.brokenAsExpected(), id + ": " + g.broken().result().verdict());
            assertEquals(Verdict.PASS, g.full().result().verdict(), id + " with every barrier");
            assertTrue(BugMatrix.fullConfig(g.row()).weak(), id);

            Path json = g.broken().traceJson();
            Trace t = TraceReader.read(json);
            assertEquals("weak", t.config().memoryModel(), id);
            assertEquals(List.of(g.row().broken().substring("barrier:".length())), t.config().withoutBarriers(), id);
            assertTrue(Files.readString(json).contains("\"without_barriers\""), id);
            ReplayResult r = Replayer.replay(t);
            assertEquals(ReplayResult.Outcome.REPRODUCED, r.outcome(), id + ": " + r.message());

            boolean buffered = t.steps().stream().anyMatch(s -> s.changes().stream()
                .anyMatch(c -> c.var().startsWith("store_buffer.") && c.oldValue().equals("empty")));
            assertTrue(buffered, id + ": no step buffers a store");
            boolean memoryStep = t.steps().stream().anyMatch(s -> s.role().equals("memory"));
            boolean stillBuffered = t.finalState().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("store_buffer.") && !e.getValue().equals("empty"));
            assertTrue(memoryStep || stillBuffered, id + ": neither a late flush / early load nor a store still buffered");
        }
    }

    @Test
    void scTracesDoNotCarryTheBarrierField() throws Exception {
        MatrixRow p17 = null;
        for (MatrixRow r : BugMatrix.load()) if (r.id().equals("p17")) p17 = r;
        GateResult g = GateRun.run(List.of(p17), Limits.NONE, dir).get(0);
        String text = Files.readString(g.broken().traceJson());
        assertTrue(text.contains("\"memory_model\": \"sc\""), text);
        assertFalse(text.contains("without_barriers"), text);
    }
}

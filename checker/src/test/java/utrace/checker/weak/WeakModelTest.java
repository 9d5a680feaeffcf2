package utrace.checker.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.invariants.InvariantSet;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * The weak memory model on the utrace model: with every barrier in force it
 * finds exactly what sc finds (so its store buffers, flushes and lock
 * release/acquire add no false alarm), it only ever adds states, and sc stays
 * as it was (no memory actor, no extra variable).
 */
class WeakModelTest {
    static Stream<String> shippedScenarios() {
        List<String> all = new ArrayList<>(Scenarios.shippedNames());
        all.addAll(Scenarios.matrixNames());
        all.addAll(Scenarios.findingNames());
        return all.stream();
    }

    private static ExplorationResult explore(String scenario, ModelConfig cfg) throws Exception {
        return new Explorer(Limits.NONE, ProgressListener.NONE)
            .explore(new Model(Scenarios.load(scenario), cfg), InvariantSet.shipped("all").invariants());
    }

    @ParameterizedTest(name = "{0}: weak with every barrier gives sc's verdict")
    @MethodSource("shippedScenarios")
    void everyBarrierInForceGivesScsVerdict(String scenario) throws Exception {
        ExplorationResult sc = explore(scenario, ModelConfig.fullSeries());
        ExplorationResult weak = explore(scenario, ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK));
        assertEquals(sc.verdict(), weak.verdict(), () -> scenario + ": " + (weak.counterexample() == null ? ""
            : weak.counterexample().violation().describe()));
        if (sc.counterexample() != null) {
            assertEquals(sc.counterexample().violation().invariant().name(), weak.counterexample().violation().invariant().name());
        } else {
            // buffering only adds interleavings: every sc state has a weak twin with empty buffers
            assertTrue(weak.stats().states() >= sc.stats().states(), scenario);
        }
    }

    @Test
    void scHasNoMemoryActorAndNoBufferVariable() throws Exception {
        Model sc = new Model(Scenarios.load("detach-during-callback"), ModelConfig.fullSeries());
        Model weak = new Model(Scenarios.load("detach-during-callback"), ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK));
        for (int a = 0; a < sc.actorCount(); a++) assertFalse(sc.actorRole(a).equals("memory"), sc.actorName(a));
        assertTrue(sc.describe(sc.initial()).keySet().stream().noneMatch(k -> k.startsWith("store_buffer.")));
        // tracee and owner each get a store buffer drained by two memory actors (in order, reordered)
        assertEquals(sc.actorCount() + 4, weak.actorCount());
        assertEquals(List.of("store_buffer.tracee", "store_buffer.owner E1"),
            weak.describe(weak.initial()).keySet().stream().filter(k -> k.startsWith("store_buffer.")).toList());
        assertTrue(weak.initial().size() > sc.initial().size());
        assertEquals("patches=all", ModelConfig.fullSeries().toString());
        assertEquals("patches=all memory_model=weak without-barriers=B1.writer,B2.reader", ModelConfig.fullSeries()
            .withMemoryModel(MemoryModel.WEAK).withoutBarriers(EnumSet.of(Barrier.B2_READER, Barrier.B1_WRITER)).toString());
    }

    @Test
    void barriersCanOnlyBeRemovedInTheWeakModel() {
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.fullSeries().withoutBarriers(EnumSet.of(Barrier.B1_WRITER)));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.fullSeries().withoutBarriers(EnumSet.of(Barrier.B4_READER)));
        assertEquals("patches=all memory_model=weak without-barriers=B4.writer,B4.reader", ModelConfig.fullSeries()
            .withMemoryModel(MemoryModel.WEAK).withoutBarriers(Barrier.parseList("B4")).toString());
        assertEquals(EnumSet.of(Barrier.B3_WRITER, Barrier.B3_READER), Barrier.parseList("B3"));
        assertThrows(IllegalArgumentException.class, () -> Barrier.parseList("B1.middle"));
    }

    @Test
    void removingABarrierOnlyAddsBehaviour() throws Exception {
        // fewer constraints, more interleavings: the state count can only grow
        ModelConfig all = ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK);
        long with = explore("barrier-races-callback", all).stats().states();
        for (Barrier b : Barrier.values()) {
            if (b.pair().equals("B1")) continue; // B1.reader breaks barrier-means-quiet here
            long without = explore("barrier-races-callback", all.withoutBarriers(EnumSet.of(b))).stats().states();
            assertTrue(without >= with, b.id + ": " + without + " < " + with);
        }
    }
}

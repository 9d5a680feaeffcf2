package utrace.checker.audit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;

import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Series;

/**
 * One known way to break the series: a seeded mutation, or one patch (with a model effect) switched off,
 * the rest of the series kept. The audit runs a scenario under each, to see which of its invariants can
 * fail there at all.
 */
public record Breaker(String label, ModelConfig config) {
    /** Every mutation, then every patch with a model effect but the core (01), each switched off alone. */
    public static List<Breaker> all(boolean patches) {
        return all(patches, false);
    }

    /**
     * As {@link #all(boolean)}, and with {@code weak} each barrier of the series removed alone under the weak
     * memory model (what the gate's barrier rows run): the only breakers of the races the barrier pairs close.
     */
    public static List<Breaker> all(boolean patches, boolean weak) {
        List<Breaker> out = sequential(patches);
        if (!weak) return out;
        for (Barrier b : Barrier.values()) {
            out.add(new Breaker("without barrier " + b.id + " (weak memory)",
                ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK).withoutBarriers(EnumSet.of(b))));
        }
        return out;
    }

    private static List<Breaker> sequential(boolean patches) {
        List<Breaker> out = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            out.add(new Breaker("mutation " + m.id, ModelConfig.fullSeries().withMutations(EnumSet.of(m))));
        }
        if (!patches) return out;
        for (int p : Series.withEffect()) {
            if (p == 1) continue; // the core: without it there is no utrace to model
            BitSet without = ModelConfig.fullSeries().patches();
            without.clear(p);
            out.add(new Breaker(String.format("without patch %02d", p), ModelConfig.fullSeries().withPatches(without)));
        }
        return out;
    }
}

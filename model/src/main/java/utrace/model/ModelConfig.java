package utrace.model;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which patches of the series are applied and which mutations are switched
 * on. Steps consult it ({@code cfg.mutated(M)}, {@code cfg.has(17)}); nothing
 * in the model ever asks which scenario is running.
 */
public final class ModelConfig {
    public static final int SERIES_LENGTH = 33;

    private final BitSet patches;
    private final Set<Mutation> mutations;
    /** sc (the default) or weak; see {@link WeakMemory}. */
    private final MemoryModel memoryModel;
    /** Barriers taken out (weak model only): {@code --without-barrier}. */
    private final Set<Barrier> removedBarriers;

    private ModelConfig(BitSet patches, Set<Mutation> mutations) {
        this(patches, mutations, MemoryModel.SC, EnumSet.noneOf(Barrier.class));
    }

    private ModelConfig(BitSet patches, Set<Mutation> mutations, MemoryModel memoryModel, Set<Barrier> removedBarriers) {
        this.patches = patches;
        this.mutations = mutations;
        this.memoryModel = memoryModel;
        this.removedBarriers = removedBarriers;
    }

    /** The full series, no mutation. */
    public static ModelConfig fullSeries() {
        BitSet all = new BitSet();
        all.set(1, SERIES_LENGTH + 1);
        return new ModelConfig(all, EnumSet.noneOf(Mutation.class));
    }

    public ModelConfig withMutations(Set<Mutation> ms) {
        Set<Mutation> copy = ms.isEmpty() ? EnumSet.noneOf(Mutation.class) : EnumSet.copyOf(ms);
        return new ModelConfig((BitSet) patches.clone(), copy, memoryModel, barriersCopy(removedBarriers));
    }

    public ModelConfig withPatches(BitSet ps) {
        return new ModelConfig((BitSet) ps.clone(), mutations.isEmpty() ? EnumSet.noneOf(Mutation.class) : EnumSet.copyOf(mutations),
            memoryModel, barriersCopy(removedBarriers));
    }

    /** The same configuration under memory model {@code mm}; back to sc drops any removed barrier. */
    public ModelConfig withMemoryModel(MemoryModel mm) {
        return new ModelConfig((BitSet) patches.clone(), mutations(), mm,
            mm == MemoryModel.SC ? EnumSet.noneOf(Barrier.class) : barriersCopy(removedBarriers));
    }

    /**
     * The weak model without barriers {@code bs} (each a side of a pair B1-B5).
     * @throws IllegalArgumentException if the model is sc (there a barrier orders nothing)
     */
    public ModelConfig withoutBarriers(Set<Barrier> bs) {
        if (!bs.isEmpty() && memoryModel != MemoryModel.WEAK) {
            throw new IllegalArgumentException("removing a barrier needs the weak memory model (--memory-model weak)");
        }
        return new ModelConfig((BitSet) patches.clone(), mutations(), memoryModel, barriersCopy(bs));
    }

    private static Set<Barrier> barriersCopy(Set<Barrier> bs) {
        return bs.isEmpty() ? EnumSet.noneOf(Barrier.class) : EnumSet.copyOf(bs);
    }

    public MemoryModel memoryModel() { return memoryModel; }

    public boolean weak() { return memoryModel == MemoryModel.WEAK; }

    /** Is barrier {@code b} in force? Always in sc; in weak unless removed. */
    public boolean barrier(Barrier b) { return !removedBarriers.contains(b); }

    public Set<Barrier> removedBarriers() { return barriersCopy(removedBarriers); }

    /**
     * Parses a patch set as {@link #patchesSpec()} prints it: "all", "none",
     * or comma-separated numbers and ranges ("1-8,10").
     */
    public static BitSet parsePatches(String spec) {
        BitSet b = new BitSet();
        String s = spec.trim();
        if (s.equals("all")) {
            b.set(1, SERIES_LENGTH + 1);
            return b;
        }
        if (s.equals("none") || s.isEmpty()) return b;
        for (String part : s.split(",", -1)) {
            // -1: "1,5-" and "1,,5" are errors, not "1,5"
            String[] r = part.trim().split("-", -1);
            try {
                int lo = Integer.parseInt(r[0].trim());
                int hi = r.length > 1 ? Integer.parseInt(r[1].trim()) : lo;
                if (r.length > 2 || lo < 1 || hi > SERIES_LENGTH || lo > hi) throw new NumberFormatException();
                b.set(lo, hi + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad patch range '" + part.trim() + "': expected N or N-M with 1 <= N <= M <= "
                    + SERIES_LENGTH + " (the series has " + SERIES_LENGTH + " patches)");
            }
        }
        return b;
    }

    public boolean has(int patch) { return patches.get(patch); }

    public boolean mutated(Mutation m) { return mutations.contains(m); }

    public Set<Mutation> mutations() { return EnumSet.copyOf(mutations.isEmpty() ? EnumSet.noneOf(Mutation.class) : mutations); }

    public BitSet patches() { return (BitSet) patches.clone(); }

    /** "all" or "1-8,10" style. */
    public String patchesSpec() {
        if (patches.cardinality() == SERIES_LENGTH && patches.nextClearBit(1) == SERIES_LENGTH + 1) return "all";
        StringJoiner j = new StringJoiner(",");
        int i = patches.nextSetBit(1);
        while (i >= 0) {
            int end = patches.nextClearBit(i) - 1;
            j.add(i == end ? Integer.toString(i) : i + "-" + end);
            i = patches.nextSetBit(end + 1);
        }
        String s = j.toString();
        return s.isEmpty() ? "none" : s;
    }

    @Override public String toString() {
        StringJoiner m = new StringJoiner(",");
        for (Mutation mu : mutations) m.add(mu.id);
        return "patches=" + patchesSpec() + (mutations.isEmpty() ? "" : " mutations=" + m)
            + (memoryModel == MemoryModel.SC ? "" : " memory_model=" + memoryModel.id)
            + (removedBarriers.isEmpty() ? "" : " without-barriers=" + Barrier.format(removedBarriers));
    }
}

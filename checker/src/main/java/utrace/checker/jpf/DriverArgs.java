package utrace.checker.jpf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;
import utrace.model.Mutation;

/**
 * What {@link JpfDriver} needs, as JPF's {@code target.args}: six words,
 * none with a comma (JPF splits target.args at commas), lists joined by '+'.
 * The checker encodes, the driver decodes inside JPF.
 *
 * <pre>SCENARIO-FILE PATCHES MUTATIONS|none sc|weak BARRIERS-REMOVED|none INVARIANT+INVARIANT...</pre>
 */
public record DriverArgs(String scenarioFile, ModelConfig config, List<Invariant> invariants) {
    private static final String NONE = "none";

    public List<String> encode() {
        List<String> ms = new ArrayList<>();
        for (Mutation m : config.mutations()) ms.add(m.id);
        List<String> is = new ArrayList<>();
        for (Invariant i : invariants) is.add(i.name());
        String barriers = Barrier.format(config.removedBarriers());
        return List.of(scenarioFile, config.patchesSpec().replace(',', '+'), ms.isEmpty() ? NONE : String.join("+", ms),
            config.memoryModel().id, barriers.isEmpty() ? NONE : barriers.replace(',', '+'), String.join("+", is));
    }

    /** @throws IllegalArgumentException on anything {@link #encode()} would not have written */
    public static DriverArgs decode(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: JpfDriver SCENARIO-FILE PATCHES MUTATIONS|none sc|weak BARRIERS|none INVARIANT[+INVARIANT...]");
        }
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        if (!args[2].equals(NONE)) {
            for (String id : args[2].split("\\+")) {
                Mutation m = Mutation.byId(id);
                if (m == null) throw new IllegalArgumentException("unknown mutation " + id);
                ms.add(m);
            }
        }
        MemoryModel mm = MemoryModel.byId(args[3]);
        if (mm == null) throw new IllegalArgumentException("unknown memory model " + args[3]);
        ModelConfig config = ModelConfig.fullSeries()
            .withPatches(ModelConfig.parsePatches(args[1].replace('+', ',')))
            .withMutations(ms)
            .withMemoryModel(mm);
        if (!args[4].equals(NONE)) config = config.withoutBarriers(Barrier.parseList(args[4].replace('+', ',')));
        List<Invariant> is = new ArrayList<>();
        for (String n : args[5].split("\\+")) {
            Invariant i = Invariants.byName(n);
            if (i == null) throw new IllegalArgumentException("unknown invariant " + n);
            is.add(i);
        }
        return new DriverArgs(args[0], config, is);
    }
}

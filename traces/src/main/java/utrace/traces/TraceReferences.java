package utrace.traces;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.invariants.Violation;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.ScenarioParser;

/**
 * What a trace refers to, resolved against this build: the embedded
 * scenario, the configuration, the invariant and the violation kind. The
 * reader runs it so that a trace that reads also replays; the replayer runs
 * it again for traces built in memory.
 */
final class TraceReferences {
    private TraceReferences() {}

    /** Makes the error for a field path; the reader's version adds file:line. */
    interface Errors {
        TraceFormatException error(String path, String what);
    }

    record Resolved(Scenario scenario, ModelConfig config, Invariant invariant, Violation.Kind kind) {}

    static Resolved resolve(Trace t, Errors err) throws TraceFormatException {
        Scenario sc;
        try {
            sc = ScenarioParser.parse("scenario.source", t.scenario().source());
        } catch (ScenarioFormatException e) {
            throw err.error("scenario.source", "the embedded scenario does not parse: " + e.getMessage());
        }
        if (!sc.name().equals(t.scenario().name())) {
            throw err.error("scenario.name", "expected \"" + sc.name() + "\" (the name in the embedded source), got \""
                + t.scenario().name() + "\"");
        }
        BitSet patches;
        try {
            patches = ModelConfig.parsePatches(t.config().patches());
        } catch (IllegalArgumentException e) {
            throw err.error("config.patches", e.getMessage());
        }
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        List<String> ids = t.config().mutations();
        for (int i = 0; i < ids.size(); i++) {
            Mutation m = Mutation.byId(ids.get(i));
            if (m == null) {
                throw err.error("config.mutations[" + i + "]", "unknown mutation \"" + ids.get(i) + "\"; known: "
                    + String.join(", ", mutationIds()));
            }
            ms.add(m);
        }
        MemoryModel mm = MemoryModel.byId(t.config().memoryModel());
        if (mm == null) {
            throw err.error("config.memory_model", "expected \"" + Trace.MEMORY_MODEL + "\" or \"" + Trace.MEMORY_MODEL_WEAK
                + "\", got \"" + t.config().memoryModel() + "\"");
        }
        Set<Barrier> removed = EnumSet.noneOf(Barrier.class);
        List<String> bids = t.config().withoutBarriers();
        for (int i = 0; i < bids.size(); i++) {
            Barrier b = Barrier.byId(bids.get(i));
            if (b == null) {
                throw err.error("config.without_barriers[" + i + "]", "unknown barrier \"" + bids.get(i) + "\"; known: "
                    + String.join(", ", Barrier.ids()));
            }
            removed.add(b);
        }
        if (!removed.isEmpty() && mm != MemoryModel.WEAK) {
            throw err.error("config.without_barriers", "barriers can only be removed under memory_model \"weak\"");
        }
        Invariant inv = Invariants.byName(t.invariant().name());
        if (inv == null) {
            throw err.error("invariant.name", "unknown invariant \"" + t.invariant().name() + "\"; known: "
                + String.join(", ", Invariants.names()));
        }
        Violation.Kind kind;
        try {
            kind = Violation.Kind.valueOf(t.violation().kind());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw err.error("violation.kind", "expected one of TRANSITION, STATE, TERMINAL, CYCLE, got \"" + t.violation().kind() + "\"");
        }
        if ((kind == Violation.Kind.CYCLE) != inv.judgesCycles()) {
            throw err.error("violation.kind", kind == Violation.Kind.CYCLE ? inv.name() + " is not judged on cycles"
                : inv.name() + " is judged on cycles only: its violation is a CYCLE, not a " + kind);
        }
        if (kind == Violation.Kind.CYCLE && (t.violation().cycleStart() == null
                || t.violation().cycleStart() > t.steps().size() - 2)) {
            throw err.error("violation.cycle_start", "a cycle of two or more steps must follow the first cycle_start steps; "
                + "the trace has " + t.steps().size() + " steps and cycle_start " + t.violation().cycleStart());
        }
        ModelConfig cfg = ModelConfig.fullSeries().withPatches(patches).withMutations(ms).withMemoryModel(mm)
            .withoutBarriers(removed);
        return new Resolved(sc, cfg, inv, kind);
    }

    private static List<String> mutationIds() {
        List<String> ids = new ArrayList<>();
        for (Mutation m : Mutation.values()) ids.add(m.id);
        return ids;
    }
}

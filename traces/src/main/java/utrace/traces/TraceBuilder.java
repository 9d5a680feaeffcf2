package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.Mutation;
import utrace.model.Scenario;


import utrace.model.State;
import utrace.model.StepInfo;
import utrace.model.Transition;

/**
 * Turns a counterexample (violation + actor schedule) into a {@link Trace}
 * by re-executing the schedule with recording on: the explorer keeps only
 * actor indices, so labels, details and state diffs are rebuilt here.
 */
public final class TraceBuilder {
    private TraceBuilder() {}

    /** As {@link #build(Model, List, Violation, String)}, naming the shipped scenario file when it is one. */
    public static Trace build(Model model, List<Integer> schedule, Violation violation) {
        return build(model, schedule, violation, model.scenario().file());
    }

    /**
     * @param scenarioFile where the scenario was loaded from, recorded for readers only ("" if unknown)
     * @throws IllegalStateException if an actor in the schedule does not exist or cannot move
     */
    public static Trace build(Model model, List<Integer> schedule, Violation violation, String scenarioFile) {
        Objects.requireNonNull(violation, "a trace records a violation");
        State state = model.initial();
        Map<String, String> before = model.describe(state);
        List<Trace.Step> steps = new ArrayList<>(schedule.size());
        for (int i = 0; i < schedule.size(); i++) {
            int a = schedule.get(i);
            if (a < 0 || a >= model.actorCount()) {
                throw new IllegalStateException("step " + (i + 1) + ": actor index " + a + " out of range (the model has "
                    + model.actorCount() + " actors)");
            }
            Transition t = model.step(state, a, true);
            if (t == null) {
                throw new IllegalStateException("step " + (i + 1) + ": " + model.actorName(a) + " cannot move (it is at "
                    + model.where(state, a) + ")");
            }
            Map<String, String> after = model.describe(t.after());
            StepInfo info = t.info();
            steps.add(new Trace.Step(i + 1, a, model.actorName(a), model.actorRole(a), info.label(), info.function(),
                info.patch(), t.detail() == null ? "" : t.detail(), State.hex(t.after().fingerprint()),
                changes(before, after), info.ref().file(), info.ref().line()));
            state = t.after();
            before = after;
        }
        Scenario sc = model.scenario();
        List<String> mutations = new ArrayList<>();
        for (Mutation m : model.config().mutations()) mutations.add(m.id);
        return new Trace(Trace.SCHEMA_VERSION, Trace.TOOL,
            new Trace.ScenarioInfo(sc.name(), scenarioFile == null ? "" : scenarioFile, sc.source()),
            new Trace.ConfigInfo(model.config().patchesSpec(), mutations, model.config().memoryModel().id,
                removedBarriers(model)),
            new Trace.InvariantInfo(violation.invariant().name(), violation.invariant().statement()),
            new Trace.ViolationInfo(violation.kind().name(), violation.message(),
                violation.cycleStart() < 0 ? null : violation.cycleStart()),
            State.hex(model.initial().fingerprint()), steps, before);
    }

    private static List<String> removedBarriers(Model model) {
        List<String> out = new ArrayList<>();
        for (utrace.model.Barrier b : model.config().removedBarriers()) out.add(b.id);
        return out;
    }

    /** Variables whose value differs, in describe() order (which is fixed for a model). */
    static List<Trace.Change> changes(Map<String, String> before, Map<String, String> after) {
        List<Trace.Change> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) out.add(new Trace.Change(e.getKey(), old, e.getValue()));
        }
        return out;
    }
}

package utrace.traces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Replays a trace against the current model: rebuilds the scenario from its
 * embedded source and the configuration from the trace, takes each recorded
 * actor's step and compares state fingerprints, then asks the invariant again
 * where it failed.
 */
public final class Replayer {
    private Replayer() {}

    /** @throws TraceFormatException if the trace names a scenario text, mutation or invariant this build does not know */
    public static ReplayResult replay(Trace t) throws TraceFormatException {
        String origin = "trace of " + t.scenario().name();
        TraceReferences.Resolved r = TraceReferences.resolve(t, (path, what) -> new TraceFormatException(origin, 0,
            path + ": " + what));
        Model model = new Model(r.scenario(), r.config());
        State state = model.initial();
        String initFp = State.hex(state.fingerprint());
        if (!initFp.equals(t.initialFingerprint())) {
            return diverged(0, 0, "the initial state differs: the trace has fingerprint " + t.initialFingerprint()
                + ", the model now starts at " + initFp + " (the model's state layout or initial values changed)");
        }
        State before = state;
        Transition last = null;
        List<Trace.Step> steps = t.steps();
        int cycleStart = r.kind() == Violation.Kind.CYCLE ? t.violation().cycleStart() : -1;
        State cycleEntry = cycleStart == 0 ? state : null;
        List<Transition> cycle = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Trace.Step s = steps.get(i);
            int n = i + 1;
            String expected = "step " + n + " (" + s.actorName() + ": " + s.function() + ": " + s.label() + ")";
            if (s.actor() < 0 || s.actor() >= model.actorCount()) {
                return diverged(n, i, expected + ": actor index " + s.actor() + " is out of range; the scenario now has "
                    + model.actorCount() + " actors");
            }
            if (!model.actorName(s.actor()).equals(s.actorName())) {
                return diverged(n, i, expected + ": actor " + s.actor() + " is now " + model.actorName(s.actor()));
            }
            Transition tr = model.step(state, s.actor(), true);
            if (tr == null) {
                return diverged(n, i, expected + ": " + s.actorName() + " cannot move now; it waits at "
                    + model.where(state, s.actor()));
            }
            String fp = State.hex(tr.after().fingerprint());
            if (!fp.equals(s.fingerprint())) {
                String taken = tr.info().function() + ": " + tr.info().label();
                String how = taken.equals(s.function() + ": " + s.label()) ? " by the same step" : " taking " + taken;
                return diverged(n, i, expected + ": expected state " + s.fingerprint() + ", the model now reaches " + fp
                    + how + "; " + differences(model.describe(state), s.changes(), model.describe(tr.after())));
            }
            before = state;
            last = tr;
            state = tr.after();
            if (cycleStart >= 0 && n == cycleStart) cycleEntry = state;
            if (cycleStart >= 0 && n > cycleStart) cycle.add(tr);
        }
        if (cycleStart >= 0) return cycle(t, model, r.invariant(), cycleStart, cycleEntry, state, cycle);
        String now = InvariantChecker.recheck(model, r.invariant(), r.kind(), before, last);
        if (now != null) return new ReplayResult(ReplayResult.Outcome.REPRODUCED, steps.size(), -1, now);
        return new ReplayResult(ReplayResult.Outcome.NO_LONGER_VIOLATES, steps.size(), -1,
            (steps.isEmpty() ? "the trace has no steps, and " : "all " + steps.size() + " steps replay, but ")
            + r.invariant().name() + " now holds "
            + where(r.kind(), steps.size()) + " (recorded: " + t.violation().message() + ")");
    }

    /**
     * A CYCLE: every step replayed; the last one must lead back to the state after step {@code start}, and the
     * invariant must still forbid the steps around.
     */
    private static ReplayResult cycle(Trace t, Model model, utrace.invariants.Invariant inv, int start, State entry,
                                      State end, List<Transition> around) {
        int n = t.steps().size();
        if (!end.equals(entry)) {
            return new ReplayResult(ReplayResult.Outcome.NO_LONGER_VIOLATES, n, -1, "all " + n + " steps replay, but "
                + "they no longer close a cycle: the state after step " + n + " is not the state after step " + start
                + " (recorded: " + t.violation().message() + ")");
        }
        String now = InvariantChecker.recheckCycle(model, inv, entry, around);
        if (now != null) return new ReplayResult(ReplayResult.Outcome.REPRODUCED, n, -1, now);
        return new ReplayResult(ReplayResult.Outcome.NO_LONGER_VIOLATES, n, -1, "all " + n + " steps replay and close "
            + "the cycle of steps " + (start + 1) + ".." + n + ", but " + inv.name() + " now allows it (recorded: "
            + t.violation().message() + ")");
    }

    private static ReplayResult diverged(int step, int replayed, String message) {
        return new ReplayResult(ReplayResult.Outcome.DIVERGED, replayed, step, message);
    }

    private static String where(Violation.Kind kind, int steps) {
        switch (kind) {
            case TRANSITION: return steps == 0 ? "with no step to check" : "on step " + steps;
            case STATE: return "in the state after step " + steps;
            case CYCLE: return "on the cycle that ends with step " + steps;
            default: return "in the final state (after step " + steps + ")";
        }
    }

    /**
     * The visible variables where the recorded step and the model now disagree:
     * since every earlier step matched, the recorded state is the state before
     * plus the recorded changes.
     */
    private static String differences(Map<String, String> before, List<Trace.Change> recorded, Map<String, String> now) {
        Map<String, String> expected = new LinkedHashMap<>(before);
        for (Trace.Change c : recorded) expected.put(c.var(), c.newValue());
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String want = expected.get(e.getKey());
            if (!Objects.equals(want, e.getValue())) {
                diffs.add(e.getKey() + " is " + e.getValue() + " (trace: " + want + ")");
            }
        }
        for (String var : expected.keySet()) {
            if (!now.containsKey(var)) diffs.add(var + " no longer exists (trace: " + expected.get(var) + ")");
        }
        return diffs.isEmpty() ? "no named variable differs (the difference is in history the trace does not show)"
            : "differs in " + String.join(", ", diffs);
    }
}

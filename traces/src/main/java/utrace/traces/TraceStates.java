package utrace.traces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every whole state along a trace, rebuilt from the trace alone: a trace
 * stores the final state and, per step, the variables it changed (old and
 * new), so walking back from the final state and undoing each step's changes
 * gives the state before it. No model is needed, so a trace from an older
 * model still renders (`--full-state`, the HTML state panel).
 */
public final class TraceStates {
    private TraceStates() {}

    /**
     * @return n + 1 states for n steps: element 0 is the initial state, element i the state after step i;
     *         each keeps the final state's variable order
     * @throws IllegalArgumentException if a step's recorded new value is not the value in the state after it
     *         (the trace was edited by hand and is inconsistent)
     */
    public static List<Map<String, String>> of(Trace t) {
        List<Trace.Step> steps = t.steps();
        List<Map<String, String>> out = new ArrayList<>(Collections.nCopies(steps.size() + 1, null));
        Map<String, String> cur = new LinkedHashMap<>(t.finalState());
        out.set(steps.size(), Collections.unmodifiableMap(new LinkedHashMap<>(cur)));
        for (int i = steps.size() - 1; i >= 0; i--) {
            Trace.Step s = steps.get(i);
            for (Trace.Change c : s.changes()) {
                if (!Objects.equals(cur.get(c.var()), c.newValue())) {
                    throw new IllegalArgumentException("step " + s.index() + " changes " + c.var() + " to " + c.newValue()
                        + ", but the state after it has " + c.var() + " = " + cur.get(c.var()));
                }
                cur.put(c.var(), c.oldValue());
            }
            out.set(i, Collections.unmodifiableMap(new LinkedHashMap<>(cur)));
        }
        return out;
    }

    /**
     * As {@link #of}, but without the consistency check: where a step's recorded new value is not the value
     * after it, its old value is taken anyway. For readers of a trace that must not fail on a hand-edited one
     * (the per-actor summary, the event list); the state panel and --full-state use {@link #of}, which says so.
     */
    static List<Map<String, String>> lenient(Trace t) {
        List<Trace.Step> steps = t.steps();
        List<Map<String, String>> out = new ArrayList<>(Collections.nCopies(steps.size() + 1, null));
        Map<String, String> cur = new LinkedHashMap<>(t.finalState());
        out.set(steps.size(), Collections.unmodifiableMap(new LinkedHashMap<>(cur)));
        for (int i = steps.size() - 1; i >= 0; i--) {
            for (Trace.Change c : steps.get(i).changes()) cur.put(c.var(), c.oldValue());
            out.set(i, Collections.unmodifiableMap(new LinkedHashMap<>(cur)));
        }
        return out;
    }
}

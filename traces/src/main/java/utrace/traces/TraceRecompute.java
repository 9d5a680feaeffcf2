package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * What this build computes for a trace's schedule: the same scenario,
 * configuration and actor order, re-executed with recording on. A trace's
 * fingerprints can all match while the fields printed for people (labels,
 * changes, roles, final state, violation message) were edited by hand;
 * replay prints the recomputed trace and reports such differences.
 */
public final class TraceRecompute {
    private TraceRecompute() {}

    /**
     * The trace this build writes for {@code t}'s schedule, or null if the schedule does not replay to a
     * violation of the recorded invariant (the Replayer says why).
     */
    public static Trace recompute(Trace t) throws TraceFormatException {
        TraceReferences.Resolved r = TraceReferences.resolve(t, (path, what) -> new TraceFormatException(
            "trace of " + t.scenario().name(), 0, path + ": " + what));
        Model model = new Model(r.scenario(), r.config());
        State state = model.initial();
        State before = state;
        Transition last = null;
        List<Integer> schedule = new ArrayList<>();
        int cycleStart = r.kind() == Violation.Kind.CYCLE ? t.violation().cycleStart() : -1;
        State cycleEntry = state;
        List<Transition> cycle = new ArrayList<>();
        for (Trace.Step s : t.steps()) {
            if (s.actor() < 0 || s.actor() >= model.actorCount()) return null;
            Transition tr = model.step(state, s.actor(), false);
            if (tr == null) return null;
            schedule.add(s.actor());
            before = state;
            last = tr;
            state = tr.after();
            if (schedule.size() == cycleStart) cycleEntry = state;
            if (cycleStart >= 0 && schedule.size() > cycleStart) cycle.add(tr);
        }
        String message = cycleStart >= 0 ? InvariantChecker.recheckCycle(model, r.invariant(), cycleEntry, cycle)
            : InvariantChecker.recheck(model, r.invariant(), r.kind(), before, last);
        if (message == null) return null;
        return TraceBuilder.build(model, schedule, new Violation(r.invariant(), r.kind(), message, cycleStart),
            t.scenario().file());
    }

    /** Where the file's fields differ from the recomputed trace's ("steps[3].label: file "x", recomputed "y"). */
    public static List<String> differences(Trace file, Trace now) {
        List<String> d = new ArrayList<>();
        field(d, "invariant.statement", file.invariant().statement(), now.invariant().statement());
        field(d, "violation.kind", file.violation().kind(), now.violation().kind());
        field(d, "violation.message", file.violation().message(), now.violation().message());
        field(d, "violation.cycle_start", String.valueOf(file.violation().cycleStart()), String.valueOf(now.violation().cycleStart()));
        field(d, "initial_fingerprint", file.initialFingerprint(), now.initialFingerprint());
        if (file.steps().size() != now.steps().size()) {
            d.add("steps: file has " + file.steps().size() + ", recomputed " + now.steps().size());
        }
        for (int i = 0; i < Math.min(file.steps().size(), now.steps().size()); i++) {
            Trace.Step a = file.steps().get(i);
            Trace.Step b = now.steps().get(i);
            String p = "steps[" + i + "].";
            field(d, p + "actor_name", a.actorName(), b.actorName());
            field(d, p + "role", a.role(), b.role());
            field(d, p + "label", a.label(), b.label());
            field(d, p + "function", a.function(), b.function());
            field(d, p + "patch", Integer.toString(a.patch()), Integer.toString(b.patch()));
            field(d, p + "detail", a.detail(), b.detail());
            field(d, p + "fingerprint", a.fingerprint(), b.fingerprint());
            if (!a.changes().equals(b.changes())) {
                d.add(p + "changes: file " + changes(a.changes()) + ", recomputed " + changes(b.changes()));
            }
        }
        if (!file.finalState().equals(now.finalState())) {
            for (Map.Entry<String, String> e : now.finalState().entrySet()) {
                field(d, "final_state." + e.getKey(), file.finalState().get(e.getKey()), e.getValue());
            }
            for (String k : file.finalState().keySet()) {
                if (!now.finalState().containsKey(k)) d.add("final_state." + k + ": in the file, not in the model");
            }
        }
        return d;
    }

    private static void field(List<String> d, String path, String file, String now) {
        if (!Objects.equals(file, now)) d.add(path + ": file " + quoted(file) + ", recomputed " + quoted(now));
    }

    /**
     * A field's value as a mismatch line shows it: cut at 80 characters, and control characters (from a
     * hand-edited or hostile file) written as \xNN, so that an escape sequence cannot drive the terminal.
     */
    static String quoted(String s) {
        if (s == null) return "(missing)";
        String q = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        return '"' + quotedBody(q) + '"';
    }

    /** {@code s} with each control character (C0, DEL, C1) written as \xNN; unchanged if it has none. */
    static String quotedBody(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c >= 0x7f && c < 0xa0;
            if (control && b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (b == null) continue;
            if (control) b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            else b.append(c);
        }
        return b == null ? s : b.toString();
    }

    private static String changes(List<Trace.Change> cs) {
        StringBuilder b = new StringBuilder("[");
        for (Trace.Change c : cs) {
            if (b.length() > 1) b.append(", ");
            b.append(c.var()).append(' ').append(c.oldValue()).append("->").append(c.newValue());
        }
        String s = b.append(']').toString();
        return s.length() > 120 ? s.substring(0, 117) + "...]" : s;
    }
}

package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import utrace.checker.explore.Limits;
import utrace.invariants.Invariant;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.ScenarioParser;
import utrace.traces.Trace;

/**
 * Makes a new candidate small before anyone reads it: drops one part of the
 * scenario at a time (an engine, a tracer, a killer, a line, a call, a step,
 * a signal, an event, a callback's modifier), and keeps the drop when the
 * smaller scenario still parses and still violates the same invariant with
 * the same class (so the drop did not turn it into a known finding or
 * another problem). Greedy, first drop that works, again until no drop
 * works or the trial budget is spent: the result is 1-minimal in the drops
 * tried, not the smallest possible. Deterministic: the drops are tried in a
 * fixed order.
 */
final class Shrinker {
    private Shrinker() {}

    /** Searches one smaller scenario may cost before shrinking stops. */
    static final int MAX_TRIALS = 300;

    /** The shrunk draft, its violation and how many smaller scenarios were searched. */
    record Result(ScenarioDraft draft, Trace trace, int trials) {}

    static Result shrink(ScenarioDraft start, Trace found, FuzzClass cls, Invariant invariant, ModelConfig config, Limits limits,
                         String file) {
        ScenarioDraft best = start;
        Trace trace = found;
        int trials = 0;
        boolean progress = true;
        while (progress && trials < MAX_TRIALS) {
            progress = false;
            for (UnaryOperator<ScenarioDraft> drop : drops(best)) {
                if (trials >= MAX_TRIALS) break;
                ScenarioDraft smaller = drop.apply(best.copy());
                if (smaller == null || smaller.render().equals(best.render())) continue;
                Scenario s;
                try {
                    s = ScenarioParser.parseStrict(file, smaller.render());
                } catch (Exception e) {
                    continue; // a drop the format refuses (an engine left unattached, a guard left dangling): not a trial
                }
                trials++;
                Trace t = ScenarioSearch.first(s, file, invariant, config, limits);
                if (t != null && KnownFindings.classify(t).id().equals(cls.id())) {
                    best = smaller;
                    trace = t;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(best, trace, trials);
    }

    /** Every single drop from {@code d}, the larger ones first (a whole engine before one of its calls). */
    static List<UnaryOperator<ScenarioDraft>> drops(ScenarioDraft d) {
        List<UnaryOperator<ScenarioDraft>> out = new ArrayList<>();
        for (ScenarioDraft.Engine e : d.engines) {
            String n = e.name;
            out.add(x -> {
                x.engines.removeIf(y -> y.name.equals(n));
                x.callbacks.remove(n);
                x.owners.remove(n);
                return x;
            });
        }
        if (d.ptrace != null) {
            out.add(x -> {
                x.ptrace = null;
                x.tracee.remove("traceme");
                if ("ptrace".equals(x.parent) || "ptrace sigchld=ignore".equals(x.parent)) x.parent = null;
                return x;
            });
        }
        if (!d.killer.isEmpty()) out.add(x -> { x.killer.clear(); x.killers = 1; return x; });
        if (d.killers > 1) out.add(x -> { x.killers = 1; return x; });
        if (d.parent != null) out.add(x -> { x.parent = null; return x; });
        for (int i = 0; i < d.handlers.size(); i++) { int k = i; out.add(x -> { x.handlers.remove(k); return x; }); }
        for (String n : d.owners.keySet()) out.add(x -> { x.owners.remove(n); return x; });
        for (String n : d.callbacks.keySet()) {
            for (String cb : d.callbacks.get(n).keySet()) {
                out.add(x -> { x.callbacks.get(n).remove(cb); if (x.callbacks.get(n).isEmpty()) x.callbacks.remove(n); return x; });
            }
        }
        d.owners.forEach((n, ops) -> {
            for (int i = 0; i < ops.size(); i++) {
                int k = i;
                out.add(x -> { x.owners.get(n).remove(k); if (x.owners.get(n).isEmpty()) x.owners.remove(n); return x; });
            }
        });
        for (int i = 0; i < d.tracee.size(); i++) { int k = i; out.add(x -> { x.tracee.remove(k); return x; }); }
        for (int i = 0; i < d.killer.size(); i++) { int k = i; out.add(x -> { x.killer.remove(k); return x; }); }
        if (d.ptrace != null) {
            for (int i = 0; i < d.ptrace.size(); i++) { int k = i; out.add(x -> { x.ptrace.remove(k); return x; }); }
        }
        for (ScenarioDraft.Engine e : d.engines) {
            for (String ev : e.events) {
                out.add(x -> { x.engine(e.name).events.remove(ev); ScenarioMutator.dropUnaskedCallbacks(x); return x; });
            }
        }
        // a modifier (+IGN, +control:..., +set_events:...) or a guard ("after killer:1") the violation may not need
        d.callbacks.forEach((n, cbs) -> cbs.forEach((cb, spec) -> {
            if (spec.contains("+")) out.add(x -> { x.callbacks.get(n).put(cb, spec.substring(0, spec.indexOf('+'))); return x; });
        }));
        d.owners.forEach((n, ops) -> {
            for (int i = 0; i < ops.size(); i++) {
                int k = i;
                if (ops.get(k).contains(" after ")) {
                    out.add(x -> { String op = x.owners.get(n).get(k); x.owners.get(n).set(k, op.substring(0, op.indexOf(" after "))); return x; });
                }
            }
        });
        for (int i = 0; i < d.killer.size(); i++) {
            int k = i;
            if (d.killer.get(k).contains(" after ")) {
                out.add(x -> { String s = x.killer.get(k); x.killer.set(k, s.substring(0, s.indexOf(" after "))); return x; });
            }
        }
        return out;
    }
}

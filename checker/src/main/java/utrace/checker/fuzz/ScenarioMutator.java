package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import utrace.model.Events;

/**
 * Mutate mode: a shipped scenario with one thing changed (an event asked for
 * or no longer asked for, a callback's answer, an owner's call inserted,
 * dropped or replaced, a tracee step, a signal, a ptrace request inserted
 * or replaced, or a tracer that attaches). Shipped scenarios are
 * written around one race each; one change next to it is how h3's fuzzer
 * found finding 13's third path and most of finding 14's hits.
 *
 * <p>Changes keep the scenario valid: an 'attach' or 'traceme' is never
 * dropped, a killer's list never shrinks (a guard may count its signals),
 * and a callback left without the event it reports is dropped with the
 * event (the description says so). Nor does a tracer's script shrink (a
 * guard may count its returned requests), and its 'attach' stays first.
 * A tracer attaching to an engine's scenario is how the sixteenth round's
 * fuzzer met finding 16; mutate mode had no such change until then.
 */
final class ScenarioMutator {
    private ScenarioMutator() {}

    /** A changed scenario and what was changed, in words. */
    record Mutant(ScenarioDraft draft, String change) {}

    private interface Change {
        /** Changes {@code d} and says how, or returns null when it does not apply to this scenario. */
        String apply(Random rng, ScenarioDraft d);
    }

    private static final List<Change> CHANGES = List.of(ScenarioMutator::events, ScenarioMutator::callbackAnswer,
        ScenarioMutator::addCallback, ScenarioMutator::ownerCall, ScenarioMutator::newOwner, ScenarioMutator::traceeStep,
        ScenarioMutator::killerSignal, ScenarioMutator::handler, ScenarioMutator::ptraceRequest, ScenarioMutator::attachKind);

    /** {@code source} with one change; the kinds of change are tried in a random order until one applies. */
    static Mutant mutate(Random rng, ScenarioDraft source) {
        String before = source.render();
        List<Change> order = new ArrayList<>(CHANGES);
        java.util.Collections.shuffle(order, rng);
        for (int attempt = 0; attempt < 3; attempt++) {
            for (Change c : order) {
                ScenarioDraft d = source.copy();
                String what = c.apply(rng, d);
                if (what != null && !d.render().equals(before)) return new Mutant(d, what);
            }
        }
        // Every scenario takes a signal more (killerSignal always applies): not reached in practice.
        ScenarioDraft d = source.copy();
        d.killer.add(0, "SIGKILL");
        return new Mutant(d, "killer: SIGKILL first");
    }

    private static String events(Random rng, ScenarioDraft d) {
        List<ScenarioDraft.Engine> pre = new ArrayList<>();
        for (ScenarioDraft.Engine e : d.engines) if (e.preattached) pre.add(e);
        if (pre.isEmpty()) return null;
        ScenarioDraft.Engine e = Pick.one(rng, pre);
        if (e.events.size() > 1 && Pick.chance(rng, 0.5)) {
            String ev = Pick.one(rng, e.events);
            e.events.remove(ev);
            String dropped = dropUnaskedCallbacks(d);
            return "engine " + e.name + ": no longer asks for " + ev + dropped;
        }
        List<String> absent = new ArrayList<>(Vocabulary.EVENT_ORDER);
        absent.removeAll(e.events);
        if (absent.isEmpty()) return null;
        String ev = Pick.one(rng, absent);
        e.events.add(ev);
        e.events.remove("0");
        return "engine " + e.name + ": also asks for " + ev;
    }

    private static String callbackAnswer(Random rng, ScenarioDraft d) {
        List<String[]> all = new ArrayList<>();
        d.callbacks.forEach((en, cb) -> cb.keySet().forEach(ev -> all.add(new String[] {en, ev})));
        if (all.isEmpty()) return null;
        String[] pick = Pick.one(rng, all);
        Map<String, String> cb = d.callbacks.get(pick[0]);
        String old = cb.get(pick[1]);
        int plus = old.indexOf('+');
        String action = Pick.weighted(rng, Vocabulary.ACTIONS, Vocabulary.CALLBACK_W);
        String spec = action + (plus >= 0 && Pick.chance(rng, 0.7) ? old.substring(plus) : "");
        cb.put(pick[1], spec);
        String dropped = dropUnaskedCallbacks(d);
        return "callback " + pick[0] + " " + pick[1] + ": " + old + " -> " + spec + dropped;
    }

    private static String addCallback(Random rng, ScenarioDraft d) {
        if (d.engines.isEmpty()) return null;
        ScenarioDraft.Engine e = Pick.one(rng, d.engines);
        int asked = asked(d, e.name);
        List<String> free = new ArrayList<>();
        for (String cb : CALLBACKS) {
            if ((asked & reports(cb)) != 0 && !d.callbacks.getOrDefault(e.name, new LinkedHashMap<>()).containsKey(cb)) free.add(cb);
        }
        if (free.isEmpty()) return null;
        String cb = Pick.one(rng, free);
        String spec = Pick.weighted(rng, Vocabulary.ACTIONS, Vocabulary.CALLBACK_W);
        d.callbacks.computeIfAbsent(e.name, k -> new LinkedHashMap<>()).put(cb, spec);
        return "callback " + e.name + " " + cb + "=" + spec + " added";
    }

    private static String ownerCall(Random rng, ScenarioDraft d) {
        if (d.owners.isEmpty()) return null;
        String en = Pick.one(rng, new ArrayList<>(d.owners.keySet()));
        List<String> ops = d.owners.get(en);
        // the calls before and including 'attach' stay: a call on an engine not attached yet only fails
        int first = attachIndex(ops) + 1;
        String call = RandomScenarios.ownerCall(rng);
        double r = rng.nextDouble();
        if (r < 0.35 && ops.size() > first) {
            int i = first + rng.nextInt(ops.size() - first);
            String old = ops.remove(i);
            if (ops.isEmpty()) d.owners.remove(en);
            return "owner " + en + ": '" + old + "' dropped" + dropUnaskedCallbacks(d);
        }
        if (r < 0.7 || ops.size() == first) {
            int i = first + rng.nextInt(ops.size() - first + 1);
            ops.add(i, call);
            return "owner " + en + ": '" + call + "' inserted as call " + (i + 1);
        }
        int i = first + rng.nextInt(ops.size() - first);
        String old = ops.set(i, call);
        return "owner " + en + ": '" + old + "' replaced by '" + call + "'" + dropUnaskedCallbacks(d);
    }

    /** Where the owner's first 'attach' or 'attach exclusive' is, or -1. */
    private static int attachIndex(List<String> ops) {
        for (int i = 0; i < ops.size(); i++) if (ops.get(i).equals("attach") || ops.get(i).equals("attach exclusive")) return i;
        return -1;
    }

    /**
     * An owner's attach changes kind: UTRACE_ATTACH_CREATE becomes UTRACE_ATTACH_EXCLUSIVE (-EEXIST while another
     * live engine is attached; the owner then retries) or back.
     */
    private static String attachKind(Random rng, ScenarioDraft d) {
        List<String> attaching = new ArrayList<>();
        for (var o : d.owners.entrySet()) if (attachIndex(o.getValue()) >= 0) attaching.add(o.getKey());
        if (attaching.isEmpty()) return null;
        String en = Pick.one(rng, attaching);
        List<String> ops = d.owners.get(en);
        int i = attachIndex(ops);
        String now = ops.get(i).equals("attach") ? "attach exclusive" : "attach";
        ops.set(i, now);
        return "owner " + en + ": '" + now + "'";
    }

    /** A preattached engine that had no owner gets one with a call or two. */
    private static String newOwner(Random rng, ScenarioDraft d) {
        List<String> free = new ArrayList<>();
        for (ScenarioDraft.Engine e : d.engines) if (e.preattached && !d.owners.containsKey(e.name)) free.add(e.name);
        if (free.isEmpty()) return null;
        String en = Pick.one(rng, free);
        List<String> ops = new ArrayList<>();
        int n = 1 + rng.nextInt(2);
        for (int k = 0; k < n; k++) ops.add(RandomScenarios.ownerCall(rng));
        d.owners.put(en, ops);
        return "owner " + en + " added: " + String.join("; ", ops);
    }

    private static String traceeStep(Random rng, ScenarioDraft d) {
        List<String> t = d.tracee;
        int first = t.indexOf("traceme") + 1; // 'traceme' stays first
        boolean exits = !t.isEmpty() && t.get(t.size() - 1).startsWith("exit");
        int end = exits ? t.size() - 1 : t.size(); // the steps before 'exit'
        double r = rng.nextDouble();
        if (r < 0.3 && end > first) {
            int i = first + rng.nextInt(end - first);
            String old = t.remove(i);
            if (t.isEmpty() && d.ptrace == null && d.killer.isEmpty()) return null; // the tracee would do nothing
            return "tracee: '" + old + "' dropped";
        }
        if (r < 0.8) {
            String step = RandomScenarios.traceeStep(rng);
            int i = first + rng.nextInt(end - first + 1);
            t.add(i, step);
            return "tracee: '" + step + "' inserted as step " + (i + 1);
        }
        if (exits) {
            String old = t.remove(t.size() - 1);
            if (t.isEmpty() && d.ptrace == null && d.killer.isEmpty()) return null;
            return "tracee: '" + old + "' dropped (it no longer exits)";
        }
        t.add("exit");
        return "tracee: 'exit' added";
    }

    private static String killerSignal(Random rng, ScenarioDraft d) {
        String s = RandomScenarios.killerSignal(rng);
        if (d.killer.isEmpty()) {
            d.killer.add(s);
            d.killers = 1;
            return "killer " + s + " added";
        }
        if (Pick.chance(rng, 0.5)) {
            // a new first signal: a guard 'after killer:K' then waits for one signal earlier; still valid
            d.killer.add(0, s);
            return "killer: '" + s + "' sent first";
        }
        int i = rng.nextInt(d.killer.size());
        String old = d.killer.get(i);
        int after = old.indexOf(" after ");
        String sig = s.contains(" after ") ? s.substring(0, s.indexOf(" after ")) : s;
        String now = sig + (after >= 0 ? old.substring(after) : "");
        d.killer.set(i, now);
        return "killer: '" + old + "' replaced by '" + now + "'";
    }

    private static String handler(Random rng, ScenarioDraft d) {
        if (!d.handlers.isEmpty()) return null;
        String h = Pick.one(rng, Vocabulary.HANDLERS);
        d.handlers.add(h);
        return "handler " + h + " added";
    }

    /**
     * A tracer that attaches, for a scenario without one (and without 'traceme', whose tracer is the parent);
     * else one request inserted after the first, or one replaced (never the 'attach').
     */
    private static String ptraceRequest(Random rng, ScenarioDraft d) {
        if (d.ptrace == null || d.ptrace.isEmpty()) {
            if (d.tracee.contains("traceme")) return null;
            String script = Pick.one(rng, Vocabulary.PTRACE_ATTACHING);
            d.ptrace = new ArrayList<>(List.of(script.split("; ")));
            return "ptrace " + script + " added";
        }
        List<String> p = d.ptrace;
        String req = Pick.one(rng, Vocabulary.PTRACE_REQUESTS);
        // 'exit' ends the tracer's requests (the parser's rule): nothing goes after one, and one goes only last
        boolean exits = p.get(p.size() - 1).startsWith("exit");
        int end = exits ? p.size() - 1 : p.size();
        if (req.equals("exit") && exits) return null;
        if (Pick.chance(rng, 0.6) || end <= 1) {
            // after the first request (an 'attach' stays first), before a final 'exit' ('ptrace exit' alone: before it)
            int i = req.equals("exit") ? p.size() : end == 0 ? 0 : 1 + rng.nextInt(end);
            p.add(i, req);
            return "ptrace: '" + req + "' inserted as request " + (i + 1);
        }
        int i = 1 + rng.nextInt(end - 1);
        String old = p.get(i);
        if (old.startsWith("attach") || req.equals("exit")) return null;
        int after = old.indexOf(" after ");
        String now = req + (after >= 0 ? old.substring(after) : "");
        p.set(i, now);
        return "ptrace: '" + old + "' replaced by '" + now + "'";
    }

    /** The callbacks of the format, in its order. */
    private static final List<String> CALLBACKS = List.of("quiesce", "reap", "exit", "death", "syscall_entry", "syscall_exit", "signal");

    /** The events that make callback {@code cb} (report_signal: any SIGNAL_* event, as the parser has it). */
    static int reports(String cb) {
        switch (cb) {
            case "quiesce": return Events.QUIESCE;
            case "reap": return Events.REAP;
            case "exit": return Events.EXIT;
            case "death": return Events.DEATH;
            case "syscall_entry": return Events.SYSCALL_ENTRY;
            case "syscall_exit": return Events.SYSCALL_EXIT;
            case "signal": return Events.SIGNAL_ALL;
            default: return 0;
        }
    }

    /**
     * Everything engine {@code en} asks for, as event bits: its events, its owner's set_events, its callbacks'
     * +set_events (the parser's rule for which callbacks a scenario may give). Shorthands (SYSCALL,
     * SIGNAL_ALL, DEATH_EVENTS) count as what they stand for.
     */
    static int asked(ScenarioDraft d, String en) {
        List<String> words = new ArrayList<>(d.engine(en).events);
        words.addAll(RandomScenarios.askedBy(d.owners.getOrDefault(en, List.of())));
        for (String spec : d.callbacks.getOrDefault(en, new LinkedHashMap<>()).values()) {
            for (String mod : spec.split("\\+")) {
                if (mod.startsWith("set_events:")) words.addAll(List.of(mod.substring(11).split("[|,]")));
            }
        }
        int mask = 0;
        for (String w : words) mask |= Math.max(0, Events.parseOne(w));
        return mask;
    }

    /**
     * Drops every callback whose engine no longer asks for its event (the strict parser refuses such a
     * callback); returns what was dropped, for the change's description ("" if nothing).
     */
    static String dropUnaskedCallbacks(ScenarioDraft d) {
        List<String> dropped = new ArrayList<>();
        for (ScenarioDraft.Engine e : d.engines) {
            LinkedHashMap<String, String> cb = d.callbacks.get(e.name);
            if (cb == null) continue;
            int asked = asked(d, e.name);
            cb.keySet().removeIf(name -> {
                boolean backed = (asked & reports(name)) != 0;
                if (!backed) dropped.add(e.name + " " + name);
                return !backed;
            });
            if (cb.isEmpty()) d.callbacks.remove(e.name);
        }
        return dropped.isEmpty() ? "" : " (with its callback " + String.join(", ", dropped) + ")";
    }
}

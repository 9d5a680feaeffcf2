package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import utrace.traces.Trace;
import utrace.traces.TraceStates;

/**
 * What the known-finding rules read from a counterexample trace: its steps,
 * the whole state before and after each (rebuilt from the trace alone, so a
 * rule works on a trace file as well as on a fresh search), and the
 * invariant and message. Positions are 0-based indexes into the step list.
 */
final class TraceFacts {
    final Trace trace;
    final List<Trace.Step> steps;
    private final List<Map<String, String>> states;

    TraceFacts(Trace trace) {
        this.trace = trace;
        this.steps = trace.steps();
        this.states = TraceStates.of(trace);
    }

    String invariant() { return trace.invariant().name(); }

    String message() { return trace.violation().message(); }

    /** The state before step {@code i} (i = steps.size(): the final state). */
    Map<String, String> before(int i) { return states.get(i); }

    Map<String, String> after(int i) { return states.get(i + 1); }

    Map<String, String> end() { return states.get(states.size() - 1); }

    /** Whether a flag-set value such as "QUIESCE|REAP|ENGINE_STOP" holds {@code token}. */
    static boolean has(String value, String token) {
        if (value == null) return false;
        for (String t : value.split("[|,{} ]+")) if (t.equals(token)) return true;
        return false;
    }

    /** The change step {@code i} made to {@code var}, or null. */
    Trace.Change change(int i, String var) {
        for (Trace.Change c : steps.get(i).changes()) if (c.var().equals(var)) return c;
        return null;
    }

    /** Step i took {@code token} out of variable {@code var} (a flag set). */
    boolean cleared(int i, String var, String token) {
        Trace.Change c = change(i, var);
        return c != null && has(c.oldValue(), token) && !has(c.newValue(), token);
    }

    /** Step i put {@code token} into variable {@code var}. */
    boolean set(int i, String var, String token) {
        Trace.Change c = change(i, var);
        return c != null && !has(c.oldValue(), token) && has(c.newValue(), token);
    }

    boolean by(int i, String actor) { return steps.get(i).actorName().equals(actor); }

    String function(int i) { return steps.get(i).function(); }

    String label(int i) { return steps.get(i).label() == null ? "" : steps.get(i).label(); }

    String detail(int i) { return steps.get(i).detail() == null ? "" : steps.get(i).detail(); }

    /** The last position in [from, to) whose step passes {@code p}, or -1. */
    int last(int from, int to, Predicate<Integer> p) {
        for (int i = Math.min(to, steps.size()) - 1; i >= Math.max(0, from); i--) if (p.test(i)) return i;
        return -1;
    }

    /** The first position in [from, to) whose step passes {@code p}, or -1. */
    int first(int from, int to, Predicate<Integer> p) {
        for (int i = Math.max(0, from); i < Math.min(to, steps.size()); i++) if (p.test(i)) return i;
        return -1;
    }

    int size() { return steps.size(); }

    /** Names of the engines whose ops are {@code ops} in state {@code s} ("live", "utrace_detached_ops", "NULL"). */
    static List<String> enginesWithOps(Map<String, String> s, Set<String> ops) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : s.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("engine[") && k.endsWith("].ops") && ops.contains(e.getValue())) {
                out.add(k.substring(7, k.length() - 5));
            }
        }
        return out;
    }

    /** The first engine name (E1, E2, ...) the message names after {@code before}, or null. */
    String engineAfter(String before) {
        Matcher m = Pattern.compile(Pattern.quote(before) + "(E\\d+)").matcher(message());
        return m.find() ? m.group(1) : null;
    }

    /**
     * A terminal violation's message as its problems: deadlock-freedom writes "deadlock: " and one problem per
     * stuck actor, separated by "; ".
     */
    List<String> problems() {
        String m = message();
        if (m.startsWith("deadlock: ")) m = m.substring("deadlock: ".length());
        List<String> out = new ArrayList<>();
        for (String p : m.split("; ")) if (!p.isBlank()) out.add(p.trim());
        return out;
    }
}

package utrace.traces;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.ScenarioParser;

/**
 * A trace for people: a header, then the interleaving as a table with one
 * column per actor (as Lincheck prints threads) where each step's row is
 * followed by its detail and the variables it changed (as TLC prints state
 * diffs), then the final state, the violation and the invariant.
 */
public final class TextRenderer {
    private TextRenderer() {}

    /** Target line width; a scenario with many actors may exceed it rather than lose its columns. */
    static final int WIDTH = 100;
    private static final int MIN_COL = 16;
    private static final int MAX_COL = 34;
    private static final String STEP_GAP = "     |   ";

    public static String render(Trace t) {
        return render(t, false);
    }

    /**
     * With {@code fullState}, also the initial state and, under every step, the
     * whole state after it (changed variables marked '*'), as TLC prints
     * states without -difftrace.
     *
     * @throws IllegalArgumentException with fullState, if the trace's changes contradict its final state
     */
    public static String render(Trace t, boolean fullState) {
        List<Map<String, String>> states = fullState ? TraceStates.of(t) : null;
        List<String> out = new ArrayList<>();
        header(t, out);
        out.add("");
        if (states != null && !t.steps().isEmpty()) {
            out.add("Initial state (" + t.initialFingerprint() + "):");
            for (Map.Entry<String, String> e : states.get(0).entrySet()) out.add("  " + e.getKey() + " = " + e.getValue());
            out.add("");
        }
        table(t, states, out);
        out.add("");
        footer(t, out);
        StringBuilder sb = new StringBuilder();
        for (String l : out) sb.append(TextWrap.stripEnd(l)).append('\n');
        return sb.toString();
    }

    private static void header(Trace t, List<String> out) {
        out.add("Counterexample trace (" + t.tool() + ", schema " + t.schemaVersion() + ")");
        Trace.ScenarioInfo sc = t.scenario();
        out.add("Scenario:  " + sc.name() + (sc.file().isEmpty() ? "" : "  [" + sc.file() + "]"));
        String description = description(sc);
        if (!description.isEmpty()) indented(description, "           ", out);
        Trace.ConfigInfo c = t.config();
        out.add("Config:    patches=" + c.patches() + "  mutations="
            + (c.mutations().isEmpty() ? "none" : String.join(",", c.mutations())) + "  memory model=" + c.memoryModel()
            + (c.withoutBarriers().isEmpty() ? "" : "  without barriers=" + String.join(",", c.withoutBarriers())));
        out.add("Invariant: " + t.invariant().name());
        indented(t.invariant().statement(), "           ", out);
        out.add("Violation: " + t.violation().kind() + " " + where(t));
    }

    /** The scenario's own description line; the trace keeps the source, not the parsed scenario. */
    private static String description(Trace.ScenarioInfo sc) {
        try {
            Scenario parsed = ScenarioParser.parse("scenario.source", sc.source());
            return parsed.description() == null ? "" : parsed.description();
        } catch (ScenarioFormatException | RuntimeException e) {
            return "";
        }
    }

    private static void table(Trace t, List<Map<String, String>> states, List<String> out) {
        // Only actors that step get a column, in actor order.
        Map<Integer, String> actors = new TreeMap<>();
        for (Trace.Step s : t.steps()) actors.putIfAbsent(s.actor(), s.actorName());
        if (actors.isEmpty()) {
            out.add("No steps: the initial state (" + t.initialFingerprint() + ") already violates the invariant.");
            return;
        }
        List<Integer> cols = new ArrayList<>(actors.keySet());
        int n = cols.size();
        int w = Math.max(MIN_COL, Math.min(MAX_COL, (WIDTH - 5) / n - 3)); // a column is "| " + w + " "
        String rule = "-----" + ("+" + "-".repeat(w + 2)).repeat(n);
        List<String> head = new ArrayList<>();
        for (int a : cols) head.add(actors.get(a));
        out.add("Interleaving: " + t.steps().size() + " steps from initial state " + t.initialFingerprint());
        out.add(row("step", head, w));
        out.add(rule);
        for (Trace.Step s : t.steps()) {
            boolean last = s.index() == t.steps().size();
            List<String> cell = TextWrap.wrap(s.function() + ": " + s.label() + where(s), w);
            int col = cols.indexOf(s.actor());
            for (int i = 0; i < cell.size(); i++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < n; c++) cells.add(c == col ? cell.get(i) : "");
                String line = TextWrap.stripEnd(row(i == 0 ? Integer.toString(s.index()) : "", cells, w));
                out.add(i == 0 && last ? line + "  <-- violation" : line);
            }
            if (!s.detail().isEmpty()) spanning("note: " + s.detail(), out);
            for (Trace.Change c : s.changes()) spanning(change(s, c), out);
            if (states != null) wholeState(s, states.get(s.index()), out);
            out.add(rule);
        }
        out.add("(state fingerprint after step " + t.steps().size() + ": "
            + t.steps().get(t.steps().size() - 1).fingerprint() + ")");
    }

    /** " [patch 01, seed:1796]": the step's patch and the seed line of its code, as SPIN's trail shows file:line. */
    private static String where(Trace.Step s) {
        String patch = s.patch() == 0 ? "" : "patch " + String.format("%02d", s.patch());
        String seed = s.seedRef();
        if (patch.isEmpty() && seed.isEmpty()) return "";
        return " [" + patch + (patch.isEmpty() || seed.isEmpty() ? "" : ", ") + seed + "]";
    }

    /** The state after a step, every variable; the ones the step changed are marked. */
    private static void wholeState(Trace.Step s, Map<String, String> state, List<String> out) {
        Set<String> changed = new HashSet<>();
        for (Trace.Change c : s.changes()) changed.add(c.var());
        out.add(STEP_GAP + "state after step " + s.index() + " (" + s.fingerprint() + "), * = changed:");
        for (Map.Entry<String, String> e : state.entrySet()) {
            spanning((changed.contains(e.getKey()) ? "* " : "  ") + e.getKey() + " = " + e.getValue(), out);
        }
    }

    /** A program counter's old value is the step itself, already in the cell: say so rather than repeat it. */
    private static String change(Trace.Step s, Trace.Change c) {
        String here = s.function() + ": " + s.label();
        String old = c.var().startsWith("pc.") && c.oldValue().startsWith(here)
            ? "(this step)" + c.oldValue().substring(here.length()) : c.oldValue();
        return c.var() + ": " + old + " -> " + c.newValue();
    }

    private static String row(String step, List<String> cells, int w) {
        StringBuilder sb = new StringBuilder(String.format("%4s ", step));
        for (String c : cells) sb.append("| ").append(TextWrap.pad(c, w)).append(' ');
        return sb.toString();
    }

    /** A line under a step row, across all columns: details and changes are too long for one cell. */
    private static void spanning(String text, List<String> out) {
        List<String> lines = TextWrap.wrap(text, WIDTH - STEP_GAP.length() - 4);
        out.add(STEP_GAP + lines.get(0));
        for (int i = 1; i < lines.size(); i++) out.add(STEP_GAP + "    " + lines.get(i));
    }

    private static void footer(Trace t, List<String> out) {
        out.add("Final state" + (t.steps().isEmpty() ? " (initial state):" : " (after step " + t.steps().size() + "):"));
        for (Map.Entry<String, String> e : t.finalState().entrySet()) out.add("  " + e.getKey() + " = " + e.getValue());
        out.add("");
        out.add("Violation of " + t.invariant().name() + " (" + t.violation().kind() + ", " + where(t) + "):");
        indented(t.violation().message(), "  ", out);
        out.add("Invariant " + t.invariant().name() + ":");
        indented(t.invariant().statement(), "  ", out);
    }

    private static String where(Trace t) {
        int n = t.steps().size();
        switch (t.violation().kind()) {
            case "TRANSITION": return "on step " + n;
            case "STATE": return n == 0 ? "in the initial state" : "in the state after step " + n;
            default: return n == 0 ? "in the initial state, where no actor can move"
                : "in the final state after step " + n + ", where no actor can move";
        }
    }

    private static void indented(String text, String indent, List<String> out) {
        for (String l : TextWrap.wrap(text, WIDTH - indent.length())) out.add(indent + l);
    }
}

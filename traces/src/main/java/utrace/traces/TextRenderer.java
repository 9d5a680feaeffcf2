package utrace.traces;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.ScenarioParser;

/**
 * A trace for people: a header that ends with the violation, a per-actor
 * summary (each actor's calls and what they returned, as Lincheck opens with
 * each thread's operations), then the interleaving as a table with one column
 * per actor, then the final state, the violation and the invariant.
 *
 * <p>Three levels of detail ({@link Detail}): the brief view (the default)
 * shows the steps that make the story (API calls and ptrace requests,
 * callbacks, stops, wake-ups, signals: {@link StepEvents}) and folds runs of
 * internal steps into one line each; the full view shows every step with what
 * it changed (as TLC prints state diffs); full-state adds the whole state
 * after every step. Cells wrap at word boundaries and a column is never
 * narrower than the longest identifier in it ({@link TextWrap}).
 */
public final class TextRenderer {
    private TextRenderer() {}

    /** How much of the interleaving a rendering shows. */
    public enum Detail {
        /** Story steps only; internal steps folded; the final state as its differences from the initial one. */
        BRIEF,
        /** Every step, its detail and the variables it changed; the whole final state. */
        FULL,
        /** As FULL, plus the initial state and the whole state after every step. */
        FULL_STATE
    }

    /** Target line width; a scenario with many actors may exceed it rather than lose its columns. */
    static final int WIDTH = 100;
    private static final int MIN_COL = 16;
    private static final int MAX_COL = 34;
    private static final String STEP_GAP = "     |   ";

    /** The brief view. */
    public static String render(Trace t) {
        return render(t, Detail.BRIEF);
    }

    /** @throws IllegalArgumentException with FULL_STATE, if the trace's changes contradict its final state */
    public static String render(Trace t, Detail detail) {
        List<Map<String, String>> states = detail == Detail.FULL_STATE ? TraceStates.of(t) : null;
        List<String> out = new ArrayList<>();
        header(t, out);
        out.add("");
        summary(t, out);
        out.add("");
        if (states != null && !t.steps().isEmpty()) {
            out.add("Initial state (" + t.initialFingerprint() + "):");
            for (Map.Entry<String, String> e : states.get(0).entrySet()) out.add("  " + e.getKey() + " = " + e.getValue());
            out.add("");
        }
        table(t, detail, states, out);
        out.add("");
        footer(t, detail, out);
        StringBuilder sb = new StringBuilder();
        // A trace file is input: a hand-edited or hostile one (scenario file name, labels) must not drive the
        // terminal with escape sequences, so every control character is shown as \xNN (as replay's mismatch lines).
        for (String l : out) sb.append(TraceRecompute.quotedBody(TextWrap.stripEnd(l))).append('\n');
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
        out.add("Violation: " + t.violation().kind() + " " + where(t) + ":");
        indented(t.violation().message(), "           ", out);
    }

    private static void summary(Trace t, List<String> out) {
        out.add("What each actor did ([n] = step number; calls in program order, with what they returned):");
        out.addAll(TraceSummary.lines(TraceSummary.of(t), WIDTH));
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

    /** The interleaving table, its columns (actors that step, in actor order) sized to their content. */
    private static void table(Trace t, Detail detail, List<Map<String, String>> states, List<String> out) {
        Map<Integer, String> actors = new TreeMap<>();
        for (Trace.Step s : t.steps()) actors.putIfAbsent(s.actor(), s.actorName());
        if (actors.isEmpty()) {
            out.add("No steps: the initial state (" + t.initialFingerprint() + ") already violates the invariant.");
            return;
        }
        List<StepEvents.Story> stories = StepEvents.of(t);
        List<List<StepEvents.Story>> rows = splitAtCycle(detail == Detail.BRIEF ? runs(stories) : singles(stories), t);
        List<Integer> cols = new ArrayList<>(actors.keySet());
        int n = cols.size();
        // Each shown step's cell, computed once: the column widths depend on them.
        Map<Integer, String> cellText = new TreeMap<>();
        int[] longest = new int[n];
        for (List<StepEvents.Story> row : rows) {
            if (row.size() != 1 || (detail == Detail.BRIEF && folded(row, t.steps().size()))) continue;
            StepEvents.Story st = row.get(0);
            String text = detail == Detail.BRIEF ? briefCell(st) : fullCell(st);
            cellText.put(st.step().index(), text);
            int c = cols.indexOf(st.step().actor());
            longest[c] = Math.max(longest[c], TextWrap.longestPiece(text));
        }
        int fair = Math.max(MIN_COL, Math.min(MAX_COL, (WIDTH - 5) / n - 3)); // a column is "| " + w + " "
        int[] w = new int[n];
        List<String> head = new ArrayList<>();
        for (int a : cols) head.add(actors.get(a));
        for (int c = 0; c < n; c++) {
            w[c] = Math.max(fair, longest[c]);
            // A column is as wide as its actor's name if it can be; a longer name wraps in the header.
            w[c] = Math.max(w[c], Math.min(MAX_COL, head.get(c).length()));
            w[c] = Math.max(w[c], TextWrap.longestPiece(head.get(c)));
        }
        int stepW = 4;
        for (List<StepEvents.Story> row : rows) stepW = Math.max(stepW, stepLabel(row).length());
        StringBuilder rule = new StringBuilder("-".repeat(stepW + 1));
        for (int c = 0; c < n; c++) rule.append('+').append("-".repeat(w[c] + 2));
        int internal = 0;
        for (List<StepEvents.Story> r : rows) if (detail == Detail.BRIEF && folded(r, t.steps().size())) internal += r.size();
        int shown = t.steps().size() - internal;
        if (detail == Detail.BRIEF) {
            indented("Interleaving (brief): " + t.steps().size() + " steps from initial state " + t.initialFingerprint()
                + ": " + shown + " shown (calls, callbacks, signals, stops, wake-ups), " + internal
                + " internal ones folded (--full shows every step and what it changed)", "", out);
        } else {
            out.add("Interleaving: " + t.steps().size() + " steps from initial state " + t.initialFingerprint());
        }
        List<List<String>> headLines = new ArrayList<>();
        int headRows = 1;
        for (int c = 0; c < n; c++) {
            headLines.add(TextWrap.wrap(head.get(c), w[c]));
            headRows = Math.max(headRows, headLines.get(c).size());
        }
        for (int i = 0; i < headRows; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < n; c++) cells.add(i < headLines.get(c).size() ? headLines.get(c).get(i) : "");
            out.add(row(i == 0 ? "step" : "", cells, w, stepW));
        }
        out.add(rule.toString());
        Integer cycleStart = t.violation().cycleStart();
        for (List<StepEvents.Story> r : rows) {
            if (cycleStart != null && r.get(0).step().index() == cycleStart + 1) {
                spanning("==== the cycle: steps " + (cycleStart + 1) + ".." + t.steps().size() + " repeat for ever ====",
                    stepW, out);
            }
            if (detail == Detail.BRIEF && folded(r, t.steps().size())) {
                spanningRow(stepLabel(r), StepEvents.foldedText(r), stepW, out);
                continue;
            }
            StepEvents.Story st = r.get(0);
            Trace.Step s = st.step();
            boolean last = isLast(t, st);
            int col = cols.indexOf(s.actor());
            List<String> cell = TextWrap.wrap(cellText.get(s.index()), w[col]);
            for (int i = 0; i < cell.size(); i++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < n; c++) cells.add(c == col ? cell.get(i) : "");
                String line = TextWrap.stripEnd(row(i == 0 ? Integer.toString(s.index()) : "", cells, w, stepW));
                out.add(i == 0 && last ? line + "  <-- violation" : line);
            }
            if (detail == Detail.BRIEF) {
                if (last && !st.internal()) spanning("step: " + s.function() + ": " + s.label() + reference(s), stepW, out);
                if (last && !s.detail().isEmpty()) spanning("note: " + s.detail(), stepW, out);
                continue;
            }
            if (!s.detail().isEmpty()) spanning("note: " + s.detail(), stepW, out);
            for (Trace.Change c : s.changes()) spanning(change(s, c), stepW, out);
            if (states != null) wholeState(s, states.get(s.index()), stepW, out);
            out.add(rule.toString());
        }
        if (detail == Detail.BRIEF) out.add(rule.toString());
        out.add("(state fingerprint after step " + t.steps().size() + ": "
            + t.steps().get(t.steps().size() - 1).fingerprint() + ")");
    }

    /** The brief view's rows: each story step alone, each run of internal steps together; the last step always alone. */
    private static List<List<StepEvents.Story>> runs(List<StepEvents.Story> stories) {
        return StepEvents.runs(stories, stories.isEmpty() ? -1 : stories.get(stories.size() - 1).step().index());
    }

    /** A lasso's rows with no folded run across the cycle's first step, so the marker line can go before it. */
    private static List<List<StepEvents.Story>> splitAtCycle(List<List<StepEvents.Story>> rows, Trace t) {
        Integer k = t.violation().cycleStart();
        if (k == null) return rows;
        List<List<StepEvents.Story>> out = new ArrayList<>();
        for (List<StepEvents.Story> r : rows) {
            int first = r.get(0).step().index();
            int last = r.get(r.size() - 1).step().index();
            if (first <= k && last > k) {
                out.add(r.subList(0, k - first + 1));
                out.add(r.subList(k - first + 1, r.size()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static List<List<StepEvents.Story>> singles(List<StepEvents.Story> stories) {
        List<List<StepEvents.Story>> out = new ArrayList<>();
        for (StepEvents.Story st : stories) out.add(List.of(st));
        return out;
    }

    /** A row of internal steps the brief view folds into one line (never the last step: the violation is about it). */
    private static boolean folded(List<StepEvents.Story> row, int lastStep) {
        return row.get(0).internal() && row.get(0).step().index() != lastStep;
    }

    private static boolean isLast(Trace t, StepEvents.Story st) {
        return st.step().index() == t.steps().size();
    }

    private static String stepLabel(List<StepEvents.Story> row) {
        int first = row.get(0).step().index();
        int last = row.get(row.size() - 1).step().index();
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    /**
     * A story step in the brief view: what happened ("utrace_control(E1, STOP) = 0", "report_quiesce(E1) =
     * UTRACE_STOP", "sleeps in utrace_stop (UTRACED)"); a call's side effects carry the call they happen in.
     * The last step's kernel function and label follow on a line of their own (the violation is about it).
     */
    private static String briefCell(StepEvents.Story st) {
        List<String> parts = new ArrayList<>();
        boolean callShown = false;
        for (StepEvents.Event e : st.events()) {
            if (e.kind() == StepEvents.Kind.CALL || e.kind() == StepEvents.Kind.RETURN) callShown = true;
            parts.add(e.text());
        }
        if (!callShown && !st.operation().isEmpty() && !st.step().role().equals("killer") && !parts.isEmpty()) {
            parts.set(0, st.operation() + ": " + parts.get(0));
        }
        String text = String.join("; ", parts);
        if (!text.isEmpty()) return text;
        String op = st.operation().isEmpty() || st.step().role().equals("killer") ? "" : st.operation() + ": ";
        return op + st.step().function() + ": " + st.step().label() + reference(st.step());
    }

    /** A step in the full view: its kernel function and label, prefixed with the call it is part of (owners, ptrace). */
    private static String fullCell(StepEvents.Story st) {
        Trace.Step s = st.step();
        String op = st.operation().isEmpty() || s.role().equals("killer") ? "" : "[" + st.operation() + "] ";
        return op + s.function() + ": " + s.label() + reference(s);
    }

    private static String reference(Trace.Step s) {
        String ref = StepReference.of(s);
        return ref.isEmpty() ? "" : " [" + ref + "]";
    }

    /** The state after a step, every variable; the ones the step changed are marked. */
    private static void wholeState(Trace.Step s, Map<String, String> state, int stepW, List<String> out) {
        Set<String> changed = new HashSet<>();
        for (Trace.Change c : s.changes()) changed.add(c.var());
        out.add(gap(stepW) + "state after step " + s.index() + " (" + s.fingerprint() + "), * = changed:");
        for (Map.Entry<String, String> e : state.entrySet()) {
            spanning((changed.contains(e.getKey()) ? "* " : "  ") + e.getKey() + " = " + e.getValue(), stepW, out);
        }
    }

    /** A program counter's old value is the step itself, already in the cell: say so rather than repeat it. */
    private static String change(Trace.Step s, Trace.Change c) {
        String here = s.function() + ": " + s.label();
        String old = c.var().startsWith("pc.") && c.oldValue().startsWith(here)
            ? "(this step)" + c.oldValue().substring(here.length()) : c.oldValue();
        return c.var() + ": " + old + " -> " + c.newValue();
    }

    private static String row(String step, List<String> cells, int[] w, int stepW) {
        StringBuilder sb = new StringBuilder(" ".repeat(Math.max(0, stepW - step.length()))).append(step).append(' ');
        for (int c = 0; c < cells.size(); c++) sb.append("| ").append(TextWrap.pad(cells.get(c), w[c])).append(' ');
        return sb.toString();
    }

    private static String gap(int stepW) {
        return " ".repeat(stepW + 1) + STEP_GAP.substring(5);
    }

    /** A line under a step row, across all columns: details and changes are too long for one cell. */
    private static void spanning(String text, int stepW, List<String> out) {
        String gap = gap(stepW);
        List<String> lines = TextWrap.wrap(text, Math.max(40, WIDTH - gap.length() - 4));
        out.add(gap + lines.get(0));
        for (int i = 1; i < lines.size(); i++) out.add(gap + "    " + lines.get(i));
    }

    /** A folded run of internal steps: its step range, then one line across the columns. */
    private static void spanningRow(String steps, String text, int stepW, List<String> out) {
        String lead = " ".repeat(Math.max(0, stepW - steps.length())) + steps + " | ";
        List<String> lines = TextWrap.wrap(text, Math.max(40, WIDTH - lead.length()));
        out.add(lead + lines.get(0));
        for (int i = 1; i < lines.size(); i++) out.add(" ".repeat(stepW + 1) + "|   " + lines.get(i));
    }

    /** pc.ACTOR names the step an actor would take next: a sleeper's pc is its wake-up, which may never come. */
    private static final String PC_MEANS = "pc.ACTOR is where that actor stands, the step it would take next";

    private static void footer(Trace t, Detail detail, List<String> out) {
        if (detail == Detail.BRIEF && !t.steps().isEmpty()) {
            out.add("Final state (after step " + t.steps().size() + "), the variables that differ from the initial state "
                + "(--full lists all);");
            out.add(PC_MEANS + ":");
            Map<String, String> initial = TraceStates.lenient(t).get(0);
            for (Map.Entry<String, String> e : t.finalState().entrySet()) {
                String was = initial.get(e.getKey());
                if (Objects.equals(was, e.getValue())) continue;
                List<String> lines = TextWrap.wrap(e.getKey() + " = " + e.getValue() + "  (was " + was + ")", WIDTH - 6);
                out.add("  " + lines.get(0));
                for (int i = 1; i < lines.size(); i++) out.add("      " + lines.get(i));
            }
        } else {
            out.add("Final state" + (t.steps().isEmpty() ? " (initial state);" : " (after step " + t.steps().size() + ");"));
            out.add(PC_MEANS + ":");
            for (Map.Entry<String, String> e : t.finalState().entrySet()) out.add("  " + e.getKey() + " = " + e.getValue());
        }
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
            case "CYCLE": return cycle(t);
            default: return n == 0 ? "in the initial state, where no actor can move"
                : "in the final state after step " + n + ", where no actor can move";
        }
    }

    /** "steps 11..266 repeat for ever (step 266 leads back to the state after step 10)". */
    static String cycle(Trace t) {
        int n = t.steps().size();
        int k = t.violation().cycleStart();
        return "steps " + (k + 1) + ".." + n + " repeat for ever (step " + n + " leads back to "
            + (k == 0 ? "the initial state" : "the state after step " + k) + ")";
    }

    private static void indented(String text, String indent, List<String> out) {
        for (String l : TextWrap.wrap(text, WIDTH - indent.length())) out.add(indent + l);
    }
}

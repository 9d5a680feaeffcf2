package utrace.traces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trace as one self-contained HTML page (`checker replay --html`, `checker
 * verify --report`): the sequence diagram, a panel with the whole state at
 * the step under the mouse or last clicked, the steps as a table and the
 * text rendering. Style, script and data are inline and nothing is fetched,
 * so the file can be mailed or attached to a CI run and opened anywhere.
 * The same trace gives the same bytes.
 */
public final class HtmlTracePage {
    private HtmlTracePage() {}

    /**
     * @param status a line about where the page comes from (e.g. the replay outcome or how the trace was
     *               shortened), "" for none
     * @param back a link target for "back to the report", null for none
     * @throws IllegalArgumentException if the trace's changes contradict its final state
     */
    public static String render(Trace t, String status, String back) {
        List<Map<String, String>> states = TraceStates.of(t);
        List<StepEvents.Story> stories = StepEvents.of(t);
        boolean terminal = t.violation().kind().equals("TERMINAL");
        DiagramLayout layout = new DiagramLayout(t, stories, terminal || t.steps().isEmpty());
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = t.invariant().name() + " on " + t.scenario().name();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<title>").append(Html.esc(title)).append("</title>\n");
        b.append("<style>\n").append(resource("trace-page.css")).append("</style>\n</head>\n<body>\n");
        header(b, t, status, back);
        summary(b, t);
        b.append("<main>\n<section id=\"diagram-pane\" aria-label=\"message sequence chart\">\n");
        b.append("<div id=\"lane-strip\">");
        b.append(SequenceDiagram.heads(layout));
        b.append("</div>\n");
        b.append(SequenceDiagram.svg(t, states, stories, layout));
        b.append("</section>\n");
        b.append("<aside id=\"state-panel\" aria-live=\"polite\"><h2 id=\"state-title\">State</h2>"
            + "<p id=\"state-step\"></p><p class=\"hint\">Hover a step to see the state after it; click to keep it; "
            + "\u2190/\u2192 move. Changed variables are highlighted.</p>"
            + "<table id=\"state-table\"><thead><tr><th>variable</th><th>value</th></tr></thead><tbody></tbody></table></aside>\n");
        b.append("</main>\n");
        legend(b, states);
        stepTable(b, t, stories);
        b.append("<details id=\"text-rendering\"><summary>Text rendering (as <code>checker replay</code> prints it; "
            + "<code>--full</code> shows every step)</summary><pre>")
            .append(Html.esc(TextRenderer.render(t))).append("</pre></details>\n");
        b.append("<pre id=\"self-check\" hidden></pre>\n");
        b.append("<script type=\"application/json\" id=\"trace-data\">").append(Html.scriptSafe(data(t, states)))
            .append("</script>\n");
        b.append("<script>\n").append(resource("trace-page.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Writes the page atomically (as the trace writer does), creating parent directories. */
    public static void write(Trace t, Path file, String status, String back) throws IOException {
        AtomicFiles.write(file, render(t, status, back).getBytes(StandardCharsets.UTF_8));
    }

    private static void header(StringBuilder b, Trace t, String status, String back) {
        int n = t.steps().size();
        boolean terminal = t.violation().kind().equals("TERMINAL");
        b.append("<header>\n");
        if (back != null) b.append("<p class=\"back\"><a href=\"").append(Html.esc(back)).append("\">\u2190 report</a></p>\n");
        b.append("<h1>Counterexample: <span class=\"inv\">").append(Html.esc(t.invariant().name()))
            .append("</span> on <span class=\"scn\">").append(Html.esc(t.scenario().name())).append("</span></h1>\n");
        Integer cycle = t.violation().cycleStart();
        String target = cycle != null ? "step-" + (cycle + 1) : terminal || n == 0 ? "violation-end" : "step-" + n;
        b.append("<p class=\"violation-msg\">\u2717 ").append(Html.esc(t.violation().message())).append(" <span class=\"where\">(")
            .append(Html.esc(where(t))).append(")</span> <a class=\"jump\" href=\"#").append(target).append("\">")
            .append(cycle != null ? "\u2193 show where the cycle starts (step " + (cycle + 1) + ")"
                : terminal || n == 0 ? "\u2193 show the end" : "\u2193 show step " + n).append("</a></p>\n");
        b.append("<details class=\"statement\"><summary><b>").append(Html.esc(t.invariant().name())).append("</b>: ")
            .append(Html.esc(firstSentence(t.invariant().statement()))).append("</summary>")
            .append(Html.esc(t.invariant().statement())).append("</details>\n");
        Trace.ConfigInfo c = t.config();
        b.append("<p class=\"config\">").append(n).append(" steps \u00b7 patches=").append(Html.esc(c.patches()))
            .append(" \u00b7 mutations=").append(Html.esc(c.mutations().isEmpty() ? "none" : String.join(",", c.mutations())))
            .append(" \u00b7 memory model=").append(Html.esc(c.memoryModel()))
            .append(c.withoutBarriers().isEmpty() ? "" : " \u00b7 without barriers " + Html.esc(String.join(",", c.withoutBarriers())))
            .append(t.scenario().file().isEmpty() ? "" : " \u00b7 scenario file " + Html.esc(t.scenario().file()))
            .append(status.isEmpty() ? "" : " \u00b7 <span class=\"status\">" + Html.esc(status) + "</span>").append("</p>\n");
        b.append("</header>\n");
    }

    /** The statement's opening clause (up to ": ", " (" or ". "), for a one-line summary; the rest unfolds. */
    private static String firstSentence(String s) {
        int end = s.length();
        for (String stop : List.of(": ", " (", ". ")) {
            int i = s.indexOf(stop);
            if (i > 20 && i < end) end = i;
        }
        return end < s.length() ? s.substring(0, end) + " \u2026" : s;
    }

    /** The per-actor summary (TraceSummary): each actor's calls and results, each a link to its step. */
    private static void summary(StringBuilder b, Trace t) {
        b.append("<details id=\"summary\" open><summary>What each actor did (calls in program order, with what they "
            + "returned; click one to see its step)</summary><table id=\"summary-table\">\n");
        for (TraceSummary.Actor a : TraceSummary.of(t)) {
            b.append("<tr data-actor=\"").append(Html.esc(a.actor())).append("\"><th>").append(Html.esc(a.actor())).append("</th><td>");
            if (a.calls().isEmpty()) b.append("<span class=\"none\">no step</span>");
            for (TraceSummary.Entry e : a.calls()) {
                int step = e.steps().isEmpty() ? -1 : e.steps().get(e.steps().size() - 1);
                String cls = "call " + e.status().replace(' ', '-');
                if (step > 0) {
                    b.append("<a class=\"").append(cls).append("\" href=\"#step=").append(step).append("\" data-step=\"").append(step)
                        .append("\">");
                } else {
                    b.append("<span class=\"").append(cls).append("\">");
                }
                b.append("<span class=\"steps\">").append(Html.esc(e.stepRange())).append("</span> ").append(Html.esc(e.text()));
                b.append(step > 0 ? "</a>" : "</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table></details>\n");
    }

    private static void legend(StringBuilder b, List<Map<String, String>> states) {
        b.append("<p class=\"legend\"><span class=\"key step-key\"></span>step (a call, callback, signal, stop or wake-up) "
            + "<span class=\"key internal-key\"></span>internal step "
            + "<span class=\"key msg-key callback\">\u2192</span>callback into an engine "
            + "<span class=\"key msg-key signal\">\u2192</span>signal (to the step that dequeues it) "
            + "<span class=\"key msg-key wake\">\u2192</span>wake-up "
            + "<span class=\"key msg-key ptrace\">\u2192</span>ptrace request / wait() "
            + "<span class=\"key sleep-key\"></span>tracee asleep "
            + "<span class=\"key viol-key\"></span>violation ");
        List<String> locks = LockHolds.locks(states.get(0));
        for (int k = 0; k < locks.size(); k++) {
            b.append("<span class=\"key lock-key\" style=\"background:").append(SequenceDiagram.LOCK_COLOURS[k % SequenceDiagram.LOCK_COLOURS.length])
                .append("\"></span>").append(Html.esc(SequenceDiagram.lockName(locks.get(k).substring(LockHolds.PREFIX.length()))))
                .append(" held ");
        }
        b.append("</p>\n");
    }

    private static void stepTable(StringBuilder b, Trace t, List<StepEvents.Story> stories) {
        b.append("<section id=\"steps\"><h2>Steps</h2><table id=\"step-table\"><thead><tr><th>#</th><th>actor</th>"
            + "<th>what happened</th><th>kernel function: step</th><th>reference</th><th>detail / changed (old \u2192 new)</th></tr>"
            + "</thead><tbody>\n");
        int n = t.steps().size();
        for (StepEvents.Story st : stories) {
            Trace.Step s = st.step();
            boolean last = s.index() == n && !t.violation().kind().equals("TERMINAL");
            // a CYCLE's violation is every step around the cycle, not the last one
            Integer cycleStart = t.violation().cycleStart();
            if (cycleStart != null) last = s.index() > cycleStart;
            List<String> what = new ArrayList<>();
            for (StepEvents.Event e : st.events()) what.add(e.text());
            String cls = (last ? "violating-row" : "") + (st.internal() ? (last ? " " : "") + "internal" : "");
            b.append("<tr data-step=\"").append(s.index()).append("\"").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append(">")
                .append("<td>").append(s.index()).append("</td><td>").append(Html.esc(s.actorName())).append("</td><td>")
                .append(Html.esc(String.join("; ", what))).append("</td><td>")
                .append(st.operation().isEmpty() || s.role().equals("killer") ? "" : "<i>" + Html.esc(st.operation()) + "</i> ")
                .append("<b>").append(Html.esc(s.function())).append("</b>: ").append(Html.esc(s.label())).append("</td>")
                .append(StepReference.file(s).isEmpty() ? "<td>" : "<td title=\"" + Html.esc(StepReference.file(s)) + "\">")
                .append(Html.esc(StepReference.of(s))).append("</td><td>");
            if (!s.detail().isEmpty()) b.append("<div class=\"detail\">").append(Html.esc(s.detail())).append("</div>");
            for (Trace.Change c : s.changes()) {
                b.append("<div class=\"change\"><code>").append(Html.esc(c.var())).append("</code>: ")
                    .append(Html.esc(c.oldValue())).append(" \u2192 ").append(Html.esc(c.newValue())).append("</div>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table></section>\n");
    }

    /** What the script needs: variable names once, each state as values, per step what it changed. */
    private static String data(Trace t, List<Map<String, String>> states) {
        ObjectNode root = TraceJson.MAPPER.createObjectNode();
        ArrayNode actors = root.putArray("actors");
        for (String a : TraceActors.actors(t)) actors.add(a);
        List<String> vars = List.copyOf(states.get(0).keySet());
        ArrayNode vs = root.putArray("vars");
        for (String v : vars) vs.add(v);
        ArrayNode ss = root.putArray("states");
        for (Map<String, String> s : states) {
            ArrayNode row = ss.addArray();
            for (String v : vars) row.add(s.get(v));
        }
        ArrayNode steps = root.putArray("steps");
        for (Trace.Step s : t.steps()) {
            ObjectNode o = steps.addObject();
            o.put("index", s.index());
            o.put("actor", s.actorName());
            o.put("function", s.function());
            o.put("label", s.label());
            o.put("patch", s.patch());
            o.put("seed", s.seedRef());
            o.put("file", s.file());
            o.put("detail", s.detail());
            ArrayNode ch = o.putArray("changed");
            for (Trace.Change c : s.changes()) ch.add(c.var());
        }
        root.put("violationKind", t.violation().kind());
        root.put("violationStep", t.steps().size());
        root.put("invariant", t.invariant().name());
        root.put("message", t.violation().message());
        try {
            return TraceJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(Trace t) {
        int n = t.steps().size();
        switch (t.violation().kind()) {
            case "TRANSITION": return "on step " + n;
            case "STATE": return n == 0 ? "in the initial state" : "in the state after step " + n;
            case "CYCLE": return TextRenderer.cycle(t);
            default: return n == 0 ? "in the initial state, where no actor can move"
                : "in the final state after step " + n + ", where no actor can move";
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlTracePage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource missing from the build: utrace/traces/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package utrace.traces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = t.invariant().name() + " on " + t.scenario().name();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<title>").append(Html.esc(title)).append("</title>\n");
        b.append("<style>\n").append(resource("trace-page.css")).append("</style>\n</head>\n<body>\n");
        header(b, t, status, back);
        b.append("<main>\n<section id=\"diagram-pane\" aria-label=\"sequence diagram\">\n");
        legend(b, states);
        b.append(SequenceDiagram.svg(t, states));
        b.append("</section>\n");
        b.append("<aside id=\"state-panel\" aria-live=\"polite\"><h2 id=\"state-title\">State</h2>"
            + "<p id=\"state-step\"></p><p class=\"hint\">Hover a step to see the state after it; click to keep it; "
            + "\u2190/\u2192 move. Changed variables are highlighted.</p>"
            + "<table id=\"state-table\"><thead><tr><th>variable</th><th>value</th></tr></thead><tbody></tbody></table></aside>\n");
        b.append("</main>\n");
        stepTable(b, t);
        b.append("<details id=\"text-rendering\"><summary>Text rendering (as <code>checker replay</code> prints it)</summary><pre>")
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
        b.append("<header>\n");
        if (back != null) b.append("<p class=\"back\"><a href=\"").append(Html.esc(back)).append("\">\u2190 report</a></p>\n");
        b.append("<h1>Counterexample: <span class=\"inv\">").append(Html.esc(t.invariant().name()))
            .append("</span> on <span class=\"scn\">").append(Html.esc(t.scenario().name())).append("</span></h1>\n");
        b.append("<p class=\"violation-msg\">\u2717 ").append(Html.esc(t.violation().message())).append(" <span class=\"where\">(")
            .append(Html.esc(where(t))).append(")</span></p>\n");
        b.append("<p class=\"statement\"><b>").append(Html.esc(t.invariant().name())).append(":</b> ")
            .append(Html.esc(t.invariant().statement())).append("</p>\n");
        Trace.ConfigInfo c = t.config();
        b.append("<p class=\"config\">").append(t.steps().size()).append(" steps \u00b7 patches=").append(Html.esc(c.patches()))
            .append(" \u00b7 mutations=").append(Html.esc(c.mutations().isEmpty() ? "none" : String.join(",", c.mutations())))
            .append(" \u00b7 memory model=").append(Html.esc(c.memoryModel()))
            .append(t.scenario().file().isEmpty() ? "" : " \u00b7 scenario file " + Html.esc(t.scenario().file())).append("</p>\n");
        if (!status.isEmpty()) b.append("<p class=\"status\">").append(Html.esc(status)).append("</p>\n");
        b.append("</header>\n");
    }

    private static void legend(StringBuilder b, List<Map<String, String>> states) {
        b.append("<p class=\"legend\"><span class=\"key step-key\"></span>step (on its actor's lifeline) "
            + "<span class=\"key arrow-key\">\u2192</span>call into an engine "
            + "<span class=\"key viol-key\"></span>violation ");
        List<String> locks = LockHolds.locks(states.get(0));
        for (int k = 0; k < locks.size(); k++) {
            b.append("<span class=\"key lock-key\" style=\"background:").append(SequenceDiagram.LOCK_COLOURS[k % SequenceDiagram.LOCK_COLOURS.length])
                .append("\"></span>").append(Html.esc(SequenceDiagram.lockName(locks.get(k).substring(LockHolds.PREFIX.length()))))
                .append(" held ");
        }
        b.append("</p>\n");
    }

    private static void stepTable(StringBuilder b, Trace t) {
        b.append("<section id=\"steps\"><h2>Steps</h2><table id=\"step-table\"><thead><tr><th>#</th><th>actor</th>"
            + "<th>kernel function: step</th><th>patch, code</th><th>what happened / changed (old \u2192 new)</th></tr></thead><tbody>\n");
        int n = t.steps().size();
        for (Trace.Step s : t.steps()) {
            boolean last = s.index() == n && !t.violation().kind().equals("TERMINAL");
            b.append("<tr data-step=\"").append(s.index()).append("\"").append(last ? " class=\"violating-row\"" : "").append(">")
                .append("<td>").append(s.index()).append("</td><td>").append(Html.esc(s.actorName())).append("</td><td><b>")
                .append(Html.esc(s.function())).append("</b>: ").append(Html.esc(s.label())).append("</td><td>")
                .append(s.patch() == 0 ? "" : String.format("%02d", s.patch()));
            // where the step's code is: a line of the seed, in the diff of a kernel file (SPIN's file:line)
            if (s.seedLine() != 0) {
                b.append("<div class=\"seed\" title=\"").append(Html.esc(s.file())).append("\">")
                    .append(s.seedRef()).append("</div>");
            }
            b.append("</td><td>");
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

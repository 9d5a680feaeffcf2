package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace as a message sequence chart (SVG): one lifeline per actor
 * (tracee, engine owners, the ptrace tracer, killers, parent, the weak
 * model's store buffers), time running down, each step a box on its actor's
 * lifeline, then a narrow lane per engine. Story steps ({@link StepEvents})
 * get a two-line box headed by what happened ("PTRACE_SINGLESTEP = 0",
 * "report_quiesce(E1) = UTRACE_STOP"); internal steps a thin grey one.
 * Messages are arrows: callbacks into an engine's lane, signals from their
 * sender to the tracee (sloped to the step that dequeues them, if one does),
 * wake-ups from the waker to the tracee, ptrace requests from the tracer to
 * the tracee and wait() back. Bars beside a lifeline show lock holds; a band
 * on the tracee's lifeline shows it asleep; the violating step (or, for a
 * final-state violation, the end) is red.
 *
 * <p>Class names and data-* attributes are what the page's script and the
 * tests rely on: g.lifeline[data-actor], g.step[data-step] (g.step.internal,
 * g.step.violation), .violation, g.lock-hold, g.msg.callback / .signal /
 * .wake / .ptrace, g.sleep, and in the lane-header strip g.lane-head.
 */
final class SequenceDiagram {
    private SequenceDiagram() {}

    private static final int BOX_H = 36;
    private static final int BOX_H_INTERNAL = 18;
    private static final int BAR_W = 5;
    private static final int BAR_GAP = 2;
    /** Lock colours, by the order the state lists the locks (utrace, siglock, tasklist, task). */
    static final String[] LOCK_COLOURS = {"#d97706", "#7c3aed", "#0891b2", "#65a30d", "#db2777", "#475569"};
    /** Font sizes (px) of a box's first line, its second line, an internal step's line and arrow labels (trace-page.css). */
    private static final double HEAD_PX = 10.5;
    private static final double LABEL_PX = 9.5;
    private static final double ARROW_PX = 10;

    /** The lane headers, a strip the page keeps in view while the diagram scrolls under it. */
    static String heads(DiagramLayout l) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg id=\"lane-heads\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"lanes\">%n", l.width, DiagramLayout.HEAD_H, l.width, DiagramLayout.HEAD_H));
        for (int a = 0; a < l.actors.size(); a++) {
            String name = l.actors.get(a);
            int w = l.laneW[a] - 8;
            int x = l.laneX[a];
            List<String> lines = headLines(name, w);
            b.append(String.format(Locale.ROOT, "<g class=\"lane-head %s\" data-actor=\"%s\"><rect class=\"actor-head\" x=\"%d\" y=\"4\" "
                + "width=\"%d\" height=\"%d\" rx=\"6\"/>", Html.esc(l.roles.get(a)), Html.esc(name), x - w / 2, w, DiagramLayout.HEAD_H - 8));
            boolean small = smallHead(lines);
            int y0 = lines.size() == 1 ? 29 : small ? 17 : 21;
            b.append(String.format(Locale.ROOT, "<text class=\"actor-name%s\" x=\"%d\" y=\"%d\">", small ? " small" : "", x, y0));
            for (int k = 0; k < lines.size(); k++) {
                b.append(String.format(Locale.ROOT, "<tspan x=\"%d\" dy=\"%d\">%s</tspan>", x, k == 0 ? 0 : small ? 11 : 15,
                    Html.esc(lines.get(k))));
            }
            b.append("</text><title>").append(Html.esc(name + " (" + l.roles.get(a) + ")")).append("</title></g>\n");
        }
        for (String e : l.engines) {
            int x = l.engineX(e);
            int w = DiagramLayout.ENGINE_COL - 10;
            b.append(String.format(Locale.ROOT, "<g class=\"lane-head engine\" data-engine=\"%s\"><rect class=\"engine-head\" x=\"%d\" "
                + "y=\"4\" width=\"%d\" height=\"%d\" rx=\"16\"/><text class=\"engine-name\" x=\"%d\" y=\"21\"><tspan x=\"%d\" dy=\"0\">"
                + "engine</tspan><tspan x=\"%d\" dy=\"15\">%s</tspan></text><title>%s</title></g>%n", Html.esc(e), x - w / 2, w,
                DiagramLayout.HEAD_H - 8, x, x, x, Html.esc(e), Html.esc("engine " + e + ": its callbacks run in the tracee (or, "
                    + "for report_reap, in whoever reaps); arrows into this lane are calls into the engine's ops")));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /**
     * A lane header's name in lines that fit {@code width} pixels, split at spaces: one or two lines at the
     * header's size, else (long memory-lane names such as "store buffer owner E1 (reordered)") three lines at a
     * smaller size ({@link #smallHead}).
     */
    static List<String> headLines(String name, int width) {
        List<String> two = split(name, width - 8, 12.5, 2);
        if (two != null) return two;
        List<String> three = split(name, width - 6, 10.5, 3);
        return three != null ? three : List.of(TextWidth.fit(name, width - 6, 10.5, true));
    }

    /** Whether a header's lines are set small (three lines). */
    static boolean smallHead(List<String> lines) {
        return lines.size() > 2;
    }

    /** Greedy split at spaces into at most {@code max} lines each at most {@code width} pixels wide, or null. */
    private static List<String> split(String name, double width, double px, int max) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : name.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && TextWidth.of(longer, px, true) > width) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        if (lines.size() > max) return null;
        for (String l : lines) if (TextWidth.of(l, px, true) > width) return null;
        return lines;
    }

    static String svg(Trace t, List<Map<String, String>> states, List<StepEvents.Story> stories, DiagramLayout l) {
        int n = t.steps().size();
        boolean terminal = t.violation().kind().equals("TERMINAL");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
            "<svg id=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"message sequence chart of %d steps\">%n", l.width, l.height, l.width, l.height, n));
        b.append("<defs>");
        for (String kind : List.of("callback", "signal", "wake", "ptrace")) {
            b.append("<marker id=\"head-").append(kind).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head-").append(kind)
                .append("\"/></marker>");
        }
        b.append("</defs>\n");
        Integer cycleStart = t.violation().cycleStart();
        if (cycleStart != null && cycleStart < n) {
            // a lasso: the band covers every step of the cycle, labelled at its first row
            int k = cycleStart + 1;
            int y = l.rowTop[k];
            b.append(String.format(Locale.ROOT, "<g class=\"cycle\" data-from=\"%d\" data-to=\"%d\"><rect class=\"violation-band\" "
                + "x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/><text class=\"cycle-label\" x=\"%d\" y=\"%d\" "
                + "text-anchor=\"end\">\u21bb steps %d..%d repeat for ever</text></g>%n", k, n, y, l.width,
                l.rowTop[n] + l.rowH[n] - y, l.width - 8, y + 14, k, n));
        } else if (!terminal && n > 0) {
            b.append(String.format(Locale.ROOT, "<rect class=\"violation-band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                l.rowTop[n], l.width, l.rowH[n]));
        }
        for (int a = 0; a < l.actors.size(); a++) {
            b.append(String.format(Locale.ROOT, "<g class=\"lifeline\" data-actor=\"%s\"><line class=\"lifeline-line\" x1=\"%d\" "
                + "y1=\"0\" x2=\"%d\" y2=\"%d\"/></g>%n", Html.esc(l.actors.get(a)), l.laneX[a], l.laneX[a], l.bottom));
        }
        for (String e : l.engines) {
            int x = l.engineX(e);
            b.append(String.format(Locale.ROOT, "<g class=\"engine-lane\" data-engine=\"%s\"><line class=\"engine-line\" x1=\"%d\" "
                + "y1=\"0\" x2=\"%d\" y2=\"%d\"/></g>%n", Html.esc(e), x, x, l.bottom));
        }
        b.append(String.format(Locale.ROOT, "<g class=\"state-pick initial\" data-step=\"0\" tabindex=\"0\">"
            + "<rect x=\"4\" y=\"6\" width=\"%d\" height=\"18\" rx=\"9\"/><text x=\"%d\" y=\"19\">initial</text>"
            + "<title>the initial state (click to show it)</title></g>%n", DiagramLayout.LEFT - 10, 4 + (DiagramLayout.LEFT - 10) / 2));
        sleeps(b, t, l);
        if (states != null) lockBars(b, states, l);
        for (StepEvents.Story st : stories) {
            boolean violating = st.step().index() == n && !terminal;
            step(b, t, st, l, violating);
        }
        messages(b, t, stories, l);
        if (terminal || n == 0) terminalMarker(t, b, l);
        b.append("</svg>\n");
        return b.toString();
    }

    /** The tracee asleep (its task state not RUNNING): a band along its lifeline, from the stop to the wake-up. */
    private static void sleeps(StringBuilder b, Trace t, DiagramLayout l) {
        String tracee = StepEvents.traceeName(t);
        int x = l.actorX(tracee);
        if (x < 0) return;
        List<Map<String, String>> states = TraceStates.lenient(t);
        int n = t.steps().size();
        int from = -1;
        String what = null;
        for (int i = 0; i <= n + 1; i++) {
            String st = i <= n ? states.get(i).get("task.state") : null;
            boolean asleep = st != null && !st.equals("RUNNING");
            if (asleep && from < 0) {
                from = i;
                what = st;
            } else if (from >= 0 && (!asleep || !st.equals(what))) {
                int y1 = from == 0 ? 0 : l.rowY(from);
                int y2 = i > n ? l.bottom : l.rowY(i);
                String span = (from == 0 ? "from the start" : "from step " + from) + (i > n ? " to the end" : " to step " + i);
                b.append(String.format(Locale.ROOT, "<g class=\"sleep\" data-from=\"%d\" data-to=\"%d\"><rect x=\"%d\" y=\"%d\" "
                    + "width=\"14\" height=\"%d\" rx=\"3\"/><title>%s</title></g>%n", from, Math.min(i, n), x - 7, y1,
                    Math.max(2, y2 - y1), Html.esc(tracee + " asleep (" + what + ") " + span)));
                from = asleep ? i : -1;
                what = asleep ? st : null;
            }
        }
    }

    private static void lockBars(StringBuilder b, List<Map<String, String>> states, DiagramLayout l) {
        int n = states.size() - 1;
        for (LockHolds.Hold h : LockHolds.of(states)) {
            int a = l.actors.indexOf(h.holder());
            if (a < 0) continue; // held by something that is not an actor: nothing to draw it on
            int x = l.lockBarX(a) - (BAR_W + BAR_GAP) * (h.lockIndex() + 1);
            int y1 = h.from() == 0 ? 0 : l.rowY(h.from());
            int y2 = h.to() >= n ? l.bottom : l.rowY(h.to() + 1);
            String colour = LOCK_COLOURS[h.lockIndex() % LOCK_COLOURS.length];
            String span = h.from() == 0 ? "from the start" : "taken in step " + h.from();
            span += h.to() >= n ? ", still held at the end" : ", released in step " + (h.to() + 1);
            b.append(String.format(Locale.ROOT, "<g class=\"lock-hold\" data-lock=\"%s\" data-holder=\"%s\" data-from=\"%d\" data-to=\"%d\">"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" fill=\"%s\"/><title>%s</title></g>%n",
                Html.esc(h.lock()), Html.esc(h.holder()), h.from(), h.to(), x, y1, BAR_W, Math.max(2, y2 - y1), colour,
                Html.esc(lockName(h.lock()) + " held by " + h.holder() + ": " + span)));
        }
    }

    /** The kernel's name for a lock variable of Model.describe. */
    static String lockName(String lock) {
        switch (lock) {
            case "utrace": return "utrace->lock";
            case "siglock": return "siglock";
            case "tasklist": return "tasklist_lock";
            case "task": return "task_lock";
            default: return lock;
        }
    }

    private static void step(StringBuilder b, Trace t, StepEvents.Story st, DiagramLayout l, boolean violating) {
        Trace.Step s = st.step();
        int a = l.actors.indexOf(s.actorName());
        int x = l.laneX[a];
        int y = l.rowY(s.index());
        boolean small = st.internal() && s.index() != t.steps().size();
        int w = small ? l.boxW(a) : l.storyBoxW(a);
        String ref = StepReference.of(s);
        StringBuilder tip = new StringBuilder(s.index() + ". " + s.actorName() + ": ");
        if (!st.operation().isEmpty() && !s.role().equals("killer")) tip.append("[").append(st.operation()).append("] ");
        tip.append(s.function()).append(": ").append(s.label()).append(ref.isEmpty() ? "" : " [" + ref + "]");
        if (!s.detail().isEmpty()) tip.append("\n").append(s.detail());
        for (StepEvents.Event e : st.events()) tip.append("\n\u2022 ").append(e.text());
        if (violating) tip.append("\nviolates ").append(t.invariant().name()).append(": ").append(t.violation().message());
        b.append(String.format(Locale.ROOT, "<g class=\"step%s%s\" id=\"step-%d\" data-step=\"%d\" data-actor=\"%s\" tabindex=\"0\">",
            small ? " internal" : "", violating ? " violation" : "", s.index(), s.index(), Html.esc(s.actorName())));
        b.append(String.format(Locale.ROOT, "<text class=\"step-no\" x=\"%d\" y=\"%d\">%s%d</text>", DiagramLayout.LEFT - 10, y + 4,
            violating ? "\u2717 " : "", s.index()));
        int h = small ? BOX_H_INTERNAL : BOX_H;
        b.append(String.format(Locale.ROOT, "<rect class=\"step-box\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>",
            x - w / 2, y - h / 2, w, h));
        if (small) {
            // A step inside a call names the call too: "PTRACE_SINGLESTEP: ptrace_resume", not ptrace_resume alone.
            String fn = st.operation().isEmpty() || s.role().equals("killer") ? s.function() : st.operation() + ": " + s.function();
            b.append(String.format(Locale.ROOT, "<text class=\"step-fn\" x=\"%d\" y=\"%d\">%s</text>", x, y + 4,
                Html.esc(TextWidth.fit(fn, w - 8, LABEL_PX, false))));
        } else {
            String head = headline(st);
            String sub = st.internal() || head.equals(s.function()) ? s.label() : s.function() + ": " + s.label();
            b.append(String.format(Locale.ROOT, "<text class=\"step-head\" x=\"%d\" y=\"%d\">%s</text>", x, y - 3,
                Html.esc(TextWidth.fit(head, w - 8, HEAD_PX, true))));
            b.append(String.format(Locale.ROOT, "<text class=\"step-label\" x=\"%d\" y=\"%d\">%s</text>", x, y + 11,
                Html.esc(TextWidth.fit(sub, w - 8, LABEL_PX, false))));
        }
        b.append("<title>").append(Html.esc(tip.toString())).append("</title></g>\n");
    }

    /**
     * A story step's first line: what happened, or for a step of a call that neither starts nor ends it, the
     * call ("PTRACE_SINGLESTEP") rather than the kernel function alone ("ptrace_resume").
     */
    static String headline(StepEvents.Story st) {
        Trace.Step s = st.step();
        if (!st.events().isEmpty()) {
            StepEvents.Event e = st.events().get(0);
            // The box's second line names the function already: the first says what happened.
            if (e.kind() == StepEvents.Kind.STOP) return "sleeps (" + e.result() + ")";
            if (e.kind() == StepEvents.Kind.RUNS) return "runs again";
            boolean call = e.kind() == StepEvents.Kind.CALL || e.kind() == StepEvents.Kind.RETURN;
            if (!call && !st.operation().isEmpty() && !s.role().equals("killer")) return st.operation() + ": " + e.text();
            return e.text();
        }
        return st.operation().isEmpty() || s.role().equals("killer") ? s.function() : st.operation();
    }

    /** Arrows: callbacks, signals sent (to the step that dequeues them), wake-ups, ptrace requests and wait(). */
    private static void messages(StringBuilder b, Trace t, List<StepEvents.Story> stories, DiagramLayout l) {
        String tracee = StepEvents.traceeName(t);
        int tx = l.actorX(tracee);
        List<int[]> delivered = new ArrayList<>(); // per signal name, steps that dequeued it, matched in order below
        List<String> deliveredSig = new ArrayList<>();
        for (StepEvents.Story st : stories) {
            for (StepEvents.Event e : st.events()) {
                if (e.kind() == StepEvents.Kind.SIGNAL_DELIVERED) {
                    delivered.add(new int[] {st.step().index(), 0});
                    deliveredSig.add(e.subject());
                }
            }
        }
        for (StepEvents.Story st : stories) {
            Trace.Step s = st.step();
            int a = l.actors.indexOf(s.actorName());
            int x = l.laneX[a];
            int half = (st.internal() ? l.boxW(a) : l.storyBoxW(a)) / 2;
            int y = l.rowY(s.index());
            int m = arrows(st, tx, x);
            int k = 0;
            for (StepEvents.Event e : st.events()) {
                // Several arrows from one step: 16 px apart (a label sits above its line), centred on the row.
                int dy = (int) Math.round((k - (m - 1) / 2.0) * 16);
                switch (e.kind()) {
                    case CALLBACK: {
                        int ex = l.engineX(e.target().startsWith("engine ") ? e.target().substring(7) : e.target());
                        if (ex < 0) break;
                        arrow(b, "callback" + (e.subject().startsWith("utrace_detached_ops") ? " detached" : ""), s.index(),
                            x + half, y + dy, ex - 2, y + dy, shortCallback(e), e.text());
                        k++;
                        break;
                    }
                    case SIGNAL_SENT: {
                        if (tx < 0 || tx == x) break;
                        int to = -1;
                        for (int d = 0; d < delivered.size(); d++) {
                            int[] del = delivered.get(d);
                            if (del[1] == 0 && del[0] > s.index() && deliveredSig.get(d).equals(e.subject())) {
                                del[1] = 1;
                                to = del[0];
                                break;
                            }
                        }
                        int x1 = tx > x ? x + half : x - half;
                        int y2 = to < 0 ? y + dy : l.rowY(to);
                        int ta = l.actors.indexOf(tracee);
                        int x2 = to < 0 ? tx : (tx > x ? tx - l.storyBoxW(ta) / 2 : tx + l.storyBoxW(ta) / 2);
                        String label = e.subject() + (to < 0 ? " (pending)" : "");
                        arrow(b, "signal", s.index(), x1, y + dy, x2, y2, label, e.text() + (to < 0
                            ? ", not dequeued by the end of the trace" : ", dequeued by the tracee in step " + to));
                        k++;
                        break;
                    }
                    case WAKE: {
                        if (tx < 0 || tx == x) break;
                        int x1 = tx > x ? x + half : x - half;
                        String label = e.result().equals("RUNNING") ? "wake-up" : e.result();
                        arrow(b, "wake", s.index(), x1, y + dy, tx, y + dy, label, e.text());
                        k++;
                        break;
                    }
                    case RETURN:
                        if (s.role().equals("ptrace") && tx >= 0) {
                            int x1 = tx > x ? x + half : x - half;
                            if (e.subject().equals("wait()")) {
                                arrow(b, "ptrace", s.index(), tx, y + dy, x1, y + dy, "wait() = " + e.result(),
                                    "the tracer's wait() returns " + e.result());
                            } else {
                                arrow(b, "ptrace", s.index(), x1, y + dy, tx, y + dy, e.text(), "ptrace request " + e.text());
                            }
                            k++;
                        }
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /** How many arrows {@link #messages} draws for a step (to space them). */
    private static int arrows(StepEvents.Story st, int traceeX, int x) {
        int m = 0;
        for (StepEvents.Event e : st.events()) {
            switch (e.kind()) {
                case CALLBACK: m++; break;
                case SIGNAL_SENT:
                case WAKE: if (traceeX >= 0 && traceeX != x) m++; break;
                case RETURN: if (st.step().role().equals("ptrace") && traceeX >= 0) m++; break;
                default: break;
            }
        }
        return m;
    }

    private static String shortCallback(StepEvents.Event e) {
        String c = e.subject().replace("utrace_detached_ops: ", "");
        int paren = c.indexOf('(');
        String name = paren < 0 ? c : c.substring(0, paren);
        return name + (e.result().isEmpty() ? "" : " \u2192 " + e.result().replace("UTRACE_", ""));
    }

    private static void arrow(StringBuilder b, String kind, int step, int x1, int y1, int x2, int y2, String label, String tip) {
        String type = kind.contains(" ") ? kind.substring(0, kind.indexOf(' ')) : kind;
        // The label sits at the arrow's middle, above it, cut to the horizontal room it spans.
        int mx = (x1 + x2) / 2;
        int my = (y1 + y2) / 2 - 4;
        int room = Math.max(60, Math.abs(x2 - x1) - 8);
        b.append(String.format(Locale.ROOT, "<g class=\"msg %s\" data-step=\"%d\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "marker-end=\"url(#head-%s)\"/><text x=\"%d\" y=\"%d\">%s</text><title>%s</title></g>%n",
            kind, step, x1, y1, x2, y2, type, mx, my, Html.esc(TextWidth.fit(label, room, ARROW_PX, true)), Html.esc("step " + step + ": " + tip)));
    }

    /** For a final-state violation (or none at all: the initial state), a red line after the last step. */
    private static void terminalMarker(Trace t, StringBuilder b, DiagramLayout l) {
        int n = t.steps().size();
        int top = l.rowTop[n + 1];
        String what = t.steps().isEmpty() ? "initial state" : "final state: no actor can move";
        b.append(String.format(Locale.ROOT, "<g class=\"violation violation-marker\" data-step=\"%d\" id=\"violation-end\">"
                + "<rect class=\"violation-band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><text x=\"%d\" y=\"%d\">\u2717 %s \u2014 %s violated</text>"
                + "<title>%s</title></g>%n",
            n, top, l.width, DiagramLayout.ROW, top, l.width, top, DiagramLayout.LEFT, top + DiagramLayout.ROW / 2 + 5, Html.esc(what),
            Html.esc(t.invariant().name()), Html.esc(t.invariant().name() + ": " + t.violation().message())));
    }
}

package utrace.traces;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SVG sequence diagram of a trace: one lifeline per actor (tracee,
 * engine owners, killer, parent), time running down, each step a box on its
 * actor's lifeline; bars beside a lifeline while that actor holds a lock;
 * calls into engines as arrows to the engine's lane on the right; the
 * violating step (or, for a final-state violation, the end) marked in red.
 * Class names and data-* attributes are what the page's script and the
 * browser test rely on: g.lifeline[data-actor], g.step[data-step],
 * .violation, g.lock-hold, g.callback.
 */
final class SequenceDiagram {
    private SequenceDiagram() {}

    static final int LEFT = 64;
    static final int TOP = 72;
    static final int ROW = 42;
    static final int COL = 236;
    static final int ENGINE_COL = 170;
    static final int BOX_W = 184;
    static final int BOX_H = 32;
    private static final int BAR_W = 5;
    private static final int BAR_GAP = 2;
    /** Lock colours, by the order the state lists the locks (utrace, siglock, tasklist, task). */
    static final String[] LOCK_COLOURS = {"#d97706", "#7c3aed", "#0891b2", "#65a30d", "#db2777", "#475569"};

    static String svg(Trace t, List<Map<String, String>> states) {
        List<String> actors = TraceActors.actors(t);
        List<String> engines = TraceActors.engines(t);
        int n = t.steps().size();
        boolean terminal = t.violation().kind().equals("TERMINAL");
        int width = LEFT + COL * actors.size() + ENGINE_COL * engines.size() + 16;
        int bottom = TOP + ROW * n + (terminal || n == 0 ? ROW : 0);
        int height = bottom + 16;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
            "<svg id=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"sequence diagram of %d steps\">%n", width, height, width, height, n));
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
            + "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n");

        violationBand(t, b, width, bottom, terminal);
        for (int a = 0; a < actors.size(); a++) lifeline(b, actors.get(a), actorX(a), bottom);
        for (int e = 0; e < engines.size(); e++) engineLane(b, engines.get(e), engineX(actors.size(), e), bottom);
        initialMarker(b);
        if (states != null) lockBars(b, states, actors, n, bottom);
        for (Trace.Step s : t.steps()) {
            int a = actors.indexOf(s.actorName());
            step(b, t, s, actorX(a), s.index() == n && !terminal);
            callbacks(b, s, actorX(a), actors.size(), engines);
        }
        if (terminal || n == 0) terminalMarker(t, b, width, bottom);
        b.append("</svg>\n");
        return b.toString();
    }

    static int actorX(int a) { return LEFT + COL * a + COL / 2; }

    static int engineX(int actorCount, int e) { return LEFT + COL * actorCount + ENGINE_COL * e + ENGINE_COL / 2; }

    /** Centre of step i's row (1-based). */
    static int rowY(int i) { return TOP + ROW * (i - 1) + ROW / 2; }

    private static void lifeline(StringBuilder b, String actor, int x, int bottom) {
        b.append(String.format(Locale.ROOT, "<g class=\"lifeline\" data-actor=\"%s\">", Html.esc(actor)));
        b.append(String.format(Locale.ROOT, "<rect class=\"actor-head\" x=\"%d\" y=\"12\" width=\"%d\" height=\"30\" rx=\"6\"/>",
            x - BOX_W / 2, BOX_W));
        b.append(String.format(Locale.ROOT, "<text class=\"actor-name\" x=\"%d\" y=\"32\">%s</text>", x, Html.esc(actor)));
        b.append(String.format(Locale.ROOT, "<line class=\"lifeline-line\" x1=\"%d\" y1=\"42\" x2=\"%d\" y2=\"%d\"/>", x, x, bottom));
        b.append("</g>\n");
    }

    private static void engineLane(StringBuilder b, String engine, int x, int bottom) {
        b.append(String.format(Locale.ROOT, "<g class=\"engine-lane\" data-engine=\"%s\">", Html.esc(engine)));
        b.append(String.format(Locale.ROOT, "<rect class=\"engine-head\" x=\"%d\" y=\"12\" width=\"%d\" height=\"30\" rx=\"15\"/>",
            x - 60, 120));
        b.append(String.format(Locale.ROOT, "<text class=\"engine-name\" x=\"%d\" y=\"32\">engine %s</text>", x, Html.esc(engine)));
        b.append(String.format(Locale.ROOT, "<line class=\"engine-line\" x1=\"%d\" y1=\"42\" x2=\"%d\" y2=\"%d\"/>", x, x, bottom));
        b.append("<title>").append(Html.esc("engine " + engine + ": its callbacks run in the tracee (or, for report_reap, "
            + "in whoever reaps); arrows are calls into the engine's ops")).append("</title>");
        b.append("</g>\n");
    }

    /** The initial state, selectable like a step (state 0). */
    private static void initialMarker(StringBuilder b) {
        b.append(String.format(Locale.ROOT, "<g class=\"state-pick initial\" data-step=\"0\" tabindex=\"0\">"
            + "<rect x=\"4\" y=\"%d\" width=\"%d\" height=\"18\" rx=\"9\"/><text x=\"%d\" y=\"%d\">initial</text>"
            + "<title>the initial state (click to show it)</title></g>%n", TOP - 22, LEFT - 10, 4 + (LEFT - 10) / 2, TOP - 9));
    }

    private static void lockBars(StringBuilder b, List<Map<String, String>> states, List<String> actors, int n, int bottom) {
        for (LockHolds.Hold h : LockHolds.of(states)) {
            int a = actors.indexOf(h.holder());
            if (a < 0) continue; // held by something that is not an actor: nothing to draw it on
            int x = actorX(a) - BOX_W / 2 - (BAR_W + BAR_GAP) * (h.lockIndex() + 1);
            int y1 = h.from() == 0 ? TOP : rowY(h.from());
            int y2 = h.to() >= n ? bottom : rowY(h.to() + 1);
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

    private static void step(StringBuilder b, Trace t, Trace.Step s, int x, boolean violating) {
        int y = rowY(s.index());
        String patch = s.patch() == 0 ? "" : " [patch " + String.format(Locale.ROOT, "%02d", s.patch()) + "]";
        String tip = s.index() + ". " + s.actorName() + ": " + s.function() + ": " + s.label() + patch
            + (s.detail().isEmpty() ? "" : "\n" + s.detail())
            + (violating ? "\nviolates " + t.invariant().name() + ": " + t.violation().message() : "");
        b.append(String.format(Locale.ROOT, "<g class=\"step%s\" id=\"step-%d\" data-step=\"%d\" data-actor=\"%s\" tabindex=\"0\">",
            violating ? " violation" : "", s.index(), s.index(), Html.esc(s.actorName())));
        b.append(String.format(Locale.ROOT, "<text class=\"step-no\" x=\"%d\" y=\"%d\">%s%d</text>", LEFT - 10, y + 4,
            violating ? "\u2717 " : "", s.index()));
        b.append(String.format(Locale.ROOT, "<rect class=\"step-box\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>",
            x - BOX_W / 2, y - BOX_H / 2, BOX_W, BOX_H));
        b.append(String.format(Locale.ROOT, "<text class=\"step-fn\" x=\"%d\" y=\"%d\">%s</text>", x, y - 3,
            Html.esc(fit(s.function(), 26))));
        b.append(String.format(Locale.ROOT, "<text class=\"step-label\" x=\"%d\" y=\"%d\">%s</text>", x, y + 10,
            Html.esc(fit(s.label(), 34))));
        b.append("<title>").append(Html.esc(tip)).append("</title></g>\n");
    }

    private static void callbacks(StringBuilder b, Trace.Step s, int fromX, int actorCount, List<String> engines) {
        List<Callbacks.Call> calls = Callbacks.of(s);
        for (int i = 0; i < calls.size(); i++) {
            Callbacks.Call c = calls.get(i);
            int e = engines.indexOf(c.engine());
            if (e < 0) continue;
            int y = rowY(s.index()) + (i - (calls.size() - 1) / 2) * 6;
            int x1 = fromX + BOX_W / 2;
            int x2 = engineX(actorCount, e) - 3;
            b.append(String.format(Locale.ROOT, "<g class=\"callback%s\" data-step=\"%d\" data-engine=\"%s\">"
                    + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#arrow)\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text><title>%s</title></g>%n",
                c.detachedOps() ? " detached" : "", s.index(), Html.esc(c.engine()), x1, y, x2, y, x2 - 6, y - 4,
                Html.esc(c.label()), Html.esc("step " + s.index() + ": " + (c.detachedOps() ? "utrace_detached_ops: " : "")
                    + c.callback() + "(" + c.engine() + ")" + (c.returns().isEmpty() ? "" : " returns " + c.returns()))));
        }
    }

    /** A red band behind the violating step's row. */
    private static void violationBand(Trace t, StringBuilder b, int width, int bottom, boolean terminal) {
        int n = t.steps().size();
        if (terminal || n == 0) return;
        b.append(String.format(Locale.ROOT, "<rect class=\"violation-band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
            rowY(n) - ROW / 2, width, ROW));
    }

    /** For a final-state violation (or none at all: the initial state), a red line after the last step. */
    private static void terminalMarker(Trace t, StringBuilder b, int width, int bottom) {
        int y = bottom - ROW / 2;
        String what = t.steps().isEmpty() ? "initial state" : "final state: no actor can move";
        b.append(String.format(Locale.ROOT, "<g class=\"violation violation-marker\" data-step=\"%d\">"
                + "<rect class=\"violation-band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><text x=\"%d\" y=\"%d\">\u2717 %s \u2014 %s violated</text>"
                + "<title>%s</title></g>%n",
            t.steps().size(), y - ROW / 2, width, ROW, y - ROW / 2, width, y - ROW / 2, LEFT, y + 5, Html.esc(what),
            Html.esc(t.invariant().name()), Html.esc(t.invariant().name() + ": " + t.violation().message())));
    }

    /** Cut to {@code max} characters with an ellipsis: a box has a fixed width; the tooltip has the whole text. */
    static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}

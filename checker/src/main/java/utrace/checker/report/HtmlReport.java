package utrace.checker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import utrace.checker.cli.Version;
import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Stats;
import utrace.checker.explore.Verdict;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.traces.AtomicFiles;
import utrace.traces.HtmlTracePage;
import utrace.traces.Trace;
import utrace.traces.TraceFormatException;
import utrace.traces.TraceReader;

/**
 * `checker verify --report DIR`: DIR/index.html with the verdict table and,
 * per violation, DIR/NAME.html, the trace's own page (same base name as the
 * trace files). Every file is self-contained; pages link back to the index.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** @return the index file written */
    public static Path write(Path dir, VerifyRequest req, List<ScenarioResult> results, RunOptions opts) {
        try {
            Files.createDirectories(dir);
            StringBuilder rows = new StringBuilder();
            for (ScenarioResult r : results) rows.append(row(dir, r));
            Path index = dir.resolve("index.html");
            writeAtomically(index, index(req, results, opts, rows.toString()));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The trace page's file name: the trace's base name (scenario[+mutations].invariant) with .html. */
    public static String pageName(ScenarioResult r) {
        String json = r.traceJson().getFileName().toString();
        return (json.endsWith(".json") ? json.substring(0, json.length() - 5) : json) + ".html";
    }

    private static String row(Path dir, ScenarioResult r) throws IOException {
        ExplorationResult x = r.result();
        Stats s = x.stats();
        StringBuilder b = new StringBuilder("<tr class=\"").append(x.verdict().name().toLowerCase(Locale.ROOT)).append("\">");
        b.append("<td>").append(esc(r.scenario().name()));
        if (r.continued() != null) b.append("<br><span class=\"path\">").append(esc(TextReport.continued(r))).append("</span>");
        b.append("</td>");
        b.append("<td class=\"verdict\">").append(x.verdict()).append("</td>");
        b.append("<td class=\"num\">").append(Numbers.grouped(s.states())).append("</td>");
        b.append("<td class=\"num\">").append(Numbers.grouped(s.transitions())).append("</td>");
        b.append("<td class=\"num\">").append(s.maxDepth()).append("</td>");
        b.append("<td class=\"num\">").append(Numbers.millis(s.millis())).append("</td><td>");
        if (x.verdict() == Verdict.VIOLATION && r.traceJson() == null) {
            b.append("<b>").append(esc(x.counterexample().violation().invariant().name())).append("</b>: ")
                .append(esc(x.counterexample().violation().message())).append("<br>trace NOT written: ")
                .append(esc(String.valueOf(r.writeError())));
        } else if (x.verdict() == Verdict.VIOLATION) {
            String page = pageName(r);
            Trace t = readBack(r.traceJson());
            HtmlTracePage.write(t, dir.resolve(page), "found by checker verify: " + r.traceSteps() + " steps, "
                + r.origin().describe(), "index.html");
            b.append("<b>").append(esc(x.counterexample().violation().invariant().name())).append("</b>: ")
                .append(esc(x.counterexample().violation().message()))
                .append("<br><a href=\"").append(esc(page)).append("\">trace: ").append(r.traceSteps()).append(" steps</a>, ")
                .append(esc(r.origin().describe())).append(" <span class=\"path\">(").append(esc(r.traceJson().toString()))
                .append(")</span>");
        } else if (x.verdict() == Verdict.INCOMPLETE) {
            b.append(esc(x.incompleteReason())).append(" \u2014 nothing is proven for this scenario");
        }
        return b.append("</td></tr>\n").toString();
    }

    private static Trace readBack(Path json) throws IOException {
        try {
            return TraceReader.read(json);
        } catch (TraceFormatException e) {
            throw new IllegalStateException("the trace just written does not read back: " + e.getMessage(), e);
        }
    }

    private static String index(VerifyRequest req, List<ScenarioResult> results, RunOptions opts, String rows) {
        // A scenario --continue searched several times counts once (TextReport.scenarioVerdict).
        List<utrace.model.Scenario> scenarios = new java.util.ArrayList<>();
        for (ScenarioResult r : results) if (!scenarios.contains(r.scenario())) scenarios.add(r.scenario());
        long pass = scenarios.stream().filter(s -> TextReport.scenarioVerdict(results, s) == Verdict.PASS).count();
        long viol = scenarios.stream().filter(s -> TextReport.scenarioVerdict(results, s) == Verdict.VIOLATION).count();
        long inc = scenarios.stream().filter(s -> TextReport.scenarioVerdict(results, s) == Verdict.INCOMPLETE).count();
        int code = VerifyRun.exitCode(results);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>checker verify: "
            + (code == 0 ? "PASS" : code == 1 ? "VIOLATION" : "INCOMPLETE") + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
            + "<h1>checker verify</h1>\n"
            + "<p>" + esc(Version.NAME + " " + Version.VERSION) + " \u00b7 " + scenarios.size() + " scenario(s) \u00b7 invariant set <b>"
            + esc(req.invariants().name()) + "</b> (" + req.invariants().invariants().size() + " invariants) \u00b7 "
            + esc(req.config().toString()) + " \u00b7 native " + esc(opts.search().words) + " search</p>\n"
            + "<p class=\"summary\">" + pass + " PASS, " + viol + " VIOLATION, " + inc + " INCOMPLETE; exit code " + code + "</p>\n"
            + "<table>\n<thead><tr><th>scenario</th><th>verdict</th><th>states</th><th>transitions</th><th>depth</th>"
            + "<th>time</th><th>violation / trace</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n"
            + "<p class=\"note\">Each trace page is self-contained: what each actor did, then a message sequence chart with a "
            + "lifeline per actor; hover or click a step to see the whole state after it.</p>\n</body>\n</html>\n";
    }

    private static final String CSS = String.join("\n",
        "body { font: 14px/1.4 system-ui, \"DejaVu Sans\", sans-serif; margin: 16px 24px; color: #1f2937; }",
        "h1 { font-size: 22px; margin: 0 0 6px; }",
        "table { border-collapse: collapse; margin-top: 10px; }",
        "th, td { border-bottom: 1px solid #e5e7eb; padding: 4px 10px; text-align: left; vertical-align: top; }",
        "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
        "td:first-child { white-space: nowrap; }",
        "tr.pass .verdict { color: #15803d; font-weight: 700; }",
        "tr.violation .verdict { color: #dc2626; font-weight: 700; }",
        "tr.incomplete .verdict { color: #b45309; font-weight: 700; }",
        ".summary { font-weight: 600; }",
        ".path, .note { color: #6b7280; font-size: 12px; }",
        "");

    private static String esc(String s) {
        return JunitReport.esc(s);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }
}

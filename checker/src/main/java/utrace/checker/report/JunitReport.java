package utrace.checker.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;

/**
 * `--junit FILE`: a JUnit XML report, one testcase per scenario, so CI
 * systems show each scenario as a test. A violation is a failure; an
 * incomplete search is an error (it proves nothing, so the gate must not pass).
 */
public final class JunitReport {
    private JunitReport() {}

    public static void write(Path file, VerifyRequest req, List<ScenarioResult> results) throws IOException {
        long failures = results.stream().filter(r -> r.result().verdict() == Verdict.VIOLATION).count();
        long errors = results.stream().filter(r -> r.result().verdict() == Verdict.INCOMPLETE).count();
        double total = results.stream().mapToLong(r -> r.result().stats().millis()).sum() / 1000.0;
        String suite = "checker.verify." + req.invariants().name();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
            esc(suite), results.size(), failures, errors, total));
        b.append("  <properties>\n");
        b.append("    <property name=\"config\" value=\"").append(esc(req.config().toString())).append("\"/>\n");
        b.append("  </properties>\n");
        for (ScenarioResult r : results) {
            ExplorationResult x = r.result();
            b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
                esc(suite), esc(testName(r)), x.stats().millis() / 1000.0));
            if (x.verdict() == Verdict.VIOLATION) {
                String msg = x.counterexample().violation().describe();
                b.append("\n    <failure message=\"").append(esc(msg)).append("\" type=\"")
                    .append(esc(x.counterexample().violation().invariant().name())).append("\">")
                    .append(esc(msg + "\ntrace: " + r.traceJson() + " (" + r.traceSteps() + " steps)\nreplay: bin/checker replay " + r.traceJson()))
                    .append("</failure>\n  ");
            } else if (x.verdict() == Verdict.INCOMPLETE) {
                b.append("\n    <error message=\"").append(esc("INCOMPLETE: " + x.incompleteReason())).append("\" type=\"incomplete\"/>\n  ");
            }
            b.append("</testcase>\n");
        }
        b.append("</testsuite>\n");
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".junit", ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The scenario; under --continue, one testcase per search: "scenario: invariant" for each invariant found
     * violated, "scenario: the N invariants left" for the last search.
     */
    static String testName(ScenarioResult r) {
        if (r.continued() == null) return r.scenario().name();
        if (r.result().verdict() == Verdict.VIOLATION) {
            return r.scenario().name() + ": " + r.result().counterexample().violation().invariant().name();
        }
        int n = r.continued().checked();
        return r.scenario().name() + ": " + (r.continued().without().isEmpty() ? "all " + n + " invariants"
            : "the " + n + " invariant" + (n == 1 ? "" : "s") + " left");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}

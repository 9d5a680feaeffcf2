package utrace.checker.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;

/**
 * `verify --junit FILE`: one testcase per scenario (JunitXml). A violation
 * is a failure carrying its trace, replay command and counterexample text;
 * an incomplete search is an error (it proves nothing, so a gate must not pass).
 */
public final class JunitReport {
    private JunitReport() {}

    public static RunReport report(VerifyRequest req, List<ScenarioResult> results) {
        RunReport rep = new RunReport("verify", "checker.verify." + req.invariants().name());
        rep.property("config", req.config().toString());
        rep.property("invariant_set", req.invariants().name());
        for (ScenarioResult r : results) rep.add(ScenarioRows.row(r));
        return rep;
    }

    public static void write(Path file, VerifyRequest req, List<ScenarioResult> results) throws IOException {
        JunitXml.write(file, report(req, results));
    }

    /** HTML/XML text escaping of the five special characters (the HTML report uses it). */
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

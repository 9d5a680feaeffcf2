package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import utrace.checker.jpf.JpfDriverKind;
import utrace.checker.jpf.JpfEngine;
import utrace.checker.jpf.JpfHome;
import utrace.checker.jpf.JpfReport;
import utrace.checker.jpf.JpfRow;
import utrace.checker.jpf.JpfRun;
import utrace.checker.report.JunitReport;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.model.Model;
import utrace.model.Scenario;

/** `checker verify --engine jpf` (VerifyCommand hands over here once the request is resolved). */
final class JpfVerify {
    private JpfVerify() {}

    /** The jpf-core to use, or null after printing the one-line reason (the caller exits 2). */
    static JpfHome home(String option, PrintStream err) {
        try {
            JpfHome home = JpfHome.resolve(option, System.getenv());
            String jdk = JpfEngine.jdkProblem();
            if (jdk != null) {
                err.println("checker: " + jdk);
                return null;
            }
            return home;
        } catch (JpfHome.JpfNotFoundException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** {@code driver}: the one to use, or null for auto (chosen per scenario, {@link JpfDriverKind#auto}). */
    static int run(VerifyRequest req, String jpfHome, JpfDriverKind driver, boolean json, Path junit, boolean quiet, PrintStream out, PrintStream err)
        throws IOException {
        JpfHome home = home(jpfHome, err);
        if (home == null) return ExitCode.USAGE;
        if (!json) JpfReport.header(out, req, home, driver);
        JpfRun.Progress progress = quiet ? JpfRun.Progress.NONE
            : s -> ms -> err.printf(Locale.ROOT, "[%s] JPF searching, %.0f s%n", s.name(), ms / 1000.0);
        List<JpfRow> rows = new ArrayList<>();
        try {
            for (Scenario s : req.scenarios()) {
                JpfDriverKind d = driver != null ? driver : JpfDriverKind.auto(new Model(s, req.config()),
                    req.invariants().invariants(), JpfDriverKind.AUTO_THREADS_MAX_STATES);
                JpfRow r = JpfRun.runOne(new JpfEngine(home, d), req, s, progress);
                rows.add(r);
                if (!json) JpfReport.row(out, r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while JPF was running");
        }
        if (json) JpfReport.json(out, req, home, driver, rows);
        else JpfReport.summary(out, rows);
        if (junit != null) {
            List<ScenarioResult> asNative = rows.stream().map(JpfRow::asScenarioResult).toList();
            JunitReport.write(junit, req, asNative);
        }
        out.flush();
        return JpfRun.exitCode(rows);
    }
}

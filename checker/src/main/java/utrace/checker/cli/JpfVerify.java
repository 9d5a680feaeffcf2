package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.jpf.JpfDriverKind;
import utrace.checker.jpf.JpfEngine;
import utrace.checker.jpf.JpfHome;
import utrace.checker.jpf.JpfReport;
import utrace.checker.jpf.JpfRow;
import utrace.checker.jpf.JpfRun;
import utrace.checker.report.JsonReport;
import utrace.checker.report.RunReport;
import utrace.checker.report.ScenarioRows;
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
            err.println("checker: " + e.getMessage());
            return null;
        }
    }

    /** {@code driver}: the one to use, or null for auto (chosen per scenario, {@link JpfDriverKind#auto}). */
    static int run(VerifyRequest req, String jpfHome, JpfDriverKind driver, ReportOptions report, PrintStream out, PrintStream err)
        throws IOException {
        JpfHome home = home(jpfHome, err);
        if (home == null) return ExitCode.USAGE;
        boolean json = report.json();
        if (!json) JpfReport.header(out, req, home, driver);
        RunReport rep = new RunReport("verify", "checker.verify.jpf." + req.invariants().name());
        rep.property("config", req.config().toString());
        rep.property("jpf_home", home.dir().toString());
        ObjectNode h = rep.header();
        h.put("engine", "jpf");
        h.put("jpf_home", home.dir().toString());
        h.put("jpf_driver", driver == null ? "auto" : driver.id());
        h.set("config", JsonReport.config(req.config()));
        h.set("invariant_set", JsonReport.invariantSet(req.invariants()));
        report.armInterrupts(rep, out, "scenario(s)", null);
        JpfRun.Progress progress = report.quiet() ? JpfRun.Progress.NONE
            : s -> ms -> err.printf(Locale.ROOT, "[%s] JPF searching, %.0f s%n", s.name(), ms / 1000.0);
        List<JpfRow> rows = new ArrayList<>();
        try {
            for (Scenario s : req.scenarios()) {
                JpfDriverKind d = driver != null ? driver : JpfDriverKind.auto(new Model(s, req.config()),
                    req.invariants().invariants(), JpfDriverKind.AUTO_THREADS_MAX_STATES);
                JpfRow r = JpfRun.runOne(new JpfEngine(home, d), req, s, progress);
                rows.add(r);
                RunReport.Row asRow = ScenarioRows.row(r.asScenarioResult());
                rep.add(new RunReport.Row(asRow.name(), asRow.millis(), asRow.status(), asRow.message(), asRow.type(),
                    asRow.systemOut(), JpfReport.rowJson(r)));
                if (!json) JpfReport.row(out, r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while JPF was running");
        }
        int code = report.finish(rep, JpfRun.exitCode(rows), out, err);
        if (!json) JpfReport.summary(out, rows);
        return code;
    }
}

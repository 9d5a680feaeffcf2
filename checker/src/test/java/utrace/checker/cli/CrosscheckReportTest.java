package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.jpf.Crosscheck;
import utrace.checker.report.RunReport;
import utrace.checker.report.Schemas;
import utrace.checker.run.RunOptions;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.InvariantSet;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/**
 * crosscheck's JSON and JUnit: the real command where JPF is installed
 * (JPF_HOME), and everywhere the rows as the command builds them from the
 * native side with JPF left out (skipped rows, and an UNEXPECTED one).
 */
class CrosscheckReportTest {
    @TempDir
    Path tmp;

    @Test
    void rowsWithoutJpfValidateAndAnUnexpectedRowFails() throws Exception {
        RunReport rep = new RunReport("crosscheck", "checker.crosscheck");
        rep.header().put("jpf_home", "/nowhere");
        rep.header().put("jpf_driver", "auto");
        rep.header().put("jpf_max_states", 700);
        InvariantSet core = InvariantSet.shipped("core");
        rep.header().set("invariant_set", utrace.checker.report.JsonReport.invariantSet(core));
        Mutation m = Mutation.byId("reap-not-deferred");
        Crosscheck.Row good = Crosscheck.mutationRow(m, Scenarios.load(m.scenario), core);
        // The same mutation row without its mutation: PASS where VIOLATION is required.
        Crosscheck.Row bad = new Crosscheck.Row(good.label(), good.scenario(), utrace.model.ModelConfig.fullSeries(),
            good.invariants(), false, Crosscheck.Kind.MUTATION, m.breaks);
        for (Crosscheck.Row row : List.of(Crosscheck.defaultRow(Scenarios.load("stop-then-kill"), core), good, bad)) {
            VerifyRequest req = new VerifyRequest(List.of(row.scenario()), row.invariants(), row.config(), Limits.NONE, tmp);
            var nat = VerifyRun.run(req, new VerifyRun.Listener() {
                @Override public void starting(Scenario s) { }

                @Override public ProgressListener progressFor(Scenario s) { return ProgressListener.NONE; }
            }, RunOptions.DEFAULT, ScaleOptions.SEQUENTIAL).get(0);
            rep.add(CrosscheckRows.row(new Crosscheck.Outcome(row, nat, null, "JPF not installed in this test")));
        }
        List<RunReport.Row> rows = rep.rows();
        assertEquals(RunReport.Status.SKIPPED, rows.get(0).status());
        assertEquals(RunReport.Status.SKIPPED, rows.get(1).status());
        assertEquals(RunReport.Status.FAILURE, rows.get(2).status());
        assertTrue(rows.get(2).message().contains("expected VIOLATION of reap-after-death, got PASS"), rows.get(2).message());
        assertEquals(List.of(), Schemas.problems("crosscheck", rep.json("VIOLATION", 1, null)));
    }

    @Test
    void theRealCommandWithJpf() throws Exception {
        assumeTrue(System.getenv("JPF_HOME") != null, "JPF_HOME is not set: no JPF to run");
        Path junit = tmp.resolve("cc.xml");
        CliTest.Run r = CliTest.run("crosscheck", "-q", "--format", "json", "-s", "reap-races-death", "--no-gate",
            "--trace-dir", tmp.resolve("t").toString(), "--junit", junit.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), Schemas.problems("crosscheck", doc));
        assertEquals(4, doc.get("results").size(), "the scenario and its three mutations (reap-not-deferred, reap-during-death-report, reap-skips-report)");
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"4\" failures=\"0\" errors=\"0\""), xml);
    }
}

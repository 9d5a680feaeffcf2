package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.audit.Audit;
import utrace.checker.audit.Breaker;
import utrace.checker.audit.ScenarioAudit;
import utrace.checker.explore.Limits;
import utrace.checker.report.Schemas;
import utrace.checker.run.ScenarioChecks;
import utrace.invariants.InvariantSet;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/**
 * `checker audit`: which invariants a scenario's PASS backs. It must be able to say "nothing" (step-detach
 * under core alone: a PASS `make verify` printed before the scenario's 'checks' line existed), and every
 * invariant a default scenario names on its 'checks' line must be one some known bug makes fail there.
 */
class AuditTest {
    @TempDir Path tmp;

    @Test
    void aScenarioNoInvariantOfTheSetCanFailOnIsReportedAndFailsTheRun() {
        CliTest.Run r = CliTest.run("audit", "-q", "-s", "step-detach", "-i", "core");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("step-detach: PASS on the full series, 91 states; 0 of 24 invariants (core) shown able to fail here"),
            r.out());
        assertTrue(r.out().contains("scenarios whose PASS shows nothing (no invariant of the set can fail there): step-detach"), r.out());
        assertTrue(r.out().contains("1 scenario(s) with no invariant shown able to fail: their PASS shows nothing; exit code 1"), r.out());
    }

    @Test
    void withItsChecksLineTheSameScenarioIsBackedByWhatItIsAbout() throws Exception {
        CliTest.Run r = CliTest.run("audit", "-q", "-s", "step-detach", "--format", "json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get("results").get(0);
        List<String> live = new ArrayList<>();
        row.get("live").forEach(n -> live.add(n.asText()));
        assertEquals(List.of("ptrace-step-kept", "wait-report-correct", "ptrace-return-as-stated"), live);
        List<String> breakers = new ArrayList<>();
        row.get("breakers").get("ptrace-step-kept").forEach(n -> breakers.add(n.asText()));
        assertTrue(breakers.contains("mutation step-kept-after-detach"), breakers.toString());
        assertTrue(breakers.contains("without patch 26"), breakers.toString());
    }

    /** A checks line that names something no known bug can make fail on its scenario would be a PASS of nothing. */
    @Test
    void everyInvariantOnADefaultScenariosChecksLineCanFailThere() throws Exception {
        Audit audit = new Audit(new Limits(2_000_000, 0), Breaker.all(true));
        InvariantSet core = InvariantSet.shipped("core");
        List<String> dead = new ArrayList<>();
        int named = 0;
        for (String n : Scenarios.shippedNames()) {
            Scenario s = Scenarios.load(n);
            if (s.checks().isEmpty()) continue;
            ScenarioAudit a = audit.run(s, ScenarioChecks.plus(core, List.of(s)).invariants(), Audit.Progress.NONE);
            for (String c : s.checks()) {
                named++;
                if (!a.live().contains(c)) dead.add(n + ": " + c);
            }
        }
        assertTrue(named >= 30, "the default scenarios name " + named + " invariants on checks lines");
        assertEquals(List.of(), dead);
    }

    @Test
    void everyDefaultScenarioBacksSomeInvariant() {
        CliTest.Run r = CliTest.run("audit", "-q", "--no-patches");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("every scenario has an invariant shown able to fail; exit code 0"), r.out());
        assertFalse(r.out().contains("their PASS shows nothing"), r.out());
    }

    @Test
    void aChecksLineNamingNoInvariantIsAUsageError() throws Exception {
        Path f = tmp.resolve("bad.scenario");
        Files.writeString(f, "scenario bad-checks\nchecks no-such-invariant\nengine E1 events=QUIESCE\ntracee syscall exit\n"
            + "owner E1 attach\n");
        // Refused with or without -i: the scenario file itself is wrong.
        for (String[] args : new String[][] {{"audit", "-q", "-s", f.toString()}, {"audit", "-q", "-i", "core", "-s", f.toString()},
                {"verify", "-q", "-s", f.toString(), "--trace-dir", tmp.toString()},
                {"verify", "-q", "-i", "core", "-s", f.toString(), "--trace-dir", tmp.toString()}}) {
            String cmd = String.join(" ", args);
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), cmd + ": " + r.out() + r.err());
            assertTrue(r.err().contains("its 'checks' line names 'no-such-invariant', which is no invariant"), cmd + ": " + r.err());
        }
    }

    @Test
    void aSearchCutByTheLimitLeavesTheScenarioUndecided() {
        CliTest.Run r = CliTest.run("audit", "-q", "-s", "step-detach", "-i", "core", "--no-patches", "--max-states", "5");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("cut by --max-states: mutation"), r.out());
    }

    /** What the barrier pairs protect fails only under weak memory without a barrier: --weak adds those breakers. */
    @Test
    void aWeakMemoryRaceNeedsTheBarrierBreakers() {
        CliTest.Run sc = CliTest.run("audit", "-q", "-s", "report-request-race", "-i", "report-not-lost", "--no-patches");
        assertEquals(1, sc.code(), sc.out() + sc.err());
        CliTest.Run weak = CliTest.run("audit", "-q", "-s", "report-request-race", "-i", "report-not-lost", "--no-patches", "--weak");
        assertEquals(0, weak.code(), weak.out() + weak.err());
        assertTrue(weak.out().contains("report-not-lost                    fails with without barrier B5.writer (weak memory)"), weak.out());
    }

    /** A finding violates on the full series: there is no PASS to be vacuous, and the audit says what it is. */
    @Test
    void aScenarioTheSeriesViolatesIsAFindingNotAVacuousPass() {
        CliTest.Run r = CliTest.run("audit", "-q", "-s", "exit-stop-then-resume", "-i", "all", "--no-patches");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("exit-stop-then-resume: VIOLATION on the full series (search stopped at it after"), r.out());
        assertTrue(r.out().contains("VIOLATED on the full series (a finding"), r.out());
        assertFalse(r.out().contains("their PASS shows nothing"), r.out());
    }

    /**
     * A stated result whose call returns on no path was never judged: the second wait states nothing and blocks
     * for good, so 'detach -> 0' is never checked, although verify passes. The audit names it and fails the row.
     */
    @Test
    void aStatedResultNoPathChecksFailsTheAudit() throws Exception {
        Path f = tmp.resolve("hollow.scenario");
        Files.writeString(f, "scenario hollow\ntracee raise SIGSTOP exit 4\n"
            + "ptrace attach after tracee:stopped -> 0; wait -> stopped SIGSTOP; wait; detach -> 0\nparent ptrace\n");
        assertEquals(0, CliTest.run("verify", "-q", "-s", f.toString(), "-i", "all").code());
        CliTest.Run r = CliTest.run("audit", "-q", "--no-patches", "-s", f.toString(), "-i", "wait-report-correct,ptrace-return-as-stated");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("stated results no path checks (the call never returns; the PASS never judged them): "
            + "ptrace's 'detach -> 0' (request 4)"), r.out());
        assertTrue(r.out().contains("1 scenario(s) with stated results no path checks"), r.out());
        CliTest.Run j = CliTest.run("audit", "-q", "--no-patches", "-s", f.toString(), "-i", "wait-report-correct,ptrace-return-as-stated",
            "--format", "json");
        assertEquals(1, j.code(), j.out() + j.err());
        assertEquals(List.of(), Schemas.problems("audit", j.out()), j.out());
        JsonNode row = new ObjectMapper().readTree(j.out()).get("results").get(0);
        assertEquals("[\"ptrace's 'detach -> 0' (request 4)\"]", row.get("stated_results_unchecked").toString());
    }

    /** verify points a user's own passing scenario file at the audit; a shipped scenario's run stays as it was. */
    @Test
    void verifyOfAPassingScenarioFileNamesTheAudit() throws Exception {
        Path f = tmp.resolve("mine.scenario");
        Files.writeString(f, "scenario mine\ntracee raise SIGSTOP exit 4\nptrace attach after tracee:stopped -> 0; wait -> stopped SIGSTOP\n"
            + "parent ptrace\n");
        CliTest.Run r = CliTest.run("verify", "-s", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("what a PASS covers: bin/checker audit -s " + f), r.out());
        CliTest.Run shipped = CliTest.run("verify", "-s", "stop-then-resume");
        assertFalse(shipped.out().contains("what a PASS covers"), shipped.out());
    }
}

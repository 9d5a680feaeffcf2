package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.lincheck.Situations;

/** `checker lincheck`: listing, one-line usage errors, exit 1 and a report file when a claim fails. */
class LincheckCommandTest {
    @TempDir Path tmp;

    @Test
    void listNamesEverySituationWithItsKind() {
        CliTest.Run r = CliTest.run("lincheck", "--list");
        assertEquals(0, r.code(), r.err());
        for (String n : Situations.allNames()) assertTrue(r.out().contains(n), n);
        assertTrue(r.out().contains("probe") && r.out().contains("claim"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {
                {"lincheck", "--situation", "nope"},
                {"lincheck", "--iterations", "0"},
                {"lincheck", "--mode", "fast"},
                {"lincheck", "--mutation", "nope"},
                {"lincheck", "--patches", "without:99"},
                {"lincheck", "--scenario", "nope"},
                {"lincheck", "--situation", "stopped-tracee", "--scenario", "stop-then-resume"}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("checker: "), r.err());
        }
    }

    /** --scenario takes any shipped scenario (a matrix one here) and a scenario file. */
    @Test
    void aScenarioIsAnyShippedNameOrAFile() throws Exception {
        CliTest.Run r = CliTest.run("lincheck", "-q", "--situation", "shipped-contracts", "--scenario", "examine-group-stopped",
            "--mutation", "prepare-examine-ignores-engine-stop", "--iterations", "1", "--invocations", "100",
            "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("examine-means-unscheduled:"), r.out());
        Path file = tmp.resolve("my-stop.scenario");
        Files.writeString(file, "scenario my-stop\nengine E1 preattached events=QUIESCE|SYSCALL_ENTRY\n"
            + "callback E1 syscall_entry=STOP\ntracee syscall\nowner E1 wait_stopped; control RESUME\n");
        CliTest.Run f = CliTest.run("lincheck", "-q", "--situation", "shipped-contracts", "--scenario", file.toString(),
            "--iterations", "1", "--invocations", "20", "--trace-dir", tmp.toString());
        assertEquals(0, f.code(), f.out() + f.err());
        assertTrue(f.out().contains("HOLDS"), f.out());
    }

    /** --scenario alone runs shipped-contracts on it, not every situation with the option ignored. */
    @Test
    void aScenarioAloneRunsShippedContractsOnIt() {
        CliTest.Run r = CliTest.run("lincheck", "-q", "--scenario", "stop-then-resume", "--iterations", "1",
            "--invocations", "20", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 situation(s)"), r.out());
        assertTrue(r.out().contains("shipped-contracts"), r.out());
    }

    @Test
    void helpTeachesTheBudgets() {
        CliTest.Run r = CliTest.run("lincheck", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--iterations") && r.out().contains("--invocations") && r.out().contains("Exit codes"));
    }

    @Test
    void aSeededBugExitsOneAndNamesItsReport() throws Exception {
        CliTest.Run r = CliTest.run("lincheck", "--situation", "shipped-contracts", "--scenario", "detach-during-callback",
            "--mutation", "detach-ignores-reporting", "--iterations", "1", "--invocations", "200", "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED"), r.out());
        assertTrue(r.out().contains("detach-is-final:"), r.out());
        Matcher m = Pattern.compile("report: (\\S+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        Path report = Path.of(m.group(1));
        assertEquals(tmp.resolve("lincheck").resolve("shipped-contracts+detach-ignores-reporting.model-checking.txt"), report);
        assertTrue(Files.readString(report).contains("The following interleaving leads to the error"));
    }
}

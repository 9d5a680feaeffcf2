package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench and lincheck say what runs, how far they are and at what rate, on
 * stderr (stdout stays the table, or the JSON document), and end with a
 * summary line that gives the exit code; --quiet leaves the progress out.
 */
class ProgressLinesTest {
    @TempDir
    Path tmp;

    private static String lastLine(String s) {
        List<String> l = s.lines().filter(x -> !x.isBlank()).toList();
        return l.get(l.size() - 1);
    }

    @Test
    void lincheckProgressOnStderrSummaryLastOnStdout() {
        CliTest.Run r = CliTest.run("lincheck", "--situation", "detach-vs-exit", "--situation", "zombie-reap", "-n", "1",
            "-k", "20", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("[lincheck 1/2] detach-vs-exit, model-checking"), r.err());
        assertTrue(r.err().contains("2 of 2 done"), r.err());
        assertTrue(r.err().contains("invocations/s"), r.err());
        assertTrue(lastLine(r.out()).matches("2 situation run\\(s\\): .* exit code 0"), lastLine(r.out()));
        CliTest.Run q = CliTest.run("lincheck", "-q", "--situation", "detach-vs-exit", "-n", "1", "-k", "20",
            "--trace-dir", tmp.toString());
        assertEquals("", q.err());
        CliTest.Run j = CliTest.run("lincheck", "--format", "json", "--situation", "detach-vs-exit", "-n", "1", "-k", "20",
            "--trace-dir", tmp.toString());
        assertTrue(j.out().trim().startsWith("{") && j.out().trim().endsWith("}"), "stdout is only the JSON: " + j.out());
        assertFalse(j.err().isEmpty(), "progress still on stderr");
    }

    @Test
    void benchAnnouncesEachRunAndEndsWithTheExitCode() {
        CliTest.Run r = CliTest.run("bench", "-s", "stop-then-kill", "--no-scaling", "--no-por-rows", "--por-bound-max", "0",
            "-w", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("[bench ") && r.err().contains("run 1] table: stop-then-kill, 1 worker ..."), r.err());
        assertTrue(r.err().contains("states/s"), r.err());
        assertTrue(lastLine(r.out()).matches("bench: [0-9]+ measured run\\(s\\) in [0-9.]+ s; exit code 0"), lastLine(r.out()));
        CliTest.Run q = CliTest.run("bench", "-q", "-s", "stop-then-kill", "--no-scaling", "--no-por-rows", "--por-bound-max", "0",
            "-w", "1");
        assertEquals("", q.err());
    }
}

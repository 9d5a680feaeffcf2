package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --hash-compact and --expected-states from the command line (issue 16 item 5). */
class HashCompactCliTest {
    @TempDir
    Path tmp;

    @Test
    void hashCompactNeverSaysPassAndFindsViolations() {
        CliTest.Run r = CliTest.run("verify", "-q", "--hash-compact", "-s", "detach-sigkill-race", "--trace-dir", tmp.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("no violation found (probabilistic): hash compaction"), r.out());
        assertTrue(r.out().contains("hash compaction (64 MB)"), "sized for 10 million states by default: " + r.out());
        CliTest.Run v = CliTest.run("verify", "-q", "--hash-compact", "--expected-states", "5000", "-s", "detach-during-callback",
            "--mutation", "detach-ignores-reporting", "--trace-dir", tmp.toString());
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("with hash compaction"), v.out());
    }

    @Test
    void bitstateIsSizedFromTheExpectedStates() {
        CliTest.Run r = CliTest.run("verify", "-q", "--bitstate", "--expected-states", "1000", "-s", "stop-then-resume",
            "--trace-dir", tmp.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("(2^15 bits)") && r.out().contains("Holzmann's coverage estimate"), r.out());
    }

    @Test
    void optionsThatDoNotFitTogetherAreRefused() {
        String[][] bad = {
            {"verify", "-s", "stop-then-resume", "--expected-states", "1000"},
            {"verify", "-s", "stop-then-resume", "--bitstate", "--hash-compact"},
            {"verify", "-s", "stop-then-resume", "--bitstate=8", "--expected-states", "1000"},
            {"verify", "-s", "stop-then-resume", "--hash-compact", "--expected-states", "0"},
            {"verify", "-s", "stop-then-resume", "--hash-compact", "--search", "dfs"},
            {"verify", "-s", "stop-then-resume", "--bitstate=lots"},
            {"gate", "--hash-compact"},
        };
        for (String[] args : bad) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("checker: ") && !r.err().contains("Exception"), r.err());
        }
    }
}

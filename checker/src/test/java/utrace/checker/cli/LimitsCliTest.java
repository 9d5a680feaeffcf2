package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14 item 9: limits that meant "no limit" without saying so are refused (one line, exit 2); a state
 * limit is exact with several workers; a limited run's counts and the fingerprint seed are the same with
 * one worker and two.
 */
class LimitsCliTest {
    @TempDir
    Path tmp;

    @Test
    void negativeAndZeroLimitsAreRefusedOnOneLine() {
        String[][] bad = {
            {"verify", "-s", "stop-then-resume", "--max-states", "-1"},
            {"verify", "-s", "stop-then-resume", "--time-limit", "-1s"},
            {"verify", "-s", "stop-then-resume", "--time-limit", "0s"},
            {"verify", "-s", "stop-then-resume", "--time-limit", "0"},
            {"gate", "--max-states", "-5"},
            {"crosscheck", "--time-limit", "0ms"},
        };
        for (String[] args : bad) {
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + ": " + r.err());
            assertEquals("", r.out(), what);
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("checker: ") && (first.contains("state count") || first.contains("duration")), first);
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void zeroStatesStillMeansNoLimitAsTheHelpSays() {
        CliTest.Run r = CliTest.run("verify", "-q", "-s", "stop-then-resume", "--max-states", "0", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.err());
        CliTest.Run help = CliTest.run("verify", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("0 = no limit (the default)"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Default: no time limit"), help.out());
    }

    @Test
    void aStateLimitIsExactAndTheSameForOneAndTwoWorkers() throws Exception {
        JsonNode one = json("1");
        JsonNode two = json("2");
        assertEquals(one.get("fingerprint_seed"), two.get("fingerprint_seed"));
        JsonNode r1 = one.get("results").get(0);
        JsonNode r2 = two.get("results").get(0);
        assertEquals("INCOMPLETE", r1.get("verdict").asText());
        assertEquals(70_000, r1.get("states").asLong());
        for (String f : new String[] {"verdict", "states", "transitions", "max_depth", "incomplete_reason"}) {
            assertEquals(r1.get(f), r2.get(f), f);
        }
    }

    private JsonNode json(String workers) throws Exception {
        CliTest.Run r = CliTest.run("verify", "-q", "--format", "json", "-s", "bench-large", "--max-states", "70000",
            "-w", workers, "--trace-dir", tmp.resolve("w" + workers).toString());
        assertEquals(3, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}

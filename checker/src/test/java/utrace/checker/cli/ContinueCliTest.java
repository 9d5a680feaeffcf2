package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * `verify --continue` on the command line: reap-races-death with
 * reap-not-deferred violates three core invariants; text, JSON and JUnit
 * carry one row / result / testcase per violated invariant, each with its own
 * trace file, then one for the search that passes; exit code 1.
 */
class ContinueCliTest {
    /** The size of the core set (the default of verify), read from its file rather than written here. */
    static final int CORE = coreSize();

    private static int coreSize() {
        try {
            return utrace.invariants.InvariantSet.shipped("core").invariants().size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @TempDir
    Path tmp;

    private CliTest.Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "-q", "--scenario", "reap-races-death", "--mutation", "reap-not-deferred",
            "--continue", "--trace-dir", tmp.resolve("t").toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(new String[0]));
    }

    @Test void textHasOneRowPerSearch() {
        CliTest.Run r = verify();
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("--continue: after a violation each scenario is searched again"), r.out());
        for (String inv : List.of("reap-after-death", "nothing-after-reap", "attach-ordering")) {
            assertTrue(r.out().contains("reap-races-death+reap-not-deferred." + inv + ".json"), inv + ":\n" + r.out());
            assertTrue(Files.exists(tmp.resolve("t").resolve("reap-races-death+reap-not-deferred." + inv + ".txt")), inv);
        }
        assertTrue(r.out().contains("search 2 (--continue): " + (CORE - 1) + " invariants, without reap-after-death "
            + "(reported above)"), r.out());
        assertTrue(r.out().contains("search 4 (--continue): " + (CORE - 3) + " invariants, without reap-after-death, "
            + "nothing-after-reap, attach-ordering (reported above): the " + (CORE - 3) + " left hold"), r.out());
        assertTrue(r.out().contains("0 PASS, 1 VIOLATION, 0 INCOMPLETE (3 invariants violated, a trace each)"), r.out());
    }

    @Test void jsonHasOneResultPerSearch() throws Exception {
        CliTest.Run r = verify("--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.get("continue").asBoolean());
        JsonNode results = root.get("results");
        assertEquals(4, results.size(), results.toString());
        List<String> without = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            JsonNode n = results.get(k);
            assertEquals(k + 1, n.get("search").asInt());
            assertEquals(CORE - k, n.get("invariants_checked").asInt());
            List<String> got = new ArrayList<>();
            n.get("without_invariants").forEach(w -> got.add(w.asText()));
            assertEquals(without, got);
            if (k < 3) {
                assertEquals("VIOLATION", n.get("verdict").asText());
                String inv = n.get("violation").get("invariant").asText();
                assertTrue(n.get("violation").get("trace").asText().endsWith("." + inv + ".json"));
                without.add(inv);
            } else {
                assertEquals("PASS", n.get("verdict").asText());
            }
        }
        assertEquals("VIOLATION", root.get("verdict").asText());
        assertEquals(1, root.get("exit_code").asInt());
    }

    @Test void junitHasOneTestcasePerViolatedInvariant() throws Exception {
        Path junit = tmp.resolve("junit.xml");
        CliTest.Run r = verify("--junit", junit.toString());
        assertEquals(1, r.code(), r.err());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"4\" failures=\"3\" errors=\"0\""), xml);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<testcase [^>]*name=\"([^\"]+)\"").matcher(xml);
        while (m.find()) names.add(m.group(1));
        assertEquals(List.of("reap-races-death: reap-after-death", "reap-races-death: nothing-after-reap",
            "reap-races-death: attach-ordering", "reap-races-death: the " + (CORE - 3) + " invariants left"), names);
    }

    @Test void withoutContinueTheFirstViolationEndsTheScenario() {
        CliTest.Run r = CliTest.run("verify", "-q", "--scenario", "reap-races-death", "--mutation", "reap-not-deferred",
            "--trace-dir", tmp.resolve("t").toString());
        assertEquals(1, r.code());
        assertFalse(r.out().contains("--continue"), r.out());
        assertFalse(r.out().contains("nothing-after-reap:"), r.out());
    }

    @Test void jpfRefusesContinue() {
        CliTest.Run r = CliTest.run("verify", "--engine", "jpf", "--continue", "--scenario", "reap-races-death");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--continue works with the native engine only"), r.err());
    }
}

package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * replay prints what the model computes, not what the file says: a trace
 * whose fingerprints all match but whose printed fields were edited
 * (final_state, a step's label, changes or role, violation.message) is a
 * MISMATCH (exit 4) naming the field, and the edited text is not printed.
 */
class ReplayMismatchTest {
    @TempDir
    Path tmp;

    Path trace;
    static final ObjectMapper M = new ObjectMapper();
    static final String TAMPERED = "TAMPERED-BY-HAND";

    @BeforeEach
    void writeATrace() {
        CliTest.Run r = CliTest.run("verify", "-q", "-s", "reap-races-death", "-m", "reap-not-deferred", "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.err());
        trace = tmp.resolve("reap-races-death+reap-not-deferred.reap-after-death.json");
    }

    private CliTest.Run replayEdited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) M.readTree(Files.readAllBytes(trace));
        edit.accept(doc);
        Path f = tmp.resolve("edited.json");
        Files.write(f, M.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        return CliTest.run("replay", f.toString());
    }

    private static ObjectNode step(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("steps").get(i);
    }

    private static void assertMismatch(CliTest.Run r, String field) {
        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("replay: MISMATCH"), r.out());
        assertTrue(r.out().contains(field), "names " + field + ": " + r.out());
        String trace = r.out().substring(0, r.out().indexOf("replay: MISMATCH"));
        assertFalse(trace.contains(TAMPERED), "the edited text is printed as if the model said it: " + trace);
    }

    @Test
    void anUneditedTraceReproduces() {
        CliTest.Run r = CliTest.run("replay", trace.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("replay: REPRODUCED"), r.out());
        assertFalse(r.out().contains("MISMATCH"), r.out());
    }

    @Test
    void anEditedLabel() throws Exception {
        assertMismatch(replayEdited(d -> step(d, 0).put("label", TAMPERED)), "steps[0].label");
    }

    @Test
    void anEditedRole() throws Exception {
        assertMismatch(replayEdited(d -> step(d, 1).put("role", TAMPERED)), "steps[1].role");
    }

    @Test
    void anEditedChange() throws Exception {
        assertMismatch(replayEdited(d -> {
            for (JsonNode s : d.get("steps")) {
                if (s.get("changes").size() > 0) {
                    ((ObjectNode) s.get("changes").get(0)).put("new", TAMPERED);
                    return;
                }
            }
        }), ".changes");
    }

    @Test
    void anEditedFinalState() throws Exception {
        assertMismatch(replayEdited(d -> {
            ObjectNode fs = (ObjectNode) d.get("final_state");
            fs.put(fs.fieldNames().next(), TAMPERED);
        }), "final_state.");
    }

    @Test
    void anEditedViolationMessage() throws Exception {
        assertMismatch(replayEdited(d -> ((ObjectNode) d.get("violation")).put("message", TAMPERED)), "violation.message");
    }

    @Test
    void jsonSaysMismatchToo() throws Exception {
        ObjectNode doc = (ObjectNode) M.readTree(Files.readAllBytes(trace));
        step(doc, 0).put("label", TAMPERED);
        Path f = tmp.resolve("edited.json");
        Files.write(f, M.writeValueAsBytes(doc));
        CliTest.Run r = CliTest.run("replay", "--format", "json", f.toString());
        JsonNode j = M.readTree(r.out());
        assertEquals("MISMATCH", j.get("outcome").asText());
        assertEquals(4, j.get("exit_code").asInt());
        assertTrue(j.get("mismatches").get(0).asText().startsWith("steps[0].label"), r.out());
    }

    @Test
    void anEscapeSequenceInAnEditedFieldIsShownNotObeyed() throws Exception {
        // ESC [2J clears the terminal of whoever replays a trace someone sent them.
        CliTest.Run r = replayEdited(d -> step(d, 0).put("label", "\u001b[2J\u001b[31mred\u0007"));
        assertMismatch(r, "steps[0].label");
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        assertTrue(r.out().contains("\\x1b[2J\\x1b[31mred\\x07"), r.out());
    }

    @Test
    void quietOutputStartsWithTheVerdict() {
        CliTest.Run r = CliTest.run("replay", "-q", trace.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("replay: REPRODUCED"), "no blank first line under --quiet: [" + r.out() + "]");
    }

    /** The JUnit report agrees with the exit code: a reproduced violation is a failure, a mismatch an error. */
    @Test
    void theJunitReportAgreesWithTheExitCode() throws Exception {
        Path xml = tmp.resolve("replay.xml");
        CliTest.Run r = CliTest.run("replay", "-q", "--junit", xml.toString(), trace.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String report = Files.readString(xml);
        assertTrue(report.contains("failures=\"1\" errors=\"0\""), report);
        assertTrue(report.contains("reap-after-death is violated"), report);
        ObjectNode doc = (ObjectNode) M.readTree(Files.readAllBytes(trace));
        step(doc, 0).put("label", TAMPERED);
        Path f = tmp.resolve("edited.json");
        Files.write(f, M.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        r = CliTest.run("replay", "-q", "--junit", xml.toString(), f.toString());
        assertEquals(4, r.code(), r.out() + r.err());
        report = Files.readString(xml);
        assertTrue(report.contains("failures=\"0\" errors=\"1\""), report);
        assertTrue(report.contains("MISMATCH"), report);
    }
}

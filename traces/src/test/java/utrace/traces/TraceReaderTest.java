package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    @TempDir Path dir;
    private List<String> lines;

    @BeforeEach void writeGoodTrace() throws Exception {
        Path good = dir.resolve("good.json");
        TraceWriter.writeJson(Fixtures.reapTrace(), good);
        lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
    }

    /** 1-based line number of the n-th (1-based) line containing {@code text}. */
    private int lineOf(String text, int n) {
        for (int i = 0, seen = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == n) return i + 1;
        }
        throw new AssertionError("no occurrence " + n + " of " + text);
    }

    private TraceFormatException readEdited(int line, UnaryOperator<String> edit) throws Exception {
        List<String> copy = new ArrayList<>(lines);
        copy.set(line - 1, edit.apply(copy.get(line - 1)));
        return readText(String.join("\n", copy) + "\n");
    }

    private TraceFormatException readText(String text) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        return assertThrows(TraceFormatException.class, () -> TraceReader.read(bad));
    }

    private String at(int line) {
        return dir.resolve("bad.json") + ":" + line + ": ";
    }

    @Test void seedReferencesReadBackAndMayBeAbsent() throws Exception {
        Trace t = Fixtures.reapTrace();
        Path good = dir.resolve("good.json");
        Trace back = TraceReader.read(good);
        assertEquals(t, back);
        assertTrue(back.steps().stream().allMatch(s -> s.seedLine() > 0 && !s.file().isEmpty()), "every step has its line");
        // A trace from before steps carried references still reads: the fields are optional.
        List<String> without = new ArrayList<>();
        for (String l : lines) if (!l.contains("\"seed_line\"") && !l.contains("\"file\": \"kernel/")
            && !l.contains("\"file\": \"include/")) without.add(l);
        Path old = dir.resolve("old.json");
        Files.writeString(old, String.join("\n", without) + "\n", StandardCharsets.UTF_8);
        Trace read = TraceReader.read(old);
        assertTrue(read.steps().stream().allMatch(s -> s.seedLine() == 0 && s.file().isEmpty()));
        TraceFormatException e = readEdited(lineOf("\"seed_line\"", 1), l -> l.replaceAll("\\d+", "0"));
        assertTrue(e.getMessage().contains("seed_line"), e.getMessage());
    }

    @Test void malformedJsonNamesFileAndLine() throws Exception {
        int line = lineOf("\"initial_fingerprint\"", 1);
        TraceFormatException e = readEdited(line, l -> "  \"initial_fingerprint\": ,");
        assertTrue(e.getMessage().startsWith(at(line) + "malformed JSON: "), e.getMessage());
        assertEquals(line, e.line());
    }

    @Test void truncatedFileIsMalformed() throws Exception {
        TraceFormatException e = readText(String.join("\n", lines.subList(0, 20)));
        assertTrue(e.getMessage().matches(".*bad\\.json:\\d+: malformed JSON: .*"), e.getMessage());
    }

    @Test void emptyFile() throws Exception {
        TraceFormatException e = readText("");
        assertEquals(at(1) + "empty file: expected a JSON trace object", e.getMessage());
    }

    @Test void notAnObject() throws Exception {
        TraceFormatException e = readText("[1, 2]\n");
        assertEquals(at(1) + "expected a JSON object (a trace document), got an array", e.getMessage());
    }

    @Test void missingFieldNamesTheFieldAndItsObject() throws Exception {
        int line = lineOf("\"fingerprint\"", 3);
        int stepStart = line;
        while (!lines.get(stepStart - 1).trim().equals("{")) stepStart--;
        TraceFormatException e = readEdited(line, l -> "      \"unrelated\": \"x\",");
        assertEquals(at(stepStart) + "steps[2]: missing field \"fingerprint\" (expected a fingerprint of 16 lowercase"
            + " hex digits)", e.getMessage());
    }

    @Test void invalidFieldSaysWhatItShouldBe() throws Exception {
        int line = lineOf("\"fingerprint\"", 2);
        TraceFormatException e = readEdited(line, l -> "      \"fingerprint\": \"XYZ\",");
        assertEquals(at(line) + "steps[1].fingerprint: expected a fingerprint of 16 lowercase hex digits, got \"XYZ\"",
            e.getMessage());

        int idx = lineOf("\"index\": 4", 1);
        e = readEdited(idx, l -> "      \"index\": 7,");
        assertEquals(at(idx) + "steps[3].index: expected the step number 4 (steps count from 1, in order), got 7",
            e.getMessage());

        int patch = lineOf("\"patch\"", 1);
        e = readEdited(patch, l -> "      \"patch\": \"six\",");
        assertTrue(e.getMessage().startsWith(at(patch) + "steps[0].patch: expected a patch number 0..33"), e.getMessage());

        int kind = lineOf("\"kind\"", 1);
        e = readEdited(kind, l -> "    \"kind\": \"SOMETIMES\",");
        assertEquals(at(kind) + "violation.kind: expected one of \"TRANSITION\", \"STATE\", \"TERMINAL\", \"CYCLE\", got \"SOMETIMES\"",
            e.getMessage());
    }

    @Test void unsupportedSchemaVersion() throws Exception {
        int line = lineOf("\"schema_version\"", 1);
        TraceFormatException e = readEdited(line, l -> "  \"schema_version\": 2,");
        assertEquals(at(line) + "schema_version: unsupported schema_version 2; this tool reads schema_version 1",
            e.getMessage());
    }

    @Test void unknownMutationAndInvariantAreFormatErrors() throws Exception {
        int line = lineOf("\"reap-not-deferred\"", 1);
        TraceFormatException e = readEdited(line, l -> l.replace("reap-not-deferred", "no-such-mutation"));
        assertTrue(e.getMessage().startsWith(at(line) + "config.mutations[0]: unknown mutation \"no-such-mutation\"; known: "),
            e.getMessage());

        int inv = lineOf("\"name\": \"reap-after-death\"", 1);
        e = readEdited(inv, l -> l.replace("reap-after-death", "no-such-invariant"));
        assertTrue(e.getMessage().startsWith(at(inv) + "invariant.name: unknown invariant \"no-such-invariant\"; known: "),
            e.getMessage());
    }

    @Test void unsupportedMemoryModel() throws Exception {
        int line = lineOf("\"memory_model\"", 1);
        TraceFormatException e = readEdited(line, l -> l.replace("\"sc\"", "\"tso\""));
        assertTrue(e.getMessage().startsWith(at(line) + "config.memory_model: unsupported memory_model \"tso\""),
            e.getMessage());
    }

    @Test void duplicateKeysAreRejected() throws Exception {
        int line = lineOf("\"tool\"", 1);
        TraceFormatException e = readEdited(line, l -> l + " \"tool\": \"again\",");
        assertTrue(e.getMessage().startsWith(at(line) + "malformed JSON: Duplicate field 'tool'"), e.getMessage());
    }

    @Test void missingFileIsNoSuchFile() {
        Path missing = dir.resolve("nope/trace.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TraceReader.read(missing));
        assertEquals(missing.toString(), e.getFile());
        assertTrue(e.getMessage().contains("trace file not found"), e.getMessage());
    }
}

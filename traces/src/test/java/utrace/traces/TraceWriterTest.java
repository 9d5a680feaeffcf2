package utrace.traces;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterTest {
    @TempDir Path dir;

    @Test void jsonRoundTrips() throws Exception {
        Trace t = Fixtures.reapTrace();
        Path file = dir.resolve("trace.json");
        TraceWriter.writeJson(t, file);
        Trace back = TraceReader.read(file);
        assertEquals(t, back);
        assertEquals(List.copyOf(t.finalState().keySet()), List.copyOf(back.finalState().keySet()), "order kept");
        // The record mapping alone reads it too, for callers that use Jackson directly.
        assertEquals(t, TraceJson.MAPPER.readValue(file.toFile(), Trace.class));
    }

    @Test void jsonIsByteForByteDeterministic() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        TraceWriter.writeJson(Fixtures.reapTrace(), a);
        TraceWriter.writeJson(Fixtures.reapTrace(), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        // a re-read trace writes back identically too
        Path c = dir.resolve("c.json");
        TraceWriter.writeJson(TraceReader.read(a), c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c));

        String json = Files.readString(a, StandardCharsets.UTF_8);
        assertTrue(json.endsWith("}\n"), "trailing newline");
        assertFalse(json.contains("\r"), "\\n line ends on every platform");
        assertTrue(json.startsWith("{\n  \"schema_version\": 1,\n  \"tool\": \"utrace-checker 0.1.0\",\n"), json);
        for (String field : List.of("\"initial_fingerprint\"", "\"actor_name\"", "\"final_state\"", "\"memory_model\": \"sc\"",
                "\"mutations\": [\n      \"reap-not-deferred\"\n    ]", "\"old\"", "\"new\"")) {
            assertTrue(json.contains(field), field);
        }
    }

    @Test void writesAreAtomicAndLeaveNoTempFiles() throws Exception {
        Trace t = Fixtures.reapTrace();
        Path nested = dir.resolve("out/deeper");
        Path json = nested.resolve("t.json");
        Path text = nested.resolve("t.txt");
        Files.createDirectories(nested);
        Files.writeString(json, "stale content that must be replaced");
        TraceWriter.writeJson(t, json);
        TraceWriter.writeText(t, text);
        TraceWriter.writeJson(t, json);
        try (Stream<Path> s = Files.list(nested)) {
            assertEquals(List.of("t.json", "t.txt"),
                s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals(t, TraceReader.read(json));
        assertEquals(TextRenderer.render(t), Files.readString(text, StandardCharsets.UTF_8));
    }

    @Test void createsParentDirectories() throws Exception {
        Path file = dir.resolve("a/b/c/trace.json");
        TraceWriter.writeJson(Fixtures.reapTrace(), file);
        assertTrue(Files.isRegularFile(file));
    }
}

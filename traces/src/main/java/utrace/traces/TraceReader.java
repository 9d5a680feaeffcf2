package utrace.traces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads a JSON trace and checks it is one this tool can replay. */
public final class TraceReader {
    private TraceReader() {}

    /**
     * @throws NoSuchFileException if there is no such file (its message says "trace file not found")
     * @throws TraceFormatException with {@code file:line: what was expected}
     */
    public static Trace read(Path file) throws IOException, TraceFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "trace file not found");
        }
        String name = file.toString();
        JsonLines lines;
        try (JsonParser p = TraceJson.MAPPER.getFactory().createParser(bytes)) {
            // Duplicate keys would make the document mean whichever the reader keeps.
            p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            if (p.nextToken() == null) throw new TraceFormatException(name, 1, "empty file: expected a JSON trace object");
            lines = JsonLines.scan(p);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new TraceFormatException(name, p.currentTokenLocation().getLineNr(),
                    "unexpected content after the trace object: expected end of file");
            }
        } catch (StreamReadException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new TraceFormatException(name, line, "malformed JSON: " + e.getOriginalMessage());
        }
        JsonNode root = TraceJson.MAPPER.readTree(bytes);
        JsonFields fields = new JsonFields(name, lines);
        Trace t = new TraceDecoder(fields).decode(root);
        TraceReferences.resolve(t, fields::error);
        return t;
    }
}

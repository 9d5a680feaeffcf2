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

    /** Largest trace file read (the largest shipped trace is well under 1 MB). */
    static final long MAX_BYTES = 64L << 20;
    /** Deepest JSON nesting read: a trace nests 4 levels; 100,000 '[' must not cost the stack. */
    static final int MAX_DEPTH = 64;

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Jackson's locations name a source it was told not to include: keep only the line and column.
        return line.replaceAll("\\[Source: REDACTED \\(`StreamReadFeature\\.INCLUDE_SOURCE_IN_LOCATION` disabled\\); ", "[");
    }

    /**
     * @throws NoSuchFileException if there is no such file (its message says "trace file not found")
     * @throws TraceFormatException with {@code file:line: what was expected}
     */
    public static Trace read(Path file) throws IOException, TraceFormatException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new TraceFormatException(name, 0, "is a directory; expected a trace file (*.json)");
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TraceFormatException(name, 0, "not a regular file; expected a trace file (*.json)");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TraceFormatException(name, 0, "the file has " + Files.size(file) + " bytes; a trace has at most "
                    + MAX_BYTES + " (is it a trace?)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "trace file not found");
        }
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
            throw new TraceFormatException(name, line, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // e.g. nesting deeper than a trace ever has: refused before it costs stack or memory
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new TraceFormatException(name, line, "not a trace: " + firstLine(e.getOriginalMessage()));
        }
        JsonNode root = TraceJson.MAPPER.readTree(bytes);
        JsonFields fields = new JsonFields(name, lines);
        Trace t = new TraceDecoder(fields).decode(root);
        TraceReferences.resolve(t, fields::error);
        return t;
    }
}

package utrace.traces;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The line where each value of a JSON document starts, by field path
 * ("steps[2].fingerprint"). A JsonNode tree forgets locations, so the reader
 * takes them from a streaming pass to point errors at the offending line.
 */
final class JsonLines {
    private final Map<String, Integer> lines = new HashMap<>();

    /** Scans the value at the parser's current token (the caller has advanced to it). */
    static JsonLines scan(JsonParser p) throws IOException {
        JsonLines l = new JsonLines();
        l.value(p, "");
        return l;
    }

    private void value(JsonParser p, String path) throws IOException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                value(p, child(path, name));
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) value(p, element(path, i++));
        }
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String element(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The line of {@code path}, or of its nearest enclosing value that exists (a missing field's object). */
    int line(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 1;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}

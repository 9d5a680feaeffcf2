package utrace.traces;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of a parsed trace, failing with
 * {@code file:line: path: expected ...} so a hand-edited trace can be fixed
 * from the message alone.
 */
final class JsonFields {
    private final String file;
    private final JsonLines lines;

    JsonFields(String file, JsonLines lines) {
        this.file = file;
        this.lines = lines;
    }

    TraceFormatException error(String path, String what) {
        return new TraceFormatException(file, lines.line(path), (path.isEmpty() ? "" : path + ": ") + what);
    }

    JsonNode field(JsonNode obj, String objPath, String name, String expected) throws TraceFormatException {
        JsonNode v = obj.get(name);
        if (v == null) {
            throw error(objPath, "missing field \"" + name + "\" (expected " + expected + ")");
        }
        return v;
    }

    JsonNode object(JsonNode obj, String objPath, String name, String expected) throws TraceFormatException {
        JsonNode v = field(obj, objPath, name, expected);
        if (!v.isObject()) throw wrong(JsonLines.child(objPath, name), expected, v);
        return v;
    }

    JsonNode array(JsonNode obj, String objPath, String name, String expected) throws TraceFormatException {
        JsonNode v = field(obj, objPath, name, expected);
        if (!v.isArray()) throw wrong(JsonLines.child(objPath, name), expected, v);
        return v;
    }

    String string(JsonNode obj, String objPath, String name, String expected) throws TraceFormatException {
        return string(field(obj, objPath, name, expected), JsonLines.child(objPath, name), expected, s -> true);
    }

    String string(JsonNode obj, String objPath, String name, String expected, Predicate<String> ok)
            throws TraceFormatException {
        return string(field(obj, objPath, name, expected), JsonLines.child(objPath, name), expected, ok);
    }

    String string(JsonNode v, String path, String expected, Predicate<String> ok) throws TraceFormatException {
        if (!v.isTextual() || !ok.test(v.textValue())) throw wrong(path, expected, v);
        return v.textValue();
    }

    int integer(JsonNode obj, String objPath, String name, String expected, int min, int max)
            throws TraceFormatException {
        JsonNode v = field(obj, objPath, name, expected);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw wrong(JsonLines.child(objPath, name), expected, v);
        }
        return v.intValue();
    }

    TraceFormatException wrong(String path, String expected, JsonNode got) {
        return error(path, "expected " + expected + ", got " + shown(got));
    }

    private static String shown(JsonNode v) {
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (v.isNull()) return "null";
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

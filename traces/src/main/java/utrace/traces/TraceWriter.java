package utrace.traces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a trace as JSON or as text, atomically, creating parent directories. */
public final class TraceWriter {
    private TraceWriter() {}

    public static void writeJson(Trace t, Path file) throws IOException {
        AtomicFiles.write(file, TraceJson.encode(t));
    }

    public static void writeText(Trace t, Path file) throws IOException {
        AtomicFiles.write(file, TextRenderer.render(t).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #writeText(Trace, Path)} (the brief view) at another level of detail. */
    public static void writeText(Trace t, Path file, TextRenderer.Detail detail) throws IOException {
        AtomicFiles.write(file, TextRenderer.render(t, detail).getBytes(StandardCharsets.UTF_8));
    }
}

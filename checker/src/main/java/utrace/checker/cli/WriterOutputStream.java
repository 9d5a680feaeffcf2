package utrace.checker.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Lets report code written against PrintStream print to picocli's configured writers. */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override public void write(int b) {
        buf.write(b);
        if (b == '\n') flush();
    }

    @Override public void flush() {
        writer.write(buf.toString(StandardCharsets.UTF_8));
        writer.flush();
        buf.reset();
    }
}

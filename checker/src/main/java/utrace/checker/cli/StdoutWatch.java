package utrace.checker.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

/**
 * Standard output as the JVM sets it up (same encoding, autoflush), but remembering why a write failed:
 * PrintStream keeps only a flag, and the CLI must tell a full disk (exit 2: the report is lost) from a
 * reader that stopped reading on purpose (`checker list scenarios | head -3`: no error).
 */
final class StdoutWatch extends FilterOutputStream {
    private volatile IOException failure;

    private StdoutWatch(OutputStream out) {
        super(out);
    }

    /** Replaces System.out with a watched one; returns the watch. */
    static StdoutWatch install() {
        StdoutWatch w = new StdoutWatch(new FileOutputStream(FileDescriptor.out));
        String enc = System.getProperty("sun.stdout.encoding");
        PrintStream ps = null;
        if (enc != null) {
            try {
                ps = new PrintStream(new BufferedOutputStream(w, 8192), true, enc);
            } catch (UnsupportedEncodingException e) {
                ps = null;
            }
        }
        if (ps == null) ps = new PrintStream(new BufferedOutputStream(w, 8192), true);
        System.setOut(ps);
        return w;
    }

    /** The last write failed because nobody reads the pipe any more (EPIPE). */
    boolean brokenPipe() {
        IOException f = failure;
        return f != null && f.getMessage() != null && f.getMessage().contains("Broken pipe");
    }

    @Override public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}

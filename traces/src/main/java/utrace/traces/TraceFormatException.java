package utrace.traces;

/**
 * A trace that cannot be used: malformed JSON, a missing or invalid field,
 * an unsupported schema version or a reference (scenario source, invariant,
 * mutation) this tool does not know. The message reads
 * {@code file:line: what was expected}; line is 0 for a trace that never
 * came from a file.
 */
public final class TraceFormatException extends Exception {
    private final String file;
    private final int line;

    public TraceFormatException(String file, int line, String what) {
        super(line > 0 ? file + ":" + line + ": " + what : file + ": " + what);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public int line() { return line; }
}

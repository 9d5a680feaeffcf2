package utrace.model;

/** A scenario file that does not parse: carries {@code file:line} and what was expected. */
public final class ScenarioFormatException extends Exception {
    private final String file;
    private final int line;

    public ScenarioFormatException(String file, int line, String message) {
        super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
}

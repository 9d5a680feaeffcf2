package utrace.checker.cli;

/** The exit codes of the CLI contract (README, "Exit codes"). */
public final class ExitCode {
    private ExitCode() {}

    /** Everything checked holds. */
    public static final int OK = 0;
    /** A violation was found (replay: the trace reproduces its violation). */
    public static final int VIOLATION = 1;
    /** Usage or input error: bad option, unknown name, malformed or missing file. */
    public static final int USAGE = 2;
    /** A limit ended a search before it was exhaustive: nothing is proven. */
    public static final int INCOMPLETE = 3;
    /** replay only: the trace no longer matches the current model. */
    public static final int DIVERGED = 4;
}

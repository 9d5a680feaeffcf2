package utrace.model;

/**
 * What the tracee's handler for a signal does, from a scenario's {@code
 * handler SIG ACTION} line: return (sigreturn), re-raise the signal
 * (ptrace-tests' fire_again), call exit(CODE), or no handler at all (SIG_DFL:
 * the signal's default action). Without a line SIGUSR1 has a handler that
 * returns and every other signal has SIG_DFL.
 */
public record SignalHandler(int signal, Kind kind, int code) {
    public enum Kind {
        RETURN("return"), RERAISE("reraise"), EXIT("exit"), DEFAULT("default");

        public final String word;
        Kind(String word) { this.word = word; }
    }

    /** The disposition of {@code sig} when the scenario declares none. */
    public static SignalHandler implicit(int sig) {
        return new SignalHandler(sig, sig == Signals.SIGUSR1 ? Kind.RETURN : Kind.DEFAULT, 0);
    }

    public boolean installed() { return kind != Kind.DEFAULT; }

    public String text() {
        return "handler " + Signals.name(signal) + " " + kind.word + (kind == Kind.EXIT ? " " + code : "");
    }
}

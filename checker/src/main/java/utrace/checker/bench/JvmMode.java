package utrace.checker.bench;

/**
 * How a measured child JVM ({@link ChildJvm}) runs its search. FRESH: once,
 * timed, as `verify` runs it: the figure includes the JIT compiling the
 * search's code while it runs (on bench-large about a second of a 3-4 s
 * search: C2 spends 3 s of CPU on the model's step methods, which reach their
 * compiled form only after the first levels). WARM: the same search once
 * untimed first, then a collection, then the timed run: the steady state, as
 * JMH measures after its warm-up iterations, which is the per-state speed of
 * the engine (pan, compiled ahead of time, has no warm-up to leave out).
 */
public enum JvmMode {
    FRESH("fresh", 0),
    WARM("warm", 1);

    /** The word bench prints and --jvm takes. */
    public final String word;
    /** Untimed runs of the same search before the timed one. */
    public final int warmups;

    JvmMode(String word, int warmups) {
        this.word = word;
        this.warmups = warmups;
    }

    /** How a table says it ran its children. */
    String phrase() {
        return this == FRESH ? "a fresh JVM per run" : "a JVM per run that first runs the same search once, untimed (JIT warm-up)";
    }
}

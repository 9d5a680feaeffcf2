package utrace.checker.bench;

/**
 * How a measured child JVM ({@link ChildJvm}) runs its search. FRESH: once,
 * timed, as `verify` runs it: the figure includes the JIT compiling the
 * search's code while it runs (on bench-large about a second of a 3-4 s
 * search: C2 spends 3 s of CPU on the model's step methods, which reach their
 * compiled form only after the first levels). WARM: the same search untimed
 * first, again until a run spends under {@link #QUIET_PERCENT}% of its wall time
 * in the JIT compiler (at most 5 runs), then a collection,
 * then the timed run: the steady state, as JMH measures after its warm-up
 * iterations, which is the per-state speed of the engine (pan, compiled ahead
 * of time, has no warm-up to leave out). One warm-up run was not enough: the
 * run after it still compiled for 130-380 ms (bench-large), on a 2-core
 * machine CPU that a 2-worker search needs and a 1-worker search does not, so
 * the warm figure understated the speed-up of 2 workers.
 */
public enum JvmMode {
    FRESH("fresh", 0),
    WARM("warm", 5);

    /** A warm-up run that spent less than this share of its wall time compiling ends the warm-up. */
    public static final int QUIET_PERCENT = 2;

    /** The word bench prints and --jvm takes. */
    public final String word;
    /** The most untimed runs of the same search before the timed one (fewer once the JIT is quiet). */
    public final int warmups;

    JvmMode(String word, int warmups) {
        this.word = word;
        this.warmups = warmups;
    }

    /** How a table says it ran its children. */
    String phrase() {
        return this == FRESH ? "a fresh JVM per run"
            : "a JVM per run that first runs the same search untimed until the JIT is quiet (a run with under " + QUIET_PERCENT
                + "% of its\n  wall in the compiler, at most " + warmups + " runs)";
    }
}

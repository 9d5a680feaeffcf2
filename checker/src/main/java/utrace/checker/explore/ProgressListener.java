package utrace.checker.explore;

/** Told every so often during a long search (the CLI prints a line on stderr). */
@FunctionalInterface
public interface ProgressListener {
    void progress(long states, long transitions, int depth, long queued, long millis);

    ProgressListener NONE = (s, t, d, q, ms) -> { };
}

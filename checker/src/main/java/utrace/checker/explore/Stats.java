package utrace.checker.explore;

/**
 * What one exploration measured. {@code fullyExpanded} is -1 when partial-order reduction
 * did not run, else the number of states where every actor's step was expanded (the others
 * expanded one actor's step only).
 */
public record Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes, long fullyExpanded) {
    public Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes) {
        this(states, transitions, maxDepth, millis, visitedBytes, -1);
    }

    public double statesPerSecond() {
        return millis == 0 ? states * 1000.0 : states * 1000.0 / millis;
    }

    /** True if partial-order reduction ran. */
    public boolean por() { return fullyExpanded >= 0; }
}

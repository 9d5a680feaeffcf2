package utrace.checker.explore;

/**
 * What one exploration measured. {@code fullyExpanded} is -1 when partial-order reduction
 * did not run, else the number of states where every actor's step was expanded (the others
 * expanded one actor's step only). {@code visitedBytes} is the visited set's memory;
 * {@code workingBytes} the most the search held besides it (queue or level arenas, the
 * parent and actor arrays that rebuild a trace, a depth-first search's stack), as counted
 * by the search itself ({@link MemoryBudget}); 0 where nothing was counted.
 * {@code porOffAfter}: -1, or the states expanded when partial-order reduction switched itself
 * off because it was removing next to nothing ({@link LevelExplorer#POR_PROBE_STATES}).
 */
public record Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes, long fullyExpanded,
                    long workingBytes, long porOffAfter) {
    public Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes, long fullyExpanded,
                 long workingBytes) {
        this(states, transitions, maxDepth, millis, visitedBytes, fullyExpanded, workingBytes, -1);
    }

    public Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes) {
        this(states, transitions, maxDepth, millis, visitedBytes, -1, 0);
    }

    public Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes, long fullyExpanded) {
        this(states, transitions, maxDepth, millis, visitedBytes, fullyExpanded, 0);
    }

    public double statesPerSecond() {
        return millis == 0 ? states * 1000.0 : states * 1000.0 / millis;
    }

    /** True if partial-order reduction ran. */
    public boolean por() { return fullyExpanded >= 0; }
}

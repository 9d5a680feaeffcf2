package utrace.checker.explore;

/** What one exploration measured. */
public record Stats(long states, long transitions, int maxDepth, long millis, long visitedBytes) {
    public double statesPerSecond() {
        return millis == 0 ? states * 1000.0 : states * 1000.0 / millis;
    }
}

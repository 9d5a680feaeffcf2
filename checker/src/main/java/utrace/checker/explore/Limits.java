package utrace.checker.explore;

/** Search limits: hitting one ends the search with INCOMPLETE, never PASS. 0 means no limit. */
public record Limits(long maxStates, long timeLimitMillis) {
    public static final Limits NONE = new Limits(0, 0);
}

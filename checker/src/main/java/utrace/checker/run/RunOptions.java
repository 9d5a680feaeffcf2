package utrace.checker.run;

import utrace.checker.explore.SearchMode;

/**
 * How `checker verify` searches and writes its traces, beyond the request
 * itself. {@code minimize} shortens depth-first counterexamples (breadth-first
 * ones are already shortest); {@code fullState} adds whole states to the
 * text traces.
 */
public record RunOptions(SearchMode search, boolean minimize, boolean fullState) {
    /** Breadth-first, shortened if ever depth-first, text traces with changes only. */
    public static final RunOptions DEFAULT = new RunOptions(SearchMode.BFS, true, false);
}

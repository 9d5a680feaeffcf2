package utrace.checker.run;

import utrace.checker.explore.SearchMode;
import utrace.traces.TextRenderer;

/**
 * How `checker verify` searches and writes its traces, beyond the request
 * itself. {@code minimize} shortens depth-first counterexamples (breadth-first
 * ones are already shortest); {@code textDetail} is how much the text traces
 * (.txt) show (brief by default, --full, --full-state); {@code keepGoing}
 * (--continue) goes on after a violation until every invariant violated in
 * the scenario has its own trace.
 */
public record RunOptions(SearchMode search, boolean minimize, TextRenderer.Detail textDetail, boolean keepGoing) {
    /** Breadth-first, shortened if ever depth-first, brief text traces, stop at the first violation. */
    public static final RunOptions DEFAULT = new RunOptions(SearchMode.BFS, true, TextRenderer.Detail.BRIEF, false);

    public RunOptions withKeepGoing(boolean on) {
        return new RunOptions(search, minimize, textDetail, on);
    }
}

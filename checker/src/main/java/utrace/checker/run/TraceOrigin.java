package utrace.checker.run;

import utrace.checker.explore.SearchMode;

/**
 * How a written counterexample was obtained, so that the output can say
 * whether it is the shortest one or only a shortened one.
 *
 * @param shortened whether the shortener ran (depth-first without --no-minimize)
 * @param rawSteps the length the search found
 * @param steps the length written (equal to rawSteps unless shortened)
 */
public record TraceOrigin(SearchMode search, boolean shortened, int rawSteps, int steps) {
    public static TraceOrigin breadthFirst(int steps) {
        return new TraceOrigin(SearchMode.BFS, false, steps, steps);
    }

    /** The phrase reports print after the step count. */
    public String describe() {
        if (search == SearchMode.BFS) return "shortest (breadth-first)";
        if (shortened && steps == rawSteps) {
            return "shortened from " + rawSteps + " to " + steps + " steps (depth-first + minimization; no step could be dropped)";
        }
        if (shortened) return "shortened from " + rawSteps + " to " + steps + " steps (depth-first + minimization)";
        return "raw depth-first trace";
    }
}

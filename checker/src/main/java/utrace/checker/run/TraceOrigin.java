package utrace.checker.run;

import utrace.checker.explore.SearchMode;

/**
 * How a written counterexample was obtained, so that the output can say
 * whether it is the shortest one or only a shortened one.
 *
 * @param search the search that found it; null for a lasso of the cycle search ({@link #lasso})
 * @param shortened whether the shortener ran (depth-first without --no-minimize)
 * @param rawSteps the length the search found (for a lasso, the steps before the cycle)
 * @param steps the length written (equal to rawSteps unless shortened)
 */
public record TraceOrigin(SearchMode search, boolean shortened, int rawSteps, int steps, String reduction) {
    /** An exact search (no partial-order reduction, no bitstate): {@code reduction} is null. */
    public TraceOrigin(SearchMode search, boolean shortened, int rawSteps, int steps) {
        this(search, shortened, rawSteps, steps, null);
    }

    public static TraceOrigin breadthFirst(int steps) {
        return new TraceOrigin(SearchMode.BFS, false, steps, steps);
    }

    /** A lasso from the cycle search ({@link utrace.checker.explore.CycleSearch}): {@code toCycle} steps, then the cycle. */
    public static TraceOrigin lasso(int toCycle, int steps) {
        return new TraceOrigin(null, false, toCycle, steps);
    }

    /** The phrase reports print after the step count. */
    public String describe() {
        if (search == null) {
            return "a lasso: a shortest path of " + rawSteps + " steps to a cycle, then the cycle's " + (steps - rawSteps)
                + " steps, which repeat for ever";
        }
        // A breadth-first search of a reduced graph (--por, --bitstate) finds a shortest path of that
        // graph only; the full graph may have a shorter one, so the trace is shortened like a DFS one.
        if (reduction != null) {
            String how = "breadth-first with " + reduction;
            if (!shortened) return "raw " + how + " trace (not guaranteed shortest)";
            if (steps == rawSteps) return "shortened from " + rawSteps + " to " + steps + " steps (" + how + " + minimization; no step could be dropped)";
            return "shortened from " + rawSteps + " to " + steps + " steps (" + how + " + minimization)";
        }
        if (search == SearchMode.BFS) return "shortest (breadth-first)";
        if (shortened && steps == rawSteps) {
            return "shortened from " + rawSteps + " to " + steps + " steps (depth-first + minimization; no step could be dropped)";
        }
        if (shortened) return "shortened from " + rawSteps + " to " + steps + " steps (depth-first + minimization)";
        return "raw depth-first trace";
    }
}

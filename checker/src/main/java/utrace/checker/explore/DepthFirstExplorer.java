package utrace.checker.explore;

import java.util.ArrayList;
import java.util.List;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The native engine in depth-first order: exhaustive like {@link Explorer}
 * (same visited set, same checks, so the same states and transitions are
 * counted), but it keeps only the current path instead of a whole frontier.
 * Users pick it for deep scenarios where the breadth-first queue is the
 * memory problem. Its counterexample is the path on the stack when the
 * violation is seen, usually far from shortest: {@link TraceShortener}
 * shortens it unless the user asks for the raw trace.
 *
 * Actors are tried in index order, so the same inputs give the same counts
 * and counterexample. "depth" in the statistics is the deepest path taken,
 * not (as for breadth-first) the longest shortest path.
 */
public final class DepthFirstExplorer {
    private static final long PROGRESS_EVERY_MILLIS = 2000;
    /** How many loop turns between clock reads: reading the clock on every turn would cost more than the steps. */
    private static final int CLOCK_EVERY = 1024;

    private final Limits limits;
    private final ProgressListener progress;
    /** The search under way: started when, its visited set, its counts and the most stack memory it held. */
    private long start;
    private FingerprintSet visited;
    private long transitions;
    private int maxDepth;
    private long working;

    public DepthFirstExplorer(Limits limits, ProgressListener progress) {
        this.limits = limits;
        this.progress = progress;
    }

    public ExplorationResult explore(Model model, List<Invariant> invariants) {
        start = System.nanoTime();
        visited = new FingerprintSet();
        transitions = 0;
        maxDepth = 0;
        working = 0;
        ExplorationResult r;
        try {
            r = search(model, invariants);
        } catch (OutOfMemoryError e) {
            // The stack is unreachable once search() has thrown, so there is room to report.
            return incomplete(MemoryBudget.outOfMemory(visited.size()), stats());
        }
        visited = new FingerprintSet(1 << 4); // the cycle search keeps its own; stats() were taken above
        return CycleSearch.afterPass(model, invariants, limits, progress, r);
    }

    private ExplorationResult search(Model model, List<Invariant> invariants) {
        InvariantChecker check = new InvariantChecker(model, invariants);
        MemoryBudget budget = MemoryBudget.ofHeap();
        List<DfsFrame> stack = new ArrayList<>();
        long lastProgress = 0;
        int turns = 0;
        // A frame: the frame object, its State and the stack's slot.
        long frameBytes = 24 + 4 + MemoryBudget.stateBytes(model.initial().size());

        State init = model.initial();
        visited.add(FastFingerprint.of(init));
        Violation v = check.state(init);
        if (v != null) return violation(v, List.of(), stats());
        stack.add(new DfsFrame(init, -1));

        int actors = model.actorCount();
        while (!stack.isEmpty()) {
            DfsFrame f = stack.get(stack.size() - 1);
            if (f.next == actors) {
                // Every actor tried: a state no step changes is a final state (as in Explorer).
                if (!f.progressed) {
                    v = check.terminal(f.state);
                    if (v != null) return violation(v, DfsFrame.path(stack, -1), stats());
                }
                stack.remove(stack.size() - 1);
                continue;
            }
            int a = f.next++;
            Transition t = model.step(f.state, a);
            if (t == null) continue;
            transitions++;
            State next = t.after();
            if (!next.equals(f.state)) f.progressed = true;
            v = check.transition(f.state, t);
            if (v != null) return violation(v, DfsFrame.path(stack, a), stats());
            if (!visited.add(FastFingerprint.of(next))) continue;
            // --max-states N: the search holds N states at most; the one past N ends it (not counted).
            if (limits.maxStates() > 0 && visited.size() > limits.maxStates()) {
                return incomplete("state limit " + limits.maxStates() + " reached", stats(limits.maxStates()));
            }
            v = check.state(next);
            if (v != null) return violation(v, DfsFrame.path(stack, a), stats());
            stack.add(new DfsFrame(next, a));
            if (stack.size() - 1 > maxDepth) maxDepth = stack.size() - 1;
            if (++turns % CLOCK_EVERY == 0) {
                long held = frameBytes * stack.size();
                if (held > working) working = held;
                long grow = visited.headroom() < CLOCK_EVERY ? 2 * visited.bytes() : 0;
                if (!budget.fits(visited.bytes() + held, grow)) {
                    return incomplete(budget.exhausted(visited.size(), visited.bytes() + held), stats());
                }
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (limits.timeLimitMillis() > 0 && elapsed >= limits.timeLimitMillis()) {
                    return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", stats());
                }
                if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = elapsed;
                    // "queued" for a depth-first search: the states on the current path.
                    progress.progress(visited.size(), transitions, stack.size() - 1, stack.size(), elapsed);
                }
            }
        }
        return new ExplorationResult(Verdict.PASS, stats(), null, null);
    }


    private Stats stats() {
        return stats(visited.size());
    }

    private Stats stats(long states) {
        return new Stats(states, transitions, maxDepth, (System.nanoTime() - start) / 1_000_000, visited.bytes(), -1, working);
    }

    private static ExplorationResult violation(Violation v, List<Integer> schedule, Stats stats) {
        return new ExplorationResult(Verdict.VIOLATION, stats, new Counterexample(v, schedule), null);
    }

    private static ExplorationResult incomplete(String why, Stats stats) {
        return new ExplorationResult(Verdict.INCOMPLETE, stats, null, why);
    }
}

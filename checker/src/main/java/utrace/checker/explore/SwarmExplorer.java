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
 * One swarm member's search (`verify --swarm K/N`): depth-first as
 * {@link DepthFirstExplorer} (same checks: transition invariants on every
 * step, state invariants on every state reached, terminal invariants where
 * no step changes the state), but with the member's actor order, a bitstate
 * visited set hashed with the member's seed, and the member's depth bound
 * ({@link SwarmMember}). It never reports PASS: a bitstate table may take a
 * new state for a visited one and a depth bound cuts paths, so without a
 * violation the verdict is INCOMPLETE, "no violation found (probabilistic)".
 * Kept apart from DepthFirstExplorer so that the exhaustive search stays as
 * it is, byte for byte.
 */
public final class SwarmExplorer {
    private static final long PROGRESS_EVERY_MILLIS = 2000;
    private static final int CLOCK_EVERY = 1024;

    private final Limits limits;
    private final ProgressListener progress;
    private final SwarmMember member;

    public SwarmExplorer(Limits limits, ProgressListener progress, SwarmMember member) {
        this.limits = limits;
        this.progress = progress;
        this.member = member;
    }

    public ExplorationResult explore(Model model, List<Invariant> invariants) {
        long start = System.nanoTime();
        InvariantChecker check = new InvariantChecker(model, invariants);
        BitstateTable visited = new BitstateTable(member.bitstateBits());
        long hashSeed = member.hashSeed();
        int actors = model.actorCount();
        int[] order = member.actorOrder(actors);
        int bound = member.depthBound();
        List<DfsFrame> stack = new ArrayList<>();
        long transitions = 0;
        long cut = 0;
        int maxDepth = 0;
        long lastProgress = 0;
        int turns = 0;

        State init = model.initial();
        visited.add(key(init, hashSeed));
        Violation v = check.state(init);
        if (v != null) return violation(v, List.of(), stats(visited, 0, 0, start));
        stack.add(new DfsFrame(init, -1));
        while (!stack.isEmpty()) {
            DfsFrame f = stack.get(stack.size() - 1);
            if (f.next == actors) {
                if (!f.progressed) {
                    v = check.terminal(f.state);
                    if (v != null) return violation(v, DfsFrame.path(stack, -1), stats(visited, transitions, maxDepth, start));
                }
                stack.remove(stack.size() - 1);
                continue;
            }
            int a = order[f.next++];
            Transition t = model.step(f.state, a);
            if (t == null) continue;
            transitions++;
            State next = t.after();
            if (!next.equals(f.state)) f.progressed = true;
            v = check.transition(f.state, t);
            if (v != null) return violation(v, DfsFrame.path(stack, a), stats(visited, transitions, maxDepth, start));
            int depth = stack.size();
            if (bound > 0 && depth > bound) {
                // Beyond the bound: checked but neither stored nor expanded, so a shorter path may still reach it.
                cut++;
                v = check.state(next);
                if (v != null) return violation(v, DfsFrame.path(stack, a), stats(visited, transitions, maxDepth, start));
                continue;
            }
            if (!visited.add(key(next, hashSeed))) continue;
            if (limits.maxStates() > 0 && visited.size() > limits.maxStates()) {
                return incomplete("state limit " + limits.maxStates() + " reached", stats(visited, transitions, maxDepth, start));
            }
            v = check.state(next);
            if (v != null) return violation(v, DfsFrame.path(stack, a), stats(visited, transitions, maxDepth, start));
            stack.add(new DfsFrame(next, a));
            if (depth > maxDepth) maxDepth = depth;
            if (++turns % CLOCK_EVERY == 0) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (limits.timeLimitMillis() > 0 && elapsed >= limits.timeLimitMillis()) {
                    return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", stats(visited, transitions, maxDepth, start));
                }
                if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = elapsed;
                    progress.progress(visited.size(), transitions, stack.size() - 1, stack.size(), elapsed);
                }
            }
        }
        String why = "no violation found (probabilistic): " + member.describe(actors) + "; "
            + (bound == 0 ? "" : cut + " step(s) past the depth bound cut; ") + visited.describe();
        return new ExplorationResult(Verdict.INCOMPLETE, stats(visited, transitions, maxDepth, start), null, why);
    }

    /** The bitstate key: the state's fingerprint mixed with the member's hash seed. */
    static long key(State s, long hashSeed) {
        return SwarmMember.mix(s.fingerprint() ^ hashSeed);
    }


    private static Stats stats(VisitedTable visited, long transitions, int maxDepth, long start) {
        return new Stats(visited.size(), transitions, maxDepth, (System.nanoTime() - start) / 1_000_000, visited.bytes());
    }

    private static ExplorationResult violation(Violation v, List<Integer> schedule, Stats stats) {
        return new ExplorationResult(Verdict.VIOLATION, stats, new Counterexample(v, schedule), null);
    }

    private static ExplorationResult incomplete(String why, Stats stats) {
        return new ExplorationResult(Verdict.INCOMPLETE, stats, null, why);
    }
}

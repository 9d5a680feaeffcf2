package utrace.checker.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The native engine: exhaustive breadth-first search over the model's state
 * graph with a fingerprint visited set. Breadth-first order makes the first
 * violation found one of the shortest (fewest steps). Actors are tried in
 * index order, so the same inputs give the same counts and counterexample.
 * With partial-order reduction ({@link PartialOrder}) a state may expand one
 * actor's step only; the graph searched is then smaller and its shortest
 * counterexample not necessarily a shortest one of the model.
 */
public final class Explorer {
    private static final long PROGRESS_EVERY_MILLIS = 2000;

    private final Limits limits;
    private final ProgressListener progress;
    /** Partial-order reduction asked for ({@link PartialOrder}); it runs where it applies. */
    private final boolean por;
    /** Whether the reduction ran in the last search, and how many states it expanded fully. */
    private boolean porOn;
    private long fullyExpanded;
    /** The search under way: started when, its visited set, its counts and the most working memory it held. */
    private long start;
    private FingerprintSet visited;
    private long transitions;
    private int maxDepth;
    private long working;
    /** How many expanded states between two looks at the memory budget (a power of two). */
    private static final int BUDGET_EVERY = 1024;

    public Explorer(Limits limits, ProgressListener progress) {
        this(limits, progress, false);
    }

    public Explorer(Limits limits, ProgressListener progress, boolean por) {
        this.limits = limits;
        this.progress = progress;
        this.por = por;
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
            // The queue is unreachable once search() has thrown, so there is room to report.
            return incomplete(MemoryBudget.outOfMemory(visited.size()), stats());
        }
        visited = new FingerprintSet(1 << 4); // the cycle search keeps its own; stats() were taken above
        return CycleSearch.afterPass(model, invariants, limits, progress, r);
    }

    private ExplorationResult search(Model model, List<Invariant> invariants) {
        InvariantChecker check = new InvariantChecker(model, invariants);
        MemoryBudget budget = MemoryBudget.ofHeap();
        // The states discovered and not yet expanded, in BFS order. A state's id is its place in that order:
        // the state polled is number id, the next one discovered number nextId. Only the frontier is held; the
        // parent and actor arrays (ids) rebuild a trace, and the ids where each level ends give the depth.
        ArrayDeque<State> frontier = new ArrayDeque<>();
        IntArray parent = new IntArray();
        ByteArray via = new ByteArray();
        int nextId = 0;
        long lastProgress = 0;
        long stateBytes = MemoryBudget.stateBytes(model.initial().size());

        State init = model.initial();
        visited.add(FastFingerprint.of(init));
        frontier.add(init);
        parent.add(-1);
        via.add((byte) -1);
        nextId++;
        Violation v = check.state(init);
        if (v != null) return violation(v, path(parent, via, 0, -1), stats());

        int actors = model.actorCount();
        PartialOrder po = por ? PartialOrder.of(model, invariants) : null;
        porOn = po != null;
        fullyExpanded = 0;
        Footprint[] fps = new Footprint[actors];
        // The proviso's "next level": states first seen from the level being expanded.
        FingerprintSet[] nextLevel = {new FingerprintSet()};
        int d = 0;
        // Ids below levelEnd are at depth d; the first id at or past it starts the next level, whose states
        // are then all discovered (and none of the level after it): levelEnd moves to nextId.
        int levelEnd = 1;
        for (int id = 0; !frontier.isEmpty(); id++) {
            State s = frontier.poll();
            if (id == levelEnd) {
                d++;
                levelEnd = nextId;
                nextLevel[0] = new FingerprintSet();
            }
            boolean progressed = false;
            Transition[] ts = po == null ? null : po.steps(s, fps);
            int ample = -1;
            if (po != null) {
                ample = po.ample(s, ts, fps, n -> {
                    long f = FastFingerprint.of(n);
                    return !visited.contains(f) || nextLevel[0].contains(f);
                });
                if (ample < 0) fullyExpanded++;
            }
            for (int a = 0; a < actors; a++) {
                if (ample >= 0 && a != ample) continue;
                Transition t = ts != null ? ts[a] : model.step(s, a);
                if (t == null) continue;
                transitions++;
                State next = t.after();
                if (!next.equals(s)) progressed = true;
                v = check.transition(s, t);
                if (v != null) return violation(v, path(parent, via, id, a), stats());
                long f = FastFingerprint.of(next);
                if (!visited.add(f)) continue;
                // --max-states N: the search holds N states at most; the one past N ends it (not counted).
                if (limits.maxStates() > 0 && visited.size() > limits.maxStates()) {
                    return incomplete("state limit " + limits.maxStates() + " reached", stats(limits.maxStates()));
                }
                if (po != null) nextLevel[0].add(f);
                int nid = nextId++;
                frontier.add(next);
                parent.add(id);
                via.add((byte) a);
                if (d + 1 > maxDepth) maxDepth = d + 1;
                v = check.state(next);
                if (v != null) return violation(v, path(parent, via, nid, -1), stats());
            }
            if (!progressed) {
                v = check.terminal(s);
                if (v != null) return violation(v, path(parent, via, id, -1), stats());
            }
            if ((id & (BUDGET_EVERY - 1)) == 0) {
                // What the search holds besides the visited set: the frontier's states and slots and the
                // parent/actor arrays; the next doublings are what it is about to allocate.
                long queued = frontier.size();
                long held = queued * (stateBytes + 8) + parent.bytes() + via.bytes();
                if (held > working) working = held;
                long next = (visited.headroom() < BUDGET_EVERY * actors ? 2 * visited.bytes() : 0)
                    + (parent.headroom() < BUDGET_EVERY * actors ? 2 * (parent.bytes() + via.bytes()) : 0);
                if (!budget.fits(visited.bytes() + held, next)) {
                    return incomplete(budget.exhausted(visited.size(), visited.bytes() + held), stats());
                }
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (limits.timeLimitMillis() > 0 && elapsed >= limits.timeLimitMillis() && !frontier.isEmpty()) {
                return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", stats());
            }
            if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                lastProgress = elapsed;
                progress.progress(visited.size(), transitions, d, frontier.size(), elapsed);
            }
        }
        return new ExplorationResult(Verdict.PASS, stats(), null, null);
    }

    private Stats stats() {
        return stats(visited.size());
    }

    private Stats stats(long states) {
        return new Stats(states, transitions, maxDepth, (System.nanoTime() - start) / 1_000_000, visited.bytes(),
            porOn ? fullyExpanded : -1, working);
    }

    private static ExplorationResult violation(Violation v, List<Integer> schedule, Stats stats) {
        return new ExplorationResult(Verdict.VIOLATION, stats, new Counterexample(v, schedule), null);
    }

    private static ExplorationResult incomplete(String why, Stats stats) {
        return new ExplorationResult(Verdict.INCOMPLETE, stats, null, why);
    }

    /** The actor schedule from the initial state to state {@code id}, plus {@code lastActor} if >= 0. */
    private static List<Integer> path(IntArray parent, ByteArray via, int id, int lastActor) {
        List<Integer> out = new ArrayList<>();
        if (lastActor >= 0) out.add(lastActor);
        for (int cur = id; parent.get(cur) >= 0; cur = parent.get(cur)) out.add((int) via.get(cur));
        Collections.reverse(out);
        return out;
    }
}

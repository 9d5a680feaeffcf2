package utrace.checker.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import utrace.invariants.Invariant;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The cycle pass: once a search has passed, a depth-first search for a cycle that an invariant judging cycles
 * ({@link Invariant#judgesCycles}: livelock-freedom) forbids, as TLC checks liveness after safety and SPIN's
 * {@code -l} looks for non-progress cycles.
 *
 * <p>It searches the product of the state graph with one bit, "watching". From a state not watched it may take
 * any step, or start watching (the same state, watched). From a watched state it takes only the steps that make
 * no progress ({@link Invariant#progress}), never one that leaves the state as it was (a self-loop is
 * deadlock-freedom's "stuck"). So a cycle of watched states is a cycle of steps without progress, and each such
 * cycle of the model is one: its states are reachable, and watched from there. A depth-first search of a graph
 * with a cycle meets a back edge into a state on its stack (the cycle's first state discovered is still on the
 * stack when the last one is); only back edges into watched states count, so a loop through user mode, which
 * the search follows only unwatched, is never reported. Each state is expanded at most twice (watched and not).
 *
 * <p>The counterexample is a lasso: a shortest path (breadth-first) to the cycle's state nearest the initial
 * state, then the cycle from there. The order of actors is fixed, so the same inputs give the same lasso.
 * The search is exact whatever the main search's reductions (symmetry, bitstate, partial order): it keeps its
 * own fingerprint sets.
 */
public final class CycleSearch {
    /** The search's own figures: states seen unwatched and watched, steps taken, wall time. */
    public record Figures(String invariant, long states, long watched, long transitions, long millis) {}

    private static final long PROGRESS_EVERY_MILLIS = 2000;
    /** The pseudo-step into a watched state from the same state unwatched. */
    private static final int WATCH = -2;

    private final Model model;
    private final Invariant invariant;
    private final Limits limits;
    private final ProgressListener progress;

    private CycleSearch(Model model, Invariant invariant, Limits limits, ProgressListener progress) {
        this.model = model;
        this.invariant = invariant;
        this.limits = limits;
        this.progress = progress;
    }

    /** The invariant among {@code invariants} that is judged on cycles, or null. */
    public static Invariant cycleInvariant(List<Invariant> invariants) {
        for (Invariant i : invariants) if (i.judgesCycles()) return i;
        return null;
    }

    /**
     * {@code passed} as it is unless it is a PASS and {@code invariants} has one judged on cycles; then that
     * PASS with the cycle search's figures, a VIOLATION with a lasso, or INCOMPLETE if a limit ended it. The
     * main search's stats are kept; {@code timeSpentMillis} (the main search's time) counts against
     * {@code --time-limit}.
     */
    public static ExplorationResult afterPass(Model model, List<Invariant> invariants, Limits limits, ProgressListener progress,
                                              ExplorationResult passed) {
        if (passed.verdict() != Verdict.PASS) return passed;
        Invariant inv = cycleInvariant(invariants);
        if (inv == null) return passed;
        try {
            return new CycleSearch(model, inv, limits, progress).run(passed.stats());
        } catch (OutOfMemoryError e) {
            return new ExplorationResult(Verdict.INCOMPLETE, passed.stats(), null,
                inv.name() + "'s cycle search ran out of memory after the rest passed; give the JVM more heap (-Xmx)");
        }
    }

    private ExplorationResult run(Stats main) {
        long t0 = System.nanoTime();
        FingerprintSet seen = new FingerprintSet();
        FingerprintSet seenWatched = new FingerprintSet();
        Map<Long, Integer> watchedOnStack = new HashMap<>();
        List<State> states = new ArrayList<>();
        IntArray next = new IntArray();
        IntArray via = new IntArray();
        List<Long> fps = new ArrayList<>();
        int firstWatched = Integer.MAX_VALUE; // the stack's frames from here up are watched
        long transitions = 0;
        long lastProgress = 0;
        int actors = model.actorCount();

        State init = model.initial();
        long f0 = FastFingerprint.of(init);
        seen.add(f0);
        states.add(init);
        next.add(0);
        via.add(-1);
        fps.add(f0);
        while (!states.isEmpty()) {
            int top = states.size() - 1;
            State s = states.get(top);
            boolean watched = top >= firstWatched;
            int k = next.get(top);
            next.set(top, k + 1);
            if (!watched && k == 0) {
                // start watching here: the same state, from now on following only steps without progress
                long f = fps.get(top);
                if (!seenWatched.add(f)) continue;
                firstWatched = top + 1;
                watchedOnStack.put(f, top + 1);
                push(states, next, via, fps, s, WATCH, f);
                continue;
            }
            int a = watched ? k : k - 1;
            if (a >= actors) {
                if (watched) watchedOnStack.remove(fps.get(top));
                if (top == firstWatched) firstWatched = Integer.MAX_VALUE;
                states.remove(top);
                fps.remove(top);
                next.truncate(top);
                via.truncate(top);
                continue;
            }
            Transition t = model.step(s, a);
            if (t == null || t.after().equals(s)) continue;
            transitions++;
            if (watched && invariant.progress(t)) continue;
            long f = FastFingerprint.of(t.after());
            if (watched) {
                Integer at = watchedOnStack.get(f);
                if (at != null) return violation(main, states, via, at, a, t0, seen.size(), seenWatched.size(), transitions);
                if (!seenWatched.add(f)) continue;
                watchedOnStack.put(f, top + 1);
            } else {
                if (!seen.add(f)) continue;
                // --max-states bounds this search as it bounds the main one: the states it holds, not counting watched copies
                if (limits.maxStates() > 0 && seen.size() > limits.maxStates()) {
                    return incomplete(main, "state limit " + limits.maxStates() + " reached in " + invariant.name()
                        + "'s cycle search (the main search passed)", t0, seen.size(), seenWatched.size(), transitions);
                }
            }
            push(states, next, via, fps, t.after(), a, f);
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (limits.timeLimitMillis() > 0 && main.millis() + elapsed >= limits.timeLimitMillis()) {
                return incomplete(main, "time limit " + limits.timeLimitMillis() + " ms reached in " + invariant.name()
                    + "'s cycle search (the main search passed)", t0, seen.size(), seenWatched.size(), transitions);
            }
            if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                lastProgress = elapsed;
                progress.progress(seen.size() + seenWatched.size(), transitions, states.size(), 0, main.millis() + elapsed);
            }
        }
        return new ExplorationResult(Verdict.PASS, main, null, null, figures(t0, seen.size(), seenWatched.size(), transitions));
    }

    private static void push(List<State> states, IntArray next, IntArray via, List<Long> fps, State s, int step, long f) {
        states.add(s);
        next.add(0);
        via.add(step);
        fps.add(f);
    }

    private Figures figures(long t0, long states, long watched, long transitions) {
        return new Figures(invariant.name(), states, watched, transitions, (System.nanoTime() - t0) / 1_000_000);
    }

    private ExplorationResult incomplete(Stats main, String why, long t0, long states, long watched, long transitions) {
        return new ExplorationResult(Verdict.INCOMPLETE, main, null, why, figures(t0, states, watched, transitions));
    }

    /**
     * The back edge from the top of the stack by {@code closing} into the frame at {@code at}: the cycle is the
     * frames from there up, then that step. It is rotated to start at its state nearest the initial state and
     * written after a shortest path to that state.
     */
    private ExplorationResult violation(Stats main, List<State> stack, IntArray via, int at, int closing, long t0,
                                        long seenStates, long watched, long transitions) {
        List<State> cycleStates = new ArrayList<>(stack.subList(at, stack.size()));
        List<Integer> cycleActors = new ArrayList<>();
        for (int j = at + 1; j < stack.size(); j++) cycleActors.add(via.get(j));
        cycleActors.add(closing);
        Set<State> onCycle = new HashSet<>(cycleStates);
        List<Integer> prefix = shortestPathTo(onCycle);
        State entry = model.initial();
        for (int a : prefix) entry = model.step(entry, a).after();
        int r = cycleStates.indexOf(entry);
        List<Integer> schedule = new ArrayList<>(prefix);
        List<Transition> around = new ArrayList<>();
        State s = entry;
        for (int j = 0; j < cycleActors.size(); j++) {
            int a = cycleActors.get((r + j) % cycleActors.size());
            Transition t = model.step(s, a);
            around.add(t);
            schedule.add(a);
            s = t.after();
        }
        String message = invariant.checkCycle(model, around);
        if (message == null || !s.equals(entry)) {
            throw new IllegalStateException(invariant.name() + ": the cycle search found a cycle the invariant allows "
                + "or that does not close: a bug of the search");
        }
        Violation v = new Violation(invariant, Violation.Kind.CYCLE, message, prefix.size());
        return new ExplorationResult(Verdict.VIOLATION, main, new Counterexample(v, schedule), null,
            figures(t0, seenStates, watched, transitions));
    }

    /** The actors of a shortest path from the initial state to a state of {@code targets} (breadth-first, actors in order). */
    private List<Integer> shortestPathTo(Set<State> targets) {
        Invariant reach = new Invariant() {
            @Override public String name() { return "reaches the cycle"; }
            @Override public String statement() { return "the state is on the cycle"; }
            @Override public String checkState(Model m, State st) { return targets.contains(st) ? "on the cycle" : null; }
        };
        ExplorationResult r = new Explorer(Limits.NONE, ProgressListener.NONE).explore(model, List.of(reach));
        if (r.verdict() != Verdict.VIOLATION) throw new IllegalStateException("the cycle is not reachable: a bug of the search");
        return r.counterexample().schedule();
    }
}

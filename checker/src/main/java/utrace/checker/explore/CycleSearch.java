package utrace.checker.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import utrace.invariants.Invariant;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Stepper;
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

    /** What {@link #lassoEnd} found: the violation, or why the schedule closes no forbidden cycle. */
    public record Lasso(Violation violation, String problem) {}

    /**
     * The cycle a schedule ends with: its last step leads back to the state after some step at or past
     * {@code from} (the first such, two or more steps back), and {@code cycles} forbids the steps around it.
     * Every step must be legal and change the state. Used wherever a lasso is judged from its actors alone
     * (a JPF path, the shortener's and the tests' schedules).
     */
    public static Lasso lassoEnd(Model model, Invariant cycles, List<Integer> schedule, int from) {
        List<State> states = new ArrayList<>();
        List<Transition> steps = new ArrayList<>();
        State s = model.initial();
        states.add(s);
        for (int i = 0; i < schedule.size(); i++) {
            int a = schedule.get(i);
            if (a < 0 || a >= model.actorCount()) return new Lasso(null, "has no actor " + a + " (step " + (i + 1) + ")");
            Transition t = model.step(s, a);
            if (t == null || t.after().equals(s)) {
                return new Lasso(null, "cannot move " + model.actorName(a) + " at step " + (i + 1));
            }
            steps.add(t);
            s = t.after();
            states.add(s);
        }
        int n = schedule.size();
        for (int k = Math.max(0, from); k <= n - 2; k++) {
            if (!states.get(k).equals(s)) continue;
            String message = cycles.checkCycle(model, steps.subList(k, n));
            if (message == null) return new Lasso(null, "closes a cycle at step " + k + " that " + cycles.name() + " allows");
            return new Lasso(new Violation(cycles, Violation.Kind.CYCLE, message, k), null);
        }
        return new Lasso(null, "does not come back to a state it passed at or after step " + from);
    }

    /** The invariant among {@code invariants} that is judged on cycles, or null. */
    public static Invariant cycleInvariant(List<Invariant> invariants) {
        for (Invariant i : invariants) if (i.judgesCycles()) return i;
        return null;
    }

    /**
     * {@code passed} as it is unless it is a PASS and {@code invariants} has one judged on cycles; then that
     * PASS with the cycle search's figures, a VIOLATION with a lasso, or INCOMPLETE if a limit ended it. The
     * main search's stats are kept, and its time counts against {@code --time-limit}.
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
        // Watched states by colour, as a depth-first search for back edges keeps them: seen (on the stack or
        // done) and done (all successors searched). Seen but not done is on the stack: a step there closes a cycle.
        FingerprintSet seenWatched = new FingerprintSet();
        FingerprintSet doneWatched = new FingerprintSet();
        Successors succ = Successors.of(model);
        List<int[]> states = new ArrayList<>();
        IntArray next = new IntArray();
        IntArray via = new IntArray();
        long[] fps = new long[1024];
        int firstWatched = Integer.MAX_VALUE; // the stack's frames from here up are watched
        long transitions = 0;
        long lastProgress = 0;
        int actors = model.actorCount();

        int[] init = slots(model.initial());
        fps[0] = Zobrist.of(init);
        seen.add(fps[0]);
        states.add(init);
        next.add(0);
        via.add(-1);
        while (!states.isEmpty()) {
            int top = states.size() - 1;
            int[] s = states.get(top);
            boolean watched = top >= firstWatched;
            int k = next.get(top);
            next.set(top, k + 1);
            if (!watched && k == 0) {
                // start watching here: the same state, from now on following only steps without progress
                if (!seenWatched.add(fps[top])) continue;
                firstWatched = top + 1;
                fps = push(states, next, via, fps, s, WATCH, fps[top]);
                continue;
            }
            int a = watched ? k : k - 1;
            if (a >= actors) {
                if (watched) doneWatched.add(fps[top]);
                if (top == firstWatched) firstWatched = Integer.MAX_VALUE;
                states.remove(top);
                next.truncate(top);
                via.truncate(top);
                continue;
            }
            if (!succ.step(s, a)) continue; // disabled, or a self-loop (deadlock-freedom's "stuck")
            transitions++;
            if (watched && invariant.progress(model, succ.transition(a))) continue;
            long f = succ.fingerprint(fps[top]);
            if (watched) {
                if (!seenWatched.add(f)) {
                    if (doneWatched.contains(f)) continue;
                    return violation(main, states, via, fps, f, a, t0, seen.size(), seenWatched.size(), transitions);
                }
            } else {
                if (!seen.add(f)) continue;
                // --max-states bounds this search as it bounds the main one: the states it holds, not counting watched copies
                if (limits.maxStates() > 0 && seen.size() > limits.maxStates()) {
                    return incomplete(main, "state limit " + limits.maxStates() + " reached in " + invariant.name()
                        + "'s cycle search (the main search passed)", t0, seen.size(), seenWatched.size(), transitions);
                }
            }
            fps = push(states, next, via, fps, succ.copy(), a, f);
            if ((transitions & 0xfff) == 0) {
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
        }
        return new ExplorationResult(Verdict.PASS, main, null, null, figures(t0, seen.size(), seenWatched.size(), transitions));
    }

    /**
     * Steps from a state given as its slots. In place ({@link Stepper}: no state, transition or list per step)
     * under sequential consistency; through {@link Model#step} under the weak memory model, whose store buffers
     * the in-place stepper does not keep.
     */
    private abstract static class Successors {
        /** Actor {@code a}'s step from {@code from}: true if it is enabled and changes the state (it is then held). */
        abstract boolean step(int[] from, int a);

        /** The held step, for {@link Invariant#progress}. */
        abstract Transition transition(int a);

        /** The held successor's fingerprint, from its parent's. */
        abstract long fingerprint(long parent);

        /** The held successor's slots, a copy. */
        abstract int[] copy();

        static Successors of(Model m) {
            return m.config().weak() ? new Allocating(m) : new InPlace(m.stepper());
        }
    }

    private static final class InPlace extends Successors {
        private final Stepper stepper;
        private int[] loaded;

        InPlace(Stepper stepper) {
            this.stepper = stepper;
        }

        @Override boolean step(int[] from, int a) {
            if (from != loaded) {
                stepper.load(from);
                loaded = from;
            }
            if (!stepper.step(a)) return false;
            return stepper.changed();
        }

        @Override Transition transition(int a) { return stepper.transition(a); }

        @Override long fingerprint(long parent) {
            int[] was = stepper.parentValues();
            int[] now = stepper.values();
            long f = parent;
            for (int k = 0, n = stepper.writtenCount(); k < n; k++) {
                int slot = stepper.written(k);
                f = Zobrist.update(f, slot, was[slot], now[slot]);
            }
            return f;
        }

        @Override int[] copy() { return stepper.values().clone(); }
    }

    private static final class Allocating extends Successors {
        private final Model model;
        private Transition held;

        Allocating(Model model) {
            this.model = model;
        }

        @Override boolean step(int[] from, int a) {
            State s = new State(from);
            held = model.step(s, a);
            return held != null && !held.after().equals(s);
        }

        @Override Transition transition(int a) { return held; }

        @Override long fingerprint(long parent) { return Zobrist.of(held.after()); }

        @Override int[] copy() { return slots(held.after()); }
    }

    private static int[] slots(State s) {
        int[] v = new int[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = s.get(i);
        return v;
    }

    /** Pushes a frame; returns the fingerprint stack, grown if it had to be. */
    private static long[] push(List<int[]> states, IntArray next, IntArray via, long[] fps, int[] s, int step, long f) {
        int at = states.size();
        if (at == fps.length) fps = java.util.Arrays.copyOf(fps, 2 * at);
        fps[at] = f;
        states.add(s);
        next.add(0);
        via.add(step);
        return fps;
    }

    private Figures figures(long t0, long states, long watched, long transitions) {
        return new Figures(invariant.name(), states, watched, transitions, (System.nanoTime() - t0) / 1_000_000);
    }

    private ExplorationResult incomplete(Stats main, String why, long t0, long states, long watched, long transitions) {
        return new ExplorationResult(Verdict.INCOMPLETE, main, null, why, figures(t0, states, watched, transitions));
    }

    /**
     * The back edge from the top of the stack by actor {@code closing} into the watched frame whose fingerprint is
     * {@code into}: the cycle is the frames from there up, then that step. It is rotated to start at its state nearest the initial state and
     * written after a shortest path to that state.
     */
    private ExplorationResult violation(Stats main, List<int[]> stack, IntArray via, long[] fps, long into, int closing,
                                        long t0, long seenStates, long watched, long transitions) {
        int at = stack.size() - 1;
        while (fps[at] != into) at--; // the watched frame the step goes back to (watched frames are the stack's top)
        List<State> cycleStates = new ArrayList<>();
        for (int[] v : stack.subList(at, stack.size())) cycleStates.add(new State(v));
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

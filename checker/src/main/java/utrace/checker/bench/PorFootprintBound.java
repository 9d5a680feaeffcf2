package utrace.checker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.invariants.Invariant;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * What any footprint-based partial-order reduction could remove, at best: not a
 * search mode, a measurement (checker bench) that explains the gap between
 * --por and {@link PorBound}. It builds the whole state graph with every step's
 * recorded footprint, then replaces the declared may-footprint tables by the
 * exact ones: for every state and actor, the union of that actor's footprints
 * over every path from the state (a fixpoint over the graph), which no table
 * written from the code can beat. It then searches breadth-first with stubborn
 * sets of several actors (start from one actor with a state-changing step,
 * add every actor whose exact future conflicts with a step in the set, keep
 * the smallest set that is not all enabled actors) and the --por proviso,
 * twice: once with --por's visibility condition (no observation, nothing an
 * invariant reads written) and once without it, which is unsound for our
 * invariants and only shows what visibility costs.
 */
public final class PorFootprintBound {
    /** Whole graphs above this are not measured: every state keeps two footprints per actor. */
    public static final int MAX_STATES = 150_000;

    /** States of the full graph and of the two reduced searches. */
    public record Result(long fullStates, long withVisibility, long withoutVisibility) {}

    private final Model model;
    private final int actors;
    private final int slots;
    private final int n;
    private final int[] succ;
    private final boolean[] quiet;
    /** step[s*A+a] and future[s*A+a]: recorded and exact future footprints. */
    private final Footprint[] step;
    private final Footprint[] future;
    private final Footprint visible;

    private PorFootprintBound(Model model, List<State> states, int[] succ, boolean[] quiet, Footprint[] step, Footprint visible) {
        this.model = model;
        this.actors = model.actorCount();
        this.slots = model.stateSize();
        this.n = states.size();
        this.succ = succ;
        this.quiet = quiet;
        this.step = step;
        this.visible = visible;
        this.future = futures();
    }

    /** Null for the weak memory model or a graph above {@code maxStates} (at most {@link #MAX_STATES}). */
    public static Result of(Model model, List<Invariant> invariants, int maxStates) {
        if (model.config().weak()) return null;
        PorFootprintBound b = build(model, invariants, maxStates);
        return b == null ? null : new Result(b.n, b.reduced(true), b.reduced(false));
    }

    private static PorFootprintBound build(Model model, List<Invariant> invariants, int maxStates) {
        int limit = Math.min(maxStates, MAX_STATES);
        int actors = model.actorCount();
        Map<State, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        int[] succ = new int[1024 * actors];
        boolean[] quiet = new boolean[1024 * actors];
        Footprint[] step = new Footprint[1024 * actors];
        ids.put(model.initial(), 0);
        states.add(model.initial());
        for (int s = 0; s < states.size(); s++) {
            if (states.size() > limit) return null;
            if ((s + 1) * actors > succ.length) {
                succ = Arrays.copyOf(succ, succ.length * 2);
                quiet = Arrays.copyOf(quiet, quiet.length * 2);
                step = Arrays.copyOf(step, step.length * 2);
            }
            State cur = states.get(s);
            for (int a = 0; a < actors; a++) {
                Footprint fp = new Footprint(model.stateSize());
                Transition t = model.step(cur, a, fp);
                int i = s * actors + a;
                if (t == null) {
                    succ[i] = -1;
                    continue;
                }
                Integer id = ids.get(t.after());
                if (id == null) {
                    id = states.size();
                    ids.put(t.after(), id);
                    states.add(t.after());
                }
                succ[i] = id;
                quiet[i] = t.obs().isEmpty();
                step[i] = fp;
            }
        }
        Footprint visible = new Footprint(model.stateSize());
        for (Invariant inv : invariants) inv.visible(model, visible);
        return new PorFootprintBound(model, states, succ, quiet, step, visible);
    }

    /** future[s*A+q]: q's footprints on every path from s (least fixpoint, iterated backwards over the BFS order). */
    private Footprint[] futures() {
        Footprint[] f = new Footprint[n * actors];
        for (int i = 0; i < n * actors; i++) {
            f[i] = new Footprint(slots);
            if (succ[i] >= 0) union(f[i], step[i]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = n - 1; s >= 0; s--) {
                for (int a = 0; a < actors; a++) {
                    int t = succ[s * actors + a];
                    if (t < 0 || t == s) continue;
                    for (int q = 0; q < actors; q++) changed |= union(f[s * actors + q], f[t * actors + q]);
                }
            }
        }
        return f;
    }

    private static boolean union(Footprint into, Footprint from) {
        boolean changed = false;
        for (int x = 0; x < into.slots(); x++) {
            int r = from.reads(x) & ~into.reads(x);
            int w = from.writes(x) & ~into.writes(x);
            if (r != 0) into.read(x, r);
            if (w != 0) into.write(x, w);
            changed |= (r | w) != 0;
        }
        return changed;
    }

    private boolean changes(int s, int a) {
        int t = succ[s * actors + a];
        return t >= 0 && t != s;
    }

    /** States reached by the breadth-first search with the smallest stubborn set in every state. */
    private long reduced(boolean visibility) {
        long count = 0;
        for (int l : levels(visibility)) if (l >= 0) count++;
        return count;
    }

    /** For tests: the graph (successors by state id times actor) and each state's level in the reduced search (-1: not reached). */
    static int[][] graphAndLevels(Model model, List<Invariant> invariants, boolean visibility) {
        PorFootprintBound b = build(model, invariants, MAX_STATES);
        return new int[][] {Arrays.copyOf(b.succ, b.n * b.actors), b.levels(visibility)};
    }

    private int[] levels(boolean visibility) {
        int[] level = new int[n];
        Arrays.fill(level, -1);
        level[0] = 0;
        int[] cur = {0};
        int curSize = 1;
        int d = 0;
        while (curSize > 0) {
            int[] next = new int[16];
            int nextSize = 0;
            for (int i = 0; i < curSize; i++) {
                int s = cur[i];
                boolean[] set = stubborn(s, d, level, visibility);
                for (int a = 0; a < actors; a++) {
                    int t = succ[s * actors + a];
                    if (t < 0 || (set != null && !set[a]) || level[t] >= 0) continue;
                    level[t] = d + 1;
                    if (nextSize == next.length) next = Arrays.copyOf(next, next.length * 2);
                    next[nextSize++] = t;
                }
            }
            cur = next;
            curSize = nextSize;
            d++;
        }
        return level;
    }

    /** The smallest valid stubborn set of actors at s (null: expand all). */
    private boolean[] stubborn(int s, int d, int[] level, boolean visibility) {
        boolean[] best = null;
        int bestSize = Integer.MAX_VALUE;
        for (int p0 = 0; p0 < actors; p0++) {
            if (!changes(s, p0)) continue;
            boolean[] in = new boolean[actors];
            in[p0] = true;
            for (boolean grew = true; grew; ) {
                grew = false;
                for (int p = 0; p < actors; p++) {
                    if (!in[p] || succ[s * actors + p] < 0) continue;
                    for (int q = 0; q < actors; q++) {
                        if (!in[q] && step[s * actors + p].conflictWith(future[s * actors + q]) >= 0) {
                            in[q] = true;
                            grew = true;
                        }
                    }
                }
            }
            boolean ok = true;
            boolean all = true;
            int size = 0;
            for (int a = 0; a < actors && ok; a++) {
                int t = succ[s * actors + a];
                if (!in[a]) {
                    if (changes(s, a)) all = false;
                    continue;
                }
                if (t < 0) continue;
                size++;
                if (visibility && (!quiet[s * actors + a] || step[s * actors + a].writesInto(visible) >= 0)) ok = false;
                if (level[t] >= 0 && level[t] != d + 1) ok = false; // proviso: one level deeper
            }
            if (ok && !all && size < bestSize) {
                best = in;
                bestSize = size;
            }
        }
        return best;
    }
}

package utrace.checker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * How much an ideal partial-order reduction could remove from a scenario:
 * not a search mode, a measurement (checker bench). It builds the whole state
 * graph, then computes for every state s and actor p whether p's step is
 * independent of everything the other actors can do before p moves: p is
 * enabled at s and, for every other enabled actor q, the two steps commute
 * (both orders are enabled and reach the same state) and the same holds
 * after q's step (a greatest fixpoint over the graph). That is condition C1
 * of an ample set {p}, decided exactly, which no implementable reduction can
 * do better than: a real one must over-approximate what the other actors may
 * do from their code. Then it explores breadth-first, following only p's step
 * wherever some such p exists whose step is not a self-loop and leads to a
 * state not in an earlier level (the cycle proviso), and counts the states.
 *
 * <p>Visibility (C2) is ignored: every step is treated as invisible to the
 * invariants. A real reduction must also keep the steps the invariants
 * observe, so the true bound is lower still. The ratio full/reduced is an
 * upper bound on what singleton-ample partial-order reduction achieves on
 * this model.
 */
public final class PorBound {
    /** Full and reduced state counts. */
    public record Result(long fullStates, long reducedStates) {
        public double factor() { return reducedStates == 0 ? 0 : (double) fullStates / reducedStates; }
    }

    private PorBound() {}

    /** Null if the scenario has more than {@code maxStates} states (the whole graph is held in memory). */
    public static Result of(Model model, int maxStates) {
        int actors = model.actorCount();
        Map<State, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        int[] succ = new int[1024 * actors];
        State init = model.initial();
        ids.put(init, 0);
        states.add(init);
        for (int s = 0; s < states.size(); s++) {
            if (states.size() > maxStates) return null;
            if ((s + 1) * actors > succ.length) succ = Arrays.copyOf(succ, succ.length * 2);
            State cur = states.get(s);
            for (int a = 0; a < actors; a++) {
                Transition t = model.step(cur, a);
                if (t == null) {
                    succ[s * actors + a] = -1;
                    continue;
                }
                Integer id = ids.get(t.after());
                if (id == null) {
                    id = states.size();
                    ids.put(t.after(), id);
                    states.add(t.after());
                }
                succ[s * actors + a] = id;
            }
        }
        ids = null;
        int n = states.size();
        states = null;
        boolean[] indep = independence(succ, n, actors);
        return new Result(n, reduced(succ, n, actors, indep));
    }

    /** indep[s*A+p]: p's step at s commutes with every step other actors can take before p moves. */
    static boolean[] independence(int[] succ, int n, int actors) {
        boolean[] indep = new boolean[n * actors];
        for (int i = 0; i < n * actors; i++) indep[i] = succ[i] >= 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < n; s++) {
                for (int p = 0; p < actors; p++) {
                    if (!indep[s * actors + p]) continue;
                    int afterP = succ[s * actors + p];
                    for (int q = 0; q < actors; q++) {
                        int afterQ = q == p ? -1 : succ[s * actors + q];
                        if (afterQ < 0) continue;
                        int pq = succ[afterP * actors + q];
                        int qp = succ[afterQ * actors + p];
                        if (pq < 0 || qp < 0 || pq != qp || !indep[afterQ * actors + p]) {
                            indep[s * actors + p] = false;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        return indep;
    }

    /** States reached breadth-first when an independent, non-looping step to a new level is taken alone. */
    static long reduced(int[] succ, int n, int actors, boolean[] indep) {
        long count = 0;
        for (int l : reachedLevels(succ, n, actors, indep)) if (l >= 0) count++;
        return count;
    }

    /** The breadth-first level of every state the reduced search reaches, -1 for the others. */
    static int[] reachedLevels(int[] succ, int n, int actors, boolean[] indep) {
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
                int ample = -1;
                for (int p = 0; p < actors && ample < 0; p++) {
                    int t = succ[s * actors + p];
                    if (indep[s * actors + p] && t != s && (level[t] < 0 || level[t] == d + 1)) ample = p;
                }
                for (int p = 0; p < actors; p++) {
                    int t = succ[s * actors + p];
                    if (t < 0 || (ample >= 0 && p != ample) || level[t] >= 0) continue;
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
}

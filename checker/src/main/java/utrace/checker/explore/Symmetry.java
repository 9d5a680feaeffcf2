package utrace.checker.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import utrace.model.Model;
import utrace.model.State;

/**
 * Symmetry reduction over identical killers ('killers N SIG...' in a
 * scenario): two states that differ only by which killer is where are
 * merged, by storing each state with the killers' program counters sorted
 * (the canonical member of its orbit).
 *
 * <p>Why this is sound here. Swapping two killers is an automorphism of the
 * state graph when, as in this model:
 * <ul>
 * <li>the killers run the same script (the scenario format gives all of them
 *     one signal list) from the same initial program counter, so the initial
 *     state is its own canonical form;</li>
 * <li>a killer's block is its program counter only, and a killer's step reads
 *     and writes shared variables and that counter: it takes siglock and drops
 *     it within the step, so no lock holder, list or ghost variable records a
 *     killer's identity, and no other actor reads a killer's block;</li>
 * <li>no invariant tells killers apart: they read the shared variables the
 *     killers write (pending signals, G_KILLED) and, in final states, whether
 *     each killer is done, which is the same for a permuted state.</li>
 * </ul>
 * The reduced (quotient) graph then has one state per orbit, the same
 * verdicts and the same distances, so breadth-first traces stay shortest.
 * A trace is found in canonical states; {@link #realSchedule} maps it back to
 * real killers by replaying it.
 *
 * <p>Engines are not interchangeable: their order on {@code ->attached} is
 * observable (callbacks run in attach order, reversed for SYSCALL_ENTRY), and
 * each owner drives its own engine. Under the weak memory model stores go
 * through per-actor buffers that do record the killer, so symmetry is off
 * there ({@link #of} returns a reduction with no group).
 */
final class Symmetry {
    /** Actor indices of the interchangeable killers, ascending, and where each one's program counter is. */
    private final int[] killers;
    private final int[] pcSlot;

    private Symmetry(int[] killers, int[] pcSlot) {
        this.killers = killers;
        this.pcSlot = pcSlot;
    }

    static Symmetry of(Model model) {
        List<Integer> ks = new ArrayList<>();
        if (!model.config().weak()) {
            for (int a = 0; a < model.actorCount(); a++) {
                if (model.actorRole(a).equals("killer") && model.actorSlots(a) == 1) ks.add(a);
            }
        }
        if (ks.size() < 2) ks.clear();
        int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
        int[] pc = new int[k.length];
        for (int i = 0; i < k.length; i++) pc[i] = model.actorBase(k[i]);
        return new Symmetry(k, pc);
    }

    /** How many actors are merged into one orbit position (0: no symmetry in this model). */
    int groupSize() { return killers.length; }

    /** The canonical member of {@code s}'s orbit: killers' program counters in ascending order. */
    State canonical(State s) {
        int n = pcSlot.length;
        if (n == 0) return s;
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = s.get(pcSlot[i - 1]) <= s.get(pcSlot[i]);
        if (sorted) return s;
        int[] pcs = new int[n];
        for (int i = 0; i < n; i++) pcs[i] = s.get(pcSlot[i]);
        Arrays.sort(pcs);
        int[] v = new int[s.size()];
        for (int i = 0; i < v.length; i++) v[i] = s.get(i);
        for (int i = 0; i < n; i++) v[pcSlot[i]] = pcs[i];
        return new State(v);
    }

    /**
     * The schedule of real actors for a schedule found in canonical states: step j of killer
     * k_i (the i-th killer) in a canonical state is taken by the killer whose program counter
     * ranks i-th (by counter, then index) in the real state, which is where canonical() put it.
     */
    List<Integer> realSchedule(Model model, List<Integer> canonicalSchedule) {
        if (killers.length == 0) return canonicalSchedule;
        List<Integer> out = new ArrayList<>();
        State r = model.initial();
        for (int a : canonicalSchedule) {
            int real = a;
            int rank = Arrays.binarySearch(killers, a);
            if (rank >= 0) {
                Integer[] order = new Integer[killers.length];
                for (int i = 0; i < order.length; i++) order[i] = i;
                final State cur = r;
                Arrays.sort(order, (x, y) -> cur.get(pcSlot[x]) != cur.get(pcSlot[y])
                    ? Integer.compare(cur.get(pcSlot[x]), cur.get(pcSlot[y])) : Integer.compare(x, y));
                real = killers[order[rank]];
            }
            out.add(real);
            var t = model.step(r, real);
            if (t == null) throw new IllegalStateException("symmetry: step " + out.size() + " of the trace is not enabled");
            r = t.after();
        }
        return out;
    }
}

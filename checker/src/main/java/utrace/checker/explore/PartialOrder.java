package utrace.checker.explore;

import java.util.List;
import java.util.function.Predicate;

import utrace.invariants.Invariant;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Partial-order reduction with singleton ample (persistent) sets. In a state s
 * the search may expand the step t of one actor p alone, instead of every
 * actor's step, when:
 * <ol>
 * <li>t is enabled and changes the state (steps that change nothing, a
 *     utrace_barrier retrying, are never chosen);</li>
 * <li>independence: for every other actor q, t writes nothing q may read or
 *     write in any step it can still take, and reads nothing q may write
 *     (q's declared may-footprint, {@link Model#mayFootprint}). Then no
 *     sequence of other actors' steps can disable t or change what it does,
 *     and t commutes with each of them: {t} is persistent in s;</li>
 * <li>invisibility: t makes no observation and writes nothing the checked
 *     invariants read ({@link Invariant#visible}), so moving it ahead of other
 *     steps changes no invariant's verdict, and every invariant declares that
 *     such quiet steps pass its transition check ({@link Invariant#quietStepsPass});</li>
 * <li>cycle proviso: t leads to a state not seen at this depth or before
 *     (breadth-first: a state of the next level). Every edge from a reduced
 *     state then goes one level deeper, so every cycle of the reduced graph
 *     has a fully expanded state and no step is postponed forever.</li>
 * </ol>
 * The first such actor (lowest index) is taken, so the result is deterministic.
 * With persistent sets every state where nothing can move is kept, so the
 * final-state and deadlock checks see all of them; with invisibility and the
 * proviso every state or transition invariant violation stays reachable.
 * Every recorded step is checked against its actor's may-footprint (an
 * incomplete table throws rather than reduce unsoundly).
 *
 * <p>Off in the weak memory model (store buffers are per-actor shadows of shared
 * variables; not modelled here) and for litmus tests.
 */
final class PartialOrder {
    private final Model model;
    private final int actors;
    private final int slots;
    /** What the checked invariants read. */
    private final Footprint visible;

    private PartialOrder(Model model, Footprint visible) {
        this.model = model;
        this.actors = model.actorCount();
        this.slots = model.stateSize();
        this.visible = visible;
        this.cache = ThreadLocal.withInitial(() -> new MayCache(model));
    }

    /** The reduction for {@code model} checked against {@code invariants}, or null where it does not apply (and why, via {@link #unavailable}). */
    static PartialOrder of(Model model, List<Invariant> invariants) {
        if (unavailable(model, invariants) != null) return null;
        Footprint v = new Footprint(model.stateSize());
        for (Invariant i : invariants) i.visible(model, v);
        return new PartialOrder(model, v);
    }

    /** Why partial-order reduction cannot run on this model, or null if it can. */
    static String unavailable(Model model, List<Invariant> invariants) {
        if (model.config().weak()) return "weak memory model";
        if (model.scenario() == null) return "litmus test";
        for (Invariant i : invariants) if (!i.quietStepsPass()) return "invariant " + i.name() + " does not declare its visibility";
        return null;
    }

    /** Every actor's step from {@code s} (null if disabled), recording footprints into {@code fps}. */
    Transition[] steps(State s, Footprint[] fps) {
        Transition[] ts = new Transition[actors];
        for (int a = 0; a < actors; a++) {
            if (fps[a] == null) fps[a] = new Footprint(slots);
            ts[a] = model.step(s, a, fps[a]);
        }
        return ts;
    }

    /**
     * The actor whose step alone is expanded from {@code s}, or -1 to expand all.
     * {@code fresh} says whether a successor is a state of the next level (the proviso).
     */
    int ample(State s, Transition[] ts, Footprint[] fps, Predicate<State> fresh) {
        Footprint[] may = null;
        for (int p = 0; p < actors; p++) {
            Transition t = ts[p];
            if (t == null || !t.obs().isEmpty() || t.after().equals(s)) continue;
            if (fps[p].writesInto(visible) >= 0) continue;
            if (may == null) may = mayFootprints(s);
            boolean independent = true;
            for (int q = 0; q < actors && independent; q++) {
                if (q != p && fps[p].conflictWith(may[q]) >= 0) independent = false;
            }
            if (independent && fresh.test(t.after())) return p;
        }
        return -1;
    }

    /**
     * The cheap half of conditions 1 and 3 for a step held in a {@link utrace.model.Stepper}: it writes
     * none of the bits the invariants read ({@code wbits} by slot, {@code log} the {@code n} slots
     * written: the same write footprint {@link Model#step(State, int, Footprint)} records). The search
     * records footprints and may-footprints only for steps that pass this and make no observation
     * and change the state: elsewhere no reduction is possible, so nothing is spent on it.
     */
    boolean invisible(int[] wbits, int[] log, int n) {
        for (int k = 0; k < n; k++) {
            int slot = log[k];
            if ((wbits[slot] & visible.reads(slot)) != 0) return false;
        }
        return true;
    }

    /**
     * {@link #ample} restricted to {@code candidates} (a bit per actor whose step is enabled, quiet,
     * changes the state and passed {@link #invisible}): the first, in actor order, that is
     * independent of every other actor and leads to a fresh state; -1 if none. Same choice as
     * {@link #ample} over all actors, which rejects every other actor on those cheap tests. Only
     * the candidates' steps are recorded (and checked against their tables).
     */
    int ampleAmong(State s, int candidates, Footprint scratch, Predicate<State> fresh) {
        Footprint[] may = null;
        for (int p = 0; p < actors; p++) {
            if ((candidates & (1 << p)) == 0) continue;
            Transition t = model.step(s, p, scratch);
            if (t == null || !t.obs().isEmpty() || t.after().equals(s) || scratch.writesInto(visible) >= 0) {
                throw new IllegalStateException("in-place and recorded steps of " + model.actorName(p) + " disagree");
            }
            if (may == null) may = mayFootprints(s);
            boolean independent = true;
            for (int q = 0; q < actors && independent; q++) {
                if (q != p && scratch.conflictWith(may[q]) >= 0) independent = false;
            }
            if (independent && fresh.test(t.after())) return p;
        }
        return -1;
    }

    private boolean writesIntoOthers(int[] v, int p, int[] slots, int[] bits, int n, MayCache may) {
        for (int q = 0; q < actors; q++) {
            if (q == p) continue;
            Footprint m = may.may(v, q);
            for (int k = 0; k < n; k++) {
                if ((bits[k] & (m.reads(slots[k]) | m.writes(slots[k]))) != 0) return true;
            }
        }
        return false;
    }

    /** This thread's cache of may-footprints ({@link MayCache}). */
    MayCache localCache() { return cache.get(); }

    private final ThreadLocal<MayCache> cache;

    /**
     * {@link #ampleAmong} without copies: each candidate's step is taken again in {@code st}
     * recording its footprint into {@code scratch}, checked against its own may-footprint (an
     * incomplete table throws), tested for independence against the others' cached
     * may-footprints, and the proviso asks {@code fresh} about the successor's fingerprint
     * ({@code fps[p]}). Same choice as {@link #ampleAmong} (PorSoundnessTest compares the searches).
     */
    int ampleInPlace(utrace.model.Stepper st, int candidates, long[] fps, int[][] wslot, int[][] wbits, int[] nw,
                     Footprint scratch, MayCache may, java.util.function.LongPredicate fresh) {
        int[] v = st.parentValues();
        for (int p = 0; p < actors; p++) {
            if ((candidates & (1 << p)) == 0) continue;
            // Cheap necessary test first, from the writes logged when the step was taken: a write
            // into another actor's may-footprint already makes the step dependent. Most candidates
            // stop here, and nothing is recorded for them.
            if (writesIntoOthers(v, p, wslot[p], wbits[p], nw[p], may)) continue;
            if (!st.stepRecording(p, scratch) || scratch.writesInto(visible) >= 0) {
                throw new IllegalStateException("in-place steps of " + model.actorName(p) + " disagree");
            }
            Footprint mine = may.may(v, p);
            int slot = scratch.outside(mine);
            if (slot >= 0) {
                st.undo();
                State s = new State(v.clone());
                throw new IllegalStateException("footprint table incomplete: " + model.actorName(p) + " at '"
                    + model.where(s, p) + "' touches slot " + slot + " (" + scratch.describe(slot)
                    + ") outside its may-footprint (" + mine.describe(slot) + ")");
            }
            boolean independent = true;
            for (int q = 0; q < actors && independent; q++) {
                if (q != p && scratch.conflictWith(may.may(v, q)) >= 0) independent = false;
            }
            st.undo();
            if (independent && fresh.test(fps[p])) return p;
        }
        return -1;
    }

    private Footprint[] mayFootprints(State s) {
        Footprint[] may = new Footprint[actors];
        for (int q = 0; q < actors; q++) {
            may[q] = new Footprint(slots);
            model.mayFootprint(s, q, may[q]);
        }
        return may;
    }
}

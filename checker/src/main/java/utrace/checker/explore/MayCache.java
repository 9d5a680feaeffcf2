package utrace.checker.explore;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;

/**
 * Actors' may-footprints ({@link Model#mayFootprint}), remembered. A
 * may-footprint is a function of the few slots its table reads (the actor's
 * program counter, an operation index, whether the tracee is dead), so each
 * entry keeps the slots read while computing it (recorded through
 * {@link State#recording}) and their values, and serves any state that has
 * the same values there: the table's code then takes the same path and gives
 * the same footprint. Entries are bucketed by a hash of the values at the
 * slots the actor's first table computation read (the same slots for most
 * states): only a partition, as an entry is checked on its own slots; a state
 * whose bucket lacks a matching entry computes and adds one. One cache per
 * thread; entries are never evicted (a model has few distinct entries).
 */
final class MayCache {
    private static final int BUCKETS = 1024;

    private final Model model;
    private final int slots;
    /** [actor][pc bucket] -> linked entries. */
    private final Entry[][] buckets;
    /** Per actor: the slots its first computation read, whose values pick the bucket. */
    private final int[][] keySlots;

    private static final class Entry {
        final int[] readSlots;
        final int[] values;
        final Footprint may;
        final Entry next;

        Entry(int[] readSlots, int[] values, Footprint may, Entry next) {
            this.readSlots = readSlots;
            this.values = values;
            this.may = may;
            this.next = next;
        }

        boolean matches(int[] v) {
            for (int i = 0; i < readSlots.length; i++) if (v[readSlots[i]] != values[i]) return false;
            return true;
        }
    }

    MayCache(Model model) {
        this.model = model;
        this.slots = model.stateSize();
        this.buckets = new Entry[model.actorCount()][BUCKETS];
        this.keySlots = new int[model.actorCount()][];
    }

    private int bucket(int[] v, int a) {
        int[] ks = keySlots[a];
        if (ks == null) return 0;
        int h = a;
        for (int s : ks) h = h * 0x9E3779B1 + v[s];
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h & (BUCKETS - 1);
    }

    /** Actor {@code a}'s may-footprint in the state {@code v} (do not modify it). */
    Footprint may(int[] v, int a) {
        int b = bucket(v, a);
        for (Entry e = buckets[a][b]; e != null; e = e.next) if (e.matches(v)) return e.may;
        Footprint reads = new Footprint(slots);
        Footprint may = new Footprint(slots);
        model.mayFootprint(State.recording(new State(v.clone()), reads), a, may);
        int n = 0;
        for (int s = 0; s < slots; s++) if (reads.reads(s) != 0) n++;
        int[] rs = new int[n];
        int[] vs = new int[n];
        n = 0;
        for (int s = 0; s < slots; s++) {
            if (reads.reads(s) == 0) continue;
            rs[n] = s;
            vs[n++] = v[s];
        }
        if (keySlots[a] == null) {
            keySlots[a] = rs;
            b = bucket(v, a);
        }
        buckets[a][b] = new Entry(rs, vs, may, buckets[a][b]);
        return may;
    }
}

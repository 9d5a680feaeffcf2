package utrace.checker.explore;

import java.util.Locale;

/**
 * Hash compaction (Wolper and Leroy; Stern and Dill's variant), the middle
 * mode between the exact visited set and bitstate hashing: a state is stored
 * as 32 bits of its 64-bit fingerprint in an open-addressing table of fixed
 * size (4 bytes a slot, against 8 for the exact set, which also doubles), the
 * slot chosen by other bits of the fingerprint. A new state is taken for a
 * visited one only if one of the occupied slots its probe passes holds the
 * same 32 bits, a chance of 2^-32 per slot compared: the table adds up those
 * chances over every insertion, which is the expected number of states missed
 * (and bounds the probability that any was), printed with the verdict. Far
 * smaller than bitstate's omissions at a few bytes more per state; like
 * bitstate, a search with it never reports PASS.
 *
 * <p>The table does not grow (the stored bits do not say where a state was
 * hashed, so it could not be rehashed): it is sized from the expected state
 * count, and a partition filled to {@link #MAX_LOAD} takes no more states;
 * the search then stops INCOMPLETE ({@link #overflow}) asking for a larger
 * --expected-states.
 */
final class HashCompactTable extends VisitedTable {
    /** Beyond this load linear probing slows down sharply: a partition this full refuses new states. */
    static final double MAX_LOAD = 0.9;
    /** Stored bits per state. */
    static final int BITS = 32;

    private final int[][] parts = new int[PARTITIONS][];
    private final int mask;
    private final int maxPerPart;
    private final int[] size = new int[PARTITIONS];
    /** Occupied slots compared while inserting new states, per partition: times 2^-32, the expected omissions. */
    private final long[] compared = new long[PARTITIONS];
    private final long[] refused = new long[PARTITIONS];

    /** A table of {@code slots} slots in all (a power of two, at least 2^PARTITION_BITS * 64). */
    HashCompactTable(long slots) {
        long per = slots / PARTITIONS;
        if (per < 64 || Long.bitCount(slots) != 1 || per > 1 << 28) {
            throw new IllegalArgumentException("hash-compact table of " + slots + " slots: not a power of two in [2^10, 2^32]");
        }
        for (int i = 0; i < PARTITIONS; i++) parts[i] = new int[(int) per];
        mask = (int) per - 1;
        maxPerPart = (int) (per * MAX_LOAD);
    }

    /** The slots for {@code expectedStates} at a load of at most 3/4 (a power of two, at least 2^10). */
    static long slotsFor(long expectedStates) {
        long want = Math.max(1L << 10, (long) Math.ceil(expectedStates / 0.75));
        return Math.min(1L << 32, Long.highestOneBit(want - 1) << 1);
    }

    /** The stored bits: the fingerprint's low 32 (0 marks an empty slot, so 0 is stored as 1). */
    private static int stored(long fp) {
        int v = (int) fp;
        return v == 0 ? 1 : v;
    }

    /** The home slot: bits 32 and up, disjoint from the stored bits and from the partition's (the top 4). */
    private int home(long fp) {
        return (int) (fp >>> 32) & mask;
    }

    @Override boolean add(long fp) {
        int part = partition(fp);
        int[] a = parts[part];
        int i = freeSlot(a, fp);
        if (i < 0) return false;
        if (size[part] >= maxPerPart) {
            // Full: the state is not stored (and not explored); overflow() ends the search at the level's end.
            refused[part]++;
            return false;
        }
        a[i] = stored(fp);
        size[part]++;
        compared[part] += (i - home(fp)) & mask;
        return true;
    }

    /** {@link #add} on each, with the partition's counters in locals (see {@link VisitedTable#addAll}). */
    @Override int addAll(long[] fps, int from, int to, boolean[] fresh) {
        if (from == to) return 0;
        int part = partition(fps[from]);
        int[] a = parts[part];
        int n = size[part];
        long cmp = compared[part];
        long ref = refused[part];
        int added = 0;
        for (int j = from; j < to; j++) {
            long fp = fps[j];
            int i = freeSlot(a, fp);
            fresh[j] = false;
            if (i < 0) continue;
            if (n >= maxPerPart) {
                ref++;
                continue;
            }
            a[i] = stored(fp);
            n++;
            cmp += (i - home(fp)) & mask;
            fresh[j] = true;
            added++;
        }
        size[part] = n;
        compared[part] = cmp;
        refused[part] = ref;
        return added;
    }

    /**
     * The empty slot where {@code fp} goes, or -1 if its stored bits are met first (taken as visited).
     * The occupied slots passed, (slot - home) & mask, are the comparisons that could have merged it.
     */
    private int freeSlot(int[] a, long fp) {
        int v = stored(fp);
        for (int i = home(fp); ; i = (i + 1) & mask) {
            int cur = a[i];
            if (cur == 0) return i;
            if (cur == v) return -1;
        }
    }

    @Override boolean contains(long fp) {
        int[] a = parts[partition(fp)];
        int v = stored(fp);
        for (int i = home(fp); ; i = (i + 1) & mask) {
            int cur = a[i];
            if (cur == 0) return false;
            if (cur == v) return true;
        }
    }

    @Override long size() {
        long n = 0;
        for (int x : size) n += x;
        return n;
    }

    @Override long bytes() { return 4L * PARTITIONS * parts[0].length; }

    /** The expected number of states taken for visited ones: the occupied slots compared, times 2^-32. */
    double expectedOmissions() {
        long c = 0;
        for (long x : compared) c += x;
        return c / Math.pow(2, BITS);
    }

    @Override String overflow() {
        long r = 0;
        for (long x : refused) r += x;
        if (r == 0) return null;
        return String.format(Locale.ROOT, "hash-compact table full (%,d slots, %,d KB) after %,d states: give a larger "
            + "--expected-states (e.g. --expected-states %d)", (long) PARTITIONS * parts[0].length, bytes() >> 10, size(),
            4 * size());
    }

    @Override String describe() {
        long n = size();
        return String.format(Locale.ROOT,
            "hash compaction %,d KB, %d-bit states in %,d slots (%.0f%% full), %.1f bytes per state; expected states "
                + "missed %.1e (an upper bound on the probability that any was)",
            bytes() >> 10, BITS, (long) PARTITIONS * parts[0].length, 100.0 * n / ((double) PARTITIONS * parts[0].length),
            n == 0 ? 0.0 : (double) bytes() / n, expectedOmissions());
    }
}

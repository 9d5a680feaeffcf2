package utrace.checker.explore;

/**
 * The visited set: 64-bit state fingerprints in a primitive open-addressing
 * table (linear probing, grows at 60% load). Like TLC's fingerprint set, two
 * distinct states with the same fingerprint would be merged; with 64 bits the
 * chance is about n^2 / 2^65 for n states (printed with the statistics).
 */
public final class FingerprintSet {
    private long[] table;
    private int size;
    private int mask;
    /** Fingerprint 0 is kept out of the table, where 0 marks an empty slot. */
    private boolean hasZero;

    public FingerprintSet(int initialCapacityPow2) {
        table = new long[initialCapacityPow2];
        mask = initialCapacityPow2 - 1;
    }

    public FingerprintSet() {
        this(1 << 16);
    }

    /** Adds the fingerprint; true if it was not there before. */
    public boolean add(long fp) {
        if (fp == 0) {
            if (hasZero) return false;
            hasZero = true;
            size++;
            return true;
        }
        int i = (int) (mix(fp) & mask);
        while (true) {
            long cur = table[i];
            if (cur == 0) {
                table[i] = fp;
                if (++size > table.length * 0.6) grow();
                return true;
            }
            if (cur == fp) return false;
            i = (i + 1) & mask;
        }
    }

    /**
     * Adds {@code fps[from..to)}, setting {@code fresh[j]} to whether {@code fps[j]} was new, and returns
     * how many were: the same as {@link #add} on each in turn, but the table's fields are read once and
     * written back once. In LevelExplorer's insert phase each worker fills its own partitions, and the sets
     * of neighbouring partitions can share a cache line: a store to {@code size} per insert made the two
     * workers' caches fight over it. The probe loop is written out here again, not shared with add: a
     * shared probe method returning the slot (found, or -1 - empty slot) made this loop 4-12% slower
     * (6.7M inserts in runs of 60, two pairs of alternating JVMs).
     */
    public int addAll(long[] fps, int from, int to, boolean[] fresh) {
        long[] t = table;
        int m = mask;
        int n = size;
        int added = 0;
        for (int j = from; j < to; j++) {
            long fp = fps[j];
            if (fp == 0) {
                size = n;
                fresh[j] = add(fp);
                if (fresh[j]) added++;
                n = size;
                continue;
            }
            int i = (int) (mix(fp) & m);
            boolean isNew;
            while (true) {
                long cur = t[i];
                if (cur == 0) {
                    t[i] = fp;
                    isNew = true;
                    break;
                }
                if (cur == fp) {
                    isNew = false;
                    break;
                }
                i = (i + 1) & m;
            }
            fresh[j] = isNew;
            if (!isNew) continue;
            added++;
            if (++n > t.length * 0.6) {
                size = n;
                grow();
                t = table;
                m = mask;
                n = size;
            }
        }
        size = n;
        return added;
    }

    public boolean contains(long fp) {
        if (fp == 0) return hasZero;
        int i = (int) (mix(fp) & mask);
        while (true) {
            long cur = table[i];
            if (cur == 0) return false;
            if (cur == fp) return true;
            i = (i + 1) & mask;
        }
    }

    public int size() { return size; }

    /** Bytes the table uses. */
    public long bytes() { return 8L * table.length; }

    /** New fingerprints the table takes before it doubles (allocating twice {@link #bytes()} while the old is live). */
    public long headroom() { return (long) (table.length * 0.6) - size; }

    private static long mix(long x) {
        x ^= x >>> 31;
        x *= 0x7fb5d329728ea185L;
        x ^= x >>> 27;
        return x;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length - 1;
        size = hasZero ? 1 : 0;
        for (long fp : old) {
            if (fp != 0) {
                int i = (int) (mix(fp) & mask);
                while (table[i] != 0) i = (i + 1) & mask;
                table[i] = fp;
                size++;
            }
        }
    }
}

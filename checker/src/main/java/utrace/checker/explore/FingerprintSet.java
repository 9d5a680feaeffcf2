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

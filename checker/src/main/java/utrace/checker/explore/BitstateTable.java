package utrace.checker.explore;

import java.util.Locale;

/**
 * Bitstate hashing (Holzmann's supertrace, as SPIN's -DBITSTATE): a state is
 * remembered as {@link #HASHES} bits of a large bit array instead of its
 * 64-bit fingerprint in a table (16 to 27 bytes a state), so a given memory
 * holds several times more states: at 32 bits a state the chance that a new
 * state is taken for a visited one is about 0.1%. A
 * new state whose bits happen to be all set already is taken for a visited
 * one and not explored: the search may miss states, and with them
 * violations. The table keeps the expected number of such omissions (the sum
 * over every insertion of the chance, fill^k, that a new state's k bits were
 * all set), which the verdict prints; a bitstate search never reports PASS.
 */
final class BitstateTable extends VisitedTable {
    static final int HASHES = 3;

    private final long[][] parts = new long[PARTITIONS][];
    private final long bitsPerPart;
    private final long[] setBits = new long[PARTITIONS];
    private final long[] inserted = new long[PARTITIONS];
    private final double[] omissions = new double[PARTITIONS];

    BitstateTable(long totalBits) {
        bitsPerPart = totalBits / PARTITIONS;
        if (bitsPerPart < 64) throw new IllegalArgumentException("bitstate table too small: " + totalBits + " bits");
        for (int i = 0; i < PARTITIONS; i++) parts[i] = new long[(int) Math.min(Integer.MAX_VALUE - 8, bitsPerPart / 64)];
    }

    private long bits() { return (long) parts[0].length * 64; }

    /** Bit i of the k positions: double hashing from the fingerprint's low bits. */
    private long position(long fp, int i) {
        long h2 = (fp * 0x9E3779B97F4A7C15L) >>> 17 | 1;
        return Long.remainderUnsigned(fp + i * h2, bits());
    }

    @Override boolean add(long fp) {
        int part = partition(fp);
        long[] a = parts[part];
        // The chance that this state, if new, finds all its bits already set.
        double fill = (double) setBits[part] / bits();
        boolean fresh = false;
        for (int i = 0; i < HASHES; i++) {
            long p = position(fp, i);
            int w = (int) (p >>> 6);
            long m = 1L << p;
            if ((a[w] & m) == 0) {
                a[w] |= m;
                setBits[part]++;
                fresh = true;
            }
        }
        if (fresh) {
            inserted[part]++;
            omissions[part] += Math.pow(fill, HASHES);
        }
        return fresh;
    }

    @Override boolean contains(long fp) {
        long[] a = parts[partition(fp)];
        for (int i = 0; i < HASHES; i++) {
            long p = position(fp, i);
            if ((a[(int) (p >>> 6)] & (1L << p)) == 0) return false;
        }
        return true;
    }

    @Override long size() {
        long n = 0;
        for (long x : inserted) n += x;
        return n;
    }

    @Override long bytes() { return (long) PARTITIONS * parts[0].length * 8; }

    /** Estimated number of states missed: the sum over insertions of the chance that a new state's bits were all set. */
    double expectedOmissions() {
        double s = 0;
        for (double x : omissions) s += x;
        return s;
    }

    /** Fraction of bits set at the end: fill^k is the chance the next new state would be missed. */
    double fill() {
        long s = 0;
        for (long x : setBits) s += x;
        return (double) s / ((double) bits() * PARTITIONS);
    }

    @Override String describe() {
        long n = size();
        double expected = expectedOmissions();
        return String.format(Locale.ROOT,
            "bitstate %d MB, %d hashes, %.1f bits per state; probability that a state was missed <= %.1e",
            bytes() >> 20, HASHES, n == 0 ? 0.0 : (double) bits() * PARTITIONS / n, Math.min(1.0, expected));
    }
}

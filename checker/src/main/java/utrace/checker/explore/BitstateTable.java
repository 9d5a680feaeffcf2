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
 * violations. The verdict prints Holzmann's coverage estimate ({@link #coverage})
 * for the table's k, m and the n states stored; a bitstate search never reports PASS.
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
        // The chance that this state, if new, finds all its bits already set.
        double fill = (double) setBits[part] / bits();
        int set = markBits(parts[part], fp);
        if (set == 0) return false;
        setBits[part] += set;
        inserted[part]++;
        omissions[part] += Math.pow(fill, HASHES);
        return true;
    }

    /** {@link #add} on each, with the partition's counters in locals (see {@link VisitedTable#addAll}). */
    @Override int addAll(long[] fps, int from, int to, boolean[] fresh) {
        if (from == to) return 0;
        int part = partition(fps[from]);
        long[] a = parts[part];
        long bitsSet = setBits[part];
        long ins = inserted[part];
        double om = omissions[part];
        int added = 0;
        for (int j = from; j < to; j++) {
            double fill = (double) bitsSet / bits();
            int set = markBits(a, fps[j]);
            fresh[j] = set != 0;
            if (set == 0) continue;
            bitsSet += set;
            ins++;
            // The same additions in the same order as add(): the estimate is bit for bit the same.
            om += Math.pow(fill, HASHES);
            added++;
        }
        setBits[part] = bitsSet;
        inserted[part] = ins;
        omissions[part] = om;
        return added;
    }

    /** Sets {@code fp}'s bits in its partition's array; returns how many were not set (0: taken as visited). */
    private int markBits(long[] a, long fp) {
        int set = 0;
        for (int i = 0; i < HASHES; i++) {
            long p = position(fp, i);
            int w = (int) (p >>> 6);
            long m = 1L << p;
            if ((a[w] & m) == 0) {
                a[w] |= m;
                set++;
            }
        }
        return set;
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

    /** Bits per expected state: with 3 hashes Holzmann's estimate then covers about 99.98% (see {@link #coverage}). */
    static final int BITS_PER_STATE = 32;

    /** The table for {@code expectedStates}: {@link #BITS_PER_STATE} bits each, rounded up to a power of two (at least 2^10). */
    static long bitsFor(long expectedStates) {
        long want = Math.max(1L << 10, expectedStates * BITS_PER_STATE);
        return Long.highestOneBit(want - 1) << 1;
    }

    /**
     * Holzmann's coverage estimate: the expected fraction of the reachable states a bitstate search with
     * {@code k} hash functions and {@code m} bits visits when it stores {@code n} states. The i-th new state
     * finds its k bits already set with probability (1 - e^(-k i / m))^k (the chance that each bit is set
     * after i insertions of k bits); the coverage is one minus the mean of that over i = 0..n, computed as
     * the integral (1/n) * integral_0^n (1 - e^(-k x / m))^k dx (Simpson's rule; the integrand is smooth).
     */
    static double coverage(int k, double m, double n) {
        if (n <= 0) return 1.0;
        int steps = 2000;
        double h = n / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = i * h;
            double f = Math.pow(-Math.expm1(-k * x / m), k);
            sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return 1.0 - sum * h / 3 / n;
    }

    @Override String describe() {
        long n = size();
        double m = (double) bits() * PARTITIONS;
        double c = coverage(HASHES, m, n);
        return String.format(Locale.ROOT,
            "bitstate %d MB (2^%d bits), %d hashes, %.1f bits per state; Holzmann's coverage estimate %s "
                + "(expected fraction of the reachable states missed %.1e, about %,d states)",
            bytes() >> 20, 63 - Long.numberOfLeadingZeros((long) m), HASHES, n == 0 ? 0.0 : m / n, percent(c),
            1 - c, Math.round(n / c - n));
    }

    /** "99.9832%": rounded down, so that a coverage short of 1 never prints as 100%. */
    static String percent(double c) {
        if (c >= 1.0) return "100%";
        return String.format(Locale.ROOT, "%.4f%%", Math.floor(c * 1_000_000) / 10_000);
    }
}

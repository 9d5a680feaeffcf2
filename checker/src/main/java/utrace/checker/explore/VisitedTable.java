package utrace.checker.explore;

/**
 * The visited set of {@link LevelExplorer}, split into {@link #PARTITIONS}
 * partitions by the top bits of the fingerprint so that workers insert into
 * different partitions without locks: a partition is filled by one thread at
 * a time, and the phases that read the counts are separated from the inserts
 * by the worker pool's barrier. The partition of a fingerprint does not depend
 * on the number of workers, so neither does the result.
 */
abstract class VisitedTable {
    static final int PARTITION_BITS = 4;
    static final int PARTITIONS = 1 << PARTITION_BITS;

    static int partition(long fp) {
        return (int) (fp >>> (64 - PARTITION_BITS));
    }

    /** Adds {@code fp} to its partition ({@code partition(fp)}); true if it was not there. */
    abstract boolean add(long fp);

    /**
     * Adds {@code fps[from..to)}, all of one partition, setting {@code fresh[j]} to what {@link #add}
     * returns for {@code fps[j]}; returns how many were new. The tables keep their per-partition
     * counters in locals while they insert: the counters of neighbouring partitions share cache lines,
     * and two workers storing to them once per insert slowed LevelExplorer's insert phase.
     */
    abstract int addAll(long[] fps, int from, int to, boolean[] fresh);

    /**
     * True if {@code fp} may be stored (bitstate: all its bits set, so maybe a false positive).
     * Only between insert phases (partial-order reduction's proviso reads it while expanding).
     */
    abstract boolean contains(long fp);

    /** States stored (for bitstate: insertions that set a new bit). */
    abstract long size();

    abstract long bytes();

    /**
     * Bytes the table will allocate while taking up to {@code inserts} more states (a partition
     * that doubles needs the new array while the old one is live); 0 for fixed-size tables.
     */
    long growthBytes(long inserts) { return 0; }

    /** Null, or why the table refused states (a fixed-size table that filled up): the search must stop. */
    String overflow() { return null; }

    /** One line for the statistics: what a stored state costs and what the table may miss. */
    abstract String describe();

    /** Exact fingerprints: one {@link FingerprintSet} per partition. */
    static final class Exact extends VisitedTable {
        private final FingerprintSet[] parts = new FingerprintSet[PARTITIONS];

        Exact() {
            for (int i = 0; i < PARTITIONS; i++) parts[i] = new FingerprintSet(1 << 12);
        }

        @Override boolean add(long fp) { return parts[partition(fp)].add(fp); }

        @Override int addAll(long[] fps, int from, int to, boolean[] fresh) {
            return from == to ? 0 : parts[partition(fps[from])].addAll(fps, from, to, fresh);
        }

        @Override boolean contains(long fp) { return parts[partition(fp)].contains(fp); }

        @Override long size() {
            long n = 0;
            for (FingerprintSet p : parts) n += p.size();
            return n;
        }

        @Override long bytes() {
            long n = 0;
            for (FingerprintSet p : parts) n += p.bytes();
            return n;
        }

        @Override long growthBytes(long inserts) {
            long n = 0;
            // Partitions fill about evenly; twice the even share covers the unlucky ones.
            long share = 2 * inserts / PARTITIONS + 64;
            for (FingerprintSet p : parts) if (p.headroom() < share) n += 2 * p.bytes();
            return n;
        }

        @Override String describe() {
            long n = size();
            double collision = (double) n * n / Math.pow(2, 65);
            return String.format(java.util.Locale.ROOT,
                "visited set: 64-bit fingerprints, %.1f bytes per state; probability of a fingerprint collision < %.1e",
                n == 0 ? 0.0 : (double) bytes() / n, collision);
        }
    }
}

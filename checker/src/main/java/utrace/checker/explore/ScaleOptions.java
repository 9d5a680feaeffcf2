package utrace.checker.explore;

/**
 * How the native breadth-first search scales: worker threads, symmetry
 * reduction and bitstate hashing. Every breadth-first run goes to the
 * level-synchronous {@link LevelExplorer} (its allocation-free inner loop),
 * which gives exactly the classic {@link Explorer}'s counts and shortest
 * traces, for any number of workers (LevelExplorerTest, PorSoundnessTest).
 *
 * @param workers threads that expand states (1 or more)
 * @param symmetry treat interchangeable killers as one ({@link Symmetry}); shortest traces are kept
 * @param bitstateBits 0 for the exact fingerprint set, else the size of the bitstate table in bits (a power of two)
 * @param por partial-order reduction ({@link PartialOrder}): same verdicts, fewer states, traces not
 *     necessarily shortest (they are shortened afterwards)
 * @param compactSlots 0, or hash compaction ({@link HashCompactTable}) with this many slots (a power of two)
 */
public record ScaleOptions(int workers, boolean symmetry, long bitstateBits, boolean por, long compactSlots) {
    public static final ScaleOptions SEQUENTIAL = new ScaleOptions(1, false, 0, false, 0);

    public ScaleOptions(int workers, boolean symmetry, long bitstateBits) {
        this(workers, symmetry, bitstateBits, false, 0);
    }

    public ScaleOptions(int workers, boolean symmetry, long bitstateBits, boolean por) {
        this(workers, symmetry, bitstateBits, por, 0);
    }

    public ScaleOptions {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        if (bitstateBits != 0 && (bitstateBits < 64 || Long.bitCount(bitstateBits) != 1)) {
            throw new IllegalArgumentException("bitstate size must be a power of two of at least 64 bits, not " + bitstateBits);
        }
        if (compactSlots != 0 && (compactSlots < 1024 || Long.bitCount(compactSlots) != 1 || bitstateBits != 0)) {
            throw new IllegalArgumentException("hash compaction needs a power of two of at least 1024 slots and no bitstate, not " + compactSlots);
        }
    }

    /** One worker per available core (the CLI's default). */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    public ScaleOptions withWorkers(int n) { return new ScaleOptions(n, symmetry, bitstateBits, por, compactSlots); }

    public ScaleOptions withSymmetry(boolean on) { return new ScaleOptions(workers, on, bitstateBits, por, compactSlots); }

    public ScaleOptions withBitstate(long bits) { return new ScaleOptions(workers, symmetry, bits, por, compactSlots); }

    public ScaleOptions withPor(boolean on) { return new ScaleOptions(workers, symmetry, bitstateBits, on, compactSlots); }

    public ScaleOptions withHashCompact(long slots) { return new ScaleOptions(workers, symmetry, bitstateBits, por, slots); }

    public boolean bitstate() { return bitstateBits != 0; }

    public boolean hashCompact() { return compactSlots != 0; }

    /** A visited set that may take a new state for a visited one (bitstate, hash compaction): never PASS. */
    public boolean probabilistic() { return bitstate() || hashCompact(); }

    /**
     * True if the first counterexample found is a shortest one: no bitstate (a missed state can
     * make it longer) and no partial-order reduction (the reduced graph may lack the shortest path).
     * Symmetry keeps it: the quotient graph has the same distances as the full one.
     */
    public boolean exactShortest() { return !probabilistic() && !por; }

    /**
     * Whether the classic single-threaded {@link Explorer} does this: no longer for any
     * breadth-first run of the CLI or bench. {@link LevelExplorer} with one worker gives the same
     * counts and traces (LevelExplorerTest) and has the allocation-free inner loop; Explorer
     * stays the reference engine of the tests, the corpus, litmus tests and the JPF driver.
     */
    public boolean classic() { return false; }

    /** Explores with the classic engine(s) of {@code mode} when {@link #classic()}, else with {@link LevelExplorer}. */
    public ExplorationResult explore(SearchMode mode, utrace.model.Model model, java.util.List<utrace.invariants.Invariant> invariants,
                                     Limits limits, ProgressListener progress) {
        if (por && mode == SearchMode.BFS && classic()) return new Explorer(limits, progress, true).explore(model, invariants);
        if (classic() || mode != SearchMode.BFS) return mode.explore(model, invariants, limits, progress);
        return new LevelExplorer(limits, progress, this).explore(model, invariants);
    }

    /** What may make a breadth-first trace longer than a shortest one, for trace origins. */
    public String reductionName() {
        String table = bitstate() ? "bitstate hashing" : hashCompact() ? "hash compaction" : "";
        if (!table.isEmpty() && por) return table + " and partial-order reduction";
        return !table.isEmpty() ? table : por ? "partial-order reduction" : "";
    }

    /** "2 workers, partial-order reduction, bitstate 2^30 bits" etc., for headers. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(workers).append(workers == 1 ? " worker" : " workers");
        if (symmetry) b.append(", symmetry reduction");
        if (por) b.append(", partial-order reduction");
        if (bitstate()) b.append(", bitstate hashing (").append(bitstateBits >> 23).append(" MB)");
        if (hashCompact()) {
            b.append(", hash compaction (").append(compactSlots >= 1 << 18 ? (compactSlots >> 18) + " MB" : (compactSlots >> 8) + " KB").append(')');
        }
        return b.toString();
    }
}

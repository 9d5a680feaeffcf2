package utrace.checker.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import utrace.checker.explore.BitstateSizing;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;

/**
 * --workers, --symmetry, --bitstate, --hash-compact, --expected-states and --por: how the native search scales.
 * Shared by verify, gate and bench (picocli mixin).
 */
public final class ScaleMixin {
    /**
     * The state count the bitstate and hash-compaction tables are sized for when --expected-states is not given:
     * 10 million states, a 64 MB table either way (the exact set holds that many in about 160 MB).
     */
    static final long DEFAULT_EXPECTED_STATES = 10_000_000;

    /**
     * Most workers accepted. Each worker is a thread with its own buffers; far more threads than cores only
     * costs memory (100,000 ran the JVM out of native threads), so a larger N is refused up front.
     */
    static final int MAX_WORKERS = 256;

    /** The part of the heap a bitstate table may take, leaving room for the search itself. */
    static final double BITSTATE_HEAP_SHARE = 0.75;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
        description = "Threads that expand states (breadth-first search only), 1 to " + MAX_WORKERS + ". Default: all "
            + "cores. Any N gives the same verdict, counts and trace as 1. While the JIT compiler is busy (the first "
            + "seconds of a run) the search leaves it the cores it uses.")
    Integer workers;

    @Option(names = "--symmetry", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Symmetry reduction: states that differ only by a permutation of interchangeable killers "
            + "(same signals in the same order) are one state (default: off). Verdicts and shortest traces are kept.")
    boolean symmetry;

    @Option(names = "--bitstate", paramLabel = "MB", arity = "0..1", fallbackValue = "auto",
        description = "Bitstate hashing for state spaces beyond memory: remember each state as 3 bits of a table of MB "
            + "megabytes (rounded down to a power of two; without MB: 32 bits per --expected-states state). It may "
            + "miss states: without a violation the verdict is 'no violation found (probabilistic)' with Holzmann's "
            + "coverage estimate, exit code 3, never PASS.")
    String bitstateMb;

    @Option(names = "--hash-compact", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Hash compaction, between the exact visited set and --bitstate: remember each state as 32 bits "
            + "of its fingerprint in a fixed table sized for --expected-states (5.3 bytes a state at 3/4 load; the "
            + "exact set takes 13 to 27). It may miss states, with a far smaller chance than bitstate (printed): "
            + "without a violation the verdict is 'no violation found (probabilistic)', exit code 3, never PASS.")
    boolean hashCompact;

    @Option(names = "--expected-states", paramLabel = "N", converter = StateCountConverter.class,
        description = "Size the --bitstate (without MB) or --hash-compact table for N states. Default: 10,000,000 "
            + "(a 64 MB table). A hash-compaction table that fills up stops the search INCOMPLETE, asking for more.")
    Long expectedStates;

    @Option(names = "--por", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Partial-order reduction (default: off; --no-por says so explicitly): in a state where one actor's "
            + "step is independent of everything the others may still do and invisible to the invariants, expand it "
            + "alone. Same verdicts; traces are shortened afterwards. It switches itself off (said in the output) after "
            + "20,000 states if it saved fewer than 1 in 1,000 transitions. Breadth-first search only, not with --symmetry; "
            + "under --memory-model weak it is accepted but does nothing (the footprint tables do not describe store "
            + "buffers).")
    boolean por;

    /** A worker count within 1..MAX_WORKERS; a UsageException otherwise. */
    static void checkWorkers(int n) {
        if (n < 1 || n > MAX_WORKERS) {
            throw new UsageException("--workers must be between 1 and " + MAX_WORKERS + ", not " + n
                + " (this machine has " + ScaleOptions.allCores() + " cores)");
        }
    }

    /** The options for a search in {@code mode}; a UsageException if they do not fit together. */
    public ScaleOptions options(SearchMode mode) {
        int n = workers == null ? Math.min(ScaleOptions.allCores(), MAX_WORKERS) : workers;
        checkWorkers(n);
        if (bitstateMb != null && hashCompact) {
            throw new UsageException("--bitstate and --hash-compact are two kinds of visited set: choose one");
        }
        if (expectedStates != null && (expectedStates < 1 || (bitstateMb == null && !hashCompact))) {
            throw new UsageException(expectedStates < 1 ? "--expected-states must be at least 1, not " + expectedStates
                : "--expected-states sizes the --bitstate or --hash-compact table; the exact visited set grows by itself");
        }
        long expected = expectedStates == null ? DEFAULT_EXPECTED_STATES : expectedStates;
        long bits = bitstateBits(expected);
        long slots = 0;
        if (hashCompact) {
            slots = BitstateSizing.slotsFor(expected);
            checkFits("--hash-compact", slots * 4);
        }
        if (mode != SearchMode.BFS) {
            if (workers != null && workers > 1) throw new UsageException("--workers applies to breadth-first search; use --search bfs");
            if (symmetry || bits != 0 || slots != 0 || por) {
                throw new UsageException("--symmetry, --bitstate, --hash-compact and --por apply to breadth-first search; use --search bfs");
            }
            return ScaleOptions.SEQUENTIAL;
        }
        if (por && symmetry) throw new UsageException("--por and --symmetry together are not supported (their combination is not shown sound here)");
        return new ScaleOptions(n, symmetry, bits, por, slots);
    }

    /** The --bitstate table in bits (0 if not asked for): MB as given, or sized for {@code expected} states. */
    private long bitstateBits(long expected) {
        if (bitstateMb == null) return 0;
        long bits;
        if (bitstateMb.equals("auto")) {
            bits = BitstateSizing.bitsFor(expected);
        } else {
            long mb;
            try {
                mb = Long.parseLong(bitstateMb.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--bitstate takes a size in MB (or nothing, to size it from --expected-states), not '"
                    + UsageException.shown(bitstateMb) + "'");
            }
            if (mb < 1) throw new UsageException("--bitstate needs at least 1 MB, not " + mb);
            if (expectedStates != null) throw new UsageException("--bitstate MB gives the table's size: leave out --expected-states or MB");
            bits = Long.highestOneBit(Math.min(mb, 1L << 30) << 23);
        }
        checkFits(bitstateMb.equals("auto") ? "--bitstate" : "--bitstate " + bitstateMb.trim(), bits >> 3);
        return bits;
    }

    /**
     * A swarm member's bitstate table in bits: --bitstate MB, or --bitstate / --expected-states sized as for
     * a breadth-first run; 0 when neither is given (the member then takes its default table).
     */
    long swarmBitstateBits() {
        if (hashCompact) throw new UsageException("--swarm members use a bitstate table: --hash-compact does not apply");
        if (bitstateMb == null && expectedStates != null) {
            throw new UsageException("--expected-states sizes the --bitstate table: give --bitstate too");
        }
        if (expectedStates != null && expectedStates < 1) {
            throw new UsageException("--expected-states must be at least 1, not " + expectedStates);
        }
        return bitstateBits(expectedStates == null ? DEFAULT_EXPECTED_STATES : expectedStates);
    }

    /** A table of {@code bytes} must leave room in the heap for the search itself. */
    private static void checkFits(String option, long bytes) {
        long tableMb = bytes >> 20;
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        if (tableMb > heapMb * BITSTATE_HEAP_SHARE) {
            throw new UsageException(option + ": a " + tableMb + " MB table does not fit in this JVM's heap (" + heapMb
                + " MB; the table may take " + (long) (heapMb * BITSTATE_HEAP_SHARE) + " MB); use a smaller table or more "
                + "heap (CHECKER_JAVA_OPTS=-Xmx" + (tableMb * 2 / 1024 + 1) + "g)");
        }
    }
}

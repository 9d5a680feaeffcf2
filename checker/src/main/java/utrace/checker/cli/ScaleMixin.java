package utrace.checker.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;

/**
 * --workers, --symmetry and --bitstate: how the native search scales.
 * Shared by verify, gate and bench (picocli mixin).
 */
public final class ScaleMixin {
    /** Default bitstate table: 128 MB (2^30 bits). */
    static final int DEFAULT_BITSTATE_MB = 128;

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
            + "cores. Any N gives the same verdict, counts and trace as 1.")
    Integer workers;

    @Option(names = "--symmetry", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Symmetry reduction: states that differ only by a permutation of interchangeable killers "
            + "(same signals in the same order) are one state (default: off). Verdicts and shortest traces are kept.")
    boolean symmetry;

    @Option(names = "--bitstate", paramLabel = "MB", arity = "0..1", fallbackValue = "" + DEFAULT_BITSTATE_MB,
        description = "Bitstate hashing for state spaces beyond memory: remember each state as 3 bits of a table of MB "
            + "megabytes (default ${FALLBACK-VALUE}, rounded down to a power of two). It may miss states: without a "
            + "violation the verdict is 'no violation found (probabilistic)' with the estimated omissions, exit code 3, "
            + "never PASS.")
    Integer bitstateMb;

    @Option(names = "--por", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Partial-order reduction (default: off; --no-por says so explicitly): in a state where one actor's "
            + "step is independent of everything the others may still do and invisible to the invariants, expand it "
            + "alone. Same verdicts; traces are shortened afterwards. Breadth-first search only, not with --symmetry; "
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
        long bits = 0;
        if (bitstateMb != null) {
            if (bitstateMb < 1) throw new UsageException("--bitstate needs at least 1 MB, not " + bitstateMb);
            bits = Long.highestOneBit((long) bitstateMb << 23);
            long tableMb = bits >> 23;
            long heapMb = Runtime.getRuntime().maxMemory() >> 20;
            if (tableMb > heapMb * BITSTATE_HEAP_SHARE) {
                throw new UsageException("--bitstate " + bitstateMb + ": a " + tableMb + " MB table does not fit in this "
                    + "JVM's heap (" + heapMb + " MB; the table may take " + (long) (heapMb * BITSTATE_HEAP_SHARE)
                    + " MB); use a smaller table or more heap (CHECKER_JAVA_OPTS=-Xmx" + (tableMb * 2 / 1024 + 1) + "g)");
            }
        }
        if (mode != SearchMode.BFS) {
            if (workers != null && workers > 1) throw new UsageException("--workers applies to breadth-first search; use --search bfs");
            if (symmetry || bits != 0 || por) {
                throw new UsageException("--symmetry, --bitstate and --por apply to breadth-first search; use --search bfs");
            }
            return ScaleOptions.SEQUENTIAL;
        }
        if (por && symmetry) throw new UsageException("--por and --symmetry together are not supported (their combination is not shown sound here)");
        return new ScaleOptions(n, symmetry, bits, por);
    }
}

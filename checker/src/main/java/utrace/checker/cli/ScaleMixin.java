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

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
        description = "Threads that expand states (breadth-first search only). Default: all cores. Any N gives the same "
            + "verdict, counts and trace as 1.")
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

    /** The options for a search in {@code mode}; a UsageException if they do not fit together. */
    public ScaleOptions options(SearchMode mode) {
        int n = workers == null ? ScaleOptions.allCores() : workers;
        if (n < 1) throw new UsageException("--workers must be at least 1, not " + n);
        long bits = 0;
        if (bitstateMb != null) {
            if (bitstateMb < 1) throw new UsageException("--bitstate needs at least 1 MB, not " + bitstateMb);
            bits = Long.highestOneBit((long) bitstateMb << 23);
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

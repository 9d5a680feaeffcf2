package utrace.checker.fuzz;

import java.nio.file.Path;
import java.util.List;

/** A finished fuzz run: its options, what it found class by class, and the candidates it wrote. */
public final class FuzzResult {
    final Fuzzer.Options options;
    final FuzzTally tally;
    final List<Candidates.Candidate> candidates;
    final Path outDir;

    FuzzResult(Fuzzer.Options options, FuzzTally tally, List<Candidates.Candidate> candidates, Path outDir) {
        this.options = options;
        this.tally = tally;
        this.candidates = List.copyOf(candidates);
        this.outDir = outDir;
    }

    /**
     * 1 when a candidate was written (something new), else 2 when a generated scenario was refused by the
     * parser (a bug of the generator: the run is not what it claims), else 3 when a limit cut a search
     * (nothing is known of what it did not reach), else 0.
     */
    public int exitCode() {
        if (!candidates.isEmpty()) return 1;
        if (!tally.refused.isEmpty()) return 2;
        if (!tally.cuts.isEmpty()) return 3;
        return 0;
    }

    public int candidateCount() { return candidates.size(); }
}

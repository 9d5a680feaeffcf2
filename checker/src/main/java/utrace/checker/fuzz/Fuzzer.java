package utrace.checker.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import utrace.checker.explore.Limits;
import utrace.invariants.InvariantSet;
import utrace.model.ModelConfig;

/**
 * `checker fuzz` without the command line: generate {@code count} scenarios
 * from {@code seed}, search each under the invariant set, classify every
 * violation ({@link KnownFindings}), and write a shrunk candidate per new
 * class into the output directory.
 */
public final class Fuzzer {
    private Fuzzer() {}

    /** What to run; {@code limits} apply to each search. */
    public record Options(long seed, int count, FuzzMode mode, InvariantSet invariants, ModelConfig config, Limits limits) {}

    /** Told as the run goes (the CLI prints it on stderr). */
    public interface Progress {
        /** {@code scenarios} generated and searched so far; {@code newClasses} unknown classes met so far. */
        void done(int scenarios, int newClasses);

        /** A step of the run worth a line (shrinking a candidate). */
        default void note(String what) { }

        /**
         * Told once, before the first scenario: what the run has found so far, at any moment (for a report when a
         * signal stops the run; the candidates are not written then).
         */
        default void started(java.util.function.Supplier<FuzzResult> soFar) { }

        Progress NONE = (n, k) -> { };
    }

    public static FuzzResult run(Options o, Path outDir, Progress progress) throws IOException {
        FuzzTally tally = new FuzzTally();
        progress.started(() -> new FuzzResult(o, tally.snapshot(), List.of(), outDir));
        FuzzRun.run(o, progress, tally);
        List<Candidates.Candidate> cs = Candidates.write(tally, o, outDir, progress);
        return new FuzzResult(o, tally, cs, outDir);
    }

    /** The options as `checker fuzz` arguments, for the files' headers: the same run is this command again. */
    static String arguments(Options o) {
        StringBuilder b = new StringBuilder();
        b.append("--seed ").append(o.seed()).append(" --count ").append(o.count()).append(" --mode ").append(o.mode().id())
            .append(" -i ").append(o.invariants().name());
        o.config().mutations().stream().map(m -> m.id).sorted().forEach(m -> b.append(" -m ").append(m));
        if (o.limits().maxStates() != 0) b.append(" --max-states ").append(o.limits().maxStates());
        if (o.limits().timeLimitMillis() != 0) b.append(" --time-limit ").append(o.limits().timeLimitMillis()).append("ms");
        return b.toString();
    }
}

package utrace.checker.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * The "test" PIT runs against each mutant of the model (`make pit`): every listed scenario but the bench ones,
 * searched on the full series with every invariant, must give the verdict and the first violated invariant it
 * gives unmutated (a baseline {@link #main} writes from the unmutated model before PIT starts). A mutant is
 * killed only when an invariant notices it (a PASS turns into a violation, or a finding's violation changes);
 * a mutant that only moves state counts survives, which is the question `make pit` asks: which edits of the
 * kernel's code would no invariant notice. One parameterized case per scenario, so that PIT's coverage sends
 * each mutant only to the scenarios that run the mutated line.
 *
 * <p>Not a surefire test (its name does not end in Test): it needs the baseline, and `make test` does not run
 * it. docs/invariants.md, "Mutation testing of the model", says how to read PIT's report.
 */
class VerdictKiller {
    /** A search that grows past this under a mutant is cut (INCOMPLETE): a mutant that explodes the state space. */
    static final long MAX_STATES = 400_000;

    static Path baseline() {
        return Path.of(System.getProperty("pit.baseline", "checker/target/pit/verdicts.tsv"));
    }

    /** The scenarios the killer runs: every list but bench.list, each once. */
    static List<String> scenarios() {
        return Scenarios.allButBench();
    }

    /** "VERDICT invariant" of one scenario: what the baseline records and each mutant must still give. */
    static String outcome(String scenario) throws Exception {
        Model model = new Model(Scenarios.load(scenario), ModelConfig.fullSeries());
        ExplorationResult r = new Explorer(new Limits(MAX_STATES, 0), ProgressListener.NONE).explore(model, Invariants.all());
        String inv = r.counterexample() == null ? "-" : r.counterexample().violation().invariant().name();
        return r.verdict() + " " + inv;
    }

    static Stream<String[]> rows() throws IOException {
        Path b = baseline();
        if (!Files.exists(b)) {
            throw new IllegalStateException(b + " is missing: `make pit` writes it from the unmutated model first");
        }
        return Files.readAllLines(b, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givesItsBaselineVerdict(String scenario, String expected) throws Exception {
        assertEquals(expected, outcome(scenario), scenario);
    }

    /** Writes the baseline (args[0], else the pit.baseline property's path) from the model on the classpath. */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : baseline();
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder b = new StringBuilder();
        for (String s : scenarios()) b.append(s).append('\t').append(outcome(s)).append('\n');
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        System.out.println("pit baseline: " + scenarios().size() + " scenarios written to " + out);
    }
}

package utrace.checker.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.audit.Audit;
import utrace.checker.explore.Limits;
import utrace.checker.explore.Verdict;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.checker.weak.LitmusRun;
import utrace.invariants.Invariants;
import utrace.model.Litmus;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The "test" PIT runs against each mutant of the model (`make pit`): every case of {@link #cases()} (the
 * listed scenarios on the full series, the seeded bugs, the bug matrix's broken rows), searched with every
 * invariant, must give the verdict and the list of violated invariants it gives unmutated (a baseline
 * {@link #main} writes from the unmutated model before PIT starts). A mutant is killed only when an invariant
 * notices it (a PASS turns into a violation, a seeded bug or a patch's race is no longer reported, or a case
 * violates another invariant); a mutant that only moves state counts survives, which is the question
 * `make pit` asks: which edits of the kernel's code, and of the judges' observations, would no invariant
 * notice. One parameterized case per row, so that PIT's coverage sends each mutant only to the cases that run
 * the mutated line.
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

    /**
     * The cases the killer runs, each a row of the baseline: every listed scenario but the bench ones on the
     * full series; every seeded bug ("mutation:ID", on its scenario); every bug-matrix row's broken configuration
     * ("gate:ROW": a patch taken away, or a barrier of the weak memory model). The full-series cases ask whether
     * an edit breaks the kernel's code where nothing notices; the other two whether it blinds a judge: an edit
     * of an observation or a history bit that lets a seeded bug or a patch's race go unreported is killed.
     */
    static List<String> cases() {
        List<String> cases = new ArrayList<>(Scenarios.allButBench());
        for (Mutation m : Mutation.values()) cases.add(MUTATION + m.id);
        for (MatrixRow row : BugMatrix.load()) cases.add(GATE + row.id());
        // The weak memory model's own cases: each barrier row's scenario with every barrier (it must pass: an edit
        // that breaks a fence or a lock's release makes a correct kernel fail), and each litmus test under both
        // memory models (its outcome reachable exactly when LKMM says Sometimes, never under sc).
        for (MatrixRow row : BugMatrix.load()) if (BugMatrix.isBarrierRow(row)) cases.add(GATE_FIXED + row.id());
        for (Litmus t : Litmus.all()) for (MemoryModel mm : MemoryModel.values()) cases.add(LITMUS + t.name() + ":" + mm);
        return cases;
    }

    static final String MUTATION = "mutation:";
    static final String GATE = "gate:";
    static final String GATE_FIXED = "gate-fixed:";
    static final String LITMUS = "litmus:";

    /** The model a case searches. */
    static Model model(String id) throws Exception {
        if (id.startsWith(MUTATION)) {
            Mutation m = Mutation.byId(id.substring(MUTATION.length()));
            return new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
        }
        if (id.startsWith(GATE) || id.startsWith(GATE_FIXED)) {
            boolean fixed = id.startsWith(GATE_FIXED);
            String rowId = id.substring(fixed ? GATE_FIXED.length() : GATE.length());
            MatrixRow row = BugMatrix.load().stream().filter(r -> r.id().equals(rowId)).findFirst().orElseThrow();
            return new Model(Scenarios.load(row.scenario()), fixed ? BugMatrix.fullConfig(row) : BugMatrix.config(row));
        }
        return new Model(Scenarios.load(id), ModelConfig.fullSeries());
    }

    /**
     * "VERDICT inv1,inv2,..." of one case: every invariant it violates, in the order the searches find them
     * (search with every invariant; on a violation, drop that invariant and search again). Comparing only the
     * first violated invariant let a mutant hide behind a finding: ptrace-resume-vs-engine-stop violates
     * ptrace-request-not-spurious on the full series (finding 6), and a mutant that also broke
     * quiescent-needs-both there (patch 10's siglock taken away) survived.
     */
    static String outcome(String id) throws Exception {
        if (id.startsWith(LITMUS)) {
            String[] p = id.substring(LITMUS.length()).split(":");
            Litmus t = Litmus.all().stream().filter(l -> l.name().equals(p[0])).findFirst().orElseThrow();
            return LitmusRun.run(t, MemoryModel.valueOf(p[1])).verdict();
        }
        List<String> cut = new ArrayList<>();
        List<String> violated = Audit.violatedInvariants(model(id), Invariants.all(), new Limits(MAX_STATES, 0), cut, null);
        String incomplete = cut.isEmpty() ? "" : Verdict.INCOMPLETE.name();
        if (violated.isEmpty()) return (cut.isEmpty() ? Verdict.PASS.name() : incomplete) + " -";
        // a search cut after a violation says so: the list may be incomplete
        return Verdict.VIOLATION + " " + String.join(",", violated) + (cut.isEmpty() ? "" : " " + incomplete);
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
    void givesItsBaselineVerdict(String id, String expected) throws Exception {
        assertEquals(expected, outcome(id), id);
    }

    /** Writes the baseline (args[0], else the pit.baseline property's path) from the model on the classpath. */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : baseline();
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder b = new StringBuilder();
        for (String s : cases()) b.append(s).append('\t').append(outcome(s)).append('\n');
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        System.out.println("pit baseline: " + cases().size() + " cases written to " + out);
    }
}

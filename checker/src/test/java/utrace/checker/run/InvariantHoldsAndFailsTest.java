package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * Every invariant both holds on the full series (all default scenarios) and
 * fails under a mutation that re-opens the race it guards: a checker that
 * never reports anything would fail the second half.
 */
class InvariantHoldsAndFailsTest {
    static Stream<String> invariantNames() {
        return Invariants.names().stream();
    }

    static Stream<String> defaultScenarios() {
        return Scenarios.shippedNames().stream();
    }

    /**
     * Default scenarios on which a finding shows as well (docs/findings.md), as scenario -> invariant: they
     * must keep violating it (else the entry goes), and every other invariant must hold on them.
     */
    static final java.util.Map<String, String> FINDINGS_ON_DEFAULT_SCENARIOS = java.util.Map.of(
        // finding 6: PTRACE_DETACH's ptrace_check_attach on a tracee the engine holds too gets -ESRCH
        "detach-sigkill-race", "ptrace-request-not-spurious");

    @Test
    void theFindingsOnDefaultScenariosStillShow() {
        for (java.util.Map.Entry<String, String> f : FINDINGS_ON_DEFAULT_SCENARIOS.entrySet()) {
            assertEquals(Verdict.VIOLATION, Check.explore(f.getKey(), Check.only(f.getValue())).verdict(),
                f.getKey() + " no longer shows its finding on " + f.getValue() + ": remove the entry");
        }
    }

    @ParameterizedTest(name = "{0} holds on every default scenario")
    @MethodSource("invariantNames")
    void holdsOnTheFullSeries(String invariant) {
        for (String s : Scenarios.shippedNames()) {
            if (invariant.equals(FINDINGS_ON_DEFAULT_SCENARIOS.get(s))) continue;
            ExplorationResult r = Check.explore(s, Check.only(invariant));
            assertEquals(Verdict.PASS, r.verdict(), () -> s + ": " + (r.counterexample() == null ? r.incompleteReason()
                : r.counterexample().violation().describe()));
        }
    }

    @ParameterizedTest(name = "{0} fails under a mutation, without a patch, or on a finding")
    @MethodSource("invariantNames")
    void failsUnderAMutationOrWithoutAPatch(String invariant) {
        List<Mutation> ms = new ArrayList<>();
        for (Mutation m : Mutation.values()) if (m.breaks.equals(invariant)) ms.add(m);
        List<utrace.checker.gate.MatrixRow> rows = new ArrayList<>();
        for (utrace.checker.gate.MatrixRow r : utrace.checker.gate.BugMatrix.load()) if (r.invariant().equals(invariant)) rows.add(r);
        // A finding (a shipped scenario the full series violates) shows an invariant failing too; sigcont-ends-stop
        // has only that: the seed itself breaks it (FindingsTest).
        List<String> findings = new ArrayList<>();
        for (String f : Scenarios.findingNames()) {
            if (Check.explore(f, Check.only(invariant)).verdict() == Verdict.VIOLATION) findings.add(f);
        }
        assertFalse(ms.isEmpty() && rows.isEmpty() && findings.isEmpty(),
            "neither a mutation, a bug-matrix row nor a finding breaks " + invariant);
        for (utrace.checker.gate.MatrixRow r : rows) {
            ExplorationResult x = new utrace.checker.explore.Explorer(Check.LIMITS, utrace.checker.explore.ProgressListener.NONE)
                .explore(model(r.scenario(), utrace.checker.gate.BugMatrix.config(r)), Check.only(invariant));
            assertEquals(Verdict.VIOLATION, x.verdict(), r.id() + " (" + r.broken() + ") on " + r.scenario());
        }
        for (Mutation m : ms) {
            ExplorationResult r = Check.explore(m.scenario, Check.only(invariant), m);
            assertEquals(Verdict.VIOLATION, r.verdict(), m.id + " on " + m.scenario + " should violate " + invariant);
            assertNotNull(r.counterexample());
            assertEquals(invariant, r.counterexample().violation().invariant().name());
        }
    }

    @ParameterizedTest(name = "{0} passes the core set")
    @MethodSource("defaultScenarios")
    void defaultScenarioPassesCore(String scenario) throws Exception {
        ExplorationResult r = Check.explore(scenario, InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample() == null ? String.valueOf(r.incompleteReason())
            : r.counterexample().violation().describe());
    }

    static Stream<String> defaultAndPtraceTestsScenarios() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(Scenarios.shippedNames());
        all.addAll(Scenarios.ptraceTestNames());
        return all.stream();
    }

    /**
     * A PASS means something only if the scenario can fail: some mutation (a bug re-opened in the model) makes
     * every default and ptrace-tests scenario violate an invariant it does not violate on the full series.
     * A scenario that no mutation breaks exercises something no invariant looks at, or a race the catalogue
     * has no bug for (add one: the kernel bug its test was written for).
     */
    @ParameterizedTest(name = "{0} fails under some mutation")
    @MethodSource("defaultAndPtraceTestsScenarios")
    void everyScenarioFailsUnderSomeMutation(String scenario) throws Exception {
        List<utrace.invariants.Invariant> set = new ArrayList<>(InvariantSet.shipped("all").invariants());
        String finding = FINDINGS_ON_DEFAULT_SCENARIOS.get(scenario);
        if (finding != null) set.remove(Invariants.byName(finding));
        assertEquals(Verdict.PASS, Check.explore(scenario, set).verdict(), scenario + " passes on the full series");
        List<String> tried = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            if (Check.explore(scenario, set, m).verdict() == Verdict.VIOLATION) return;
            tried.add(m.id);
        }
        throw new AssertionError(scenario + ": no mutation makes it fail (tried " + tried.size() + ")");
    }

    /**
     * The fidelity scenarios that no mutation breaks, and why their PASS still means something (docs/fidelity.md):
     * their interleavings are asserted step by step by FidelityFixesTest, and what a user would assert on them
     * is not a safety property the checker could state without reporting the kernel's own windows.
     */
    static final java.util.Map<String, String> FIDELITY_NO_MUTATION = java.util.Map.of();
    // finish-report-vs-control was listed until engine-step-kept (resume-report-skips-step breaks it now)

    static Stream<String> fidelityScenarios() {
        return Scenarios.fidelityNames().stream();
    }

    /**
     * The same for the fidelity scenarios, which pin the edges of documented exceptions: each fails under some
     * mutation, or is listed above with the reason it cannot (and a listed one that fails now must leave the list).
     */
    @ParameterizedTest(name = "{0} fails under some mutation, or says why not")
    @MethodSource("fidelityScenarios")
    void everyFidelityScenarioFailsUnderSomeMutationOrSaysWhyNot(String scenario) throws Exception {
        List<utrace.invariants.Invariant> set = InvariantSet.shipped("all").invariants();
        assertEquals(Verdict.PASS, Check.explore(scenario, set).verdict(), scenario + " passes on the full series");
        String breaker = null;
        for (Mutation m : Mutation.values()) {
            if (Check.explore(scenario, set, m).verdict() == Verdict.VIOLATION) {
                breaker = m.id;
                break;
            }
        }
        if (FIDELITY_NO_MUTATION.containsKey(scenario)) {
            assertEquals(null, breaker, scenario + " is listed as failing under no mutation, but " + breaker + " breaks it");
        } else {
            assertNotNull(breaker, scenario + ": no mutation makes it fail; add one, or list it with the reason");
        }
    }

    /**
     * A mutation is shown caught only on a scenario the full series passes: on a scenario that violates the
     * mutation's invariant anyway (a finding), its VIOLATION tells it apart from nothing. callback-resume-keeps-stop
     * declared exit-stop-then-resume (finding 1) until issue 16's fifteenth round.
     */
    @Test
    void everyMutationsScenarioPassesItsInvariantWithoutIt() {
        List<String> bad = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            if (Scenarios.findingNames().contains(m.scenario)) bad.add(m.id + ": " + m.scenario + " is a findings scenario");
            ExplorationResult r = Check.explore(m.scenario, Check.only(m.breaks));
            if (r.verdict() != Verdict.PASS) bad.add(m.id + ": " + m.scenario + " is " + r.verdict() + " on " + m.breaks
                + " without the mutation");
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyMutationNamesAKnownInvariantAndAShippedScenario() {
        for (Mutation m : Mutation.values()) {
            assertNotNull(Invariants.byName(m.breaks), m.id);
            assertEquals(true, Scenarios.isShipped(m.scenario), m.id + " -> " + m.scenario);
        }
    }

    @Test
    void theAllSetNamesEveryInvariant() throws Exception {
        TreeSet<String> all = new TreeSet<>();
        InvariantSet.shipped("all").invariants().forEach(i -> all.add(i.name()));
        assertEquals(new TreeSet<>(Invariants.names()), all);
    }

    private static utrace.model.Model model(String scenario, utrace.model.ModelConfig cfg) {
        try {
            return new utrace.model.Model(Scenarios.load(scenario), cfg);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

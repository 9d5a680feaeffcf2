package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/**
 * The kernel's ptrace regression suite as scenarios (issue 12): each
 * scenario of ptrace-tests.list passes the 'ptrace-tests' invariant set on
 * the full series, and each mutation aimed at the tracer's view (a wait that
 * reports a stop twice, an attach that ignores a group stop, a SIGCONT that
 * does not wake, a signal dropped for a traced task, an autoreaped traced
 * zombie, a detach that drops its signal) is caught on the scenario `list
 * mutations` names for it, with that set, as `checker verify -i
 * ptrace-tests --mutation NAME -s SCENARIO` does.
 */
class PtraceTestsTest {
    static Stream<String> ptraceTests() {
        return Scenarios.ptraceTestNames().stream();
    }

    static List<Invariant> set() {
        try {
            return InvariantSet.shipped("ptrace-tests").invariants();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0} passes -i ptrace-tests")
    @MethodSource("ptraceTests")
    void passesOnTheFullSeries(String scenario) {
        ExplorationResult r = Check.explore(scenario, set());
        assertEquals(Verdict.PASS, r.verdict(), () -> scenario + ": " + (r.counterexample() == null ? r.incompleteReason()
            : r.counterexample().violation().describe()));
    }

    /**
     * The mutations of issue 12, each with the invariant it breaks, and the bugs tests of the suite were written
     * for (docs/ptrace-tests.md, "The bug each test was written for").
     */
    static Stream<Mutation> tracerMutations() {
        return Stream.of(Mutation.PHANTOM_WAIT_REPORT, Mutation.ATTACH_IGNORES_GROUP_STOP, Mutation.SIGCONT_DOES_NOT_WAKE,
            Mutation.TRACED_SIGNAL_DROPPED, Mutation.AUTOREAP_WHILE_PTRACED, Mutation.DETACH_DROPS_SIGNAL,
            Mutation.STEP_KEPT_AFTER_DETACH, Mutation.PTRACE_STOP_IN_TASK_STOPPED, Mutation.TRACED_GROUP_STOP_UNTRAPPED,
            Mutation.SIGKILL_SKIPS_WAKEKILL, Mutation.PASSED_SIGNAL_SKIPS_HANDLER, Mutation.BLOCKED_SIGNAL_DELIVERED,
            Mutation.BLOCKED_SIGNAL_DROPPED, Mutation.DEQUEUE_IGNORES_BLOCKED, Mutation.UNBLOCK_SKIPS_RECALC);
    }

    @ParameterizedTest(name = "{0} is caught with -i ptrace-tests")
    @MethodSource("tracerMutations")
    void eachMutationIsCaughtOnItsScenario(Mutation m) {
        assertTrue(Scenarios.ptraceTestNames().contains(m.scenario), m.id + " is shown on a ptrace-tests scenario");
        ExplorationResult r = Check.explore(m.scenario, set(), m);
        assertEquals(Verdict.VIOLATION, r.verdict(), m.id);
        ExplorationResult own = Check.explore(m.scenario, Check.only(m.breaks), m);
        assertEquals(Verdict.VIOLATION, own.verdict(), m.id + " breaks " + m.breaks + " on its own");
        assertEquals(m.breaks, own.counterexample().violation().invariant().name());
    }

    @Test
    void theSetHoldsTheFiveWaitAndSignalInvariants() {
        List<String> names = new ArrayList<>();
        for (Invariant i : set()) names.add(i.name());
        for (String n : List.of("wait-reports-once", "wait-report-correct", "wait-liveness", "signal-delivered", "traced-zombie-released")) {
            assertTrue(names.contains(n), n);
        }
    }

    /** docs/ptrace-tests.md has a row for every listed scenario, and for every mutation above. */
    @Test
    void theDocsTableCoversEveryScenarioAndMutation() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "ptrace-tests.md"));
        for (String n : Scenarios.ptraceTestNames()) assertTrue(doc.contains("| " + n + " |"), n + " has a row in docs/ptrace-tests.md");
        // its row is there too, saying why the scenario is not in the list
        assertTrue(doc.contains("| detach-sigkill-race |"));
        tracerMutations().forEach(m -> assertTrue(doc.contains(m.id), m.id + " is in docs/ptrace-tests.md"));
    }

    @Test
    void everyListedScenarioIsAShippedFileNamedAfterItsTest() throws Exception {
        assertTrue(Scenarios.ptraceTestNames().size() >= 14, "the five the issue names and more");
        for (String n : List.of("waitpid-double-report", "stop-attach-then-wait", "ptrace-on-job-control-stopped", "attach-into-signal",
                "reparent-zombie")) {
            assertTrue(Scenarios.ptraceTestNames().contains(n), n);
        }
        for (String n : Scenarios.ptraceTestNames()) {
            assertTrue(Files.isRegularFile(Path.of("..", "model", "scenarios", n + ".scenario")), n);
            assertTrue(Files.readString(Path.of("..", "model", "scenarios", n + ".scenario")).contains("ptrace-tests"),
                n + " says which test of the suite it follows");
        }
    }
}

package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;

/**
 * 'parent wait -> RESULT': what the real parent's wait() returns is stated as the tracer's waits state theirs,
 * and wait-report-correct holds it to that, on a report (a different exit) and in a final state (a wait that
 * blocks for good where the scenario says it returns).
 */
class ParentWaitResultTest {
    private static final String EXITS = "scenario parent-wait-result\nengine E1 preattached events=DEATH\ntracee exit 42\n";

    private static ExplorationResult check(String text) {
        return Check.exploreText(text, Check.only("wait-report-correct"));
    }

    private static String violation(ExplorationResult r) {
        assertEquals(Verdict.VIOLATION, r.verdict());
        return r.counterexample().violation().describe();
    }

    @Test
    void theStatedExitHolds() {
        assertEquals(Verdict.PASS, check(EXITS + "parent wait -> exited 42\n").verdict());
        assertEquals(Verdict.PASS, check(EXITS + "parent wait -> killed SIGKILL|exited 42\n").verdict(), "one of the alternatives");
        assertEquals(Verdict.PASS, check(EXITS + "parent wait\n").verdict(), "nothing stated");
    }

    @Test
    void anotherExitFails() {
        String v = violation(check(EXITS + "parent wait -> exited 41|killed SIGKILL\n"));
        assertTrue(v.contains("the parent's wait reports exited 42, the test expects exited 41 or killed SIGKILL"), v);
    }

    @Test
    void aReportWhereItShouldBlockFails() {
        String v = violation(check(EXITS + "parent wait -> blocks\n"));
        assertTrue(v.contains("the parent's wait reports exited 42, the test expects blocks"), v);
    }

    @Test
    void blockingForGoodWhereItShouldReturnFails() {
        // the tracee never exits: the parent's wait never returns
        String v = violation(check("scenario parent-wait-result\nengine E1 preattached events=DEATH\ntracee syscall\nparent wait -> exited 0\n"));
        assertTrue(v.contains("the parent's wait blocks for good, the test expects exited 0"), v);
        assertEquals(Verdict.PASS, check("scenario parent-wait-result\nengine E1 preattached events=DEATH\ntracee syscall\nparent wait -> blocks\n")
            .verdict());
    }
}

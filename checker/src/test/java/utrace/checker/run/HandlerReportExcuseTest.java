package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.model.Mutation;

/**
 * handler-report-made's excuse, "We only got here to clear utrace->signal_handler" (utrace_get_signal): the report
 * before dequeuing that takes a handler's setup finds no engine with QUIESCE, so nobody is owed it, even if an
 * engine gets QUIESCE before the tracee is back in user mode.
 */
class HandlerReportExcuseTest {
    private static final String QUIESCE_AFTER_THE_PASS = "scenario r33-608\nengine E1 preattached events=SIGNAL\n"
        + "callback E1 quiesce=STOP\ntracee\nowner E1 set_events QUIESCE|EXIT|DEATH\nkiller SIGUSR1\n";

    /**
     * E1 (SIGNAL only) answers SIGUSR1's delivery with UTRACE_STOP, which asks for the HANDLER report; when
     * utrace_get_signal comes to make it E1 has no QUIESCE, so there is no pass; then its owner adds QUIESCE.
     * `checker fuzz --seed 33`, random scenario 608, reported it in the twenty-sixth round, when the debt got a
     * history bit of its own that outlived that pass (it also violates stop-is-sticky: finding 13's kind).
     */
    @Test
    void aReportWithNoQuiesceEngineToCallIsNotOwedLater() {
        ExplorationResult r = Check.exploreText(QUIESCE_AFTER_THE_PASS, Check.only("handler-report-made"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /** A pass that is only spurious (utrace->resume left at RESUME) excuses nothing: the stepping branch's bug. */
    @Test
    void aStepIntoAHandlerWithNoReportIsStillReported() {
        Mutation m = Mutation.SIGNAL_HANDLER_IGNORES_STEPPING;
        ExplorationResult r = Check.explore(m.scenario, Check.only("handler-report-made"), m);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().startsWith("back to user mode, into a signal handler"),
            r.counterexample().violation().message());
    }
}

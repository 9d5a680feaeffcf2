package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reading JPF's console report. The fixtures are reports jpf-core (java-17
 * branch) printed for the configuration JpfJob writes: a pass
 * (reap-races-death), a violation (detach-during-callback with
 * detach-ignores-reporting) and a budget hit (max_state = 100).
 */
class JpfOutputTest {
    @Test
    void aPassHasStatisticsAndNoError() throws IOException {
        JpfOutput o = JpfOutput.parse(fixture("report-pass.txt"));
        assertTrue(o.statistics());
        assertFalse(o.hasError());
        assertEquals(498, o.newStates());
        assertEquals(645, o.visitedStates());
        assertEquals(3, o.endStates());
        assertEquals(43, o.maxDepth());
        assertEquals(0, o.constraints());
        assertEquals("00:00:13", o.elapsed());
        assertNull(o.constraint());
        assertEquals(List.of(), o.schedule());
    }

    @Test
    void aViolationCarriesTheErrorPathsSchedule() throws IOException {
        JpfOutput o = JpfOutput.parse(fixture("report-violation.txt"));
        assertTrue(o.hasError());
        assertEquals("gov.nasa.jpf.vm.NoUncaughtExceptionsProperty", o.errorProperty());
        assertTrue(o.errorMessage().startsWith("java.lang.AssertionError: detach-is-final:"), o.errorMessage());
        assertEquals("detach-is-final", o.violatedInvariant());
        assertEquals("TRANSITION", o.violationKind());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 34; i++) expected.add(0);
        expected.add(1);
        expected.add(1);
        assertEquals(expected, o.schedule());
        assertEquals(128, o.newStates());
        assertEquals(54, o.visitedStates());
    }

    @Test
    void aBudgetHitIsAConstraint() throws IOException {
        JpfOutput o = JpfOutput.parse(fixture("report-constraint.txt"));
        assertFalse(o.hasError());
        assertEquals("max states exceeded: 100", o.constraint());
        assertEquals(1, o.constraints());
        assertEquals(102, o.newStates());
    }

    @Test
    void aReportWithoutStatisticsSaysJpfDidNotSearch() {
        JpfOutput o = JpfOutput.parse("[SEVERE] JPF configuration error: no target\n");
        assertFalse(o.statistics());
        assertFalse(o.hasError());
    }

    /** Output printed on paths that JPF later backtracked over is not in the error's output section. */
    @Test
    void onlyTheFirstErrorsOutputCounts() {
        String report = String.join("\n",
            "utrace-jpf step 2",
            "====================================================== error 1",
            "gov.nasa.jpf.vm.NoUncaughtExceptionsProperty",
            "java.lang.AssertionError: x",
            "====================================================== output #1",
            "utrace-jpf step 1",
            "utrace-jpf violation deadlock-freedom TERMINAL",
            "====================================================== statistics",
            "states:             new=5,visited=1,backtracked=3,end=1",
            "search:             maxDepth=4,constraints=0");
        JpfOutput o = JpfOutput.parse(report);
        assertEquals(List.of(1), o.schedule());
        assertEquals("TERMINAL", o.violationKind());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = JpfOutputTest.class.getResourceAsStream("/jpf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.InvariantSet;

/**
 * What the checker finds in the seed itself (README, "Findings"). If the
 * model changes so that a finding disappears, this test says so: a finding
 * is either a kernel race or a model error, and both need a human.
 */
class FindingsTest {
    @Test
    void resumeBeforeStopLeavesTheTraceeAsleepWithNoEngineWantingTheStop() throws Exception {
        ExplorationResult r = Check.explore("resume-before-stop", InvariantSet.shipped("core").invariants());
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("deadlock-freedom", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("no engine wants it stopped"),
            r.counterexample().violation().message());
    }

    @Test
    void utraceResetCancelsAPtraceSingleStepTakenBeforeAUtraceStop() {
        ExplorationResult r = Check.explore("ptrace-step-vs-utrace-stop", Check.only("ptrace-step-kept"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("without TIF_SINGLESTEP"),
            r.counterexample().violation().message());
    }

    @Test
    void anEngineCanHoldASigkilledThreadAtReportExit() {
        ExplorationResult r = Check.explore("sigkill-held-at-exit", Check.only("sigkill-wins"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("utrace_stop"), r.counterexample().violation().message());
    }

    @Test
    void setEventsOnAZombieCanCancelItsReap() {
        ExplorationResult r = Check.explore("zombie-set-events-then-reap", Check.only("no-engine-leak"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("after the task was released"),
            r.counterexample().violation().message());
    }

    @Test
    void aSigcontDuringAnEnginesReportOfSigstopIsLost() {
        ExplorationResult r = Check.explore("sigcont-during-signal-report", Check.only("sigcont-ends-stop"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().contains("SIGCONT was sent after the last SIGSTOP"),
            r.counterexample().violation().message());
    }

    /** Without an engine reporting the SIGSTOP there is no window: SIGSTOP then SIGCONT leaves the group running. */
    @Test
    void sigcontCancelsTheStopWhenNoEngineReportsTheSignal() {
        ExplorationResult r = Check.explore("group-stop-and-engine", Check.only("sigcont-ends-stop"));
        assertEquals(Verdict.PASS, r.verdict());
    }

    @Test
    void waitingForTheStopBeforeResumingAvoidsIt() {
        ExplorationResult r = Check.explore("stop-then-resume", Check.only("deadlock-freedom"));
        assertEquals(Verdict.PASS, r.verdict());
    }
}

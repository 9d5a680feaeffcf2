package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.model.Mutation;

/**
 * What a tracer's exit leaves behind, as 3.1 does: exit_ptrace() -> __ptrace_unlink() clears task->ptrace but not
 * TIF_SINGLESTEP or TIF_SYSCALL_EMU (only PTRACE_DETACH's ptrace_disable() does; an exiting tracer cannot touch a
 * running tracee's registers, Oleg Nesterov's reason for refusing a __ptrace_unlink() that disables stepping).
 * ptrace-step-kept and syscall-trace-consistent excuse what is left after an exit, not after a detach. Both
 * scenarios came from `checker fuzz --seed 9 --mode mutate` once it could change a tracer's requests.
 */
class TracerExitTest {
    /** The tracer steps the tracee and exits while it runs: the tracee goes on stepping, as in 3.1. */
    @Test
    void aTracerThatExitsLeavesStepping() {
        String text = "scenario exit-while-stepping\ntracee\nptrace attach; singlestep; exit\n";
        ExplorationResult r = Check.exploreText(text, Check.only("ptrace-step-kept"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /**
     * After PTRACE_SYSEMU the tracer exits; 3.1 leaves TIF_SYSCALL_EMU, and patch 30's ptrace_report_syscall()
     * then calls ptrace_notify() at the next syscall entry, whose may_ptrace_stop() fails: no stop.
     */
    @Test
    void aTracerThatExitsAfterSysemuMakesNoSyscallStop() {
        String text = "scenario exit-after-sysemu\ntracee traceme raise SIGSTOP syscall\nptrace sysemu; exit\nparent ptrace\n";
        ExplorationResult r = Check.exploreText(text, Check.only("syscall-trace-consistent"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }

    /**
     * PTRACE_KILL of a running tracee stores SIGKILL, the tracee stops for SIGSTOP, an engine's STOP adds UTRACED,
     * and the kill's wake-up then takes TRACED away: the stop's report is gone with it (task_is_traced() is false),
     * and the tracer's wait waits, as it should, for as long as the engine holds the tracee. wait-liveness called the
     * stop owed until the wake-up ended it in the history too (checker fuzz --seed 15, mutated scenario 2223).
     */
    @Test
    void aStopTheTracersOwnWakeUpEndedIsNotOwedToItsWait() throws Exception {
        String text = "scenario m15-2223\nengine E1 preattached\ntracee\nowner E1 control STOP\nptrace attach; kill; wait\n";
        ExplorationResult r = Check.exploreText(text, Check.only("wait-liveness"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
        String resumed = text.replace("owner E1 control STOP\n", "owner E1 control STOP; wait_stopped; control RESUME\n");
        ExplorationResult q = Check.exploreText(resumed, utrace.invariants.InvariantSet.shipped("all").invariants());
        assertEquals(Verdict.PASS, q.verdict(), () -> q.counterexample().violation().describe());
    }

    /** A detach is held to what ptrace_disable() promises: the excuse is the exit's only. */
    @Test
    void aDetachThatKeepsSysemuIsStillReported() {
        ExplorationResult r = Check.explore("sysemu-then-detach", Check.only("syscall-trace-consistent"), Mutation.DETACH_KEEPS_SYSEMU);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertTrue(r.counterexample().violation().message().startsWith("ptrace syscall stop although ptrace did not ask"),
            r.counterexample().violation().message());
    }
}

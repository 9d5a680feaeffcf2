package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.ProgressListener;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.Series;

/**
 * lock-discipline: while one actor holds utrace->lock or siglock across steps, no other actor changes what the lock
 * protects. It holds on the full series where the holds overlap other actors' steps, and a missing spin_lock() is
 * reported with the field it changed, who changed it and who held the lock.
 */
class LockDisciplineTest {
    /** utrace_control(DETACH) holds utrace->lock across steps while the parent reaps the zombie. */
    @Test
    void aReapWithoutUtraceLockChangesUtraceReapUnderTheOwnersHold() {
        assertEquals(Verdict.PASS, Check.explore("detach-races-death", Check.only("lock-discipline")).verdict());
        ExplorationResult r = Check.explore("detach-races-death", Check.only("lock-discipline"), Mutation.REAP_SKIPS_UTRACE_LOCK);
        assertEquals(Verdict.VIOLATION, r.verdict());
        String msg = r.counterexample().violation().message();
        assertTrue(msg.startsWith("parent changed utrace->reap while owner E1 holds utrace->lock (utrace_maybe_reap:"), msg);
    }

    /** utrace_get_signal holds siglock across its report pass while the killer sends SIGKILL. */
    @Test
    void aSignalQueuedWithoutSiglockChangesThePendingSetUnderTheTraceesHold() {
        assertEquals(Verdict.PASS, Check.explore("signal-engine-vs-kill", Check.only("lock-discipline")).verdict());
        ExplorationResult r = Check.explore("signal-engine-vs-kill", Check.only("lock-discipline"), Mutation.SEND_SKIPS_SIGLOCK);
        assertEquals(Verdict.VIOLATION, r.verdict());
        String msg = r.counterexample().violation().message();
        assertTrue(msg.startsWith("killer changed task->pending while tracee holds siglock"), msg);
    }

    /**
     * Patch 25: ptrace_set_syscall_trace() takes task_utrace_lock, because utrace_reset() (under utrace_control's
     * hold) reads PT_SYSCALL_TRACE and then clears TIF_SYSCALL_TRACE. Without the patch PTRACE_SYSCALL changes
     * them under the owner's hold (syscall-trace-consistent sees the flag lost later; this sees the cause).
     */
    @Test
    void ptraceSetSyscallTraceWithoutTaskUtraceLockChangesTheSyscallFlagsUnderTheOwnersHold() throws Exception {
        assertEquals(Verdict.PASS, Check.explore("tif-syscall-trace-after-detach", Check.only("lock-discipline")).verdict());
        ModelConfig without25 = ModelConfig.fullSeries().withPatches(Series.select("without:25"));
        ExplorationResult r = new Explorer(Check.LIMITS, ProgressListener.NONE)
            .explore(new Model(Scenarios.load("tif-syscall-trace-after-detach"), without25), Check.only("lock-discipline"));
        assertEquals(Verdict.VIOLATION, r.verdict());
        String msg = r.counterexample().violation().message();
        assertTrue(msg.startsWith("ptrace set PT_SYSCALL_TRACE (patch 25) while owner E1 holds utrace->lock"), msg);
    }

    /**
     * The clause is about sets only: a tracer's wait that reaps a traced zombie zeroes task->ptrace in
     * __ptrace_unlink under tasklist_lock alone, while an owner's utrace_control on the dead task holds utrace->lock
     * (checker fuzz --seed 5, scenario 472, when the clause named any change of PT_SYSCALL_TRACE).
     */
    @Test
    void aTracerReapingATracedZombieUnderAnOwnersHoldIsNoLockViolation() {
        String text = "scenario r5-472\nengine E1\ntracee\nowner E1 attach; control STOP\nptrace attach; syscall; wait\n"
            + "killer SIGKILL\n";
        ExplorationResult r = Check.exploreText(text, Check.only("lock-discipline"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }
}

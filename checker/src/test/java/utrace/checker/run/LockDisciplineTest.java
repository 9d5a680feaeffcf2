package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.model.Mutation;

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
}

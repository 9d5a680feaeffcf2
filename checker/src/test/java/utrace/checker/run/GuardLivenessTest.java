package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Mutation;

/**
 * The split of a final state where an actor cannot move: waiting at an ordering guard that does not hold is
 * guard-liveness's (the event the scenario expects never came: a kernel bug, or a guard that cannot hold on
 * that path); an actor whose guard holds, or that has none, and still cannot move is deadlock-freedom's.
 * Each side fails where it must and holds where the other fails.
 */
class GuardLivenessTest {
    private static final List<Invariant> BOTH = List.of(Invariants.byName("deadlock-freedom"), Invariants.byName("guard-liveness"));

    /**
     * The bug reading: the mutated kernel (ptrace_stop sleeps in TASK_STOPPED, "T" in /proc) never gives the
     * tracer the "t" its 'exit after tracee:traced' waits for. Nothing is stuck but the tracer at its guard.
     */
    @Test
    void aKernelThatBreaksTheScenariosExpectationFailsGuardLivenessNotDeadlockFreedom() {
        ExplorationResult r = Check.explore("tracer-exit-delivers-signal", BOTH, Mutation.PTRACE_STOP_IN_TASK_STOPPED);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("guard-liveness", r.counterexample().violation().invariant().name());
        String msg = r.counterexample().violation().message();
        assertTrue(msg.startsWith("ptrace never starts 'exit after tracee:traced': the tracee is in no ptrace or utrace stop"), msg);
        assertTrue(msg.contains("STOPPED|WAKEKILL in ptrace_stop"), msg);
        assertTrue(msg.contains("Either the kernel did not do here what the scenario expects (a bug), or the guard cannot hold"), msg);
        ExplorationResult d = Check.explore("tracer-exit-delivers-signal", Check.only("deadlock-freedom"),
            Mutation.PTRACE_STOP_IN_TASK_STOPPED);
        assertEquals(Verdict.PASS, d.verdict(), () -> d.counterexample().violation().describe());
    }

    /**
     * The same reading, where the bug also strands the tracee: a child traced by a parent that already passed
     * exit_ptrace() sits in a ptrace stop nobody will end. guard-liveness says the SIGCONT never comes; since
     * no-lost-wakeup stopped excusing a PT_PTRACED stop once the tracer has exited, deadlock-freedom says why.
     */
    @Test
    void aTraceeLeftInAPtraceStopByAnExitedTracerFailsBoth() {
        ExplorationResult r = Check.explore("traceme-after-parent-exit", Check.only("guard-liveness"),
            Mutation.TRACEME_IGNORES_EXITING_PARENT);
        assertEquals(Verdict.VIOLATION, r.verdict());
        String msg = r.counterexample().violation().message();
        assertTrue(msg.startsWith("killer never sends 'SIGCONT after tracee:stopped': the tracee is in no group stop"), msg);
        assertTrue(msg.contains("TRACED|WAKEKILL in ptrace_stop"), msg);
        ExplorationResult d = Check.explore("traceme-after-parent-exit", Check.only("deadlock-freedom"),
            Mutation.TRACEME_IGNORES_EXITING_PARENT);
        assertEquals(Verdict.VIOLATION, d.verdict());
        assertTrue(d.counterexample().violation().message().contains("its tracer has exited (PT_PTRACED left set)"),
            d.counterexample().violation().message());
        ExplorationResult n = Check.explore("traceme-after-parent-exit", Check.only("no-lost-wakeup"),
            Mutation.TRACEME_IGNORES_EXITING_PARENT);
        assertEquals(Verdict.VIOLATION, n.verdict());
    }

    /** The scenario reading: nothing makes the event happen; the same message says where the tracee ended. */
    @Test
    void aGuardThatCannotHoldOnAPathFailsGuardLivenessOnTheFullSeries() {
        String text = "scenario guard-never-holds\nengine E1 preattached events=QUIESCE|EXIT\ntracee syscall exit\n"
            + "killer SIGCONT after tracee:stopped\n";
        ExplorationResult r = Check.exploreText(text, BOTH);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("guard-liveness", r.counterexample().violation().invariant().name());
        assertTrue(r.counterexample().violation().message().contains("the tracee is in no group stop (\"T\"): it is dead"),
            r.counterexample().violation().message());
        // written so that the stop comes on every path, it holds
        ExplorationResult ok = Check.exploreText("scenario guard-holds\nengine E1 preattached events=QUIESCE|EXIT\ntracee\n"
            + "killer SIGSTOP SIGCONT after tracee:stopped\n", BOTH);
        assertEquals(Verdict.PASS, ok.verdict(), () -> ok.counterexample().violation().describe());
    }

    /**
     * A ptrace wait whose guard never holds has not begun to wait: guard-liveness, not wait-report-correct's
     * "blocks for good" (the judgement before the split), nor an excused blocked wait.
     */
    @Test
    void aGuardedWaitThatNeverStartsIsNoBlockedWait() {
        String text = "scenario guarded-wait\ntracee\nptrace attach; wait -> stopped SIGSTOP; wait after tracee:zombie -> exited 0\n";
        ExplorationResult w = Check.exploreText(text, Check.only("wait-report-correct"));
        assertEquals(Verdict.PASS, w.verdict(), () -> w.counterexample().violation().describe());
        ExplorationResult g = Check.exploreText(text, Check.only("guard-liveness"));
        assertEquals(Verdict.VIOLATION, g.verdict());
        assertTrue(g.counterexample().violation().message().startsWith(
            "ptrace never starts 'wait after tracee:zombie -> exited 0': the tracee has not exited"), g.counterexample().violation().message());
    }

    /** An actor whose guard holds and still cannot move is a deadlock, and the message says the guard holds. */
    @Test
    void anActorWhoseGuardHoldsAndCannotMoveIsADeadlock() {
        String text = "scenario guarded-resume\nengine E1 preattached events=QUIESCE\ncallback E1 quiesce=STOP\n"
            + "tracee syscall syscall\nowner E1 control STOP; control RESUME after tracee:traced\n";
        ExplorationResult full = Check.exploreText(text, BOTH);
        assertEquals(Verdict.PASS, full.verdict(), () -> full.counterexample().violation().describe());
        // the stopped tracee sleeps holding utrace->lock: the guard holds, the call cannot take the lock
        ExplorationResult r = Check.exploreText(text, BOTH, Mutation.UTRACE_STOP_KEEPS_LOCK);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("deadlock-freedom", r.counterexample().violation().invariant().name());
        assertEquals("deadlock: owner E1 cannot start 'utrace_control RESUME' although its guard after tracee:traced holds",
            r.counterexample().violation().message());
        ExplorationResult g = Check.exploreText(text, Check.only("guard-liveness"), Mutation.UTRACE_STOP_KEEPS_LOCK);
        assertEquals(Verdict.PASS, g.verdict(), () -> g.counterexample().violation().describe());
    }

    /** Finding 14 stays a deadlock: the owner's utrace_barrier (no guard) retries for good. */
    @Test
    void finding14StaysADeadlock() {
        ExplorationResult r = Check.explore("barrier-after-detach-report-consumed", BOTH);
        assertEquals(Verdict.VIOLATION, r.verdict());
        assertEquals("deadlock-freedom", r.counterexample().violation().invariant().name());
        assertEquals(Verdict.PASS, Check.explore("barrier-after-detach-report-consumed", Check.only("guard-liveness")).verdict());
    }
}

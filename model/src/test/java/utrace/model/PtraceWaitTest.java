package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The tracer's view (issue 12): what wait() reports (wait_task_stopped,
 * wait_task_zombie), the signal passed on resume and detach (ptrace_resume,
 * ptrace_detach, ptrace_signal), PTRACE_TRACEME, PTRACE_KILL, traced zombies
 * (exit_notify, exit_ptrace), handlers, and ordering guards, each checked
 * over every interleaving of a small scenario.
 */
class PtraceWaitTest {
    @Test
    void aStopIsReportedOnceAndWnohangThenReportsNothing() {
        Runs r = Runs.of("tracee traceme kill SIGSTOP exit 42\nptrace wait; syscall SIGSTOP; wait; wait nohang\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGSTOP"), r.reportsOf(0));
        assertEquals(Set.of("stopped SIGSTOP"), r.reportsOf(2), "the SIGSTOP passed with PTRACE_SYSCALL: the group-stop trap");
        assertEquals(Set.of("nothing"), r.reportsOf(3), "wait_task_stopped cleared exit_code");
        for (State s : r.finals) assertEquals(0, s.get(EXIT_CODE));
    }

    @Test
    void withTheMutationTheSameStopIsReportedAgain() {
        Runs r = Runs.of("tracee traceme kill SIGSTOP exit 42\nptrace wait; syscall SIGSTOP; wait; wait nohang\nparent ptrace\n",
            ModelConfig.fullSeries().withMutations(java.util.EnumSet.of(Mutation.PHANTOM_WAIT_REPORT)));
        assertEquals(Set.of("stopped SIGSTOP"), r.reportsOf(3));
    }

    @Test
    void aSecondWaitAfterTheAttachTrapBlocks() {
        Runs r = Runs.of("tracee raise SIGSTOP\nptrace attach after tracee:stopped; wait; wait\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGSTOP"), r.reportsOf(1));
        assertTrue(r.reportsOf(2).isEmpty());
        for (State s : r.finals) {
            assertEquals(2, r.model.blockedWait(s, Obs.WAITER_TRACER), "blocked in the second wait");
            assertTrue((s.pendingSignals() & Signals.SIGSTOP) != 0, "the attach's SIGSTOP stays queued while traced");
            assertEquals(TaskState.TASK_TRACED, s.taskState());
        }
    }

    @Test
    void theSignalPassedOnDetachKillsTheChild() {
        Runs r = Runs.of("handler SIGUSR1 default\ntracee traceme raise SIGUSR1 exit 42\nptrace wait; detach SIGUSR2; wait\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGUSR1"), r.reportsOf(0));
        assertEquals(Set.of("killed SIGUSR2"), r.reportsOf(2));
        for (State s : r.finals) assertEquals(TaskState.EXIT_DEAD, s.exitState(), "the tracer, its parent, reaped it");
    }

    @Test
    void contWithZeroCancelsTheSignalAndTheChildExits() {
        Runs r = Runs.of("handler SIGUSR1 default\ntracee traceme raise SIGUSR1 exit 42\nptrace wait; cont; wait\nparent ptrace\n");
        assertEquals(Set.of("exited 42"), r.reportsOf(2));
    }

    @Test
    void aHandlerThatExitsRunsWhenTheTracerPassesItsSignal() {
        Runs r = Runs.of("handler SIGUSR1 exit 42\ntracee\nptrace attach; wait; cont SIGUSR1; wait\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGSTOP"), r.reportsOf(1));
        assertEquals(Set.of("exited 42"), r.reportsOf(3));
    }

    @Test
    void aReraisingHandlerKeepsStoppingWithItsSignal() {
        Runs r = Runs.of("handler SIGQUIT reraise\ntracee raise SIGQUIT\nptrace attach; wait until SIGSTOP; cont; wait; cont SIGQUIT; wait\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGQUIT", "stopped SIGSTOP"), r.reportsOf(1), "wait until SIGSTOP passes SIGQUIT back");
        assertEquals(Set.of("stopped SIGQUIT"), r.reportsOf(3));
        assertEquals(Set.of("stopped SIGQUIT"), r.reportsOf(5));
    }

    @Test
    void aSignalPassedAtASyscallStopIsSentWithSendSig() {
        Runs r = Runs.of("handler SIGUSR2 default\ntracee traceme raise SIGUSR1 syscall\nptrace wait; syscall; wait; cont SIGUSR2; wait\nparent ptrace\n");
        assertEquals(Set.of("stopped SIGTRAP"), r.reportsOf(2), "the syscall entry stop of the next system call");
        assertEquals(Set.of("stopped SIGUSR2"), r.reportsOf(4), "send_sig(SIGUSR2) at the syscall stop, then its signal-delivery stop");
    }

    @Test
    void aTracedTaskIsNeverAutoreapedAndExitPtraceReleasesIt() {
        Runs r = Runs.of("tracee traceme exit 23\nptrace exit after tracee:zombie\nparent ptrace sigchld=ignore\n");
        for (State s : r.finals) {
            assertEquals(TaskState.EXIT_DEAD, s.exitState(), "exit_ptrace: a traced zombie whose parent ignores SIGCHLD is released");
            assertEquals(0, s.get(PTRACE));
        }
        assertTrue(r.states.stream().anyMatch(s -> s.exitState() == TaskState.EXIT_ZOMBIE), "it was a zombie while traced");
    }

    @Test
    void theTracersWaitHandsATracedZombieBackToAWaitingParent() {
        // The tracee may exit before the attach (EPERM), or while traced: then one of the tracer's waits
        // collects the exit and do_notify_parent hands the zombie back, and the parent collects it too.
        Runs r = Runs.of("engine E1\ntracee exit 7\nptrace attach; wait until SIGSTOP; cont; wait\nparent wait\n");
        assertTrue(r.reports(Obs.WAITER_TRACER).contains("exited 7"));
        assertEquals(Set.of("exited 7"), r.reports(Obs.WAITER_PARENT));
        for (State s : r.finals) assertEquals(TaskState.EXIT_DEAD, s.exitState(), "the parent reaps it in every run");
    }

    @Test
    void withoutAParentTheTracersWaitReleasesTheZombie() {
        Runs r = Runs.of("engine E1\ntracee exit 7\nptrace attach; wait until SIGSTOP; cont; wait\n");
        for (State s : r.finals) assertEquals(TaskState.EXIT_DEAD, s.exitState());
    }

    @Test
    void ptraceKillKillsATaskInASignalStopButNotOneRunning() {
        Runs stopped = Runs.of("tracee\nptrace attach; wait; kill; wait\nparent ptrace\n");
        assertEquals(Set.of("killed SIGKILL"), stopped.reportsOf(3));
        Runs running = Runs.of("tracee\nptrace attach; kill\nparent ptrace\n");
        assertTrue(running.finals.stream().anyMatch(s -> s.exitState() == TaskState.EXIT_NONE),
            "PTRACE_KILL of a tracee not yet in its stop changes exit_code only");
    }

    @Test
    void tracemeMakesTheParentTheTracerAndRaiseAndKillUseTheTwoQueues() {
        Fixture f = Fixture.of("tracee traceme raise SIGUSR1 kill SIGUSR2\nptrace wait\nparent ptrace\n", ModelConfig.fullSeries());
        State s = f.state();
        boolean sawPrivate = false;
        boolean sawShared = false;
        // a run of the tracee alone: user -> syscall entry -> body -> ...
        for (int i = 0; i < 40 && f.model.step(s, 0) != null; i++) {
            s = f.model.step(s, 0).after();
            sawPrivate |= (s.pendingSignals() & Signals.SIGUSR1) != 0;
            sawShared |= (s.get(SHARED_PENDING) & Signals.SIGUSR2) != 0;
            if (i == 3) assertEquals(PT_PTRACED, s.get(PTRACE), "PTRACE_TRACEME's body");
        }
        assertTrue(sawPrivate, "raise() queues on task->pending");
        assertEquals(PT_PTRACED, s.get(PTRACE));
        assertEquals(TaskState.TASK_TRACED, s.taskState(), "the raised SIGUSR1 is reported: a signal-delivery stop");
        assertFalse(sawShared, "kill() comes after the stop is over");
    }

    @Test
    void aGuardHoldsAnActorBackUntilItHolds() {
        Runs r = Runs.of("tracee\nptrace attach; wait; cont\nkiller SIGKILL after ptrace:3\nparent ptrace\n");
        for (State s : r.states) {
            if ((s.pendingSignals() & Signals.SIGKILL) != 0) {
                assertEquals("done", r.model.where(s, r.actor("ptrace")), "SIGKILL only after the third request returned");
            }
        }
    }

    @Test
    void theParserKeepsEveryNewKeyword() throws Exception {
        Scenario s = ScenarioParser.parse("x", "scenario x\nhandler SIGQUIT reraise\nhandler SIGUSR1 exit 42\n"
            + "tracee traceme raise SIGQUIT kill SIGSTOP exit 42\n"
            + "ptrace wait -> stopped SIGSTOP|killed SIGPIPE; cont SIGQUIT after killer:1; wait nohang -> nothing; wait until SIGSTOP; "
            + "detach SIGPIPE; kill; peek; wait -> blocks\nkiller tkill:SIGCONT after ptrace:1 SIGKILL\nparent ptrace sigchld=ignore\n");
        assertTrue(s.tracerIsParent());
        assertTrue(s.parentIgnoresSigchld());
        assertEquals(SignalHandler.Kind.RERAISE, s.handler(Signals.SIGQUIT).kind());
        assertEquals(42, s.handler(Signals.SIGUSR1).code());
        assertEquals(SignalHandler.Kind.DEFAULT, s.handler(Signals.SIGPIPE).kind());
        assertEquals(SignalHandler.Kind.DEFAULT, s.handler(Signals.SIGUSR2).kind(), "SIGUSR2 without a line: SIG_DFL");
        assertEquals(new TraceeOp(TraceeOp.Kind.EXIT, 42), s.tracee().get(3));
        assertEquals(java.util.List.of(WaitResult.stopped(Signals.SIGSTOP), WaitResult.killed(Signals.SIGPIPE)), s.ptrace().get(0).expect());
        assertEquals(Guard.after("killer", 1), s.ptrace().get(1).guard());
        assertEquals(Signals.SIGQUIT, s.ptrace().get(1).signal());
        assertTrue(s.ptrace().get(2).nohang());
        assertEquals(Signals.SIGSTOP, s.ptrace().get(3).until());
        assertEquals(java.util.List.of(WaitResult.BLOCKS), s.ptrace().get(7).expect());
        assertTrue(s.killerItems().get(0).tkill());
        assertEquals(Guard.after("ptrace", 1), s.killerItems().get(0).guard());
        for (PtraceRequest q : s.ptrace()) assertEquals(q, reparse(q.text()), q.text());
    }

    private static PtraceRequest reparse(String text) throws Exception {
        return ScenarioParser.parse("x", "scenario x\ntracee\nptrace " + text + "\nkiller SIGKILL\n").ptrace().get(0);
    }

    @Test
    void theParserRejectsWhatItCannotHonour() {
        bad("tracee traceme\nptrace wait\n", "add 'parent ptrace'");
        bad("tracee\nptrace cont SIGFOO\n", "unexpected 'SIGFOO'");
        bad("tracee\nptrace cont -> stopped SIGSTOP\n", "expected a return value after 'cont ->' (0, or an errno");
        bad("tracee\nptrace attach; exit -> 0\n", "the tracer's exit returns nothing");
        bad("tracee\nptrace wait -> stopped\n", "expected a wait result");
        bad("tracee\nptrace wait until SIGSTOP -> stopped SIGSTOP\n", "no '->' expectation");
        bad("tracee\nptrace attach; wait after ptrace:1\n", "x:3: a ptrace request cannot wait for the tracer itself");
        bad("tracee\nptrace attach\nkiller SIGSTOP SIGKILL after killer:1\n", "x:4: a killer's signal cannot wait for the killer itself");
        bad("tracee\nptrace attach\nkiller SIGKILL after ptrace:2\n", "only 1 requests");
        bad("tracee\nptrace attach after nobody:1\n", "expected 'after ACTOR:K'");
        bad("tracee\nptrace attach after tracee:running\n", "expected 'after ACTOR:K'");
        bad("handler SIGKILL return\ntracee\nptrace attach\n", "cannot be caught");
        bad("handler SIGQUIT exit\ntracee\nptrace attach\n", "expected 'handler SIGNAL");
        bad("tracee raise\nptrace attach\n", "expected a signal after 'raise'");
        bad("tracee exit 300\nptrace attach\n", "out of range");
        bad("engine E1\ntracee\nparent ptrace\n", "needs a 'ptrace ...' line");
        bad("tracee\n", "at least one 'engine NAME ...' line (or a 'ptrace ...' line)");
    }

    private static void bad(String body, String fragment) {
        ScenarioFormatException e = assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parse("x", "scenario x\n" + body));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}

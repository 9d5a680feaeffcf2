package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * complete_signal()'s fast group exit for a fatal signal nobody traces, with patch 04's
 * tracehook_consider_fatal_signal() (issue 16's twenty-eighth round; docs/fidelity.md): the killer's one
 * send step, each condition of the kernel's test switched one at a time, and on the two scenarios the
 * interleavings the fast path closes or opens.
 */
class FatalSignalFastPathTest {
    /** An untraced tracee in user mode, E1 with {@code events}, a killer sending {@code sig} with kill(). */
    private static Fixture killerSends(String events, String sig, ModelConfig cfg) {
        return Fixture.of("engine E1 preattached events=" + events + "\ntracee syscall\nkiller " + sig + "\n", cfg);
    }

    private static int killer(Model m) {
        for (int a = 0; a < m.actorCount(); a++) if (m.actorName(a).equals("killer")) return a;
        throw new AssertionError("no killer");
    }

    private static Transition send(Fixture f) {
        Transition t = f.step(killer(f.model));
        assertNotNull(t, "the killer can send");
        return t;
    }

    private static boolean groupExit(State s) { return s.has(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT); }

    private static int groupExitSignal(State s) {
        return (s.get(SIGNAL_FLAGS) & SIGNAL_GROUP_EXIT_SIG) >> SIGNAL_GROUP_EXIT_SIG_SHIFT;
    }

    @Test
    void aFatalSignalNobodyTracesBecomesAGroupExitAsItIsSent() {
        State s = send(killerSends("QUIESCE|SIGNAL", "SIGTERM", ModelConfig.fullSeries())).after();
        assertTrue(groupExit(s), "SIGNAL_GROUP_EXIT");
        assertEquals(15, groupExitSignal(s), "group_exit_code = SIGTERM");
        assertTrue(s.has(SIGPENDING, Signals.SIGKILL), "sigaddset(&t->pending.signal, SIGKILL)");
        assertTrue(s.has(SHARED_PENDING, Signals.SIGTERM), "the SIGTERM itself stays queued");
        assertTrue(s.has(TIF, Tif.SIGPENDING), "signal_wake_up");
        assertTrue(s.killed(), "sigkill-wins' history: SIGKILL was queued");
    }

    @Test
    void eachConditionOfTheKernelsTestKeepsTheSignalQueuedOnly() {
        ModelConfig all = ModelConfig.fullSeries();
        // tracehook_consider_fatal_signal(): an engine watching SIGNAL_TERM or SIGNAL_CORE
        assertQueuedOnly(killerSends("QUIESCE|SIGNAL_TERM", "SIGTERM", all), "an engine watches SIGNAL_TERM");
        assertQueuedOnly(killerSends("SIGNAL_CORE", "SIGTERM", all), "an engine watches SIGNAL_CORE");
        // ... or ptrace
        assertQueuedOnly(killerSends("QUIESCE", "SIGTERM", all).set(PTRACE, PT_PTRACED), "ptrace is attached");
        // sig_fatal(): SIG_DFL (SIGUSR1 has the scenarios' implicit handler) and not a stop or ignore default
        assertQueuedOnly(killerSends("QUIESCE", "SIGUSR1", all), "SIGUSR1 has a handler");
        // !sig_kernel_coredump()
        assertQueuedOnly(killerSends("QUIESCE", "SIGQUIT", all), "SIGQUIT dumps core: the slow path");
        // wants_signal(): not stopped or traced, not blocked, not PF_EXITING
        assertQueuedOnly(killerSends("QUIESCE", "SIGTERM", all).set(TASK_STATE, TaskState.TASK_STOPPED), "the tracee is stopped");
        assertQueuedOnly(killerSends("QUIESCE", "SIGTERM", all).set(EXIT_STATE, TaskState.EXIT_ZOMBIE), "the tracee is PF_EXITING");
    }

    private static void assertQueuedOnly(Fixture f, String why) {
        State s = send(f).after();
        assertFalse(groupExit(s), why + ": no group exit");
        assertFalse(s.has(SIGPENDING, Signals.SIGKILL), why + ": no SIGKILL queued");
        assertFalse(s.killed(), why);
    }

    /** An untraced tracee asleep in utrace_stop() (TASK_UTRACED: TASK_WAKEKILL | __TASK_UTRACED, patch 15). */
    private static Fixture asleepInUtraceStop() {
        return killerSends("QUIESCE", "SIGTERM", ModelConfig.fullSeries())
            .set(TASK_STATE, TaskState.WAKEKILL | TaskState.UTRACED_BIT).pc(0, TraceeStop.STOP_SLEEP);
    }

    @Test
    void aTaskAsleepInUtraceStopIsNotStoppedOrTracedForWantsSignal() {
        // task_is_stopped_or_traced() tests __TASK_STOPPED | __TASK_TRACED only: the group exit wakes the sleeper
        State s = send(asleepInUtraceStop()).after();
        assertTrue(groupExit(s), "wanted: the fast group exit");
        assertEquals(TaskState.RUNNING, s.taskState(), "signal_wake_up(t, 1) wakes TASK_WAKEKILL");
        // task_curr(p) || !signal_pending(p): asleep with a signal already pending, it is not wanted
        assertQueuedOnly(asleepInUtraceStop().set(TIF, Tif.SIGPENDING), "asleep with TIF_SIGPENDING set");
        ModelConfig treatedAsStopped = ModelConfig.fullSeries().withMutations(java.util.EnumSet.of(Mutation.WANTS_SIGNAL_SKIPS_UTRACED));
        assertQueuedOnly(killerSends("QUIESCE", "SIGTERM", treatedAsStopped)
            .set(TASK_STATE, TaskState.WAKEKILL | TaskState.UTRACED_BIT).pc(0, TraceeStop.STOP_SLEEP), "the mutation");
    }

    @Test
    void aNonFatalSignalToATaskAsleepInUtraceStopSetsSigpendingWithoutWakingIt() {
        Fixture f = killerSends("QUIESCE", "SIGUSR1", ModelConfig.fullSeries())
            .set(TASK_STATE, TaskState.WAKEKILL | TaskState.UTRACED_BIT).pc(0, TraceeStop.STOP_SLEEP);
        State s = send(f).after();
        assertTrue(s.has(TIF, Tif.SIGPENDING), "wanted: signal_wake_up(t, 0) sets TIF_SIGPENDING");
        assertEquals(TaskState.WAKEKILL | TaskState.UTRACED_BIT, s.taskState(), "and wakes only TASK_INTERRUPTIBLE");
    }

    @Test
    void withoutPatch04AnEngineWatchingSigtermIsNotAsked() {
        ModelConfig without4 = ModelConfig.fullSeries().withPatches(Series.select("without:4"));
        Transition t = send(killerSends("QUIESCE|SIGNAL_TERM", "SIGTERM", without4));
        assertTrue(groupExit(t.after()), "before 04 complete_signal tests only !t->ptrace");
        boolean unreported = false;
        for (Obs o : t.obs()) {
            unreported |= o.kind() == Obs.Kind.EVENT_UNREPORTED && o.code() == Events.SIGNAL_TERM && o.aux() == Signals.SIGTERM;
        }
        assertTrue(unreported, "the send is an unreported SIGNAL_TERM event for events-reported: " + t.obs());
        assertQueuedOnly(killerSends("QUIESCE", "SIGTERM", without4).set(PTRACE, PT_PTRACED), "without 04 ptrace still does");
    }

    @Test
    void aSignalAlreadyPendingReturnsBeforeCompleteSignal() {
        Fixture f = killerSends("QUIESCE", "SIGTERM", ModelConfig.fullSeries()).set(SHARED_PENDING, Signals.SIGTERM);
        State s = send(f).after();
        assertFalse(groupExit(s), "legacy_queue(): __send_signal returns before complete_signal");
        assertFalse(s.has(TIF, Tif.SIGPENDING), "and wakes nobody");
    }

    @Test
    void aLaterSigkillKeepsTheFirstGroupExitCode() {
        Fixture f = killerSends("QUIESCE", "SIGTERM", ModelConfig.fullSeries());
        f.set(SIGNAL_FLAGS, SIGNAL_GROUP_EXIT | (15 << SIGNAL_GROUP_EXIT_SIG_SHIFT)).set(JOBCTL, JOBCTL_STOP_PENDING);
        Ctx c = f.ctx(killer(f.model));
        SendSignal.sigkill(c);
        assertEquals(15, groupExitSignal(f.state()), "complete_signal's test fails on SIGNAL_GROUP_EXIT: the code stays");
        assertEquals(15, SendSignal.groupExitCode(c), "wait_task_zombie reports SIGTERM");
        assertTrue(f.has(JOBCTL, JOBCTL_STOP_PENDING), "no second group exit: the jobctl bits are not cleared again");
        assertTrue(f.has(TIF, Tif.SIGPENDING), "signal_wake_up(t, 1)");
    }

    @Test
    void theTraceesOwnRaiseTakesTheSamePath() {
        Model m;
        try {
            m = new Model(ScenarioParser.parse("test", "scenario t\nengine E1 preattached events=QUIESCE\ntracee raise SIGTERM\n"),
                ModelConfig.fullSeries());
        } catch (ScenarioFormatException e) {
            throw new AssertionError(e);
        }
        List<Transition> p = Reach.find(m, (s, t) -> groupExit(t.after()));
        assertNotNull(p, "raise(SIGTERM): task_curr, so wants_signal; the group exits");
        assertEquals(15, groupExitSignal(p.get(p.size() - 1).after()));
    }

    @Test
    void onTheScenariosTheEngineNeverSeesAnUnwatchedSigterm() throws Exception {
        Model unwatched = new Model(Scenarios.load("fatal-signal-unwatched"), ModelConfig.fullSeries());
        assertNull(Reach.find(unwatched, (s, t) -> t.obs().stream().anyMatch(o -> o.kind() == Obs.Kind.CALLBACK
            && o.code() == Events.SIGNAL_TERM)), "no report of the SIGTERM: the group exit came first");
        Model queued = new Model(Scenarios.load("fatal-signal-unwatched"),
            ModelConfig.fullSeries().withMutations(java.util.EnumSet.of(Mutation.FATAL_SIGNAL_QUEUED)));
        assertNotNull(Reach.find(queued, (s, t) -> t.obs().stream().anyMatch(o -> o.kind() == Obs.Kind.CALLBACK
            && o.code() == Events.SIGNAL_TERM)), "the mutation (the model before this round) reports it");
        Model watched = new Model(Scenarios.load("fatal-signal-watched"), ModelConfig.fullSeries());
        assertNotNull(Reach.find(watched, (s, t) -> t.obs().stream().anyMatch(o -> o.kind() == Obs.Kind.CALLBACK
            && o.code() == Events.SIGNAL_TERM)), "an engine watching SIGNAL_TERM is told");
    }
}

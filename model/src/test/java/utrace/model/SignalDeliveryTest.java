package utrace.model;

import static org.junit.jupiter.api.Assertions.*;
import static utrace.model.Slots.*;

import org.junit.jupiter.api.Test;

/**
 * The Killer actor: send_signal -> prepare_signal / complete_signal /
 * signal_wake_up (kernel/signal.c as the series leaves it). TASK_TRACED is
 * TASK_WAKEKILL | __TASK_TRACED, so only a fatal signal's signal_wake_up(t, 1)
 * wakes it; SIGCONT wakes only __TASK_STOPPED.
 */
class SignalDeliveryTest {
    private static final int KILLER = 1;

    private static Fixture fx(String signal) {
        Fixture f = Fixture.of("engine E1 preattached events=QUIESCE\ntracee\nkiller " + signal + "\n");
        assertEquals("killer", f.model.actorRole(KILLER));
        return f;
    }

    @Test
    void sigkillWakesATracedTaskAndSetsSigpending() {
        Fixture f = fx("SIGKILL").set(TASK_STATE, TaskState.TASK_TRACED).pc(0, TraceeStop.STOP_SLEEP);
        f.eset(0, E_FLAGS, Events.QUIESCE | Events.ENGINE_STOP);
        State s = f.step(KILLER).after();
        assertEquals(TaskState.RUNNING, s.taskState(), "signal_wake_up(t, 1) wakes TASK_WAKEKILL sleepers");
        assertTrue((s.tif() & Tif.SIGPENDING) != 0);
        assertTrue((s.pendingSignals() & Signals.SIGKILL) != 0);
        assertTrue(s.killed());
        assertEquals(Events.QUIESCE | Events.ENGINE_STOP, s.engineFlags(0), "the engine still wants the stop");
        assertEquals(1, s.get(f.base(KILLER)), "the killer moves on");
    }

    @Test
    void sigkillEndsAGroupStop() {
        Fixture f = fx("SIGKILL").set(TASK_STATE, TaskState.TASK_STOPPED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        State s = f.step(KILLER).after();
        assertEquals(TaskState.RUNNING, s.taskState());
        assertEquals(0, s.get(SIGNAL_FLAGS) & SIGNAL_STOP_STOPPED);
    }

    @Test
    void sigkillWakesTheTracedTaskEvenIfTheGroupWasStopped() {
        Fixture f = fx("SIGKILL").set(TASK_STATE, TaskState.TASK_TRACED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        assertEquals(TaskState.RUNNING, f.step(KILLER).after().taskState());
    }

    @Test
    void sigcontDoesNotWakeATracedTask() {
        Fixture f = fx("SIGCONT").set(TASK_STATE, TaskState.TASK_TRACED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED)
            .set(SIGPENDING, Signals.SIGSTOP);
        State s = f.step(KILLER).after();
        assertEquals(TaskState.TASK_TRACED, s.taskState(), "wake_up_state(t, __TASK_STOPPED) leaves TASK_TRACED");
        assertEquals(0, s.get(SIGNAL_FLAGS) & SIGNAL_STOP_STOPPED, "the group stop is over all the same");
        assertEquals(0, s.pendingSignals() & Signals.SIGSTOP, "SIGCONT flushes pending stop signals");
    }

    @Test
    void sigcontIsDroppedAsIgnoredWithoutASignalIgnEngine() {
        // engine E1 wants QUIESCE only: sig_ignored() is true for SIGCONT (default action: ignore).
        State s = fx("SIGCONT").step(KILLER).after();
        assertEquals(0, s.pendingSignals());
        assertEquals(0, s.tif() & Tif.SIGPENDING);
    }

    @Test
    void sigcontIsQueuedForAnEngineThatWantsIgnoredSignals() {
        // Patch 05, sig_ignored(): "return !t->ptrace && !UTRACE_FLAG(t, SIGNAL_IGN);"
        Fixture f = Fixture.of("engine E1 preattached events=SIGNAL_IGN|QUIESCE\ntracee\nkiller SIGCONT\n");
        State s = f.step(KILLER).after();
        assertEquals(Signals.SIGCONT, s.get(SHARED_PENDING), "kill() queues on signal->shared_pending");
        assertEquals(0, s.pendingSignals());
        assertTrue((s.tif() & Tif.SIGPENDING) != 0, "complete_signal -> signal_wake_up");
    }

    @Test
    void anEngineThatWantsIgnoredSignalsIsToldAboutSigcont() {
        // report_signal needs utrace_get_signal hooked into get_signal_to_deliver: patch 19.
        Fixture f = Fixture.of("engine E1 preattached events=SIGNAL_IGN\ntracee\nkiller SIGCONT\n", ModelConfig.fullSeries());
        boolean reported = false;
        java.util.ArrayDeque<State> q = new java.util.ArrayDeque<>();
        java.util.Set<State> seen = new java.util.HashSet<>();
        q.add(f.model.initial());
        seen.add(f.model.initial());
        while (!q.isEmpty()) {
            State s = q.poll();
            for (int a = 0; a < f.model.actorCount(); a++) {
                Transition t = f.model.step(s, a);
                if (t == null) continue;
                for (Obs o : t.obs()) {
                    if (o.kind() == Obs.Kind.CALLBACK && o.code() == Events.SIGNAL_IGN && o.liveCallback()) reported = true;
                }
                if (seen.add(t.after())) q.add(t.after());
            }
            if (!f.model.canProgress(s)) {
                assertNull(f.model.stuckProblem(s), "the tracee ends idle");
                assertEquals(0, s.pendingSignals());
            }
        }
        assertTrue(reported, "report_signal(UTRACE_SIGNAL_IGN) for the queued SIGCONT");
    }

    @Test
    void sigcontWakesAJobControlStop() {
        Fixture f = fx("SIGCONT").set(TASK_STATE, TaskState.TASK_STOPPED).set(SIGNAL_FLAGS, SIGNAL_STOP_STOPPED);
        State s = f.step(KILLER).after();
        assertEquals(TaskState.RUNNING, s.taskState());
        assertEquals(0, s.get(SIGNAL_FLAGS) & SIGNAL_STOP_STOPPED);
    }

    @Test
    void sigstopFlushesSigcontAndDoesNotWakeAStop() {
        Fixture f = fx("SIGSTOP").set(TASK_STATE, TaskState.TASK_TRACED).set(SIGPENDING, Signals.SIGCONT)
            .set(SHARED_PENDING, Signals.SIGCONT);
        State s = f.step(KILLER).after();
        assertEquals(0, s.pendingSignals(), "prepare_signal: a stop signal removes SIGCONT from task->pending ...");
        assertEquals(Signals.SIGSTOP, s.get(SHARED_PENDING), "... and from the shared queue, where kill() puts SIGSTOP");
        assertEquals(TaskState.TASK_TRACED, s.taskState());
        assertEquals(0, s.tif() & Tif.SIGPENDING, "wants_signal(): a traced task is not interested");
    }

    /**
     * complete_signal(): wants_signal() is 0 for a task that is stopped or traced, and with one thread "It will
     * dequeue unblocked signals before it runs again": queued, no TIF_SIGPENDING, no wake-up; recalc_sigpending_tsk()
     * sets the flag when the stop ends. task_is_stopped_or_traced() does not test __TASK_UTRACED (patch 14 left it
     * out): a utrace-stopped task gets TIF_SIGPENDING, and signal_wake_up(t, 0) does not wake TASK_UTRACED.
     */
    @Test
    void ordinarySignalToAStoppedTaskIsQueuedWithoutSigpending() {
        for (int st : new int[] {TaskState.TASK_TRACED, TaskState.TASK_STOPPED, TaskState.WAKEKILL | TaskState.UTRACED_BIT}) {
            Fixture f = fx("SIGUSR1").set(TASK_STATE, st);
            State s = f.step(KILLER).after();
            assertEquals(st, s.taskState(), TaskState.name(st));
            assertEquals(Signals.SIGUSR1, s.get(SHARED_PENDING));
            boolean utraced = (st & TaskState.UTRACED_BIT) != 0;
            assertEquals(utraced ? Tif.SIGPENDING : 0, s.tif() & Tif.SIGPENDING, TaskState.name(st));
        }
        Fixture g = fx("SIGUSR1").set(TASK_STATE, TaskState.INTERRUPTIBLE);
        State woken = g.step(KILLER).after();
        assertEquals(TaskState.RUNNING, woken.taskState());
        assertTrue((woken.tif() & Tif.SIGPENDING) != 0, "signal_wake_up(t, 0)");
    }

    @Test
    void killerNeedsSiglockAndStopsWhenDone() {
        Fixture f = fx("SIGKILL").set(LOCK_SIGLOCK, 1); // the tracee holds siglock
        assertNull(f.step(KILLER));
        Fixture g = fx("SIGKILL").pc(KILLER, 1);
        assertNull(g.step(KILLER), "all signals sent");
    }

    @Test
    void killedTraceeLeavesUtraceStopAndDiesAlthoughTheEngineNeverResumes() {
        // From utrace_stop's sleep: schedule() returns, utrace_finish_stop, recalc_sigpending, ... -> exit.
        Fixture f = fx("SIGKILL").set(TASK_STATE, TaskState.TASK_TRACED).pc(0, TraceeStop.STOP_SLEEP);
        f.eset(0, E_FLAGS, Events.QUIESCE | Events.ENGINE_STOP);
        f.set(UTRACE_FLAGS, Events.QUIESCE | Events.REAP | Events.ENGINE_STOP);
        assertNull(f.step(0), "asleep in TASK_TRACED: the tracee cannot move");
        State s = f.step(KILLER).after();
        for (int i = 0; i < 200 && !f.model.traceeDead(s); i++) {
            Transition t = f.model.step(s, 0);
            assertNotNull(t, "the killed tracee never blocks: " + f.model.where(s, 0));
            for (Obs o : t.obs()) assertNotEquals(Obs.Kind.USER_ENTRY, o.kind(), "no user code after SIGKILL");
            s = t.after();
        }
        assertTrue(f.model.traceeDead(s));
    }
}

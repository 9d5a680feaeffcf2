package utrace.checker.threaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.threaded.CallRunner.Unit;
import utrace.checker.threaded.CallRunner.UnitResult;
import utrace.model.Errno;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.ScenarioParser;
import utrace.model.State;
import utrace.model.Transition;

/** The unit-at-a-time driver on plain JVM threads (what Lincheck's operations call). */
class CallRunnerTest {
    private static final String STOP_RESUME = "scenario t\n"
        + "engine E1 preattached events=QUIESCE\n"
        + "callback E1 quiesce=STOP\n"
        + "tracee syscall\n"
        + "owner E1 control STOP; wait_stopped; control RESUME\n";

    private static Model model(String text, Mutation... ms) throws Exception {
        ModelConfig cfg = ModelConfig.fullSeries();
        if (ms.length > 0) cfg = cfg.withMutations(EnumSet.of(ms[0], ms));
        return new Model(ScenarioParser.parse("test", text), cfg);
    }

    private static int actor(Model m, String role) {
        for (int a = 0; a < m.actorCount(); a++) if (m.actorRole(a).equals(role)) return a;
        throw new AssertionError("no " + role);
    }

    @Test
    void aCallEndsAtTheStepThatReturnsIt() throws Exception {
        Model m = model(STOP_RESUME);
        int owner = actor(m, "owner");
        CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{owner}}});
        UnitResult u = r.runUnit(owner, Unit.CALL);
        assertTrue(u.completed());
        LoggedStep last = u.steps().get(u.steps().size() - 1);
        assertNotNull(last.apiReturn());
        assertEquals(Errno.EINPROGRESS, last.apiReturn().ret(), "STOP on a running tracee");
        assertEquals(2, u.steps().size(), "utrace_control is two steps (lock, then act)");
    }

    @Test
    void racingUnitsOnThreadsEndWhenTheirCallsReturnAndTheTraceeComesToRest() throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            Model m = model(STOP_RESUME);
            int owner = actor(m, "owner");
            int tracee = actor(m, "tracee");
            CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{owner, owner, owner}, {tracee}}});
            List<UnitResult> ownerResults = new ArrayList<>();
            UnitResult[] traceeResult = new UnitResult[1];
            Thread o = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) ownerResults.add(r.runUnit(owner, Unit.CALL));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Thread t = new Thread(() -> {
                try {
                    traceeResult[0] = r.runUnit(tracee, Unit.UNTIL_QUIET);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            o.start();
            t.start();
            o.join();
            t.join();
            for (UnitResult u : ownerResults) assertTrue(u.completed());
            assertTrue(traceeResult[0].completed());
            // Resumed after its stop, the tracee finished its syscall: idle in user mode, nothing left to move.
            assertFalse(m.canProgress(r.state()), "rep " + rep);
            assertNull(m.stuckProblem(r.state()));
            assertEquals(r.state(), replay(m, r.log()), "the log replays to the same state");
        }
    }

    @Test
    void aCallThatCannotFinishEndsIncompleteInsteadOfWaitingForever() throws Exception {
        // utrace-stop-keeps-lock: the tracee sleeps holding utrace->lock, so RESUME can never take it.
        Model m = model(STOP_RESUME, Mutation.UTRACE_STOP_KEEPS_LOCK);
        int owner = actor(m, "owner");
        int tracee = actor(m, "tracee");
        CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{owner, owner, owner}, {tracee}}});
        List<UnitResult> owners = new ArrayList<>();
        Thread o = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) owners.add(r.runUnit(owner, Unit.CALL));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        o.start();
        UnitResult t = r.runUnit(tracee, Unit.UNTIL_QUIET);
        o.join();
        assertTrue(owners.get(0).completed(), "STOP");
        assertTrue(owners.get(1).completed(), "wait_stopped");
        assertFalse(owners.get(2).completed(), "RESUME cannot finish: the sleeping tracee holds the lock");
        assertFalse(owners.get(2).runaway());
        assertTrue(t.completed());
        assertTrue(m.traceeInUtraceStop(t.end()));
        assertNotNull(m.stuckProblem(r.drain()), "the model itself calls this a deadlock");
    }

    @Test
    void laterUnitsOfTheSameThreadDoNotKeepAUnitWaiting() throws Exception {
        // The owner's STOP is queued after the tracee's life on the same thread: the tracee's unit must not
        // wait for it (it could not run before the tracee's unit returns).
        Model m = model(STOP_RESUME);
        int owner = actor(m, "owner");
        int tracee = actor(m, "tracee");
        CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{tracee, owner}}});
        UnitResult u = r.runUnit(tracee, Unit.UNTIL_QUIET);
        assertTrue(u.completed());
        assertTrue(m.where(u.end(), tracee).startsWith("user mode"), m.where(u.end(), tracee));
    }

    @Test
    void aUnitFromAnotherPhaseOrActorIsRefused() throws Exception {
        Model m = model(STOP_RESUME);
        int owner = actor(m, "owner");
        int tracee = actor(m, "tracee");
        CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{tracee}}, {{owner}}});
        assertThrows(IllegalStateException.class, () -> r.runUnit(owner, Unit.CALL), "the owner's unit is in phase 2");
    }

    @Test
    void aLivelockedUnitIsStoppedAtTheStepBound() throws Exception {
        // reset-ignores-other-stoppers: E1's INTERRUPT wakes the tracee E0 holds; E0's report returns STOP,
        // utrace_stop finds no ENGINE_STOP in utrace_flags and the syscall-entry report starts over, forever.
        String text = "scenario t\n"
            + "engine E0 preattached events=SYSCALL_ENTRY\n"
            + "callback E0 syscall_entry=STOP\n"
            + "engine E1 preattached events=QUIESCE\n"
            + "tracee syscall\n"
            + "owner E1 control INTERRUPT\n";
        Model m = model(text, Mutation.RESET_IGNORES_OTHER_STOPPERS);
        int owner = actor(m, "owner");
        int tracee = actor(m, "tracee");
        CallRunner r = new CallRunner(new ThreadedRun(m, List.of()), new int[][][] {{{tracee, owner, tracee}}});
        assertTrue(r.runUnit(tracee, Unit.UNTIL_QUIET).completed(), "stopped by E0");
        assertTrue(r.runUnit(owner, Unit.CALL).completed());
        UnitResult u = r.runUnit(tracee, Unit.UNTIL_QUIET);
        assertTrue(u.runaway());
        assertEquals(CallRunner.UNIT_STEP_LIMIT, u.steps().size());
        assertNull(r.drain(), "the drain gives up too");
    }

    private static State replay(Model m, List<LoggedStep> log) {
        State s = m.initial();
        for (LoggedStep step : log) {
            Transition t = m.step(s, step.actor());
            assertNotNull(t, "step " + step.index());
            s = t.after();
            assertEquals(step.after(), s, "step " + step.index());
        }
        return s;
    }
}

package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * livelock-freedom's cycle search ({@link CycleSearch}): it finds the busy-wait of read-busy-waits as a lasso that
 * closes, with a shortest way in; it ignores a loop through user mode; it finds nothing on the full series; every
 * engine gives the same lasso; limits end it with INCOMPLETE, never PASS.
 */
class CycleSearchTest {
    private static final Invariant LIVELOCK = Invariants.byName("livelock-freedom");

    static List<String> allButBench() {
        return Scenarios.allButBench();
    }

    private static Model model(String name, Mutation... ms) throws Exception {
        ModelConfig cfg = ModelConfig.fullSeries();
        if (ms.length > 0) cfg = cfg.withMutations(EnumSet.of(ms[0], ms));
        return new Model(Scenarios.load(name), cfg);
    }

    private static ExplorationResult search(Model m) {
        return new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(LIVELOCK));
    }

    @ParameterizedTest
    @MethodSource("allButBench")
    void noShippedScenarioHasALivelockOnTheFullSeries(String name) throws Exception {
        ExplorationResult r = search(model(name));
        assertEquals(Verdict.PASS, r.verdict(), () -> name + ": " + r.counterexample().violation().describe());
        assertNotNull(r.cycles(), "the cycle search ran");
        // every state is searched twice: as it is, and watched (each state starts watching itself first)
        assertEquals(r.stats().states(), r.cycles().states(), name);
        assertEquals(r.stats().states(), r.cycles().watched(), name);
    }

    @Test
    void theBusyWaitIsALassoThatClosesAndNeverReturnsToUserMode() throws Exception {
        Model m = model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS);
        ExplorationResult r = search(m);
        assertEquals(Verdict.VIOLATION, r.verdict());
        Violation v = r.counterexample().violation();
        assertEquals(Violation.Kind.CYCLE, v.kind());
        assertEquals("livelock-freedom", v.invariant().name());
        List<Integer> schedule = r.counterexample().schedule();
        int k = v.cycleStart();
        // the switch count wraps at 256: the spin comes back to the same state after 256 schedule() calls
        assertEquals(256, schedule.size() - k, v.message());
        State s = m.initial();
        State entry = k == 0 ? s : null;
        for (int i = 0; i < schedule.size(); i++) {
            Transition t = m.step(s, schedule.get(i));
            assertNotNull(t, "step " + (i + 1) + " can be taken");
            if (i >= k) {
                assertEquals(0, t.actor(), "only the tracee moves around the spin");
                assertTrue(!LIVELOCK.progress(m, t), "no step of the cycle returns to user mode");
            }
            s = t.after();
            if (i + 1 == k) entry = s;
        }
        assertEquals(entry, s, "the last step leads back to where the cycle starts");
        assertTrue(v.message().contains("x256"), v.message());
    }

    /**
     * The search assumes no fairness; the message says which kind of cycle it found. In read-sleeps-not-spins the
     * parent is blocked all along the spin (fair); in signal-races-read-sleep the first spin found is the one before
     * the killer's SIGUSR1, which a fair scheduler would send (unfair to the killer).
     */
    @Test
    void theMessageSaysWhetherTheCycleIsFair() throws Exception {
        String fair = search(model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS)).counterexample().violation().message();
        assertTrue(fair.endsWith("(a fair cycle: every other actor is blocked or done all along it)"), fair);
        String unfair = search(model("signal-races-read-sleep", Mutation.READ_BUSY_WAITS)).counterexample().violation().message();
        assertTrue(unfair.contains("(unfair to killer, which could move at every state of the cycle"), unfair);
    }

    /** The way into the cycle is a shortest path to a state on it: no state of the cycle is nearer the start. */
    @Test
    void theWayIntoTheCycleIsAShortestOne() throws Exception {
        Model m = model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS);
        ExplorationResult r = search(m);
        int k = r.counterexample().violation().cycleStart();
        // breadth-first distance of the cycle's entry from the initial state, computed without the cycle search
        State entry = m.initial();
        for (int a : r.counterexample().schedule().subList(0, k)) entry = m.step(entry, a).after();
        State target = entry;
        Invariant reach = new Invariant() {
            @Override public String name() { return "reach"; }
            @Override public String statement() { return "reach the entry"; }
            @Override public String checkState(Model mm, State st) { return st.equals(target) ? "here" : null; }
        };
        ExplorationResult bfs = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(reach));
        assertEquals(k, bfs.counterexample().schedule().size());
        assertTrue(k > 0, "the tracee needs a few steps to reach the read");
    }

    /** attach-into-signal's handler re-raises SIGQUIT for ever: a cycle, but through user mode, so no livelock. */
    @Test
    void aLoopThroughUserModeIsNotALivelock() throws Exception {
        ExplorationResult r = search(model("attach-into-signal"));
        assertEquals(Verdict.PASS, r.verdict());
        // ... while the graph does have that cycle: an invariant that counts no step as progress finds it
        Invariant anyCycle = new Invariant() {
            @Override public String name() { return "no-cycle-at-all"; }
            @Override public String statement() { return "no cycle of two or more states"; }
            @Override public boolean judgesCycles() { return true; }
            @Override public boolean progress(Model mm, Transition t) { return false; }
            @Override public String checkCycle(Model m, List<Transition> cycle) { return "a cycle of " + cycle.size() + " steps"; }
        };
        Model m = model("attach-into-signal");
        ExplorationResult any = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(anyCycle));
        assertEquals(Verdict.VIOLATION, any.verdict());
        List<Integer> lasso = any.counterexample().schedule();
        int k = any.counterexample().violation().cycleStart();
        boolean userMode = false;
        State s = m.initial();
        for (int i = 0; i < lasso.size(); i++) {
            Transition t = m.step(s, lasso.get(i));
            if (i >= k && LIVELOCK.progress(m, t)) userMode = true;
            s = t.after();
        }
        assertTrue(userMode, "the only cycle of attach-into-signal passes through user mode");
    }

    /**
     * An engine whose report_quiesce calls utrace_control(STOP) on itself and returns UTRACE_RESUME gets another
     * report pass each time (the STOP left utrace->resume at UTRACE_REPORT): a loop the engine drives, as a program
     * drives a loop through user mode, so no livelock (checker fuzz --seed 31's six candidates were all such). The
     * loop is there: an invariant that counts only a return to user mode as progress finds it.
     */
    @Test
    void aLoopAnEngineDrivesIsNotALivelock() throws Exception {
        Model m = new Model(utrace.model.ScenarioParser.parse("engine-asks-again", "scenario engine-asks-again\n"
            + "engine E1 preattached events=QUIESCE|SYSCALL_ENTRY\ncallback E1 quiesce=RESUME+control:STOP\n"
            + "tracee unblock SIGINT\n"), ModelConfig.fullSeries());
        assertEquals(Verdict.PASS, search(m).verdict());
        Invariant userModeOnly = new Invariant() {
            @Override public String name() { return "user-mode-only"; }
            @Override public String statement() { return "only a return to user mode is progress"; }
            @Override public boolean judgesCycles() { return true; }
            @Override public boolean progress(Model mm, Transition t) {
                return t.obs().stream().anyMatch(o -> o.kind() == utrace.model.Obs.Kind.USER_ENTRY);
            }
            @Override public String checkCycle(Model mm, List<Transition> cycle) { return "a loop of " + cycle.size() + " steps"; }
        };
        ExplorationResult r = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(userModeOnly));
        assertEquals(Verdict.VIOLATION, r.verdict());
        // and every pass of it has the engine's callback in it
        State s = m.initial();
        List<Integer> lasso = r.counterexample().schedule();
        boolean callback = false;
        for (int i = 0; i < lasso.size(); i++) {
            Transition t = m.step(s, lasso.get(i));
            if (i >= r.counterexample().violation().cycleStart() && LIVELOCK.progress(m, t)) callback = true;
            s = t.after();
        }
        assertTrue(callback, "the loop passes through the engine's callback, which asks for more");
    }

    /** The same lasso from every engine: the cycle search does not depend on how the main search ran. */
    @Test
    void everyEngineGivesTheSameLasso() throws Exception {
        Model m = model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS);
        Counterexample bfs = search(m).counterexample();
        Counterexample dfs = new DepthFirstExplorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(LIVELOCK)).counterexample();
        Counterexample level = new LevelExplorer(Limits.NONE, ProgressListener.NONE, new ScaleOptions(2, false, 0))
            .explore(m, List.of(LIVELOCK)).counterexample();
        Counterexample again = search(m).counterexample();
        for (Counterexample c : List.of(dfs, level, again)) {
            assertEquals(bfs.schedule(), c.schedule());
            assertEquals(bfs.violation(), c.violation());
        }
    }

    @Test
    void withoutACycleInvariantNothingMoreRuns() throws Exception {
        ExplorationResult r = new Explorer(Limits.NONE, ProgressListener.NONE)
            .explore(model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS), List.of(Invariants.byName("deadlock-freedom")));
        // deadlock-freedom cannot see the spin: there is no state where nothing can move
        assertEquals(Verdict.PASS, r.verdict());
        assertNull(r.cycles());
    }

    @Test
    void aStateLimitEndsTheCycleSearchWithIncomplete() throws Exception {
        Model m = model("read-sleeps-not-spins", Mutation.READ_BUSY_WAITS);
        ExplorationResult main = search(m);
        // a limit the main search (266 states) stays under; the cycle search's unwatched states stay under it too
        ExplorationResult passed = new ExplorationResult(Verdict.PASS, main.stats(), null, null);
        ExplorationResult r = CycleSearch.afterPass(m, List.of(LIVELOCK), new Limits(3, 0), ProgressListener.NONE, passed);
        // the cycle is found among the watched states before the unwatched ones pass the limit, or the limit ends it
        assertTrue(r.verdict() == Verdict.VIOLATION || r.verdict() == Verdict.INCOMPLETE);
        ExplorationResult cut = CycleSearch.afterPass(model("stop-then-resume"), List.of(LIVELOCK), new Limits(3, 0),
            ProgressListener.NONE, passed);
        assertEquals(Verdict.INCOMPLETE, cut.verdict());
        assertTrue(cut.incompleteReason().contains("livelock-freedom's cycle search"), cut.incompleteReason());
    }
}

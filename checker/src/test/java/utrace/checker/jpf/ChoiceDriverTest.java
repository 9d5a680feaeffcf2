package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.InvariantSet;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.Transition;
import utrace.model.State;

/**
 * The choice driver outside JPF, where {@code Random.nextInt} is a real
 * random number: it runs one schedule per seed. These tests need no JPF;
 * they check that the program JPF explores is the model (its schedules are
 * the native model's, a mutation's bug is reachable through it, the full
 * series is not broken by it). JpfEngineTest runs it under JPF.
 */
class ChoiceDriverTest {
    static Stream<String> defaultScenarios() {
        return Scenarios.shippedNames().stream();
    }

    @ParameterizedTest
    @MethodSource("defaultScenarios")
    void randomSchedulesOfTheFullSeriesViolateNothingAndReplayNatively(String name) throws Exception {
        Model model = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        List<Invariant> core = InvariantSet.shipped("core").invariants();
        for (long seed = 0; seed < 20; seed++) {
            List<Integer> schedule = new ArrayList<>();
            Violation v = runPrinting(model, core, seed, schedule);
            assertNull(v, () -> name + ": " + v.describe());
            JpfEngine.Confirmation c = JpfEngine.confirm(model, core, schedule);
            assertNull(c.problem(), c.problem());
            assertNull(c.violation());
        }
    }

    /** Can-fail: with a mutation, some random schedule reaches its bug, and the native model agrees on it. */
    @ParameterizedTest
    @MethodSource("mutations")
    void someRandomScheduleReachesEachMutationsBug(Mutation m) throws Exception {
        Model model = new Model(Scenarios.load(m.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
        List<Invariant> set = Crosscheck.with(InvariantSet.shipped("core"), m.breaks).invariants();
        Invariant breaks = utrace.invariants.Invariants.byName(m.breaks);
        if (breaks.judgesCycles()) {
            // A cycle is no property of one run: outside JPF (no state matching) a run of a model that livelocks never
            // ends. So the random walk is the test's, bounded, and stops where a state comes back; the cycle it
            // closes must be the bug, as JpfEngine.confirmCycle judges a JPF path.
            for (long seed = 0; seed < 1_000; seed++) {
                List<Integer> lasso = walkToARepeat(model, new Random(seed), 100_000);
                if (lasso == null) continue;
                JpfEngine.Confirmation c = JpfEngine.confirmCycle(model, breaks, lasso, 0);
                if (c.violation() == null) continue; // a loop through user mode
                assertEquals(m.breaks, c.violation().invariant().name());
                return;
            }
            throw new AssertionError(m.id + ": no random walk of 1,000 closed a cycle " + m.breaks + " forbids");
        }
        for (long seed = 0; seed < 50_000; seed++) {
            List<Integer> schedule = new ArrayList<>();
            Violation v = runPrinting(model, set, seed, schedule);
            if (v == null) continue;
            JpfEngine.Confirmation c = JpfEngine.confirm(model, set, schedule);
            assertNotNull(c.violation(), () -> m.id + ": " + c.problem());
            assertEquals(v.invariant().name(), c.violation().invariant().name());
            return;
        }
        throw new AssertionError(m.id + ": no random schedule of 50,000 reached the bug");
    }

    /** A random walk over the steps that change the state, up to the first state it passes twice; null if it ends first. */
    private static List<Integer> walkToARepeat(Model model, Random r, int bound) {
        java.util.Set<State> seen = new java.util.HashSet<>();
        List<Integer> schedule = new ArrayList<>();
        State s = model.initial();
        seen.add(s);
        for (int n = 0; n < bound; n++) {
            List<Transition> moves = new ArrayList<>();
            for (int a = 0; a < model.actorCount(); a++) {
                Transition t = model.step(s, a);
                if (t != null && !t.after().equals(s)) moves.add(t);
            }
            if (moves.isEmpty()) return null;
            Transition t = moves.get(r.nextInt(moves.size()));
            schedule.add(t.actor());
            s = t.after();
            if (!seen.add(s)) return schedule;
        }
        return null;
    }

    static Stream<Mutation> mutations() {
        return Stream.of(Mutation.values());
    }

    /**
     * The cycle mode's run (livelock-freedom in the set) outside JPF: a random walk that starts watching at most once,
     * after which it takes only steps without progress; it ends (each watched state may end the run), checks nothing
     * else, and its steps replay natively.
     */
    @ParameterizedTest
    @MethodSource("defaultScenarios")
    void theWatchingRunEndsAndItsStepsReplay(String name) throws Exception {
        Model model = new Model(Scenarios.load(name), ModelConfig.fullSeries());
        List<Invariant> core = InvariantSet.shipped("core").invariants();
        Invariant livelock = utrace.invariants.Invariants.byName("livelock-freedom");
        for (long seed = 0; seed < 20; seed++) {
            PrintStream old = System.out;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Violation v;
            try {
                System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
                v = ChoiceDriver.runWatching(model, new InvariantChecker(model, core), new Random(seed), livelock);
            } finally {
                System.setOut(old);
            }
            assertNull(v, () -> name + ": " + v.describe());
            List<Integer> schedule = new ArrayList<>();
            int watches = 0;
            int watchedFrom = -1;
            for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(JpfDriver.STEP)) schedule.add(Integer.parseInt(line.substring(JpfDriver.STEP.length()).trim()));
                if (line.startsWith(ChoiceDriver.WATCH)) {
                    watches++;
                    watchedFrom = schedule.size();
                }
            }
            assertTrue(watches <= 1, name + ": watched " + watches + " times");
            State s = model.initial();
            for (int i = 0; i < schedule.size(); i++) {
                Transition t = model.step(s, schedule.get(i));
                assertNotNull(t, name + ": step " + (i + 1));
                if (watchedFrom >= 0 && i >= watchedFrom) assertTrue(!livelock.progress(model, t), name + ": a watched step returns to user mode");
                s = t.after();
            }
        }
    }

    /** Same seed, same schedule: outside JPF the driver is a seeded random walk, deterministic. */
    @Test
    void aSeedDeterminesTheSchedule() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        List<Invariant> core = InvariantSet.shipped("core").invariants();
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        runPrinting(model, core, 7, a);
        runPrinting(model, core, 7, b);
        assertEquals(a, b);
        assertTrue(a.size() > 5, a::toString);
    }

    /** Runs the driver loop with its step lines captured, and reads the schedule back as JpfOutput would. */
    private static Violation runPrinting(Model model, List<Invariant> invariants, long seed, List<Integer> schedule) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Violation v;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            v = ChoiceDriver.run(model, new InvariantChecker(model, invariants), new Random(seed));
        } finally {
            System.setOut(old);
        }
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(JpfDriver.STEP)) schedule.add(Integer.parseInt(line.substring(JpfDriver.STEP.length()).trim()));
        }
        return v;
    }
}

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

    static Stream<Mutation> mutations() {
        return Stream.of(Mutation.values());
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

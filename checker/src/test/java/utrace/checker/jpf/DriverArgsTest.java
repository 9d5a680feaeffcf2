package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.Limits;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;
import utrace.model.Mutation;

/** The configuration crosses into JPF as target.args and comes out the same (random configurations, seeded). */
class DriverArgsTest {
    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 0x5eedL + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void encodeThenDecodeGivesTheSameConfiguration(long seed) {
        Random r = new Random(seed);
        ModelConfig c = ModelConfig.fullSeries();
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        for (Mutation m : Mutation.values()) if (r.nextInt(4) == 0) ms.add(m);
        c = c.withMutations(ms);
        if (r.nextBoolean()) c = c.withPatches(ModelConfig.parsePatches("1-" + (1 + r.nextInt(ModelConfig.SERIES_LENGTH)) + (r.nextBoolean() ? "" : ",33")));
        if (r.nextBoolean()) {
            c = c.withMemoryModel(MemoryModel.WEAK);
            Set<Barrier> bs = EnumSet.noneOf(Barrier.class);
            for (Barrier b : Barrier.values()) if (r.nextInt(3) == 0) bs.add(b);
            c = c.withoutBarriers(bs);
        }
        List<Invariant> all = new ArrayList<>(Invariants.all());
        Collections.shuffle(all, r);
        List<Invariant> is = all.subList(0, 1 + r.nextInt(all.size()));

        List<String> words = new DriverArgs("/tmp/x y/s.scenario", c, is).encode();
        assertEquals(6, words.size());
        for (String w : words) assertFalse(w.contains(","), () -> "JPF splits target.args at commas: " + w);
        DriverArgs back = DriverArgs.decode(words.toArray(new String[0]));
        assertEquals("/tmp/x y/s.scenario", back.scenarioFile());
        assertEquals(c.toString(), back.config().toString());
        assertEquals(c.patches(), back.config().patches());
        assertEquals(c.mutations(), back.config().mutations());
        assertEquals(c.memoryModel(), back.config().memoryModel());
        assertEquals(c.removedBarriers(), back.config().removedBarriers());
        assertEquals(is, back.invariants());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theGeneratedJpfFileCarriesTheArgumentsAndTheLimits(long seed) {
        Random r = new Random(seed);
        long states = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(100_000);
        long ms = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(600_000);
        DriverArgs a = new DriverArgs("/tmp/s.scenario", ModelConfig.fullSeries(), List.copyOf(Invariants.all()));
        JpfDriverKind driver = JpfDriverKind.values()[r.nextInt(JpfDriverKind.values().length)];
        String jpf = JpfJob.applicationProperties(a, new Limits(states, ms), driver);
        assertTrue(jpf.contains("target = " + driver.mainClass.getName() + "\n"), jpf);
        assertTrue(jpf.contains("cg.enumerate_random = true\n"), "ChoiceDriver's choice needs it: " + jpf);
        assertTrue(jpf.contains("vm.time.class = gov.nasa.jpf.vm.ConstInsnPathTime\n"),
            "with the host's clock JPF's state counts vary from run to run: " + jpf);
        assertTrue(jpf.contains("target.args = " + String.join(",", a.encode()) + "\n"), jpf);
        assertEquals(states > 0 || ms > 0, jpf.contains("listener = gov.nasa.jpf.listener.BudgetChecker\n"), jpf);
        assertEquals(states > 0, jpf.contains("budget.max_state = " + states + "\n"), jpf);
        assertEquals(ms > 0, jpf.contains("budget.max_time = " + ms + "\n"), jpf);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void decodeRefusesWhatEncodeNeverWrites(long seed) {
        Random r = new Random(seed);
        String[] good = new DriverArgs("f", ModelConfig.fullSeries(), List.of(Invariants.all().get(0))).encode().toArray(new String[0]);
        String[] bad = good.clone();
        switch (r.nextInt(4)) {
            case 0 -> bad[2] = "no-such-mutation";
            case 1 -> bad[3] = "tso";
            case 2 -> bad[5] = "no-such-invariant";
            default -> bad = new String[] {good[0], good[1]};
        }
        String[] finalBad = bad;
        assertThrows(IllegalArgumentException.class, () -> DriverArgs.decode(finalBad));
    }
}

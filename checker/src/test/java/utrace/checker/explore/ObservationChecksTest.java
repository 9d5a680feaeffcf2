package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Obs;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * An invariant that declares {@link Invariant#judgesObservationsOnly} passes every step that makes
 * no observation of a kind it reads, whatever the states before and after: ScopedInvariants skips
 * it on those steps even where they wrote what it reads. Checked on random states (each slot zero,
 * small or any int, so that bit tests and "is zero" tests both go either way) with random
 * observations of the other kinds. A transition check that reads the state (exit-stop-holds, which
 * does not declare it) fails on such steps within the same number of tries: the test has teeth.
 */
class ObservationChecksTest {
    private static final int TRIES = 20_000;

    /** The first failure of {@code inv}'s transition check on a random step without its observations, or null. */
    static String failureWithoutItsObservations(Model m, Invariant inv, Random rnd) {
        Obs.Kind[] kinds = Obs.Kind.values();
        List<Obs.Kind> others = new ArrayList<>();
        for (Obs.Kind k : kinds) if ((inv.observes() >>> k.ordinal() & 1) == 0) others.add(k);
        for (int i = 0; i < TRIES; i++) {
            State before = randomState(m, rnd);
            List<Obs> obs = new ArrayList<>();
            for (int n = others.isEmpty() ? 0 : rnd.nextInt(3); n > 0; n--) {
                obs.add(new Obs(others.get(rnd.nextInt(others.size())), rnd.nextInt(m.engineCount()), rnd.nextInt(40),
                    rnd.nextInt(40) - 20, rnd.nextInt(40)));
            }
            Transition t = new Transition(rnd.nextInt(m.actorCount()), null, null, randomState(m, rnd), List.copyOf(obs));
            String r = inv.checkTransition(m, before, t);
            if (r != null) return r;
        }
        return null;
    }

    private static State randomState(Model m, Random rnd) {
        int[] v = new int[m.stateSize()];
        for (int s = 0; s < v.length; s++) {
            switch (rnd.nextInt(3)) {
                case 0 -> v[s] = 0;
                case 1 -> v[s] = rnd.nextInt(8);
                default -> v[s] = rnd.nextInt();
            }
        }
        return new State(v);
    }

    @Test
    void everyObservationOnlyCheckPassesStepsWithoutItsObservations() throws Exception {
        int declared = 0;
        for (String scenario : List.of("stop-then-resume", "bench-large", "ptrace-attach-to-group-stop")) {
            Model m = new Model(Scenarios.load(scenario), ModelConfig.fullSeries());
            Random rnd = new Random(0x0b5L);
            for (Invariant inv : InvariantSet.resolve("all").invariants()) {
                if (!inv.judgesObservationsOnly()) continue;
                declared++;
                String failure = failureWithoutItsObservations(m, inv, rnd);
                assertNull(failure, scenario + ": " + inv.name() + " declares it judges observations only, but failed on a step "
                    + "without one of its kinds: " + failure);
            }
        }
        assertTrue(declared >= 3 * 20, "only " + declared + " declarations checked: most invariants judge observations only");
    }

    @Test
    void aCheckThatReadsTheStateFailsWithoutObservations() throws Exception {
        Model m = new Model(Scenarios.load("bench-large"), ModelConfig.fullSeries());
        Invariant exitStop = InvariantSet.resolve("exit-stop-holds").invariants().get(0);
        assertFalse(exitStop.judgesObservationsOnly());
        String failure = failureWithoutItsObservations(m, exitStop, new Random(0x0b5L));
        assertNotNull(failure, "exit-stop-holds reads task->exit_state, not an observation: random states must make it fail");
        assertTrue(failure.startsWith("the thread passed exit_notify"), failure);
    }
}

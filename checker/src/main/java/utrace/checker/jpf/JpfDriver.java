package utrace.checker.jpf;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import utrace.checker.threaded.ThreadedRun;
import utrace.invariants.Invariant;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ScenarioParser;

/**
 * The program Java PathFinder runs, inside JPF's virtual machine: one
 * scenario of the model on the threaded runner, one thread per actor. JPF's
 * scheduler tries every order in which the actors take the runner's monitor,
 * i.e. every interleaving of model steps, and its state matching prunes the
 * repeats.
 *
 * Each step's actor is printed: JPF keeps a path's output with the path, not
 * in the program state, so this costs no state matching, and when a path
 * ends in a violation (an uncaught AssertionError, a JPF error) JPF reports
 * that path's output, the schedule the checker turns into a trace
 * ({@link JpfOutput}). Arguments: {@link DriverArgs}.
 */
public final class JpfDriver {
    /** Printed before each step's actor index. */
    public static final String STEP = "utrace-jpf step ";
    /** Printed before "INVARIANT KIND" when a path violates an invariant. */
    public static final String VIOLATION = "utrace-jpf violation ";

    private JpfDriver() {}

    public static void main(String[] args) throws Exception {
        DriverArgs in = DriverArgs.decode(args);
        Model model = new Model(ScenarioParser.parse(in.scenarioFile(), read(in.scenarioFile())), in.config());
        List<Invariant> invariants = in.invariants();
        warmUp(model, invariants);
        ThreadedRun run = new ThreadedRun(model, invariants, a -> System.out.println(STEP + a));
        Violation v = run.runAllThreads();
        if (v != null) {
            System.out.println(VIOLATION + v.invariant().name() + " " + v.kind());
            throw new AssertionError(v.describe());
        }
    }

    /**
     * One throwaway run, round robin, before any thread starts: it
     * initialises the classes the steps use. Class initialisation inside the
     * explored interleavings would be a scheduling point of its own and make
     * JPF see the same model state as different program states (classes
     * initialised or not).
     */
    static void warmUp(Model model, List<Invariant> invariants) {
        ThreadedRun warm = new ThreadedRun(model, invariants, a -> { });
        // Bounded: a model that livelocks (read-busy-waits) would otherwise spin here, before JPF's first choice,
        // and JPF, matching the spin's states, would end its search there with nothing explored and no error.
        int rounds = 0;
        for (boolean moved = true; moved && !warm.over() && rounds < WARM_UP_ROUNDS; rounds++) {
            moved = false;
            for (int a = 0; a < model.actorCount(); a++) moved |= warm.tryStep(a);
        }
    }

    /** Round-robin rounds of the warm-up at most: model lives are tens of steps; class initialisation is done by then. */
    static final int WARM_UP_ROUNDS = 1000;

    /** java.io, not java.nio.file: JPF models FileInputStream but not the nio file system. */
    static String read(String file) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

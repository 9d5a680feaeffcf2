package utrace.checker.jpf;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import utrace.checker.threaded.ThreadedRun;
import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.ScenarioParser;

/**
 * The program Java PathFinder runs, inside JPF's virtual machine: one
 * scenario of the model on the threaded runner, one thread per actor. JPF's
 * scheduler tries every order in which the actors take the runner's monitor,
 * i.e. every interleaving of model steps, and its state matching prunes the
 * repeats.
 *
 * Each step's actor is printed (JPF keeps a path's output with the path, not
 * in the program state, so it costs no state matching) and a violation ends
 * the path with an uncaught AssertionError, which JPF reports as an error
 * together with that path's output: the schedule the checker turns into a
 * trace ({@link JpfOutput}).
 *
 * Arguments (JPF's target.args, so no commas): the scenario file, the patch
 * set ({@link ModelConfig#patchesSpec()} with '+' for ','), mutation ids
 * joined by '+' or "none", invariant names joined by '+'.
 */
public final class JpfDriver {
    /** Printed before each step's actor index. */
    public static final String STEP = "utrace-jpf step ";
    /** Printed before "INVARIANT KIND" when a path violates an invariant. */
    public static final String VIOLATION = "utrace-jpf violation ";

    private JpfDriver() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: JpfDriver SCENARIO-FILE PATCHES MUTATIONS|none INVARIANT[+INVARIANT...]");
        }
        Model model = new Model(ScenarioParser.parse(args[0], read(args[0])), config(args[1], args[2]));
        ThreadedRun run = new ThreadedRun(model, invariants(args[3]), a -> System.out.println(STEP + a));
        Violation v = run.runAllThreads();
        if (v != null) {
            System.out.println(VIOLATION + v.invariant().name() + " " + v.kind());
            throw new AssertionError(v.describe());
        }
    }

    /** java.io, not java.nio.file: JPF models FileInputStream but not the nio file system. */
    private static String read(String file) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ModelConfig config(String patches, String mutations) {
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        if (!mutations.equals("none")) {
            for (String id : mutations.split("\\+")) {
                Mutation m = Mutation.byId(id);
                if (m == null) throw new IllegalArgumentException("unknown mutation " + id);
                ms.add(m);
            }
        }
        return ModelConfig.fullSeries().withPatches(ModelConfig.parsePatches(patches.replace('+', ','))).withMutations(ms);
    }

    static List<Invariant> invariants(String names) {
        List<Invariant> out = new ArrayList<>();
        for (String n : names.split("\\+")) {
            Invariant i = Invariants.byName(n);
            if (i == null) throw new IllegalArgumentException("unknown invariant " + n);
            out.add(i);
        }
        return out;
    }
}

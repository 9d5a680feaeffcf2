package utrace.checker.weak;

import java.util.ArrayList;
import java.util.List;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.model.Litmus;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.State;

/**
 * Runs a litmus test through the native explorer, on the same store buffers
 * and barrier code the utrace model uses in the weak memory model, and
 * compares the verdict with LKMM's: the "exists" outcome must be reachable
 * exactly when LKMM says "Sometimes".
 */
public final class LitmusRun {
    private LitmusRun() {}

    /** {@code reachable}: some final state shows the outcome; {@code states}: how many the search visited. */
    public record Result(Litmus test, MemoryModel memoryModel, boolean reachable, long states, List<Integer> witness) {
        /** Under the weak model the verdict must be LKMM's; under sc the relaxed outcome must never show. */
        public boolean asExpected() {
            return memoryModel == MemoryModel.WEAK ? reachable == test.lkmmSometimes() : !reachable;
        }

        public String verdict() {
            return reachable ? "Sometimes" : "Never";
        }
    }

    /** The outcome of the test's "exists" clause, as an invariant that fails in a final state where it holds. */
    static Invariant outcome(Litmus t) {
        return new Invariant() {
            @Override public String name() { return "litmus-outcome"; }

            @Override public String statement() { return "the outcome exists " + t.existsText() + " is never reached"; }

            @Override public String checkTerminal(Model m, State s) { return t.reached(m, s); }
        };
    }

    public static Result run(Litmus t, MemoryModel mm) {
        Model m = Model.litmus(t, mm);
        ExplorationResult r = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, List.of(outcome(t)));
        if (r.verdict() == Verdict.INCOMPLETE) throw new IllegalStateException(t.name() + ": " + r.incompleteReason());
        boolean reachable = r.verdict() == Verdict.VIOLATION;
        List<Integer> witness = reachable ? r.counterexample().schedule() : List.of();
        return new Result(t, mm, reachable, r.stats().states(), witness);
    }

    public static List<Result> runAll(MemoryModel mm) {
        List<Result> out = new ArrayList<>();
        for (Litmus t : Litmus.all()) out.add(run(t, mm));
        return out;
    }
}

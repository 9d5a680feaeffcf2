package utrace.checker.jpf;

import java.util.List;
import java.util.Random;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ScenarioParser;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The other program JPF can run (`--jpf-driver choices`): the model on one
 * thread, and at every state JPF itself chooses which actor moves next.
 * {@code Random.nextInt(k)} over the actors that can move is that choice:
 * with {@code cg.enumerate_random = true} (set by {@link JpfJob}) jpf-core
 * turns it into a choice generator and tries every value, leaving the
 * Random's seed alone, so the choice adds nothing to the program state.
 *
 * <p>Why a second driver: under {@link JpfDriver} every actor is a thread and
 * JPF matches program states, so one model state comes back once per way the
 * threads can be waiting, woken or running (6 to 100 times the model's
 * states). Here the program state at a choice is the model state and this
 * loop's locals, which are functions of it, so JPF's state count stays near
 * the model's and its search reaches the scenarios the thread driver cannot
 * finish. It stays an independent opinion: JPF's depth-first search,
 * backtracking (restoring the heap) and state matching (hashing the heap),
 * none of the native engine's code, decide what is explored. What it no
 * longer exercises is the threaded runner (its monitor and wait/notify).
 *
 * <p>Outside JPF the same program runs one random schedule. Output as
 * {@link JpfDriver}: each step's actor, then the violation if any.
 */
public final class ChoiceDriver {
    private ChoiceDriver() {}

    public static void main(String[] args) throws Exception {
        DriverArgs in = DriverArgs.decode(args);
        Model model = new Model(ScenarioParser.parse(in.scenarioFile(), JpfDriver.read(in.scenarioFile())), in.config());
        List<Invariant> invariants = in.invariants();
        Invariant cycles = null; // an invariant judged on cycles (CycleSearch.cycleInvariant, not loaded inside JPF)
        for (Invariant i : invariants) if (i.judgesCycles()) cycles = i;
        JpfDriver.warmUp(model, invariants);
        Violation v = cycles == null ? run(model, new InvariantChecker(model, invariants), new Random(0))
            : runWatching(model, new InvariantChecker(model, invariants), new Random(0), cycles);
        if (v != null) {
            System.out.println(JpfDriver.VIOLATION + v.invariant().name() + " " + v.kind());
            throw new AssertionError(v.describe());
        }
    }

    /**
     * Steps until a violation or until nothing can move. No step counter or
     * history is kept: two paths to the same model state must reach the
     * choice with the same program state, or JPF would never match them. That
     * includes this frame's locals: the last step's transition is cleared
     * before the next choice (a JVM local keeps its value across loop
     * iterations), and the choice happens in {@link #choose}, whose frame
     * holds only what the state determines.
     */
    static Violation run(Model model, InvariantChecker check, Random choice) {
        State s = model.initial();
        Violation v = check.state(s);
        while (v == null) {
            Transition t = choose(model, s, choice);
            if (t == null) return check.terminal(s);
            System.out.println(JpfDriver.STEP + t.actor());
            v = check.transition(s, t);
            s = t.after();
            if (v == null) v = check.state(s);
            t = null;
        }
        return v;
    }

    /** Printed when the run starts watching for a cycle without progress (NonProgressCycles reads it). */
    public static final String WATCH = "utrace-jpf watch";
    /** {@link #chooseWatching}'s answer "start watching". */
    private static final Object START_WATCHING = new Object();

    /**
     * {@link #run} with livelock-freedom (an invariant judged on cycles, {@code cycles}): the native engine's
     * {@link utrace.checker.explore.CycleSearch} product, searched by JPF. At each state not yet watched JPF may also choose to start
     * watching (printing {@link #WATCH}); from then on the run takes only steps without progress and checks
     * nothing else (every one of those steps was also taken unwatched). The listener NonProgressCycles
     * (compiled against the user's JPF by {@link JpfCycleListener}) reports a step back into a watched state on
     * JPF's stack: a cycle without progress. Unwatched, a loop through user mode is only JPF's usual visited
     * state. As in {@link #run}, the program state at a choice is the model state, plus {@code watching}.
     */
    static Violation runWatching(Model model, InvariantChecker check, Random choice, Invariant cycles) {
        State s = model.initial();
        Violation v = check.state(s);
        boolean watching = false;
        while (v == null) {
            Object c = chooseWatching(model, s, choice, cycles, watching);
            if (c == null) return watching ? null : check.terminal(s);
            if (c == START_WATCHING) {
                System.out.println(WATCH);
                watching = true;
                c = null;
                continue;
            }
            Transition t = (Transition) c;
            c = null;
            System.out.println(JpfDriver.STEP + t.actor());
            if (!watching) v = check.transition(s, t);
            s = t.after();
            if (v == null && !watching) v = check.state(s);
            t = null;
        }
        return v;
    }

    /**
     * JPF's choice at {@code s}: a step (watching: one without progress), {@link #START_WATCHING} (the last
     * choice, not yet watching), or null if no step can be taken.
     */
    private static Object chooseWatching(Model model, State s, Random choice, Invariant cycles, boolean watching) {
        Transition[] moves = movable(model, s);
        if (moves.length == 0) return null;
        if (watching) {
            int k = 0;
            for (Transition t : moves) if (!cycles.progress(model, t)) moves[k++] = t;
            if (k == 0) return null;
            // k + 1: the last choice ends the run here. It is no behaviour of the model; it only makes sure JPF
            // sees a choice, so a state, at every watched step (a Random.nextInt(1) is none, and a spin of one
            // actor would then run as one JPF transition, its states never matched).
            int c = choice.nextInt(k + 1);
            return c == k ? null : moves[c];
        }
        int c = choice.nextInt(moves.length + 1);
        return c == moves.length ? START_WATCHING : moves[c];
    }

    /** JPF's choice among the actors that can move from {@code s}; null if none can. */
    private static Transition choose(Model model, State s, Random choice) {
        Transition[] moves = movable(model, s);
        if (moves.length == 0) return null;
        return moves[choice.nextInt(moves.length)];
    }

    /**
     * The steps that change the state, in actor order. A step that leaves the
     * state as it is (utrace_barrier retrying) is no move, as in ThreadedRun,
     * where such an actor waits; with none left the run is over, as when
     * {@code Model.canProgress} is false.
     */
    private static Transition[] movable(Model model, State s) {
        int n = model.actorCount();
        Transition[] all = new Transition[n];
        int k = 0;
        for (int a = 0; a < n; a++) {
            Transition t = model.step(s, a);
            if (t != null && !t.after().equals(s)) all[k++] = t;
        }
        Transition[] out = new Transition[k];
        System.arraycopy(all, 0, out, 0, k);
        return out;
    }
}

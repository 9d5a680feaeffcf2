package utrace.checker.threaded;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Drives a {@link ThreadedRun} one unit at a time instead of one actor per
 * thread: a unit is one engine-API call of an owner (to the step that returns
 * it), one signal of the killer, the parent's wait-and-release, or the
 * tracee's life until nothing can move. A checker whose threads run
 * operations (Lincheck) calls {@link #runUnit} from each operation; the
 * steps are still the model's, each atomic under the run's monitor, and a
 * blocked unit waits on that monitor, so only {@code synchronized},
 * {@code wait} and {@code notifyAll} are used (JPF and Lincheck model them).
 * The monitor is released after every step: each step is a monitor enter,
 * which is where Lincheck's model-checking mode may switch threads, so the
 * interleavings explored are exactly the model's step interleavings. All
 * monitor operations ({@code synchronized}, {@code wait}, {@code notifyAll})
 * are in {@link #runUnit} itself; the private helpers only read and write
 * state under the monitor, so a checker may treat them as atomic (except
 * {@code took}, which names each step for a checker's trace).
 *
 * <p>When does a waiting unit give up? Operations come in phases (Lincheck:
 * init, parallel, post), and the runner is told how many units each actor has
 * in each phase. A unit waits while an actor that still has a unit in the
 * current phase can move (that unit's thread will run and notify); when none
 * can, the phase is quiet and the unit ends, incomplete unless it was an
 * {@link Unit#UNTIL_QUIET} unit. So an operation never waits for a later
 * phase (which would be a deadlock), and the tracee's life ends exactly when
 * the calls racing it are over.
 */
public final class CallRunner {
    /** What one operation runs. */
    public enum Unit {
        /** An owner's next scripted call, up to the step that returns it (or the end of wait_stopped). */
        CALL,
        /** The killer's next signal: one send. */
        SIGNAL,
        /** The parent: wait() for the zombie, then release_task(), up to its last step. */
        REAP,
        /** Run the actor (the tracee) until nothing that is still to run in this phase can move. */
        UNTIL_QUIET
    }

    /**
     * What a unit did. {@code completed} is false if it ended because nothing
     * could move; {@code runaway} if it took {@link #UNIT_STEP_LIMIT} steps.
     */
    public record UnitResult(boolean completed, boolean runaway, List<LoggedStep> steps, State end) {}

    /**
     * A unit that takes this many steps is stopped as a runaway: the model's
     * lives are a few dozen steps, so only a livelock (a mutation that keeps
     * the tracee reporting without ever sleeping, say) gets here. Without the
     * bound such a unit would never end.
     */
    public static final int UNIT_STEP_LIMIT = 500;

    /** The same bound for {@link #drain()}, which runs every actor. */
    public static final int DRAIN_LIMIT = 2_000;

    private final ThreadedRun run;
    private final Model model;
    private final int[][] units;
    private int phase;
    private final List<LoggedStep> log = new ArrayList<>();

    /**
     * @param unitsPerPhase {@code unitsPerPhase[p][a]}: how many units actor
     *     {@code a} runs in phase {@code p} (phases run one after the other)
     */
    public CallRunner(ThreadedRun run, int[][] unitsPerPhase) {
        this.run = run;
        this.model = run.model();
        this.units = new int[unitsPerPhase.length][];
        for (int p = 0; p < unitsPerPhase.length; p++) {
            if (unitsPerPhase[p].length != model.actorCount()) {
                throw new IllegalArgumentException("phase " + p + " lists " + unitsPerPhase[p].length
                    + " actors, the model has " + model.actorCount());
            }
            units[p] = unitsPerPhase[p].clone();
        }
        skipEmptyPhases();
    }

    /** Runs actor {@code a}'s next unit of kind {@code kind}; returns when it is done or nothing can move. */
    public UnitResult runUnit(int a, Unit kind) throws InterruptedException {
        List<LoggedStep> mine = new ArrayList<>();
        synchronized (run) {
            if (phase >= units.length || units[phase][a] == 0) {
                throw new IllegalStateException(model.actorName(a) + " has no " + kind + " unit left in phase " + phase
                    + ": the operations and the plan the runner was given disagree");
            }
        }
        while (true) {
            synchronized (run) {
                if (!run.over()) {
                    LoggedStep s = step(a);
                    if (s != null) {
                        took(model.actorName(a) + ": " + s.function());
                        mine.add(s);
                        if (mine.size() >= UNIT_STEP_LIMIT) {
                            UnitResult r = end(a, false, true, mine);
                            run.notifyAll();
                            return r;
                        }
                        // tryStep notified already; doing it here too keeps every wake-up in this
                        // method, so a checker may treat the helpers below as atomic (no switch
                        // points, no tracking) and still see each notify.
                        run.notifyAll();
                        if (completes(kind, a, s)) return end(a, true, false, mine);
                        continue; // leaves the monitor: the next step is a new scheduling point
                    }
                }
                if (run.over() || quiet()) {
                    UnitResult r = end(a, kind == Unit.UNTIL_QUIET && !run.over(), false, mine);
                    run.notifyAll(); // fewer units left can make the phase quiet for those still waiting
                    return r;
                }
                run.wait();
            }
        }
    }

    /**
     * After the last operation: lets every actor run to the end (round robin,
     * deterministic), then has the run check its final-state invariants.
     * Returns the final state, or null if the model did not come to rest
     * within {@link #DRAIN_LIMIT} steps (a livelock).
     */
    public State drain() throws InterruptedException {
        synchronized (run) {
            int steps = 0;
            boolean moved = true;
            while (moved && !run.over()) {
                moved = false;
                for (int a = 0; a < model.actorCount(); a++) {
                    if (step(a) != null) {
                        moved = true;
                        if (++steps >= DRAIN_LIMIT) return null;
                    }
                }
            }
            // Nothing can move: runActor sees that at once and runs the final-state checks.
            if (!run.over()) run.runActor(0);
            return run.state();
        }
    }

    /** Every step taken so far, in order. */
    public List<LoggedStep> log() {
        synchronized (run) {
            return new ArrayList<>(log);
        }
    }

    public State state() { return run.state(); }

    public Model model() { return model; }

    public ThreadedRun run() { return run; }

    /**
     * Does nothing; it names the step just taken. A checker that prints the
     * calls it sees (Lincheck's interleaving table) shows each model step here.
     */
    private static void took(String step) {
        // intentionally empty
    }

    /** Takes actor a's step through the run (which checks the invariants) and logs it; null if a cannot move. */
    private LoggedStep step(int a) {
        State before = run.state();
        // The model is deterministic: this is the transition tryStep takes (it does not hand it out).
        Transition t = model.step(before, a);
        if (t == null || t.after().equals(before)) return null;
        if (!run.tryStep(a)) return null;
        LoggedStep s = new LoggedStep(log.size(), a, t.info().function(), t.obs(), t.after());
        log.add(s);
        return s;
    }

    private boolean completes(Unit kind, int a, LoggedStep s) {
        switch (kind) {
            case CALL: return s.apiReturn() != null || "debugger wait".equals(s.function());
            case SIGNAL: return true;
            case REAP: return model.where(s.after(), a).endsWith("done");
            default: return false;
        }
    }

    /** No actor with a unit still to run in this phase can change the state. */
    private boolean quiet() {
        State s = run.state();
        for (int b = 0; b < model.actorCount(); b++) {
            if (units[phase][b] == 0) continue;
            Transition t = model.step(s, b);
            if (t != null && !t.after().equals(s)) return false;
        }
        return true;
    }

    private UnitResult end(int a, boolean completed, boolean runaway, List<LoggedStep> mine) {
        units[phase][a]--;
        skipEmptyPhases();
        return new UnitResult(completed, runaway, mine, run.state());
    }

    private void skipEmptyPhases() {
        while (phase < units.length && sum(units[phase]) == 0) phase++;
    }

    private static int sum(int[] xs) {
        int n = 0;
        for (int x : xs) n += x;
        return n;
    }
}

package utrace.checker.threaded;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Model;
import utrace.model.Obs;
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
 * init, parallel, post), each phase in threads, and the runner is told which
 * actor's unit each thread runs, in order. A unit waits while the actor of
 * another thread's current or next unit can move (that thread will run it and
 * notify); when none can, the phase is quiet for it and the unit ends,
 * incomplete unless it was an {@link Unit#UNTIL_QUIET} unit. Later units of
 * its own thread do not count: they cannot run before it returns. So an
 * operation never waits for something only a later operation of its own
 * thread or a later phase could do (that would be a deadlock), and the
 * tracee's life ends exactly when the calls racing it are over.
 */
public final class CallRunner {
    /** What one operation runs. */
    public enum Unit {
        /** An owner's next scripted call or the ptrace tracer's next request, up to the step that returns it (or the end of wait_stopped). */
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
    private final int[][][] layout;
    private final int[][] next;
    private int phase;
    private final List<LoggedStep> log = new ArrayList<>();

    /**
     * @param layout {@code layout[p][t]}: the actors whose units thread
     *     {@code t} runs in phase {@code p}, in order (phases run one after
     *     the other; within a phase the threads run concurrently)
     */
    public CallRunner(ThreadedRun run, int[][][] layout) {
        this.run = run;
        this.model = run.model();
        this.layout = new int[layout.length][][];
        this.next = new int[layout.length][];
        for (int p = 0; p < layout.length; p++) {
            this.layout[p] = new int[layout[p].length][];
            for (int t = 0; t < layout[p].length; t++) {
                for (int a : layout[p][t]) {
                    if (a < 0 || a >= model.actorCount()) {
                        throw new IllegalArgumentException("phase " + p + " thread " + t + ": no actor " + a);
                    }
                }
                this.layout[p][t] = layout[p][t].clone();
            }
            this.next[p] = new int[layout[p].length];
        }
        skipFinishedPhases();
    }

    /** Runs actor {@code a}'s next unit of kind {@code kind}; returns when it is done or nothing can move. */
    public UnitResult runUnit(int a, Unit kind) throws InterruptedException {
        List<LoggedStep> mine = new ArrayList<>();
        final int t;
        synchronized (run) {
            t = threadOf(a);
            if (t < 0) {
                throw new IllegalStateException(model.actorName(a) + " has no " + kind + " unit next in phase " + phase
                    + ": the operations and the layout the runner was given disagree");
            }
        }
        while (true) {
            synchronized (run) {
                if (!run.over()) {
                    LoggedStep s = step(a);
                    if (s != null) {
                        took(model.actorName(a) + ": " + s.function() + ": " + s.label());
                        mine.add(s);
                        if (mine.size() >= UNIT_STEP_LIMIT) {
                            UnitResult r = end(t, false, true, mine);
                            run.notifyAll();
                            return r;
                        }
                        // tryStep notified already; doing it here too keeps every wake-up in this
                        // method, so a checker may treat the helpers below as atomic (no switch
                        // points, no tracking) and still see each notify.
                        run.notifyAll();
                        if (completes(kind, a, s)) return end(t, true, false, mine);
                        continue; // leaves the monitor: the next step is a new scheduling point
                    }
                }
                if (run.over() || quiet(t)) {
                    UnitResult r = end(t, kind == Unit.UNTIL_QUIET && !run.over(), false, mine);
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
        LoggedStep s = new LoggedStep(log.size(), a, t.info().function(), t.info().label(), t.obs(), t.after());
        log.add(s);
        return s;
    }

    private boolean completes(Unit kind, int a, LoggedStep s) {
        switch (kind) {
            case CALL: return s.apiReturn() != null || s.has(Obs.Kind.PTRACE_RETURN) || "debugger wait".equals(s.function());
            case SIGNAL: return true;
            case REAP: return model.where(s.after(), a).endsWith("done");
            default: return false;
        }
    }

    /** The thread of this phase whose next unit is actor a's, or -1. */
    private int threadOf(int a) {
        if (phase >= layout.length) return -1;
        for (int t = 0; t < layout[phase].length; t++) {
            if (next[phase][t] < layout[phase][t].length && layout[phase][t][next[phase][t]] == a) return t;
        }
        return -1;
    }

    /** No other thread's current or next unit in this phase can change the state. */
    private boolean quiet(int self) {
        State s = run.state();
        for (int t = 0; t < layout[phase].length; t++) {
            if (t == self || next[phase][t] >= layout[phase][t].length) continue;
            Transition tr = model.step(s, layout[phase][t][next[phase][t]]);
            if (tr != null && !tr.after().equals(s)) return false;
        }
        return true;
    }

    private UnitResult end(int t, boolean completed, boolean runaway, List<LoggedStep> mine) {
        next[phase][t]++;
        skipFinishedPhases();
        return new UnitResult(completed, runaway, mine, run.state());
    }

    private void skipFinishedPhases() {
        while (phase < layout.length && finished(phase)) phase++;
    }

    private boolean finished(int p) {
        for (int t = 0; t < layout[p].length; t++) if (next[p][t] < layout[p][t].length) return false;
        return true;
    }
}

package utrace.checker.threaded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The model run by real threads, one per actor, each model step atomic under
 * this object's monitor. An actor whose next step is not enabled (a lock held
 * by another actor, a sleep nobody ended yet) or would not change the state
 * (utrace_barrier retrying) waits on the monitor until another actor changes
 * the state. When no actor can change the state any more, the run is over and
 * final-state invariants are checked.
 *
 * Engine-agnostic on purpose: Java PathFinder explores the thread
 * interleavings of this class, Lincheck drives it, a plain JVM just runs one
 * interleaving. It uses only {@code synchronized}, {@code wait} and
 * {@code notifyAll}, which JPF and Lincheck both model.
 */
public final class ThreadedRun {
    private final Model model;
    private final InvariantChecker check;
    private State state;
    private Violation violation;
    private boolean over;
    private int started;
    /** The actors' steps so far, or null when they go to {@link #stepLog} instead. */
    private final List<Integer> schedule;
    private final IntConsumer stepLog;

    /** A run that keeps its schedule in memory ({@link #schedule()}). */
    public ThreadedRun(Model model, List<Invariant> invariants) {
        this(model, invariants, null);
    }

    /**
     * A run that hands each step's actor index to {@code stepLog} (under the
     * monitor, in order) and keeps no schedule: a model checker that matches
     * program states (JPF) must not see the run's history in the heap, or two
     * paths to the same model state would never match. {@code null} keeps the
     * schedule in memory as the two-argument constructor does.
     */
    public ThreadedRun(Model model, List<Invariant> invariants, IntConsumer stepLog) {
        this.model = model;
        this.check = new InvariantChecker(model, invariants);
        this.state = model.initial();
        this.violation = check.state(state);
        this.over = violation != null;
        this.schedule = stepLog == null ? new ArrayList<>() : null;
        this.stepLog = stepLog;
    }

    /**
     * Takes actor {@code a}'s next step if it is enabled and changes the
     * state; checks the invariants on it. Returns false if the actor cannot
     * move now (or the run is over).
     */
    public synchronized boolean tryStep(int a) {
        if (over) return false;
        Transition t = model.step(state, a);
        if (t == null || t.after().equals(state)) return false;
        State before = state;
        state = t.after();
        if (schedule != null) schedule.add(a);
        else stepLog.accept(a);
        Violation v = check.transition(before, t);
        if (v == null) v = check.state(state);
        if (v != null) {
            violation = v;
            over = true;
        }
        notifyAll();
        return true;
    }

    /**
     * The body of actor {@code a}'s thread: step whenever possible, wait
     * otherwise, until the run is over. The monitor is released after every
     * step: a re-entered monitor is no scheduling point for JPF (nor a chance
     * for a JVM thread to get in), so holding it across steps would let an
     * actor run until it blocks and hide every interleaving in between. After
     * a wake-up the actor re-checks without letting go of the monitor: that
     * adds no interleaving (nothing else runs while it checks) and leaves JPF
     * one place fewer where a thread can be, i.e. fewer states to match.
     */
    public void runActor(int a) throws InterruptedException {
        while (true) {
            synchronized (this) {
                while (!tryStep(a)) {
                    if (over) return;
                    if (!model.canProgress(state)) {
                        finish();
                        return;
                    }
                    wait();
                }
            }
        }
    }

    /** Nothing can move: check the final-state invariants once and wake everybody. */
    private synchronized void finish() {
        if (over) return;
        over = true;
        Violation v = check.terminal(state);
        if (v != null) violation = v;
        notifyAll();
    }

    /** Runs every actor on its own thread until the run is over; returns the violation or null. */
    public Violation runAllThreads() throws InterruptedException {
        int n = model.actorCount();
        Thread[] threads = new Thread[n];
        for (int a = 0; a < n; a++) {
            final int actor = a;
            threads[a] = new Thread(() -> {
                try {
                    awaitAllStarted(n);
                    runActor(actor);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, model.actorName(a));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        return violation();
    }

    /**
     * No actor steps before every actor's thread is up. Otherwise the first
     * thread started often finishes its whole script alone on a JVM, and
     * under JPF every model state reachable during start-up comes once per
     * way the other threads can be half started (many times the states).
     */
    private synchronized void awaitAllStarted(int n) throws InterruptedException {
        started++;
        notifyAll();
        while (started < n) wait();
    }

    public synchronized Violation violation() { return violation; }

    public synchronized boolean over() { return over; }

    public synchronized State state() { return state; }

    /**
     * The actor schedule so far: replaying it on the model rebuilds every state (and a trace).
     * @throws IllegalStateException if this run hands its steps to a step log instead
     */
    public synchronized List<Integer> schedule() {
        if (schedule == null) throw new IllegalStateException("this run hands its steps to a step log and keeps no schedule");
        return new ArrayList<>(schedule);
    }

    public Model model() { return model; }
}

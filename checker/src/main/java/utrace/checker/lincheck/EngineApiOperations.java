package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;

import utrace.checker.threaded.CallRunner;
import utrace.checker.threaded.CallRunner.Unit;
import utrace.checker.threaded.CallRunner.UnitResult;
import utrace.checker.threaded.LoggedStep;
import utrace.checker.threaded.ThreadedRun;
import utrace.invariants.InvariantSet;
import utrace.invariants.Violation;
import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;

/**
 * The Lincheck test class: each operation is one engine-API call (or the
 * tracee's life, a signal, the parent's reap) run on the real model through
 * {@link CallRunner}, so every model step is atomic under the run's monitor
 * and a blocked call waits on it. Lincheck creates one instance per
 * invocation; its first operation, {@link #begin}, builds the model of the
 * plan it names (see {@link LincheckPlan} for why).
 *
 * <p>Results are strings, as the documentation names them: an owner call
 * returns its errno ("0", "-EINPROGRESS", ...), or "blocked" if it could not
 * finish because nothing else could move; {@link #tracee()} returns where the
 * tracee came to rest ("stopped", "user", "dead", ...); {@link #reap()}
 * returns the engines report_reap was made to.
 *
 * <p>{@link #contracts()} is the {@code @Validate} function: it lets the model
 * run to the end and checks the documented contracts on the recorded steps
 * ({@link Contracts}), and the model's invariants if the plan asked for them.
 */
public class EngineApiOperations {
    /** The result of a unit stopped after {@link CallRunner#UNIT_STEP_LIMIT} steps: the model livelocks. */
    static final String RUNAWAY = "livelock";

    // Set by begin(), which runs alone in the init part before any other operation.
    private Model model;
    private CallRunner runner;
    private Map<String, Integer> actors;

    /** Builds the model of plan {@code id} with a fresh run; "ok". The first init operation of every plan. */
    @Operation
    public String begin(String id) {
        LincheckPlan plan = LincheckPlan.byId(id);
        model = new Model(plan.scenario(), plan.config());
        ThreadedRun run = new ThreadedRun(model, plan.coreInvariants() ? coreInvariants() : List.of());
        runner = new CallRunner(run, plan.unitsPerPhase(model));
        actors = LincheckPlan.actorIndex(model);
        return "ok";
    }

    @Operation
    public String attach(String engine) throws InterruptedException { return call(engine, "attach"); }

    @Operation
    public String setEvents(String engine, String events) throws InterruptedException { return call(engine, "set_events"); }

    @Operation
    public String control(String engine, String action) throws InterruptedException { return call(engine, "control " + action); }

    @Operation
    public String barrier(String engine) throws InterruptedException { return call(engine, "barrier"); }

    @Operation
    public String examine(String engine) throws InterruptedException { return call(engine, "examine"); }

    @Operation
    public String put(String engine) throws InterruptedException { return call(engine, "put"); }

    /** A debugger waiting for the stop it asked for (not an API call): "ok", or "blocked". */
    @Operation
    public String waitStopped(String engine) throws InterruptedException { return call(engine, "wait_stopped"); }

    /** The tracee lives on until nothing still to run in this part can move; returns where it is then. */
    @Operation(nonParallelGroup = "tracee")
    public String tracee() throws InterruptedException {
        int a = actor("tracee");
        UnitResult r = runner.runUnit(a, Unit.UNTIL_QUIET);
        if (r.runaway()) return RUNAWAY;
        return r.completed() ? position(r.end(), a) : "blocked";
    }

    /** The killer sends its next signal. */
    @Operation(nonParallelGroup = "killer")
    public String kill(String signal) throws InterruptedException {
        UnitResult r = runner.runUnit(actor("killer"), Unit.SIGNAL);
        return r.completed() ? "sent" : r.runaway() ? RUNAWAY : "blocked";
    }

    /** The parent waits for the zombie and releases it: the engines report_reap was made to. */
    @Operation(nonParallelGroup = "parent")
    public String reap() throws InterruptedException {
        UnitResult r = runner.runUnit(actor("parent"), Unit.REAP);
        if (!r.completed()) return r.runaway() ? RUNAWAY : "blocked";
        List<String> reaped = new ArrayList<>();
        for (LoggedStep s : r.steps()) {
            for (Obs o : s.obs()) {
                if (o.liveCallback() && o.code() == Events.REAP) reaped.add(model.engineName(o.engine()));
            }
        }
        return "report_reap" + reaped;
    }

    /** After the post part: run the model to rest, then check the contracts on what happened. */
    @Validate
    public void contracts() throws InterruptedException {
        State end = runner.drain();
        if (end == null) throw new ContractViolation("livelock: the model did not come to rest within " + CallRunner.DRAIN_LIMIT + " steps");
        Violation v = runner.run().violation();
        if (v != null) throw new ContractViolation("model invariant " + v.invariant().name() + ": " + v.describe());
        String broken = Contracts.check(model, runner.log(), end);
        if (broken != null) throw new ContractViolation(broken);
    }

    private static List<utrace.invariants.Invariant> coreInvariants() {
        try {
            return InvariantSet.shipped("core").invariants();
        } catch (utrace.invariants.InvariantSetException e) {
            throw new IllegalStateException("the shipped 'core' invariant set is missing", e);
        }
    }

    private String call(String engine, String expected) throws InterruptedException {
        int a = actor("owner " + engine);
        String where = model.where(runner.state(), a);
        // The owner's script was written from the same plan; a mismatch is a bug in the plan, not in the model.
        if (!where.startsWith("utrace_" + expected)) {
            throw new IllegalStateException("owner " + engine + " is at '" + where + "', the operation expected " + expected);
        }
        UnitResult r = runner.runUnit(a, Unit.CALL);
        if (!r.completed()) return r.runaway() ? RUNAWAY : "blocked";
        LoggedStep last = r.steps().get(r.steps().size() - 1);
        Obs ret = last.apiReturn();
        return ret == null ? "ok" : Errno.name(ret.ret());
    }

    private int actor(String key) {
        Integer a = actors.get(key);
        if (a == null) throw new IllegalStateException("the model has no actor '" + key + "'");
        return a;
    }

    /** Where the tracee came to rest, in the documentation's words. */
    private String position(State s, int tracee) {
        if (model.traceeDead(s)) return "dead";
        if (model.traceeInUtraceStop(s)) return "stopped";
        String w = model.where(s, tracee);
        if (w.startsWith("user mode")) return "user";
        if (w.startsWith("do_signal_stop")) return "group-stopped";
        return "at " + w;
    }

    /** A documented contract (or, with core invariants on, a model invariant) does not hold. */
    public static final class ContractViolation extends AssertionError {
        ContractViolation(String message) { super(message); }
    }
}

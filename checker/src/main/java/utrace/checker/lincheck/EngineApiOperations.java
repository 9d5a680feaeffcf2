package utrace.checker.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;

import utrace.checker.threaded.CallRunner;

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

    // Set by begin(), which runs alone in the init part before any other operation. One field, read once
    // per operation: every other reference is final inside PlanRun, and a final field is no scheduling
    // point for Lincheck, so the interleavings it explores are those of the monitor (model steps).
    private PlanRun run;

    /** Builds the model of plan {@code id} with a fresh run; "ok". The first init operation of every plan. */
    @Operation
    public String begin(String id) {
        run = new PlanRun(LincheckPlan.byId(id));
        return "ok";
    }

    @Operation
    public String attach(String engine) throws InterruptedException { return run.call(engine, "attach"); }

    /** utrace_attach_task(UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE): "ok" or -EEXIST, -ESRCH. */
    @Operation
    public String attachExclusive(String engine) throws InterruptedException { return run.call(engine, "attach exclusive"); }

    @Operation
    public String setEvents(String engine, String events) throws InterruptedException { return run.call(engine, "set_events"); }

    @Operation
    public String control(String engine, String action) throws InterruptedException { return run.call(engine, "control " + action); }

    @Operation
    public String barrier(String engine) throws InterruptedException { return run.call(engine, "barrier"); }

    @Operation
    public String examine(String engine) throws InterruptedException { return run.call(engine, "examine"); }

    @Operation
    public String put(String engine) throws InterruptedException { return run.call(engine, "put"); }

    /** A debugger waiting for the stop it asked for (not an API call): "ok", or "blocked". */
    @Operation
    public String waitStopped(String engine) throws InterruptedException { return run.call(engine, "wait_stopped"); }

    /** The ptrace tracer's next request (attach, wait, cont, syscall, detach, ...): its return code. */
    @Operation(nonParallelGroup = "ptrace")
    public String ptrace(String request) throws InterruptedException { return run.ptrace(request); }

    /** The tracee lives on until nothing still to run in this part can move; returns where it is then. */
    @Operation(nonParallelGroup = "tracee")
    public String tracee() throws InterruptedException { return run.tracee(); }

    /** The killer sends its next signal. */
    @Operation(nonParallelGroup = "killer")
    public String kill(String signal) throws InterruptedException { return run.kill(); }

    /** The parent waits for the zombie and releases it: the engines report_reap was made to. */
    @Operation(nonParallelGroup = "parent")
    public String reap() throws InterruptedException { return run.reap(); }

    /** After the post part: run the model to rest, then check the contracts on what happened. */
    @Validate
    public void contracts() throws InterruptedException { run.contracts(); }

    /** A documented contract (or, with core invariants on, a model invariant) does not hold. */
    public static final class ContractViolation extends AssertionError {
        ContractViolation(String message) { super(message); }
    }
}

package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import utrace.checker.threaded.CallRunner;
import utrace.checker.threaded.CallRunner.Unit;
import utrace.checker.threaded.CallRunner.UnitResult;
import utrace.checker.threaded.LoggedStep;
import utrace.checker.threaded.ThreadedRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.invariants.Violation;
import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;

/**
 * One invocation's model run: the model of a plan, its threaded run and the
 * unit driver, and what each operation returns. Everything is final, so
 * reading it is no scheduling point for Lincheck.
 */
final class PlanRun {
    private final Model model;
    private final CallRunner runner;
    private final Map<String, Integer> actors;

    PlanRun(LincheckPlan plan) {
        model = new Model(plan.scenario(), plan.config());
        ThreadedRun run = new ThreadedRun(model, plan.coreInvariants() ? coreInvariants() : List.of());
        runner = new CallRunner(run, plan.layout(model));
        actors = LincheckPlan.actorIndex(model);
    }

    /** An owner's next call: its errno name, "ok" for wait_stopped, "blocked" if it could not finish. */
    String call(String engine, String expected) throws InterruptedException {
        int a = actor("owner " + engine);
        String where = model.where(runner.state(), a);
        // The owner's script was written from the same plan; a mismatch is a bug in the plan, not in the model.
        if (!where.startsWith("utrace_" + expected)) {
            throw new IllegalStateException("owner " + engine + " is at '" + where + "', the operation expected " + expected);
        }
        UnitResult r = runner.runUnit(a, Unit.CALL);
        if (!r.completed()) return r.runaway() ? EngineApiOperations.RUNAWAY : "blocked";
        Obs ret = r.steps().get(r.steps().size() - 1).apiReturn();
        return ret == null ? "ok" : Errno.name(ret.ret());
    }

    String ptrace(String request) throws InterruptedException {
        UnitResult r = runner.runUnit(actor("ptrace"), Unit.CALL);
        if (!r.completed()) return r.runaway() ? EngineApiOperations.RUNAWAY : "blocked";
        for (Obs o : r.steps().get(r.steps().size() - 1).obs()) {
            if (o.kind() == Obs.Kind.PTRACE_RETURN) return Errno.name(o.ret());
        }
        throw new IllegalStateException("ptrace request " + request + " ended without returning");
    }

    String tracee() throws InterruptedException {
        int a = actor("tracee");
        UnitResult r = runner.runUnit(a, Unit.UNTIL_QUIET);
        if (r.runaway()) return EngineApiOperations.RUNAWAY;
        return r.completed() ? position(r.end(), a) : "blocked";
    }

    String kill() throws InterruptedException {
        UnitResult r = runner.runUnit(actor("killer"), Unit.SIGNAL);
        return r.completed() ? "sent" : r.runaway() ? EngineApiOperations.RUNAWAY : "blocked";
    }

    String reap() throws InterruptedException {
        UnitResult r = runner.runUnit(actor("parent"), Unit.REAP);
        if (!r.completed()) return r.runaway() ? EngineApiOperations.RUNAWAY : "blocked";
        List<String> reaped = new ArrayList<>();
        for (LoggedStep s : r.steps()) {
            for (Obs o : s.obs()) {
                if (o.liveCallback() && o.code() == Events.REAP) reaped.add(model.engineName(o.engine()));
            }
        }
        return "report_reap" + reaped;
    }

    void contracts() throws InterruptedException {
        State end = runner.drain();
        if (end == null) {
            throw new EngineApiOperations.ContractViolation("livelock: the model did not come to rest within "
                + CallRunner.DRAIN_LIMIT + " steps");
        }
        Violation v = runner.run().violation();
        if (v != null) throw new EngineApiOperations.ContractViolation("model invariant " + v.invariant().name() + ": " + v.describe());
        String broken = Contracts.check(model, runner.log(), end);
        if (broken != null) throw new EngineApiOperations.ContractViolation(broken);
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

    private static List<Invariant> coreInvariants() {
        try {
            return InvariantSet.shipped("core").invariants();
        } catch (InvariantSetException e) {
            throw new IllegalStateException("the shipped 'core' invariant set is missing", e);
        }
    }
}

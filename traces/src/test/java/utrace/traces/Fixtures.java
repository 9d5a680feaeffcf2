package utrace.traces;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/** Traces built from real counterexamples, and ways to tamper with them. */
final class Fixtures {
    private Fixtures() {}

    /** reap-races-death + reap-not-deferred: a TRANSITION violation, actors tracee and parent. */
    static Trace reapTrace() throws Exception {
        Counterexamples.Found f = Counterexamples.reapNotDeferred();
        return TraceBuilder.build(f.model(), f.schedule(), f.violation());
    }

    /** stop-then-kill + utrace-stop-ignores-fatal-signal: a TERMINAL violation with tracee, owner, killer. */
    static Counterexamples.Found stopThenKill() throws Exception {
        Mutation mu = Mutation.UTRACE_STOP_IGNORES_FATAL_SIGNAL;
        Model m = new Model(Scenarios.load(mu.scenario), ModelConfig.fullSeries().withMutations(EnumSet.of(mu)));
        return Counterexamples.bfs(m);
    }

    static Trace withSteps(Trace t, List<Trace.Step> steps) {
        return new Trace(t.schemaVersion(), t.tool(), t.scenario(), t.config(), t.invariant(), t.violation(),
            t.initialFingerprint(), steps, t.finalState());
    }

    static Trace withStep(Trace t, int index1, Trace.Step s) {
        List<Trace.Step> steps = new ArrayList<>(t.steps());
        steps.set(index1 - 1, s);
        return withSteps(t, steps);
    }

    static Trace.Step withFingerprint(Trace.Step s, String fp) {
        return new Trace.Step(s.index(), s.actor(), s.actorName(), s.role(), s.label(), s.function(), s.patch(),
            s.detail(), fp, s.changes());
    }

    static Trace.Step withActor(Trace.Step s, int actor) {
        return new Trace.Step(s.index(), actor, s.actorName(), s.role(), s.label(), s.function(), s.patch(),
            s.detail(), s.fingerprint(), s.changes());
    }

    static Trace withConfig(Trace t, Trace.ConfigInfo c) {
        return new Trace(t.schemaVersion(), t.tool(), t.scenario(), c, t.invariant(), t.violation(),
            t.initialFingerprint(), t.steps(), t.finalState());
    }

    static Trace withInvariant(Trace t, String name) {
        return new Trace(t.schemaVersion(), t.tool(), t.scenario(), t.config(),
            new Trace.InvariantInfo(name, t.invariant().statement()), t.violation(), t.initialFingerprint(),
            t.steps(), t.finalState());
    }
}

package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.checker.lincheck.spec.ZombieReapSpec;
import utrace.model.ModelConfig;

/**
 * Calls on a zombie racing the reap: the tracee exits first (its death report
 * is over), then the owners of E1 and E2 call control (every action),
 * set_events and examine (E2 sometimes attaches first) while the parent
 * waits for the zombie and releases it. utrace_barrier is the
 * barrier-vs-reap probe's (finding 10).
 */
final class ZombieReap implements Situation {
    private static final String[] MASKS = {"REAP", "DEATH|REAP", "QUIESCE|DEATH|REAP", "EXIT|DEATH|REAP", "QUIESCE"};

    @Override public String name() { return "zombie-reap"; }

    @Override public String claim() {
        return "control (DETACH and the rest), set_events, examine, attach, put by two owners on a zombie "
            + "whose death report is over, racing the parent's release_task (report_reap)";
    }

    @Override public Class<?> specification() { return ZombieReapSpec.class; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        boolean e2Preattached = rnd.nextBoolean();
        String header = "scenario lincheck-zombie-reap\n"
            + "description E1 and E2 call the engine API on a zombie while its parent reaps it.\n"
            + "engine E1 preattached events=" + MASKS[rnd.nextInt(MASKS.length)] + "\n"
            + "engine E2" + (e2Preattached ? " preattached events=" + MASKS[rnd.nextInt(MASKS.length)] : "") + "\n"
            + "tracee exit\n";
        // No set_events mask with QUIESCE or DEATH: keeping them on a zombie defeats the reap
        // (the zombie-set-events-vs-reap probe); newly asking for them is -EALREADY, checked there too.
        // No utrace_barrier: it returns -ESRCH while the reap's report_reap runs (docs/findings.md, finding 10,
        // which this situation found once report_reap became a step of its own; the barrier-vs-reap probe).
        List<PlannedOp> e1 = OwnerCalls.random(rnd, "E1", true, 1 + rnd.nextInt(3), OwnerCalls.ACTIONS,
            OwnerCalls.MASKS_NO_DEATH, false);
        List<PlannedOp> e2 = OwnerCalls.random(rnd, "E2", e2Preattached, 1 + rnd.nextInt(3), OwnerCalls.ACTIONS,
            OwnerCalls.MASKS_NO_DEATH, false);
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(e1, e2, List.of(PlannedOp.reap())), List.of(), config);
    }
}

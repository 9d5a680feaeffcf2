package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.checker.lincheck.spec.ZombieReapSpec;
import utrace.model.ModelConfig;

/**
 * A probe, and a finding: on a zombie whose death report is over, E1's owner
 * calls utrace_set_events with a mask that keeps QUIESCE or DEATH (allowed:
 * only newly asking for them is -EALREADY) while the parent reaps. The call
 * puts the death bits back into utrace_flags, so release_task's
 * utrace_maybe_reap defers the reap to a death report that is already over:
 * no report_reap for E2, engines never detached. The specification
 * (ZombieReapSpec) says the reap still happens, so Lincheck is expected to
 * find results it cannot produce.
 */
final class ZombieKeepsDeathEvents implements Situation {
    private static final String[] MASKS = {"QUIESCE", "DEATH|REAP", "QUIESCE|DEATH|REAP"};

    @Override public String name() { return "zombie-set-events-vs-reap"; }

    @Override public String claim() {
        return "set_events keeping QUIESCE or DEATH on a zombie whose death report is over, racing release_task";
    }

    @Override public Class<?> specification() { return ZombieReapSpec.class; }

    @Override public boolean expectHolds() { return false; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String mask = MASKS[rnd.nextInt(MASKS.length)];
        String header = "scenario lincheck-zombie-set-events-vs-reap\n"
            + "description E1 keeps its death events on the zombie while the parent reaps it; E2 wants REAP.\n"
            + "engine E1 preattached events=" + mask + "\n"
            + "engine E2 preattached events=REAP\n"
            + "tracee exit\n";
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(List.of(PlannedOp.setEvents("E1", mask + "|EXIT")), List.of(PlannedOp.reap())), List.of(), config);
    }
}

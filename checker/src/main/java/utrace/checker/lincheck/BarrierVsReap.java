package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * A probe, and a finding (docs/findings.md, finding 10, the reap's half): E1 wants REAP; on the zombie, its owner
 * detaches and waits in utrace_barrier while the parent reaps. get_utrace_lock answers -ESRCH once utrace->reap is
 * set, while the teardown's report_reap to E1 still runs. The zombie-reap situation found it (3 plans x 40
 * invocations) when report_reap became a step of its own. As there, the tracee has exited before the owner and
 * the parent start (the shipped scenario barrier-during-reap-report lets it exit meanwhile, a larger space for
 * Lincheck's sampler). No sequential specification: the barrier-means-quiet contract is expected to break.
 */
final class BarrierVsReap implements Situation {
    @Override public String name() { return "barrier-vs-reap"; }

    @Override public String claim() {
        return "utrace_barrier after a DETACH that met the reap: -ESRCH only once report_reap has returned";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return false; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-barrier-vs-reap\n"
            + "description E1's owner detaches and waits in utrace_barrier while the parent reaps the zombie.\n"
            + "engine E1 preattached events=REAP\n"
            + "tracee exit\n";
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(List.of(PlannedOp.control("E1", "DETACH"), PlannedOp.barrier("E1")), List.of(PlannedOp.reap())),
            List.of(), config);
    }
}

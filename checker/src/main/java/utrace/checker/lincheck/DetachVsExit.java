package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import utrace.checker.lincheck.spec.AtomicExitSpec;
import utrace.model.ModelConfig;

/**
 * A probe: the owner of E1 detaches (or changes its events, or waits in
 * utrace_barrier) while the tracee exits and reaps itself, checked
 * against a specification in which exit is atomic. Expected to fail: the
 * documented -EINPROGRESS and -EALREADY are exactly the non-atomic answers.
 */
final class DetachVsExit implements Situation {
    private static final String[] MASKS = {"QUIESCE|EXIT|DEATH|REAP", "DEATH|REAP", "EXIT|DEATH|REAP"};

    @Override public String name() { return "detach-vs-exit"; }

    @Override public String claim() {
        return "control(DETACH), set_events, barrier racing the tracee's exit, death report and reap "
            + "(it autoreaps), against a specification in which exit is one atomic step";
    }

    @Override public Class<?> specification() { return AtomicExitSpec.class; }

    @Override public boolean expectHolds() { return false; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-detach-vs-exit\n"
            + "description E1's owner detaches while the tracee exits and reaps itself.\n"
            + "engine E1 preattached events=" + MASKS[rnd.nextInt(MASKS.length)] + "\n"
            + "tracee exit\n";
        List<PlannedOp> e1 = new ArrayList<>();
        if (rnd.nextBoolean()) e1.add(PlannedOp.setEvents("E1", rnd.nextBoolean() ? "REAP" : "DEATH|REAP"));
        e1.add(PlannedOp.control("E1", "DETACH"));
        if (rnd.nextBoolean()) e1.add(PlannedOp.barrier("E1"));
        // No parent: the tracee reaps itself at the end of its exit, so the whole life is the one
        // operation tracee() and only the documented return codes can break the atomic specification.
        return new LincheckPlan(id, name(), header, List.of(), List.of(e1, List.of(PlannedOp.tracee())), List.of(), config);
    }
}

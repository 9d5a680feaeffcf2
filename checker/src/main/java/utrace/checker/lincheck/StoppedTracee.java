package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.checker.lincheck.spec.StoppedTraceeSpec;
import utrace.model.ModelConfig;

/**
 * Any call on a stopped tracee: E0 (no owner) stops the tracee at its
 * syscall entry and never lets go; the owners of E1 and E2 then call
 * set_events, control (every action), barrier and examine (E2 sometimes
 * attaches first, so attach races the other owner too) while the tracee
 * thread is ready to run if anything wakes it.
 */
final class StoppedTracee implements Situation {
    @Override public String name() { return "stopped-tracee"; }

    @Override public String claim() {
        return "attach, set_events, control (all actions), barrier, examine, put by two owners on a tracee "
            + "another engine holds in a utrace stop throughout";
    }

    @Override public Class<?> specification() { return StoppedTraceeSpec.class; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        boolean e2Preattached = rnd.nextBoolean();
        String m1 = OwnerCalls.MASKS[rnd.nextInt(OwnerCalls.MASKS.length)];
        String m2 = OwnerCalls.MASKS[rnd.nextInt(OwnerCalls.MASKS.length)];
        String header = "scenario lincheck-stopped-tracee\n"
            + "description E1 and E2 call the engine API while E0 holds the tracee in a utrace stop.\n"
            + "engine E0 preattached events=SYSCALL_ENTRY\n"
            + "callback E0 syscall_entry=STOP\n"
            + "engine E1 preattached events=" + m1 + "\n"
            + "engine E2" + (e2Preattached ? " preattached events=" + m2 : "") + "\n"
            + "tracee syscall\n";
        List<PlannedOp> e1 = OwnerCalls.random(rnd, "E1", true, 1 + rnd.nextInt(3), OwnerCalls.ACTIONS, OwnerCalls.MASKS);
        List<PlannedOp> e2 = OwnerCalls.random(rnd, "E2", e2Preattached, 1 + rnd.nextInt(3), OwnerCalls.ACTIONS, OwnerCalls.MASKS);
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(e1, e2, List.of(PlannedOp.tracee())), List.of(), config);
    }
}

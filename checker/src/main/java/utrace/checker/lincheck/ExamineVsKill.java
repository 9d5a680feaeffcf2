package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * PATCHES.md guarantee 10 on its own: E1 holds the tracee at syscall entry (reached in the init part), its
 * owner waits for the stop and examines the tracee while SIGKILL may wake it, and the tracee's life goes on in
 * a thread of its own. utrace_finish_examine() may return 0 only if the tracee stayed unscheduled since
 * utrace_prepare_examine() (contract examine-means-unscheduled). The shipped scenario examine-vs-sigkill runs the
 * tracee's whole life from user mode in the parallel part; Lincheck's sampler did not reach the window there
 * (3 plans x 5,000 invocations with finish-examine-skips-recheck), so here the stop is reached before the race,
 * as in barrier-vs-reap.
 */
final class ExamineVsKill implements Situation {
    @Override public String name() { return "examine-vs-kill"; }

    @Override public String claim() {
        return "utrace_prepare_examine/utrace_finish_examine on a tracee held stopped while SIGKILL may wake it: "
            + "0 from utrace_finish_examine only if the tracee stayed unscheduled";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-examine-vs-kill\n"
            + "description E1 holds the tracee at syscall entry; its owner examines it while SIGKILL may wake it.\n"
            + "engine E1 preattached events=QUIESCE|SYSCALL_ENTRY\n"
            + "callback E1 syscall_entry=STOP\n"
            + "tracee syscall\n";
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(List.of(PlannedOp.waitStopped("E1"), PlannedOp.examine("E1")),
                List.of(PlannedOp.kill("SIGKILL"), PlannedOp.tracee())),
            List.of(), config);
    }
}

package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * PATCHES.md guarantee 6 where utrace_finish_stop's spin_unlock_wait matters ("If we were task_is_utraced() and
 * then SIGKILL'ed, make sure we do nothing until the tracer drops utrace->lock"): E1 and E2 hold the tracee in its
 * tracing stop after a system call (reached in the init part); E1's owner detaches E1 while SIGKILL wakes the
 * tracee, whose life goes on in the killer's thread. A 0 from utrace_control(DETACH) means no callback to E1 is
 * running or will be made (contract detach-is-final). The shipped scenario detach-while-sigkill-wakes runs the
 * tracee's whole life from user mode in the parallel part: there Lincheck's sampler did not meet the one-step window
 * of finish-stop-skips-unlock-wait (1 plan x 3,000 invocations, `checker lincheck --each-mutation`), so here the
 * stop is reached before the race, as in examine-vs-kill. Not in the default run: `--each-mutation` runs it for that
 * mutation, `--situation detach-vs-sigkill-wake` by name.
 */
final class DetachVsSigkillWake implements Situation {
    @Override public String name() { return "detach-vs-sigkill-wake"; }

    @Override public String claim() {
        return "utrace_control(DETACH) on a tracee in its tracing stop while SIGKILL wakes it: after 0, no callback "
            + "to the engine (detach-is-final)";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-detach-vs-sigkill-wake\n"
            + "description E1 and E2 hold the tracee in its tracing stop; E1's owner detaches E1 while SIGKILL wakes it.\n"
            + "engine E1 preattached events=QUIESCE|SYSCALL_EXIT|EXIT\n"
            + "callback E1 quiesce=STOP syscall_exit=STOP exit=STOP\n"
            + "engine E2 preattached events=QUIESCE\n"
            + "callback E2 quiesce=STOP\n"
            + "tracee syscall\n";
        return new LincheckPlan(id, name(), header, List.of(PlannedOp.tracee()),
            List.of(List.of(PlannedOp.waitStopped("E1"), PlannedOp.control("E1", "DETACH")),
                List.of(PlannedOp.kill("SIGKILL"), PlannedOp.tracee())),
            List.of(), config);
    }
}

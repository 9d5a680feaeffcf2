package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * Patch 25's second race, where ptrace_set_syscall_trace(false)'s task_utrace_lock matters: the tracee sits in its
 * ptrace stop (reached in the init part); the tracer resumes it with PTRACE_CONT or detaches (both clear ptrace's
 * syscall tracing) while E1's owner asks for a system-call event (utrace_set_events sets TIF_SYSCALL_TRACE for the
 * first such engine). The tracee's return to user mode must find the flag set (contract ptrace-syscall-stops), and
 * its next system call reported (events-reported). The shipped scenario cont-races-engine-syscall-events runs the
 * tracee's whole life from user mode in the parallel part: there Lincheck's sampler did not meet the window of
 * set-syscall-trace-skips-lock (1 plan x 4,000 invocations), so here the stop is reached before the race, as in
 * ptrace-syscall-vs-detach. Not in the default run: `--each-mutation` runs it for that mutation,
 * `--situation ptrace-resume-vs-set-events` by name.
 */
final class PtraceResumeVsSetEvents implements Situation {
    private static final String[] REQUESTS = {"cont", "detach"};

    @Override public String name() { return "ptrace-resume-vs-set-events"; }

    @Override public String claim() {
        return "PTRACE_CONT or PTRACE_DETACH (ptrace_set_syscall_trace(false)) racing utrace_set_events that asks for "
            + "a system-call event: the tracee does not return to user mode with TIF_SYSCALL_TRACE clear, and its next "
            + "system call is reported";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-ptrace-resume-vs-set-events\n"
            + "description The tracer resumes or detaches its stopped tracee while E1's owner asks for system-call events.\n"
            + "engine E1 preattached events=QUIESCE\n"
            + "tracee syscall syscall\n";
        List<PlannedOp> init = List.of(PlannedOp.ptrace("attach"), PlannedOp.tracee(), PlannedOp.ptrace("wait"));
        return new LincheckPlan(id, name(), header, init,
            List.of(List.of(PlannedOp.setEvents("E1", "QUIESCE|SYSCALL_ENTRY")),
                List.of(PlannedOp.ptrace(REQUESTS[rnd.nextInt(REQUESTS.length)]))),
            List.of(PlannedOp.tracee()), config);
    }
}

package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * ptrace asks for syscall stops (PTRACE_SYSCALL, so ptrace_set_syscall_trace)
 * while an engine that traces syscalls detaches (utrace_control(DETACH), so
 * utrace_reset) and the tracee makes system calls: the ptrace-tests case
 * tif-syscall-trace-after-detach. Patches 23 and 25 make TIF_SYSCALL_TRACE
 * survive: without 23 utrace_reset clears it under ptrace's feet, without 25
 * ptrace_set_syscall_trace races utrace_reset and the flag is lost.
 */
final class PtraceSyscallVsDetach implements Situation {
    private static final String[] MASKS = {"QUIESCE|SYSCALL_ENTRY", "SYSCALL_ENTRY", "QUIESCE|SYSCALL_ENTRY|SYSCALL_EXIT"};

    @Override public String name() { return "ptrace-syscall-vs-detach"; }

    @Override public String claim() {
        return "PTRACE_SYSCALL (ptrace_set_syscall_trace) racing utrace_control(DETACH) (utrace_reset) of a "
            + "syscall-tracing engine while the tracee makes system calls: ptrace's syscall stops are not lost";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-ptrace-syscall-vs-detach\n"
            + "description ptrace asks for syscall stops while a syscall-tracing engine detaches.\n"
            + "engine E1 preattached events=" + MASKS[rnd.nextInt(MASKS.length)] + "\n"
            + "tracee syscall syscall\n";
        List<PlannedOp> owner = new ArrayList<>();
        owner.add(PlannedOp.control("E1", "DETACH"));
        if (rnd.nextBoolean()) owner.add(PlannedOp.barrier("E1"));
        // The attach and its initial stop happen first (init part), so that the parallel part is the
        // race itself: PTRACE_SYSCALL against DETACH. The tracee sits in its ptrace stop until
        // PTRACE_SYSCALL wakes it; it then makes its next system call in the post part (a thread of
        // its own would only multiply the interleavings without opening a new window).
        List<PlannedOp> init = List.of(PlannedOp.ptrace("attach"), PlannedOp.tracee(), PlannedOp.ptrace("wait"));
        return new LincheckPlan(id, name(), header, init,
            List.of(owner, List.of(PlannedOp.ptrace("syscall"))), List.of(PlannedOp.tracee()), config);
    }
}

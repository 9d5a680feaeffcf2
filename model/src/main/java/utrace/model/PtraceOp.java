package utrace.model;

import java.util.Locale;

/** One request in the ptrace tracer's script. */
public enum PtraceOp {
    /** PTRACE_ATTACH: PT_PTRACED and a forced SIGSTOP (the initial stop). */
    ATTACH,
    /** wait(): the tracee sits in a ptrace stop (or is dead); collects the stop. */
    WAIT,
    /** PTRACE_CONT with signal 0. */
    CONT,
    /** PTRACE_SYSCALL: stop at the next syscall entry and exit. */
    SYSCALL,
    /** PTRACE_SINGLESTEP. */
    SINGLESTEP,
    /** PTRACE_SINGLEBLOCK. */
    SINGLEBLOCK,
    /** PTRACE_SYSEMU: stop at syscall entry, the syscall is not run. */
    SYSEMU,
    /** PTRACE_DETACH with signal 0. */
    DETACH,
    /** The tracer exits: exit_ptrace() detaches without ptrace_check_attach(). */
    EXIT;

    public final String word = name().toLowerCase(Locale.ROOT);

    public static PtraceOp parse(String w) {
        for (PtraceOp op : values()) if (op.word.equals(w)) return op;
        return null;
    }

    public boolean resumes() {
        return this == CONT || this == SYSCALL || this == SINGLESTEP || this == SINGLEBLOCK || this == SYSEMU;
    }

    public String request() {
        return "PTRACE_" + name();
    }
}

package utrace.model;

import java.util.Locale;

/** One request in the ptrace tracer's script. */
public enum PtraceOp {
    /** PTRACE_ATTACH: PT_PTRACED and a forced SIGSTOP (the initial stop). */
    ATTACH,
    /** wait(): waitpid(child): a ptrace stop or the child's exit (wait_task_stopped, wait_task_zombie). */
    WAIT,
    /** PTRACE_CONT (with the signal to deliver, or 0). */
    CONT,
    /** PTRACE_SYSCALL: stop at the next syscall entry and exit. */
    SYSCALL,
    /** PTRACE_SINGLESTEP. */
    SINGLESTEP,
    /** PTRACE_SINGLEBLOCK. */
    SINGLEBLOCK,
    /** PTRACE_SYSEMU: stop at syscall entry, the syscall is not run. */
    SYSEMU,
    /** PTRACE_DETACH (with the signal to deliver, or 0). */
    DETACH,
    /** The tracer exits: exit_ptrace() detaches without ptrace_check_attach(). */
    EXIT,
    /** PTRACE_KILL: ptrace_resume(child, SIGKILL) after ptrace_check_attach(child, ignore_state). */
    KILL,
    /** PTRACE_PEEKUSER: only ptrace_check_attach() matters to the model (the tracee must be in a ptrace stop). */
    PEEK;

    public final String word = name().toLowerCase(Locale.ROOT);

    public static PtraceOp parse(String w) {
        for (PtraceOp op : values()) if (op.word.equals(w)) return op;
        return null;
    }

    public boolean resumes() {
        return this == CONT || this == SYSCALL || this == SINGLESTEP || this == SINGLEBLOCK || this == SYSEMU;
    }

    /** The requests whose data argument is a signal to deliver (ptrace_resume, ptrace_detach). */
    public boolean takesSignal() {
        return resumes() || this == DETACH;
    }

    public String request() {
        return "PTRACE_" + name();
    }
}

package utrace.model;

/** One step of the tracee's scripted life (it starts in user mode). */
public enum TraceeOp {
    /** Enter the kernel by a system call: entry report, body, exit report, return to user. */
    SYSCALL("syscall"),
    /** Call exit(): report_exit, exit_notify, report_death, then the task is gone. */
    EXIT("exit");

    public final String word;
    TraceeOp(String word) { this.word = word; }
}

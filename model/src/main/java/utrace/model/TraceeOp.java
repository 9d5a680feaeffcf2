package utrace.model;

/**
 * One step of the tracee's scripted life (it starts in user mode): a system
 * call, a system call with a body the model acts out (PTRACE_TRACEME, a
 * signal to itself, sigprocmask), or exit().
 */
public record TraceeOp(Kind kind, int arg) {
    public enum Kind {
        /** Enter the kernel by a system call: entry report, body, exit report, return to user. */
        SYSCALL("syscall"),
        /** ptrace(PTRACE_TRACEME): the real parent becomes the tracer (ptrace_traceme). */
        TRACEME("traceme"),
        /** raise(SIG) = tgkill(getpid(), gettid(), SIG): the signal goes to task->pending. */
        RAISE("raise"),
        /** kill(getpid(), SIG): the signal goes to signal->shared_pending. */
        KILL("kill"),
        /** exit(CODE): report_exit, exit_notify, report_death, then the task is gone. */
        EXIT("exit"),
        /** sigprocmask(SIG_BLOCK, {SIG}): set_current_blocked() adds SIG to task->blocked under siglock. */
        BLOCK("block"),
        /** sigprocmask(SIG_UNBLOCK, {SIG}): set_current_blocked() takes SIG out of task->blocked, recalc_sigpending(). */
        UNBLOCK("unblock"),
        /**
         * read() from a file with no data ever (ptrace-tests eintr-on-attach: an inotify fd): sleeps in
         * TASK_INTERRUPTIBLE until a signal is pending, then returns -ERESTARTSYS, which do_signal restarts (the
         * handlers are installed with signal(), so SA_RESTART) and never shows the program.
         */
        READ("read"),
        /** pause(): sleeps in TASK_INTERRUPTIBLE until a signal; -ERESTARTNOHAND: -EINTR after a handler, else restarted. */
        PAUSE("pause");

        public final String word;
        Kind(String word) { this.word = word; }
    }

    public static final TraceeOp SYSCALL = new TraceeOp(Kind.SYSCALL, 0);
    /** exit(0). */
    public static final TraceeOp EXIT = new TraceeOp(Kind.EXIT, 0);

    /** The system calls whose body the model acts out at the end of syscall entry (see TraceeSyscall.SYS_BODY). */
    public boolean hasBody() {
        return kind == Kind.TRACEME || kind == Kind.RAISE || kind == Kind.KILL || kind == Kind.EXIT || changesMask()
            || sleeps();
    }

    /** A system call that sleeps interruptibly until a signal (read, pause): its body is TraceeSyscall's sleep. */
    public boolean sleeps() {
        return kind == Kind.READ || kind == Kind.PAUSE;
    }

    /** sigprocmask(): the steps that write task->blocked. */
    public boolean changesMask() {
        return kind == Kind.BLOCK || kind == Kind.UNBLOCK;
    }

    /** As written in a scenario: "syscall", "raise SIGUSR1", "exit 42". */
    public String text() {
        // if/else, not a switch on the enum: Java PathFinder (jpf-core java-17) fails on the switch map
        // javac makes for it here (NoSuchFieldError on TraceeOp$1.$SwitchMap$...), and this runs under JPF
        if (kind == Kind.RAISE || kind == Kind.KILL || changesMask()) return kind.word + " " + Signals.name(arg);
        if (kind == Kind.EXIT) return arg == 0 ? "exit" : "exit " + arg;
        return kind.word;
    }

    /**
     * What a trace calls the step (the note of the user-mode step): "system call" (a plain one),
     * "PTRACE_TRACEME", "raise(SIGQUIT)", "kill(SIGSTOP)", "sigprocmask(SIG_BLOCK, SIGUSR1)", "exit()" or "exit(42)".
     */
    public String label() {
        if (kind == Kind.TRACEME) return "PTRACE_TRACEME";
        if (kind == Kind.BLOCK) return "sigprocmask(SIG_BLOCK, " + Signals.name(arg) + ")";
        if (kind == Kind.UNBLOCK) return "sigprocmask(SIG_UNBLOCK, " + Signals.name(arg) + ")";
        if (kind == Kind.RAISE || kind == Kind.KILL) return kind.word + "(" + Signals.name(arg) + ")";
        if (kind == Kind.EXIT) return arg == 0 ? "exit()" : "exit(" + arg + ")";
        if (sleeps()) return kind.word + "()";
        return "system call";
    }

    /**
     * A 16-bit code for a tracee local: kind from bit 10, argument in the low 10 bits (signal bit, exit code, or for
     * a sleeping call what it returned: {@link #RET_INTERRUPTED}, {@link #RET_EINTR}).
     */
    int encode() {
        return (kind.ordinal() << 10) | arg;
    }

    /** A sleeping call woken by a signal: -ERESTARTSYS (read) or -ERESTARTNOHAND (pause), for do_signal to settle. */
    static final int RET_INTERRUPTED = 1;
    /** A sleeping call that returns -EINTR to the program, no handler having run for it. */
    static final int RET_EINTR = 2;
    /** pause() returning -EINTR after a handler frame was set up (-ERESTARTNOHAND). */
    static final int RET_EINTR_AFTER_HANDLER = 3;

    static TraceeOp decode(int code) {
        return new TraceeOp(Kind.values()[code >> 10], code & 0x3ff);
    }
}

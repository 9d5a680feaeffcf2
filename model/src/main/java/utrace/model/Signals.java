package utrace.model;

import java.util.Locale;

/**
 * The signals the model knows, as bits of a pending set (task->pending and
 * signal->shared_pending each hold one such set), with their Linux (x86)
 * numbers and default actions. SIGUSR1 stands for "a catchable signal with a
 * handler installed" unless the scenario says otherwise ({@code handler
 * SIGUSR1 ...}); SIGSTOP and SIGCONT for job control; SIGKILL for the fatal
 * signal no engine may hold back; SIGINT, SIGQUIT, SIGUSR2 and SIGPIPE with
 * their default actions (terminate; SIGQUIT dumps core) for the ptrace-tests
 * scenarios; SIGTERM, the representative signal utrace_get_signal() returns
 * for UTRACE_SIGNAL_TERM ("a representative signal whose default action does
 * it"), which a tracer then sees in ptrace_signal's stop (patch 19).
 */
public final class Signals {
    private Signals() {}

    public static final int SIGKILL = 1;
    public static final int SIGSTOP = 2;
    public static final int SIGCONT = 4;
    public static final int SIGUSR1 = 8;
    /** The single-step trap (force_sig_info in tracehook_report_syscall_exit) and the default "dump core". */
    public static final int SIGTRAP = 16;
    public static final int SIGINT = 32;
    public static final int SIGQUIT = 64;
    public static final int SIGUSR2 = 128;
    public static final int SIGPIPE = 256;
    /** utrace_get_signal()'s representative of UTRACE_SIGNAL_TERM (and a signal a scenario may send). */
    public static final int SIGTERM = 512;
    /**
     * alarm()'s signal (ptrace-tests eintr-on-attach): only a killer sends it, standing for the timer; a tracee
     * operation cannot name it (TraceeOp keeps a signal in 10 bits).
     */
    public static final int SIGALRM = 1024;

    static final int[] ALL = {SIGKILL, SIGSTOP, SIGCONT, SIGUSR1, SIGTRAP, SIGINT, SIGQUIT, SIGUSR2, SIGPIPE, SIGTERM, SIGALRM};

    /** sig_kernel_stop(): the stop signals (SIGSTOP is the only one the model has). */
    public static final int STOP_MASK = SIGSTOP;

    public static String name(int sig) {
        switch (sig) {
            case SIGKILL: return "SIGKILL";
            case SIGSTOP: return "SIGSTOP";
            case SIGCONT: return "SIGCONT";
            case SIGUSR1: return "SIGUSR1";
            case SIGTRAP: return "SIGTRAP";
            case SIGINT: return "SIGINT";
            case SIGQUIT: return "SIGQUIT";
            case SIGUSR2: return "SIGUSR2";
            case SIGPIPE: return "SIGPIPE";
            case SIGTERM: return "SIGTERM";
            case SIGALRM: return "SIGALRM";
            case 0: return "0";
            default: return "sig#" + sig;
        }
    }

    /** The signal's number on Linux/x86 (what waitpid's WSTOPSIG / WTERMSIG give); 0 for 0. */
    public static int number(int sig) {
        switch (sig) {
            case SIGINT: return 2;
            case SIGQUIT: return 3;
            case SIGTRAP: return 5;
            case SIGKILL: return 9;
            case SIGUSR1: return 10;
            case SIGUSR2: return 12;
            case SIGPIPE: return 13;
            case SIGALRM: return 14;
            case SIGTERM: return 15;
            case SIGCONT: return 18;
            case SIGSTOP: return 19;
            case 0: return 0;
            default: throw new IllegalArgumentException("not a model signal: " + sig);
        }
    }

    /** The model signal with Linux number {@code n}, or 0 if the model has none (or n is 0). */
    public static int ofNumber(int n) {
        for (int s : ALL) if (number(s) == n) return s;
        return 0;
    }

    /** The name of the signal numbered {@code n} ("sig#n" for a number the model does not know). */
    public static String nameOfNumber(int n) {
        int s = ofNumber(n);
        return s != 0 ? name(s) : n == 0 ? "0" : "sig#" + n;
    }

    public static String names(int set) {
        if (set == 0) return "{}";
        StringBuilder b = new StringBuilder("{");
        for (int s : ALL) {
            if ((set & s) != 0) {
                if (b.length() > 1) b.append(',');
                b.append(name(s));
            }
        }
        return b.append('}').toString();
    }

    /** Parses SIGKILL / kill / SIGUSR1 ...; returns 0 if unknown. */
    public static int parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        if (!u.startsWith("SIG")) u = "SIG" + u;
        for (int sig : ALL) if (name(sig).equals(u)) return sig;
        return 0;
    }

    /** "SIGKILL, SIGSTOP, ..." for error messages. */
    public static String knownNames() {
        StringBuilder b = new StringBuilder();
        for (int s : ALL) b.append(b.length() == 0 ? "" : ", ").append(name(s));
        return b.toString();
    }

    /**
     * next_signal(): the signal dequeue_signal() takes first from one pending
     * set: a synchronous one (SYNCHRONOUS_MASK: SIGTRAP here) first, then the
     * lowest number: SIGINT(2) &lt; SIGQUIT(3) &lt; SIGKILL(9) &lt; SIGUSR1(10)
     * &lt; SIGUSR2(12) &lt; SIGPIPE(13) &lt; SIGALRM(14) &lt; SIGTERM(15) &lt; SIGCONT(18) &lt; SIGSTOP(19).
     */
    public static int next(int pending) {
        return next(pending, true);
    }

    /**
     * {@link #next(int)}, or with {@code synchronousFirst} false plain number order (SIGTRAP(5) after
     * SIGQUIT(3)): mutation next-signal-ignores-synchronous.
     */
    public static int next(int pending, boolean synchronousFirst) {
        if (synchronousFirst && (pending & SIGTRAP) != 0) return SIGTRAP;
        if ((pending & SIGINT) != 0) return SIGINT;
        if ((pending & SIGQUIT) != 0) return SIGQUIT;
        if ((pending & SIGTRAP) != 0) return SIGTRAP;
        if ((pending & SIGKILL) != 0) return SIGKILL;
        if ((pending & SIGUSR1) != 0) return SIGUSR1;
        if ((pending & SIGUSR2) != 0) return SIGUSR2;
        if ((pending & SIGPIPE) != 0) return SIGPIPE;
        if ((pending & SIGALRM) != 0) return SIGALRM;
        if ((pending & SIGTERM) != 0) return SIGTERM;
        if ((pending & SIGCONT) != 0) return SIGCONT;
        if ((pending & SIGSTOP) != 0) return SIGSTOP;
        return 0;
    }

    /** What the default action (SIG_DFL) of a signal does (the kernel's sig_kernel_* masks). */
    public enum DefaultAction { TERMINATE, CORE, STOP, IGNORE }

    public static DefaultAction defaultAction(int sig) {
        switch (sig) {
            case SIGSTOP: return DefaultAction.STOP;
            case SIGCONT: return DefaultAction.IGNORE;
            case SIGQUIT:
            case SIGTRAP: return DefaultAction.CORE;
            default: return DefaultAction.TERMINATE;
        }
    }
}

package utrace.model;

import java.util.Locale;

/**
 * The signals the model knows, as bits of the pending set. SIGUSR1 stands
 * for "a catchable signal with a handler installed"; SIGSTOP and SIGCONT for
 * job control; SIGKILL for the fatal signal no engine may hold back.
 */
public final class Signals {
    private Signals() {}

    public static final int SIGKILL = 1;
    public static final int SIGSTOP = 2;
    public static final int SIGCONT = 4;
    public static final int SIGUSR1 = 8;
    /** Only the single-step trap sends it (force_sig_info in tracehook_report_syscall_exit). */
    public static final int SIGTRAP = 16;

    static final int[] ALL = {SIGKILL, SIGSTOP, SIGCONT, SIGUSR1, SIGTRAP};

    public static String name(int sig) {
        switch (sig) {
            case SIGKILL: return "SIGKILL";
            case SIGSTOP: return "SIGSTOP";
            case SIGCONT: return "SIGCONT";
            case SIGUSR1: return "SIGUSR1";
            case SIGTRAP: return "SIGTRAP";
            case 0: return "0";
            default: return "sig#" + sig;
        }
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

    /**
     * The signal dequeue_signal() takes first: a forced synchronous SIGTRAP,
     * then the lowest number: SIGKILL(9) &lt; SIGUSR1(10) &lt; SIGCONT(18) &lt; SIGSTOP(19).
     */
    public static int next(int pending) {
        if ((pending & SIGTRAP) != 0) return SIGTRAP;
        if ((pending & SIGKILL) != 0) return SIGKILL;
        if ((pending & SIGUSR1) != 0) return SIGUSR1;
        if ((pending & SIGCONT) != 0) return SIGCONT;
        if ((pending & SIGSTOP) != 0) return SIGSTOP;
        return 0;
    }
}

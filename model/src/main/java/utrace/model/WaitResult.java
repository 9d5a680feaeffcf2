package utrace.model;

import java.util.Locale;

/**
 * What a wait() (waitpid(pid, &status, 0 or WNOHANG)) returns, as one int:
 * a kind in bits 8-11 and the signal number or exit code in bits 0-7.
 * {@code stopped SIG} (WIFSTOPPED, WSTOPSIG), {@code exited CODE}
 * (WIFEXITED, WEXITSTATUS), {@code killed SIG} (WIFSIGNALED, WTERMSIG),
 * {@code nothing} (WNOHANG and no child has anything to report: 0),
 * {@code echild} (-ECHILD: no child to wait for). {@code blocks} is only an
 * expectation a scenario can state: this wait never returns.
 */
public final class WaitResult {
    private WaitResult() {}

    public static final int STOPPED = 0x100;
    public static final int EXITED = 0x200;
    public static final int KILLED = 0x300;
    public static final int NOTHING = 0x400;
    public static final int ECHILD = 0x500;
    public static final int BLOCKS = 0x600;

    public static int kind(int r) { return r & 0xf00; }

    public static int value(int r) { return r & 0xff; }

    public static int stopped(int sig) { return STOPPED | Signals.number(sig); }

    public static int killed(int sig) { return KILLED | Signals.number(sig); }

    public static int exited(int code) { return EXITED | (code & 0xff); }

    /**
     * wait_task_zombie()'s status of a dead task: task->exit_code as do_exit
     * left it, (code &lt;&lt; 8) for exit(code), the signal number for a fatal
     * signal.
     */
    public static int ofExitStatus(int status) {
        return (status & 0x7f) == 0 ? EXITED | ((status >> 8) & 0xff) : KILLED | (status & 0x7f);
    }

    public static String name(int r) {
        switch (kind(r)) {
            case STOPPED: return "stopped " + Signals.nameOfNumber(value(r));
            case EXITED: return "exited " + value(r);
            case KILLED: return "killed " + Signals.nameOfNumber(value(r));
            case NOTHING: return "nothing";
            case ECHILD: return "echild";
            case BLOCKS: return "blocks";
            default: return "wait#" + r;
        }
    }

    /** Parses "stopped SIGSTOP", "exited 42", "killed SIGPIPE", "nothing", "echild", "blocks"; -1 if malformed. */
    public static int parse(String text) {
        String[] w = text.trim().split("\\s+");
        String k = w[0].toLowerCase(Locale.ROOT);
        if (w.length == 1) {
            if (k.equals("nothing")) return NOTHING;
            if (k.equals("echild")) return ECHILD;
            if (k.equals("blocks")) return BLOCKS;
            return -1;
        }
        if (w.length != 2) return -1;
        if (k.equals("exited")) {
            try {
                int code = Integer.parseInt(w[1]);
                return code < 0 || code > 255 ? -1 : exited(code);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        int sig = Signals.parse(w[1]);
        if (sig == 0) return -1;
        if (k.equals("stopped")) return stopped(sig);
        if (k.equals("killed")) return killed(sig);
        return -1;
    }
}

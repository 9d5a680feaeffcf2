package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words the generators draw from, with their weights. The weights are
 * those of h3's throwaway fuzzer (fifteenth round), which found findings
 * 13-15 and finding 8's second window with them: STOP and RESUME dominate
 * the actions (a stop and its end is where utrace's races are), QUIESCE is
 * asked for half of the time (several findings need an engine without it),
 * and the rare words (BLOCKSTEP, SIGNAL_CORE, SIGTRAP) stay in so that every
 * path of the model is reachable.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Events an engine asks for, QUIESCE apart (it is added with its own chance). */
    static final String[] EVENTS = {"REAP", "EXIT", "DEATH", "SYSCALL_ENTRY", "SYSCALL_EXIT", "SIGNAL", "SIGNAL_IGN",
        "SIGNAL_STOP", "SIGNAL_TERM", "SIGNAL_CORE"};
    static final int[] EVENT_W = {6, 5, 6, 7, 7, 5, 1, 2, 2, 1};
    /** The order events are written in (that of the format's list), QUIESCE first. */
    static final List<String> EVENT_ORDER = List.of("QUIESCE", "REAP", "EXIT", "DEATH", "SYSCALL_ENTRY", "SYSCALL_EXIT",
        "SIGNAL", "SIGNAL_IGN", "SIGNAL_STOP", "SIGNAL_TERM", "SIGNAL_CORE");

    static final String[] ACTIONS = {"RESUME", "STOP", "REPORT", "INTERRUPT", "DETACH", "SINGLESTEP", "BLOCKSTEP"};
    /** What callbacks return. */
    static final int[] CALLBACK_W = {30, 28, 10, 10, 10, 8, 3};
    /** What owners ask utrace_control for: STOP most, DETACH more than callbacks do. */
    static final int[] CONTROL_W = {25, 30, 10, 10, 15, 7, 3};

    static final String[] TRACEE_SIGNALS = {"SIGUSR1", "SIGUSR2", "SIGSTOP", "SIGCONT", "SIGKILL", "SIGINT", "SIGPIPE", "SIGTRAP"};
    static final int[] TRACEE_SIGNAL_W = {8, 3, 5, 3, 3, 2, 1, 1};
    /** Signals sigprocmask can block (SIGKILL and SIGSTOP cannot be; SIGTRAP's step trap is forced). */
    static final String[] BLOCKABLE = {"SIGUSR1", "SIGUSR2", "SIGCONT", "SIGINT", "SIGPIPE"};
    static final String[] KILLER_SIGNALS = {"SIGKILL", "SIGSTOP", "SIGCONT", "SIGUSR1", "SIGUSR2", "SIGTRAP"};
    static final int[] KILLER_SIGNAL_W = {5, 4, 3, 3, 1, 1};

    static final String[] HANDLERS = {"SIGUSR1 reraise", "SIGUSR1 exit 3", "SIGUSR1 default", "SIGUSR2 return",
        "SIGINT return", "SIGUSR2 reraise"};

    /** A tracer that attaches (the tracee need not know). */
    static final String[] PTRACE_ATTACHING = {"attach; wait; cont", "attach; wait; syscall; wait; cont",
        "attach; wait; singlestep; wait; detach", "attach; wait; detach", "attach; detach", "attach; wait; kill",
        "attach; wait; cont SIGUSR1", "attach; exit", "attach; wait; syscall; wait; detach", "attach; wait; cont; wait",
        "attach; wait; peek; cont", "attach; wait; singlestep; wait; cont", "attach; wait; detach SIGUSR1",
        "attach; wait; sysemu; wait; cont", "attach; wait until SIGSTOP; cont", "attach after tracee:stopped; wait; detach",
        "attach; wait; cont; wait; detach"};
    /** One request mutate mode inserts into a tracer's script, or puts in place of one. */
    static final String[] PTRACE_REQUESTS = {"wait", "wait", "cont", "cont SIGUSR1", "syscall", "singlestep", "sysemu",
        "detach", "detach SIGUSR1", "peek", "kill", "wait nohang", "wait until SIGSTOP", "exit"};
    /** A tracer the tracee chose with PTRACE_TRACEME ('traceme', 'parent ptrace'). */
    static final String[] PTRACE_TRACEME = {"wait; cont", "wait; syscall; wait; cont", "wait; detach",
        "wait; cont SIGSTOP; wait; cont", "wait; singlestep; wait; cont"};

    /** The callback that reports an event (every SIGNAL_* event is reported by report_signal). */
    static String callbackOf(String event) {
        switch (event) {
            case "QUIESCE": return "quiesce";
            case "REAP": return "reap";
            case "EXIT": return "exit";
            case "DEATH": return "death";
            case "SYSCALL_ENTRY": return "syscall_entry";
            case "SYSCALL_EXIT": return "syscall_exit";
            default: return event.startsWith("SIGNAL") ? "signal" : null;
        }
    }

    /** {@code min} to {@code max} events by weight, QUIESCE added with chance {@code quiesce}, in the format's order. */
    static List<String> mask(Random rng, double quiesce, int min, int max) {
        int k = min + rng.nextInt(max - min + 1);
        Set<String> evs = new LinkedHashSet<>();
        while (evs.size() < k) evs.add(Pick.weighted(rng, EVENTS, EVENT_W));
        if (Pick.chance(rng, quiesce)) evs.add("QUIESCE");
        List<String> out = new ArrayList<>();
        for (String e : EVENT_ORDER) if (evs.contains(e)) out.add(e);
        return out;
    }
}

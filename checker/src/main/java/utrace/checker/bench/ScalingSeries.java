package utrace.checker.bench;

import java.util.ArrayList;
import java.util.List;

import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.ScenarioParser;

/**
 * The generated scenarios of the scaling table (checker bench). Each series
 * grows one dimension from the same starting point and every member passes
 * the 'core' set, so each run explores its whole state space:
 * <ul>
 * <li>engines: 1..4 engines, each stopping the tracee at quiesce, each owner
 *     waiting for the stop and resuming; a SIGKILL and a reaping parent;</li>
 * <li>killers: one engine as above, 1..6 identical SIGKILL senders (the
 *     case for --symmetry);</li>
 * <li>ptrace: one engine as above and a tracer making 0..4 PTRACE_SYSCALL
 *     round trips between attach and detach (the model has one tracer: a
 *     second could not attach, so the tracer's work grows, not their number);</li>
 * <li>size: the bench-large family grown step by step (more signals, more
 *     syscalls, more ptrace requests), to find the largest scenario that
 *     finishes in the time limit.</li>
 * </ul>
 */
final class ScalingSeries {
    private ScalingSeries() {}

    /** One member: series name, the grown quantity, the scenario. */
    record Member(String series, int n, Scenario scenario) {}

    static List<Member> engines(int max) {
        List<Member> out = new ArrayList<>();
        for (int k = 1; k <= max; k++) {
            StringBuilder b = new StringBuilder("scenario scale-engines-" + k + "\n");
            b.append("description ").append(k).append(" engine(s) stop the tracee; each owner waits for the stop and resumes\n");
            for (int i = 1; i <= k; i++) {
                b.append("engine E").append(i).append(" preattached events=QUIESCE|DEATH|REAP\n");
                b.append("callback E").append(i).append(" quiesce=STOP\n");
                b.append("owner E").append(i).append(" wait_stopped; control RESUME\n");
            }
            b.append("tracee syscall exit\nkiller SIGKILL\nparent wait\n");
            out.add(new Member("engines", k, parse(b.toString())));
        }
        return out;
    }

    static List<Member> killers(int max) {
        List<Member> out = new ArrayList<>();
        for (int k = 1; k <= max; k++) {
            String killers = k == 1 ? "killer SIGKILL" : "killers " + k + " SIGKILL";
            out.add(new Member("killers", k, parse(oneEngine("scale-killers-" + k, k + " SIGKILL sender(s)") + killers + "\n")));
        }
        return out;
    }

    static List<Member> ptrace(int max) {
        List<Member> out = new ArrayList<>();
        for (int j = 0; j <= max; j++) {
            StringBuilder req = new StringBuilder("attach; wait;");
            for (int i = 0; i < j; i++) req.append(" syscall; wait;");
            req.append(" detach");
            out.add(new Member("ptrace", j, parse(oneEngine("scale-ptrace-" + j, j + " PTRACE_SYSCALL round trip(s)")
                + "ptrace " + req + "\nkiller SIGKILL\n")));
        }
        return out;
    }

    /** The size ladder: each step a superset of the previous one's activity. */
    static List<Member> size() {
        String[][] steps = {
            {"syscall exit", "attach; wait; detach", "control STOP", "SIGUSR1 SIGKILL"},
            {"syscall exit", "attach; wait; cont; wait; detach", "control STOP; control RESUME", "SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall exit", "attach; wait; syscall; wait; detach", "control STOP; control RESUME", "SIGUSR1 SIGKILL"},
            {"syscall syscall exit", "attach; wait; syscall; wait; cont; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall exit", "attach; wait; syscall; wait; cont; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGKILL"},
            {"syscall syscall syscall exit", "attach; wait; syscall; wait; cont; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGKILL"},
            {"syscall syscall syscall exit", "attach; wait; syscall; wait; cont; wait; syscall; wait; detach",
                "control STOP; control RESUME", "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall exit", "attach; wait; syscall; wait; cont; wait; syscall; wait; detach",
                "control STOP; control RESUME", "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall exit", "attach; wait; syscall; wait; cont; wait; syscall; wait; detach",
                "control STOP; control RESUME", "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall syscall exit", "attach; wait; syscall; wait; cont; wait; syscall; wait; detach",
                "control STOP; control RESUME", "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall syscall syscall exit",
                "attach; wait; syscall; wait; cont; wait; syscall; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall syscall syscall syscall syscall exit",
                "attach; wait; syscall; wait; cont; wait; syscall; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
            {"syscall syscall syscall syscall syscall syscall syscall syscall syscall syscall syscall syscall exit",
                "attach; wait; syscall; wait; cont; wait; syscall; wait; detach", "control STOP; control RESUME",
                "SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGUSR1 SIGSTOP SIGCONT SIGKILL"},
        };
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            String[] s = steps[i];
            out.add(new Member("size", i + 1, parse("scenario scale-size-" + (i + 1) + "\n"
                + "description size ladder step " + (i + 1) + "\n"
                + "engine E1 preattached events=QUIESCE|DEATH|REAP\ncallback E1 quiesce=STOP\n"
                + "tracee " + s[0] + "\nptrace " + s[1] + "\nowner E1 " + s[2] + "\nkiller " + s[3] + "\nparent wait\n")));
        }
        return out;
    }

    private static String oneEngine(String name, String what) {
        return "scenario " + name + "\ndescription one engine stopping the tracee, " + what + "\n"
            + "engine E1 preattached events=QUIESCE|DEATH|REAP\ncallback E1 quiesce=STOP\n"
            + "owner E1 wait_stopped; control RESUME\ntracee syscall exit\nparent wait\n";
    }

    private static Scenario parse(String text) {
        try {
            return ScenarioParser.parse("(generated by checker bench)", text);
        } catch (ScenarioFormatException e) {
            throw new IllegalStateException("generated scenario does not parse: " + e.getMessage(), e);
        }
    }
}

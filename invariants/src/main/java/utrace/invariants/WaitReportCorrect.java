package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;
import utrace.model.WaitResult;

/**
 * A report carries what its stop or exit carried, a reported stop is a
 * ptrace stop, and a wait() whose result the scenario states (the test's
 * assertion, {@code wait -> stopped SIGSTOP}) returns one of those results,
 * or blocks only if the scenario says {@code -> blocks}: the tracer's waits on the 'ptrace' line, the real
 * parent's on its 'parent wait' line.
 */
final class WaitReportCorrect extends ObservationCheck {
    WaitReportCorrect() {
        super("wait-report-correct",
            "What wait() reports is what the stop or exit carried: 'stopped SIG' the signal of the ptrace stop "
            + "(ptrace_signal's signal, SIGSTOP for a group-stop trap, SIGTRAP for a syscall or step stop) while the "
            + "tracee is in that stop, TASK_TRACED (\"t (tracing stop)\", ptrace-tests state-tracing-stop); 'exited "
            + "CODE'/'killed SIG' what the exit carried to exit_notify: the status do_exit was given, or SIGKILL "
            + "when a group exit began before exit_signals() (wait_task_zombie's group_exit_code; none begins after "
            + "it). Where the scenario states what a wait returns (the test's assertion: wait -> stopped SIGSTOP | killed SIGPIPE ...; "
            + "the real parent's: parent wait -> exited 42), it returns one of those, and it blocks for good only if the "
            + "scenario says '-> blocks'.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.WAIT_REPORT) continue;
            int r = o.code();
            int kind = WaitResult.kind(r);
            String who = m.waitText(o.ret(), o.aux());
            if (kind == WaitResult.STOPPED || kind == WaitResult.EXITED || kind == WaitResult.KILLED) {
                int carried = before.get(Slots.G_WAIT_STATUS);
                if (carried != r) {
                    return who + " reports " + WaitResult.name(r) + " but the " + (kind == WaitResult.STOPPED ? "stop" : "exit")
                        + " carried " + WaitResult.name(carried);
                }
            }
            if (kind == WaitResult.STOPPED && !before.has(Slots.TASK_STATE, TaskState.TRACED_BIT)) {
                return who + " reports " + WaitResult.name(r) + " for a tracee that is not in a ptrace stop ("
                    + TaskState.name(before.forMessage(Slots.TASK_STATE)) + ")";
            }
            List<Integer> expect = m.waitExpectation(o.ret(), o.aux());
            if (!expect.isEmpty() && !expect.contains(r)) {
                return who + " reports " + WaitResult.name(r) + ", the test expects " + alternatives(expect);
            }
        }
        return null;
    }

    @Override public String checkTerminal(Model m, State s) {
        for (int waiter : new int[] {Obs.WAITER_TRACER, Obs.WAITER_PARENT}) {
            int i = m.blockedWait(s, waiter);
            if (i < 0) continue;
            List<Integer> expect = m.waitExpectation(waiter, i);
            if (!expect.isEmpty() && !expect.contains(WaitResult.BLOCKS)) {
                return m.waitText(waiter, i) + " blocks for good, the test expects " + alternatives(expect);
            }
        }
        return null;
    }

    private static String alternatives(List<Integer> rs) {
        StringBuilder b = new StringBuilder();
        for (int r : rs) b.append(b.length() == 0 ? "" : " or ").append(WaitResult.name(r));
        return b.toString();
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_WAIT_STATUS, -1);
        v.read(Slots.TASK_STATE, TaskState.TRACED_BIT);
    }

    /** Observations checkTransition reads: wait reports. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.WAIT_REPORT); }
}

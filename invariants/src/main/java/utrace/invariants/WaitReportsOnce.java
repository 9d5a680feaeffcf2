package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;
import utrace.model.WaitResult;

/**
 * Each stop is reported once, and nothing is reported without a stop or an
 * exit behind it (ptrace-tests waitpid-double-report, stop-attach-then-wait).
 * The history G_WAIT records, apart from task->exit_code that wait() reads,
 * which stop or exit some waiter is still owed.
 */
final class WaitReportsOnce extends ObservationCheck {
    WaitReportsOnce() {
        super("wait-reports-once",
            "wait() reports a stop at most once and never reports one that did not happen: a 'stopped' report needs "
            + "a ptrace stop the tracer has not collected yet (wait_task_stopped consumes task->exit_code: "
            + "\"*p_code = 0\"), an 'exited'/'killed' report an exit that waiter has not collected "
            + "(ptrace-tests waitpid-double-report: \"subsequent waitpid's should never report it again until it is "
            + "restarted and stopped again, exited or killed\"; stop-attach-then-wait: the second waitpid hangs).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.WAIT_REPORT) continue;
            int r = o.code();
            int owed = before.get(Slots.G_WAIT);
            switch (WaitResult.kind(r)) {
                case WaitResult.STOPPED:
                    if ((owed & Slots.GW_STOP_UNREPORTED) == 0) {
                        return m.waitText(o.ret(), o.aux()) + " reports " + WaitResult.name(r)
                            + " but no ptrace stop is waiting to be reported (reported already, or none happened)";
                    }
                    break;
                case WaitResult.EXITED:
                case WaitResult.KILLED: {
                    int mine = o.ret() == Obs.WAITER_PARENT ? Slots.GW_EXIT_PARENT
                        : m.tracerIsParent() ? Slots.GW_EXIT_TRACER | Slots.GW_EXIT_PARENT : Slots.GW_EXIT_TRACER;
                    if ((owed & mine) == 0) {
                        return m.waitText(o.ret(), o.aux()) + " reports " + WaitResult.name(r)
                            + " but that waiter is owed no exit (reported already, or the tracee did not die)";
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return null;
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_WAIT, -1);
    }

    /** Observations checkTransition reads: wait reports. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.WAIT_REPORT); }
}

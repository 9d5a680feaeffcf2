package utrace.invariants;

import java.util.List;

import utrace.model.EngineList;
import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The other direction of signal-report-action: a UTRACE_SIGNAL_HANDLER report an engine asked for is made. An engine
 * that answers a handled signal's delivery with UTRACE_SINGLESTEP (or STOP) is a debugger stepping into the handler;
 * the HANDLER report is where it learns that the next instruction is the handler's, and it comes only because
 * utrace_get_signal turns the step into UTRACE_INTERRUPT. Judged on history (Slots.G_HANDLER_ASKED), set where the
 * pass's action is read, never on utrace->resume or utrace->signal_handler, which a broken utrace gets wrong; and
 * (utrace_signal_handler: "If we're already stepping, make sure we do a report_signal") a setup while the tracee
 * was single-stepping, ptrace's step too. Both make the setup owed its report (Slots.G_HANDLER_OWED).
 */
final class HandlerReportMade extends ObservationCheck {
    HandlerReportMade() {
        super("handler-report-made",
            "a signal delivered to its handler by a report pass whose engines did not all answer UTRACE_RESUME (one "
            + "wanted to stop or step) has its handler's setup reported: the tracee is not back in user mode, "
            + "running the handler, before a report_signal with UTRACE_SIGNAL_HANDLER (utrace_get_signal: \"If an "
            + "engine wanted to stop or step, then make sure we do another report after signal handler setup\"; "
            + "utrace.h: it \"is also implicitly requested by %UTRACE_SINGLESTEP or %UTRACE_BLOCKSTEP into the "
            + "signal delivery\"); so has a handler set up while the tracee was single-stepping, ptrace's step too "
            + "(utrace_signal_handler: \"If we're already stepping, make sure we do a report_signal\"); unless it was "
            + "killed, or no attached engine has QUIESCE (utrace_get_signal: \"We only got here to clear "
            + "utrace->signal_handler\").");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (!before.has(Slots.G_PTRACE, Slots.G_HANDLER_OWED) || before.killed()) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            if (obs.get(k).kind() != Obs.Kind.USER_ENTRY) continue;
            int e = quiesceEngine(before);
            if (e < 0) return null;
            return "back to user mode, into a signal handler whose setup no report_signal(UTRACE_SIGNAL_HANDLER) "
                + "took, although an engine answered the signal's delivery with a stop or a step, or the tracee was "
                + "single-stepping into it, which asks for that report (" + m.engineName(e) + " has QUIESCE and would "
                + "have been called)";
        }
        return null;
    }

    /** An attached live engine with QUIESCE: the one the HANDLER report pass would call first; -1 if none. */
    private static int quiesceEngine(State s) {
        for (int list = s.attached(), i = 0; i < EngineList.size(list); i++) {
            int e = EngineList.get(list, i);
            if (live(s, e) && s.has(Slots.engine(e, Slots.E_FLAGS), Events.QUIESCE)) return e;
        }
        return -1;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_PTRACE, Slots.G_HANDLER_OWED);
        v.read(Slots.G_TASK, Slots.G_KILLED);
        v.read(Slots.ATTACHED, -1);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, Events.QUIESCE);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

package utrace.invariants;

import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Signals;

/**
 * The event utrace_get_signal() reports a dequeued signal as, from its sigaction and default action (utrace.c: "From
 * the signal number and sigaction, determine what normal delivery would do": a handler gives SIGNAL; SIG_DFL gives
 * SIGNAL_CORE, SIGNAL_IGN, SIGNAL_STOP or SIGNAL_TERM). Worked out from the scenario, not taken from the model's own
 * choice, so that events-reported (and its Lincheck contract) can catch that choice being wrong.
 */
public final class SignalEvent {
    private SignalEvent() {}

    public static int of(Model m, int signr) {
        if (signr != Signals.SIGKILL && signr != Signals.SIGSTOP && m.scenario().handler(signr).installed()) return Events.SIGNAL;
        Signals.DefaultAction dfl = Signals.defaultAction(signr);
        if (dfl == Signals.DefaultAction.CORE) return Events.SIGNAL_CORE;
        if (dfl == Signals.DefaultAction.IGNORE) return Events.SIGNAL_IGN;
        if (dfl == Signals.DefaultAction.STOP) return Events.SIGNAL_STOP;
        return Events.SIGNAL_TERM;
    }
}

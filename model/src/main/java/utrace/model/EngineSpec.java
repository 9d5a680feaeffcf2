package utrace.model;

import java.util.Map;

/**
 * One tracing engine of a scenario. {@code preattached} engines are on
 * {@code utrace->attached} with {@code events} in the initial state (as if
 * attached and set up long before); the others start unattached and their
 * owner's script attaches them.
 */
public record EngineSpec(String name, boolean preattached, int events, Map<Integer, CallbackSpec> callbacks) {
    /** The callback for an event bit; RESUME when the scenario does not say. */
    public CallbackSpec callback(int event) {
        return callbacks.getOrDefault(event, CallbackSpec.RESUME);
    }

    /** The engine's ops have report_signal (a 'callback signal=' line); without it report_quiesce stands in. */
    public boolean hasReportSignal() {
        return callbacks.containsKey(Events.SIGNAL);
    }

    /** What the engine answers in utrace_get_signal's pass: its report_signal, or report_quiesce in its stead. */
    public CallbackSpec signalPassCallback() {
        return callback(hasReportSignal() ? Events.SIGNAL : Events.QUIESCE);
    }
}

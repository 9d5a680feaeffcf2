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
}

package utrace.model;

import java.util.List;

/**
 * A named situation to explore: the engines and their callbacks, the
 * tracee's life, each engine owner's API calls, a ptrace tracer's requests, the signals a killer
 * sends and whether a parent reaps (without one the tracee autoreaps).
 * {@code source} is the scenario text, kept so a trace can replay it exactly;
 * {@code file} is where it was read from (for messages and traces).
 * {@code killers} is how many killer processes send {@code killer}'s signals (0 without a killer line;
 * several only with 'killers N ...': identical senders, which symmetry reduction may merge).
 */
public record Scenario(String name, String description, String follows, List<EngineSpec> engines,
                       List<TraceeOp> tracee, List<List<OwnerOp>> owners, List<PtraceOp> ptrace, List<Integer> killer,
                       int killers, boolean parent, String source, String file) {

    public int engineIndex(String engineName) {
        for (int i = 0; i < engines.size(); i++) if (engines.get(i).name().equals(engineName)) return i;
        return -1;
    }
}

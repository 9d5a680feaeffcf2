package utrace.model;

import java.util.List;
import java.util.Map;

/**
 * A named situation to explore: the engines and their callbacks, the
 * tracee's life, each engine owner's API calls, a ptrace tracer's requests, the signals a killer
 * sends and who the tracee's real parent is.
 * {@code source} is the scenario text, kept so a trace can replay it exactly;
 * {@code file} is where it was read from (for messages and traces).
 * {@code killers} is how many killer processes send {@code killer}'s signals (0 without a killer line;
 * several only with 'killers N ...': identical senders, which symmetry reduction may merge);
 * {@code killerItems} are the same signals with how each is sent and its ordering guard.
 * The real parent: a separate process that waits ({@code parent}: 'parent wait'), the tracer itself
 * ({@code tracerIsParent}: 'parent ptrace', as after PTRACE_TRACEME or when the debugger forked the
 * tracee), or a process that never waits; {@code parentIgnoresSigchld} says whether that parent has
 * SIGCHLD set to SIG_IGN, so that an untraced child is reaped at exit (autoreap). Without a parent
 * line the parent ignores SIGCHLD.
 * {@code handlers}: the signal handlers the scenario installs (signal bit to handler).
 * {@code checks}: the invariants named on its 'checks' line, which a run without an explicit set adds to core.
 * {@code parentExpect}: what the 'parent wait' states its wait() returns ('parent wait -> exited 42'), as
 * WaitResults (empty: nothing stated).
 */
public record Scenario(String name, String description, String follows, List<EngineSpec> engines,
                       List<TraceeOp> tracee, List<List<OwnerOp>> owners, List<PtraceRequest> ptrace, List<Integer> killer,
                       int killers, boolean parent, String source, String file, List<KillerSend> killerItems,
                       boolean tracerIsParent, boolean parentIgnoresSigchld, Map<Integer, SignalHandler> handlers,
                       List<String> checks, List<Integer> parentExpect) {

    public int engineIndex(String engineName) {
        for (int i = 0; i < engines.size(); i++) if (engines.get(i).name().equals(engineName)) return i;
        return -1;
    }

    /** The tracee's disposition of {@code sig}: the scenario's handler line, or the implicit one. */
    public SignalHandler handler(int sig) {
        SignalHandler h = handlers.get(sig);
        return h != null ? h : SignalHandler.implicit(sig);
    }
}

package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;

import utrace.checker.threaded.CallRunner.Unit;

/**
 * One Lincheck operation of a plan: which {@link EngineApiOperations} method
 * it calls, with which arguments, and which model actor's unit it runs.
 * Owner calls are also written into the scenario's owner script, so the
 * owner actor's next call is exactly this operation; {@code guard} is an owner
 * call's ordering guard as the scenario wrote it ("after killer:1"), or null.
 */
public record PlannedOp(Kind kind, String engine, String arg, String guard) {
    public enum Kind {
        ATTACH("attach", Unit.CALL), ATTACH_EXCLUSIVE("attachExclusive", Unit.CALL), SET_EVENTS("setEvents", Unit.CALL), CONTROL("control", Unit.CALL),
        BARRIER("barrier", Unit.CALL), EXAMINE("examine", Unit.CALL), PUT("put", Unit.CALL),
        WAIT_STOPPED("waitStopped", Unit.CALL),
        /** A ptrace request of the tracer (patches 09-33): attach, wait, cont, syscall, detach, ... */
        PTRACE("ptrace", Unit.CALL),
        TRACEE("tracee", Unit.UNTIL_QUIET), KILL("kill", Unit.SIGNAL), REAP("reap", Unit.REAP);

        /** The operation's method name in {@link EngineApiOperations} and the sequential specifications. */
        public final String method;
        public final Unit unit;

        Kind(String method, Unit unit) {
            this.method = method;
            this.unit = unit;
        }

        /** An engine owner's call (written into that engine's owner line). */
        public boolean ownerCall() { return unit == Unit.CALL && this != PTRACE; }
    }

    public static PlannedOp attach(String e) { return new PlannedOp(Kind.ATTACH, e, null, null); }
    public static PlannedOp attachExclusive(String e) { return new PlannedOp(Kind.ATTACH_EXCLUSIVE, e, null, null); }
    public static PlannedOp setEvents(String e, String events) { return new PlannedOp(Kind.SET_EVENTS, e, events, null); }
    public static PlannedOp control(String e, String action) { return new PlannedOp(Kind.CONTROL, e, action, null); }
    public static PlannedOp barrier(String e) { return new PlannedOp(Kind.BARRIER, e, null, null); }
    public static PlannedOp examine(String e) { return new PlannedOp(Kind.EXAMINE, e, null, null); }
    public static PlannedOp put(String e) { return new PlannedOp(Kind.PUT, e, null, null); }
    public static PlannedOp waitStopped(String e) { return new PlannedOp(Kind.WAIT_STOPPED, e, null, null); }
    public static PlannedOp ptrace(String request) { return new PlannedOp(Kind.PTRACE, null, request, null); }
    public static PlannedOp tracee() { return new PlannedOp(Kind.TRACEE, null, null, null); }
    public static PlannedOp kill(String signal) { return new PlannedOp(Kind.KILL, null, signal, null); }
    public static PlannedOp reap() { return new PlannedOp(Kind.REAP, null, null, null); }

    /** The same owner call, started only once {@code after} (a scenario guard: "after killer:1") holds. */
    public PlannedOp after(String after) {
        return new PlannedOp(kind, engine, arg, after);
    }

    /** The call as an owner script item of the scenario format ("control DETACH after killer:1"); owner calls only. */
    public String scriptWord() {
        return guard == null ? call() : call() + " " + guard;
    }

    private String call() {
        switch (kind) {
            case ATTACH: return "attach";
            case ATTACH_EXCLUSIVE: return "attach exclusive";
            case SET_EVENTS: return "set_events " + arg;
            case CONTROL: return "control " + arg;
            case BARRIER: return "barrier";
            case EXAMINE: return "examine";
            case PUT: return "put";
            case WAIT_STOPPED: return "wait_stopped";
            default: throw new IllegalStateException(kind + " is not an owner call");
        }
    }

    /** The method's arguments, in order (all strings). */
    public List<Object> arguments() {
        List<Object> args = new ArrayList<>(2);
        if (engine != null) args.add(engine);
        if (arg != null) args.add(arg);
        return args;
    }

    /** As Lincheck prints it: control(E1, DETACH). */
    @Override public String toString() {
        StringBuilder b = new StringBuilder(kind.method).append('(');
        List<Object> args = arguments();
        for (int i = 0; i < args.size(); i++) b.append(i > 0 ? ", " : "").append(args.get(i));
        return b.append(')').toString();
    }
}

package utrace.model;

import static utrace.model.Slots.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executable model of one scenario under one configuration: the initial
 * state and, for any state and actor, the one step that actor takes next (if
 * enabled). It knows nothing of the engines that explore it.
 */
public final class Model {
    private final Scenario scenario;
    private final ModelConfig config;
    private final List<Actor> actors = new ArrayList<>();
    private final Tracee tracee;
    private final int size;

    public Model(Scenario scenario, ModelConfig config) {
        this.scenario = scenario;
        this.config = config;
        this.tracee = new Tracee(this, 0, scenario.tracee(), !scenario.parent());
        actors.add(tracee);
        for (int e = 0; e < scenario.engines().size(); e++) {
            List<OwnerOp> script = scenario.owners().get(e);
            if (!script.isEmpty()) actors.add(new Owner(this, actors.size(), e, script));
        }
        if (!scenario.ptrace().isEmpty()) actors.add(new Ptracer(this, actors.size(), scenario.ptrace()));
        if (!scenario.killer().isEmpty()) actors.add(new Killer(this, actors.size(), scenario.killer()));
        if (scenario.parent()) actors.add(new Parent(this, actors.size()));
        int next = GLOBALS + ENGINE_SLOTS * scenario.engines().size();
        for (Actor a : actors) {
            a.base = next;
            next += a.slots();
        }
        this.size = next;
    }

    public Scenario scenario() { return scenario; }

    public ModelConfig config() { return config; }

    public int actorCount() { return actors.size(); }

    public String actorName(int a) { return actors.get(a).name; }

    /** tracee, owner, killer or parent. */
    public String actorRole(int a) { return actors.get(a).role(); }

    public int engineCount() { return scenario.engines().size(); }

    public String engineName(int e) { return e < 0 ? "NULL" : scenario.engines().get(e).name(); }

    Tracee tracee() { return tracee; }

    public State initial() {
        int[] v = new int[size];
        v[TASK_STATE] = TaskState.RUNNING;
        v[RESUME] = Actions.RESUME;
        int seq = 0;
        int union = 0;
        for (int e = 0; e < engineCount(); e++) {
            EngineSpec spec = scenario.engines().get(e);
            if (!spec.preattached()) continue;
            boolean owned = !scenario.owners().get(e).isEmpty();
            v[engine(e, E_OPS)] = Ops.LIVE;
            v[engine(e, E_FLAGS)] = spec.events();
            v[engine(e, E_REF)] = owned ? 2 : 1;
            v[engine(e, E_GHOST)] = owned ? EG_OWNER_REF : 0;
            v[engine(e, E_SEQ)] = seq++;
            v[ATTACHED] = EngineList.append(v[ATTACHED], e);
            union |= spec.events() | Events.REAP;
        }
        v[G_ATTACH_COUNT] = seq;
        v[UTRACE_FLAGS] = union;
        v[UTRACE_ALLOCATED] = seq > 0 ? 1 : 0;
        if ((union & Events.SYSCALL) != 0) v[TIF] |= Tif.SYSCALL_TRACE;
        for (Actor a : actors) a.init(v);
        return new State(v);
    }

    /** The step actor {@code a} takes from {@code s}, or null if it cannot move now. */
    public Transition step(State s, int a) {
        return step(s, a, false);
    }

    /** As {@link #step(State, int)}; {@code record} also fills in the human-readable detail. */
    public Transition step(State s, int a, boolean record) {
        Actor actor = actors.get(a);
        Ctx c = new Ctx(this, s.copyValues(), a, actor.base, record);
        if (!actor.step(c)) return null;
        forgetReleasedStops(c);
        return new Transition(a, c.info, c.detail, new State(c.v), c.obs);
    }

    /**
     * True if some actor can take a step that changes the state. A state
     * where every enabled step leaves it unchanged (utrace_barrier retrying
     * forever) counts as stuck.
     */
    public boolean canProgress(State s) {
        for (int a = 0; a < actors.size(); a++) {
            Transition t = step(s, a);
            if (t != null && !t.after().equals(s)) return true;
        }
        return false;
    }

    /** What actor {@code a} would do next (for traces of a state where it is blocked too). */
    public String where(State s, int a) {
        return actors.get(a).where(s);
    }

    /**
     * History upkeep after every step: an engine that no longer asks for the
     * stop (resumed, detached, torn down) no longer holds the tracee stopped.
     */
    private void forgetReleasedStops(Ctx c) {
        for (int e = 0; e < engineCount(); e++) {
            if (c.ghost(e, EG_HELD_STOPPED) && (c.ops(e) != Ops.LIVE || (c.flags(e) & Events.ENGINE_STOP) == 0)) {
                c.ghostClear(e, EG_HELD_STOPPED);
            }
        }
    }

    /**
     * For a state where no actor can move: null if every actor may rightly
     * stay where it is (done, idle in user mode, held stopped by an engine,
     * waiting for a task that will not die), else why not.
     */
    public String stuckProblem(State s) {
        List<String> problems = new ArrayList<>();
        for (Actor a : actors) {
            String p = a.stuckProblem(s);
            if (p != null) problems.add(p);
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    public boolean traceeDead(State s) { return tracee.dead(s); }

    public boolean traceeInUtraceStop(State s) { return tracee.inUtraceStop(s); }

    /** Null unless the tracee sleeps in a stop nobody will end (then: which). */
    public String traceeLostWakeup(State s) {
        return tracee.asleep(s) ? tracee.lostWakeup(s) : null;
    }

    /** Every variable by name, in a fixed order, for traces and state diffs. */
    public Map<String, String> describe(State s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("task.state", TaskState.name(s.taskState()));
        m.put("task.exit_state", TaskState.exitName(s.exitState()));
        m.put("task.pending", Signals.names(s.pendingSignals()));
        m.put("task.tif", Tif.names(s.tif()));
        m.put("task.utrace_flags", Events.names(s.utraceFlags()));
        m.put("task.utrace", s.get(UTRACE_ALLOCATED) != 0 ? "allocated" : "NULL");
        m.put("signal.flags", (s.get(SIGNAL_FLAGS) & SIGNAL_STOP_STOPPED) != 0 ? "STOP_STOPPED" : "0");
        m.put("task.ptrace", ptraceNames(s.get(PTRACE)));
        m.put("task.exit_code", s.get(PT_STOP_CODE) != 0 ? "ptrace stop not yet waited for" : "0");
        m.put("lock.utrace", holder(s, LOCK_UTRACE));
        m.put("lock.siglock", holder(s, LOCK_SIGLOCK));
        m.put("lock.tasklist", holder(s, LOCK_TASKLIST));
        m.put("lock.task", holder(s, LOCK_TASK));
        m.put("utrace.attached", EngineList.format(s.attached(), this::engineName));
        m.put("utrace.attaching", EngineList.format(s.attaching(), this::engineName));
        m.put("utrace.reporting", engineName(s.reporting()));
        m.put("utrace.resume", Actions.name(s.resume()));
        m.put("utrace.death", bit(s, U_DEATH));
        m.put("utrace.reap", bit(s, U_REAP));
        m.put("utrace.pending_attach", bit(s, U_PENDING_ATTACH));
        m.put("utrace.signal_handler", bit(s, U_SIGNAL_HANDLER));
        for (int e = 0; e < engineCount(); e++) {
            String p = "engine[" + engineName(e) + "].";
            m.put(p + "ops", Ops.name(s.engineOps(e)));
            m.put(p + "flags", Events.names(s.engineFlags(e)));
            m.put(p + "ref", Integer.toString(s.engineRef(e)));
        }
        for (int a = 0; a < actors.size(); a++) m.put("pc." + actorName(a), where(s, a));
        return m;
    }

    private static String ptraceNames(int pt) {
        if (pt == 0) return "0";
        StringBuilder b = new StringBuilder();
        if ((pt & PT_PTRACED) != 0) b.append("|PT_PTRACED");
        if ((pt & PT_SYSCALL_TRACE) != 0) b.append("|PT_SYSCALL_TRACE");
        if ((pt & PT_SINGLE_STEP) != 0) b.append("|PT_SINGLE_STEP");
        if ((pt & PT_SINGLE_BLOCK) != 0) b.append("|PT_SINGLE_BLOCK");
        return b.substring(1);
    }

    private String holder(State s, int lock) {
        int h = s.lockHolder(lock);
        return h < 0 ? "free" : actorName(h);
    }

    private static String bit(State s, int bit) {
        return s.utraceBit(bit) ? "1" : "0";
    }
}

package utrace.checker.lincheck.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import utrace.checker.lincheck.LincheckPlan;
import utrace.model.Actions;
import utrace.model.EngineSpec;
import utrace.model.Events;
import utrace.model.OwnerOp;
import utrace.model.Scenario;

/**
 * Shared part of the sequential specifications: one {@link EngineState} per
 * engine of the plan {@code begin} names, the calls whose meaning does not depend on the
 * tracee (attach, engine put), and state equality (Lincheck merges equal
 * specification states when it searches for a linearization). Public
 * because Lincheck calls the inherited operations by reflection.
 */
public abstract class SpecBase {
    final Map<String, EngineState> engines = new TreeMap<>();

    /** The specification starts where the plan's model starts (the first init operation). */
    public String begin(String id) {
        Scenario sc = LincheckPlan.byId(id).scenario();
        engines.clear();
        for (int i = 0; i < sc.engines().size(); i++) {
            EngineSpec e = sc.engines().get(i);
            List<OwnerOp> script = sc.owners().get(i);
            EngineState s = new EngineState();
            s.attached = e.preattached();
            s.everAttached = e.preattached();
            // A preattached engine's owner holds the reference attach gave it (kref_init), if it has an owner.
            s.ownerRef = e.preattached() && !script.isEmpty();
            s.events = e.preattached() ? e.events() : 0;
            engines.put(e.name(), s);
        }
        return "ok";
    }

    EngineState engine(String name) {
        EngineState s = engines.get(name);
        if (s == null) throw new IllegalArgumentException("no engine " + name + " in the plan");
        return s;
    }

    /** utrace_attach_task(UTRACE_ATTACH_CREATE): the model's engines attach once (-EEXIST after). */
    public String attach(String e) {
        EngineState s = engine(e);
        if (s.everAttached) return "-EEXIST";
        s.attached = s.everAttached = s.ownerRef = true;
        s.events = 0;
        return "0";
    }

    /** utrace_engine_put(): drops the owner's reference; a second put has nothing to drop. */
    public String put(String e) {
        EngineState s = engine(e);
        if (!s.ownerRef) return "-ESRCH";
        s.ownerRef = false;
        return "0";
    }

    /**
     * utrace_control()'s first check, before it looks at the target: REPORT,
     * SINGLESTEP and BLOCKSTEP need QUIESCE in the engine's mask (a detached
     * engine's mask is QUIESCE, so it passes and gets -ESRCH later).
     */
    static boolean needsQuiesce(EngineState s, int action) {
        return action >= Actions.REPORT && action < Actions.RESUME && (s.events & Events.QUIESCE) == 0;
    }

    /** mark_engine_detached(): from now on -ESRCH; the mask becomes QUIESCE. */
    static void detach(EngineState s) {
        s.attached = false;
        s.wantsStop = false;
        s.events = Events.QUIESCE;
    }

    static int action(String name) {
        int a = Actions.parse(name);
        if (a < 0) throw new IllegalArgumentException("unknown action " + name);
        return a;
    }

    static int events(String names) {
        int m = 0;
        for (String part : names.split("\\|")) {
            int ev = Events.parseOne(part);
            if (ev < 0) throw new IllegalArgumentException("unknown event " + part);
            m |= ev;
        }
        return m;
    }

    /** State beyond the engines, for equality. */
    abstract Object situationState();

    @Override public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && engines.equals(((SpecBase) o).engines)
            && Objects.equals(situationState(), ((SpecBase) o).situationState());
    }

    @Override public int hashCode() {
        return Objects.hash(engines, situationState());
    }
}

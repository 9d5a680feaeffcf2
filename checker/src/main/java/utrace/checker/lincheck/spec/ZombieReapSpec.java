package utrace.checker.lincheck.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import utrace.model.Actions;
import utrace.model.Events;

/**
 * Sequential specification of the engine API on a zombie whose death report
 * is over, racing the parent's release_task (report_reap). Written from
 * PATCHES.md guarantees 1, 2, 6, 8 and 11 and the kernel-doc of patch 01:
 * <ul>
 * <li>utrace_control on a dead task (utrace_control_dead): only DETACH is
 *     allowed and returns 0 (the engine is gone at once: the task is not
 *     running); any other action -ESRCH; everything -ESRCH once the reap
 *     began (guarantee 6);</li>
 * <li>utrace_set_events: -EALREADY when it newly asks for DEATH or QUIESCE of
 *     a task that has exited; else 0; -ESRCH once reaped (guarantee 8);</li>
 * <li>utrace_barrier: 0 while attached, -ESRCH after detach or reap;</li>
 * <li>utrace_prepare_examine: -EINVAL (no engine can ask a zombie to stop);</li>
 * <li>attach: 0 before the reap (the new engine is reaped with the others),
 *     -ESRCH after;</li>
 * <li>release_task: report_reap to every attached engine that asks for REAP,
 *     in attach order, then nothing is attached (guarantees 2, 11).</li>
 * </ul>
 */
public class ZombieReapSpec extends SpecBase {
    private boolean reaped;
    /** Attach order: preattached engines first (the plan's order), then attach calls. */
    private final List<String> order = new ArrayList<>();

    @Override public String begin(String id) {
        String r = super.begin(id);
        reaped = false;
        order.clear();
        for (Map.Entry<String, EngineState> e : engines.entrySet()) if (e.getValue().attached) order.add(e.getKey());
        return r;
    }

    @Override public String attach(String e) {
        if (reaped) return "-ESRCH";
        String r = super.attach(e);
        if (r.equals("0")) order.add(e);
        return r;
    }

    public String setEvents(String e, String events) {
        EngineState s = engine(e);
        if (!s.attached) return "-ESRCH";
        int m = events(events);
        if (((m & ~s.events) & Events.DEATH_EVENTS) != 0) return "-EALREADY";
        s.events = m;
        return "0";
    }

    public String control(String e, String actionName) {
        EngineState s = engine(e);
        int a = action(actionName);
        if (needsQuiesce(s, a)) return "-EINVAL";
        if (!s.attached || a != Actions.DETACH) return "-ESRCH";
        detach(s);
        return "0";
    }

    public String barrier(String e) {
        return engine(e).attached ? "0" : "-ESRCH";
    }

    public String examine(String e) {
        return engine(e).wantsStop ? "0" : "-EINVAL";
    }

    public String tracee() {
        return "dead";
    }

    public String reap() {
        List<String> reported = new ArrayList<>();
        for (String name : order) {
            EngineState s = engines.get(name);
            if (s.attached && (s.events & Events.REAP) != 0) reported.add(name);
            // utrace_maybe_reap sets ops = NULL and leaves the mask: later calls see -ESRCH, or
            // -EINVAL first for REPORT..BLOCKSTEP without QUIESCE (not detached: no QUIESCE mask).
            s.attached = false;
            s.wantsStop = false;
        }
        reaped = true;
        return "report_reap" + reported;
    }

    @Override Object situationState() { return List.of(reaped, order); }
}

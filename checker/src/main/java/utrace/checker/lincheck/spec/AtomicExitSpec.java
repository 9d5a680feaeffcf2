package utrace.checker.lincheck.spec;

import java.util.List;

import utrace.model.Actions;
import utrace.model.Events;

/**
 * The specification one would like for DETACH (and set_events, barrier)
 * racing the tracee's exit: exit, with its exit and death reports and (the
 * tracee autoreaps) its reap, is one atomic step. Then utrace_control(DETACH) would
 * only ever return 0 (before the reap) or -ESRCH (after), set_events 0 or
 * -EALREADY (newly asking for DEATH/QUIESCE of an exited task). The
 * documentation says otherwise (guarantee 6: -EINPROGRESS while a callback
 * may still run, -EALREADY while report_death is under way), so Lincheck is
 * expected to find results this specification cannot produce: the probe
 * that makes "DETACH against exit" a "no" row of the README table.
 */
public class AtomicExitSpec extends SpecBase {
    private boolean exited;
    private boolean reaped;

    @Override public String begin(String id) {
        String r = super.begin(id);
        exited = reaped = false;
        return r;
    }

    public String control(String e, String actionName) {
        EngineState s = engine(e);
        int a = action(actionName);
        if (needsQuiesce(s, a)) return "-EINVAL";
        if (!s.attached || reaped || (exited && a != Actions.DETACH)) return "-ESRCH";
        if (a == Actions.DETACH) detach(s);
        return "0";
    }

    public String setEvents(String e, String events) {
        EngineState s = engine(e);
        if (!s.attached || reaped) return "-ESRCH";
        int m = events(events);
        if (exited && ((m & ~s.events) & Events.DEATH_EVENTS) != 0) return "-EALREADY";
        s.events = m;
        return "0";
    }

    public String barrier(String e) {
        return engine(e).attached && !reaped ? "0" : "-ESRCH";
    }

    /** exit(): exit report, death report and (no parent: autoreap) report_reap, all at once. */
    public String tracee() {
        exited = true;
        reaped = true;
        for (EngineState s : engines.values()) if (s.attached) detach(s);
        return "dead";
    }

    @Override Object situationState() { return List.of(exited, reaped); }
}

package utrace.checker.lincheck.spec;

import utrace.model.Actions;

/**
 * Sequential specification of the engine API on a tracee that stays in a
 * utrace stop for the whole run, because an engine other than the callers
 * (E0) holds it there and nobody resumes that engine. Written from
 * PATCHES.md guarantees 4-8 and the kernel-doc of kernel/utrace.c (patch 01):
 * <ul>
 * <li>utrace_set_events: 0 on a live engine (no -EINPROGRESS: the target is
 *     stopped, no callback can be running; no -EALREADY: it is not dying);</li>
 * <li>utrace_control: -EINVAL for REPORT/SINGLESTEP/BLOCKSTEP without QUIESCE;
 *     -ESRCH on a detached engine; else 0 (STOP on a stopped target returns 0
 *     at once, guarantee 5; DETACH on a stopped target is final at once,
 *     guarantee 6);</li>
 * <li>utrace_barrier: 0 (no callback can be in progress), -ESRCH once detached;</li>
 * <li>utrace_prepare/finish_examine: 0 if the engine asked for the stop
 *     (ENGINE_STOP), else -EINVAL (guarantee 10);</li>
 * <li>the tracee stays stopped (guarantee 4, stop is sticky).</li>
 * </ul>
 */
public class StoppedTraceeSpec extends SpecBase {
    public String setEvents(String e, String events) {
        EngineState s = engine(e);
        if (!s.attached) return "-ESRCH";
        s.events = events(events);
        return "0";
    }

    public String control(String e, String actionName) {
        EngineState s = engine(e);
        int a = action(actionName);
        if (needsQuiesce(s, a)) return "-EINVAL";
        if (!s.attached) return "-ESRCH";
        if (a == Actions.STOP) s.wantsStop = true;
        else if (a == Actions.DETACH) detach(s);
        else s.wantsStop = false;
        return "0";
    }

    public String barrier(String e) {
        return engine(e).attached ? "0" : "-ESRCH";
    }

    public String examine(String e) {
        return engine(e).wantsStop ? "0" : "-EINVAL";
    }

    public String waitStopped(String e) {
        return "ok";
    }

    public String tracee() {
        return "stopped";
    }

    @Override Object situationState() { return null; }
}

package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.Actions;
import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.State;
import utrace.model.TaskState;

/**
 * The documented contracts of the engine API that are not atomicity claims
 * (PATCHES.md "guarantees" 1, 3, 5, 6, 7), checked on the recorded results of
 * one run: the calls' return codes, the callbacks and the tracee's returns to
 * user mode, in the order the steps took them. They restate the guarantees
 * from the documentation over this log; they do not use the invariants
 * module, so with {@code --invariants none} a broken contract is caught by the
 * Lincheck validation alone.
 *
 * <p>A callback "runs" from its call step until its return value is applied
 * ({@code finish_callback_report}); report_reap runs within one step.
 */
public final class Contracts {
    private Contracts() {}

    /** The contracts, for listings. */
    public static final List<String> NAMES = List.of("detach-is-final", "barrier-means-quiet", "reap-after-death",
        "sigkill-wins", "stop-zero-means-stopped");

    /** One callback: to whom, for what, what it returned, when it started and when its return value was applied. */
    record Callback(int engine, int event, int action, int start, int end) {
        boolean runningAt(int i) { return start < i && i < end; }
    }

    /** Null if every contract holds on this run, else the first broken one and why. */
    public static String check(Model model, List<LoggedStep> log, State end) {
        List<Callback> callbacks = callbacks(log);
        String r = detachIsFinal(model, log, callbacks);
        if (r == null) r = barrierMeansQuiet(model, log, callbacks);
        if (r == null) r = reapAfterDeath(model, log, callbacks);
        if (r == null) r = sigkillWins(model, log, end);
        if (r == null) r = stopZeroMeansStopped(model, log);
        return r;
    }

    static List<Callback> callbacks(List<LoggedStep> log) {
        List<Callback> out = new ArrayList<>();
        for (LoggedStep s : log) {
            for (Obs o : s.obs()) {
                if (!o.liveCallback()) continue;
                int end = s.index();
                if (!s.function().equals("utrace_maybe_reap")) {
                    end = Integer.MAX_VALUE; // still running at the end of the log unless applied below
                    for (int j = s.index() + 1; j < log.size(); j++) {
                        LoggedStep n = log.get(j);
                        if (n.actor() == s.actor() && n.function().equals("finish_callback_report")) {
                            end = j;
                            break;
                        }
                    }
                }
                out.add(new Callback(o.engine(), o.code(), o.ret(), s.index(), end));
            }
        }
        return out;
    }

    /** 6: after utrace_control(DETACH) returned 0, no callback to that engine runs or starts. */
    static String detachIsFinal(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.CONTROL) || r.aux() != Actions.DETACH || r.ret() != Errno.OK) continue;
            int e = r.engine();
            for (Callback c : cbs) {
                if (c.engine != e) continue;
                if (c.start > s.index()) {
                    return "detach-is-final: utrace_control(" + m.engineName(e) + ", DETACH) returned 0 at step " + s.index()
                        + ", then a " + event(c.event) + " callback to " + m.engineName(e) + " started at step " + c.start;
                }
                if (c.runningAt(s.index())) {
                    return "detach-is-final: utrace_control(" + m.engineName(e) + ", DETACH) returned 0 at step " + s.index()
                        + " while the " + event(c.event) + " callback that started at step " + c.start + " was still running";
                }
            }
        }
        return null;
    }

    /** 7: utrace_barrier() returns 0 only when no callback of the engine is running (its return value applied). */
    static String barrierMeansQuiet(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.BARRIER) || r.ret() != Errno.OK) continue;
            for (Callback c : cbs) {
                if (c.engine == r.engine() && c.runningAt(s.index())) {
                    return "barrier-means-quiet: utrace_barrier(" + m.engineName(r.engine()) + ") returned 0 at step " + s.index()
                        + " while the " + event(c.event) + " callback that started at step " + c.start
                        + (c.end == Integer.MAX_VALUE ? " never had its return value applied"
                            : " had its return value applied only at step " + c.end);
                }
            }
        }
        return null;
    }

    /**
     * 1 and 2: an engine that asks for DEATH gets report_reap only after its
     * report_death returned (and its return value was applied); none after
     * report_death returned UTRACE_DETACH; nothing after report_reap.
     */
    static String reapAfterDeath(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (Callback reap : cbs) {
            if (reap.event != Events.REAP) continue;
            int e = reap.engine;
            String name = m.engineName(e);
            Callback death = null;
            for (Callback c : cbs) if (c.engine == e && c.event == Events.DEATH) death = death == null ? c : death;
            for (Callback c : cbs) {
                if (c.engine == e && c.start > reap.start) {
                    return "reap-after-death: a " + event(c.event) + " callback to " + name + " started at step " + c.start
                        + ", after report_reap at step " + reap.start;
                }
            }
            if (death != null && death.end > reap.start) {
                return "reap-after-death: report_reap to " + name + " at step " + reap.start
                    + " before its report_death (started at step " + death.start + ") returned";
            }
            if (death != null && death.action == Actions.DETACH) {
                return "reap-after-death: report_reap to " + name + " at step " + reap.start
                    + " although its report_death returned UTRACE_DETACH";
            }
            State before = reap.start == 0 ? m.initial() : log.get(reap.start - 1).after();
            if (death == null && (before.engineFlags(e) & Events.DEATH) != 0) {
                return "reap-after-death: report_reap to " + name + " at step " + reap.start
                    + " while it asks for DEATH and no report_death was made";
            }
        }
        return null;
    }

    /** 3: once SIGKILL is sent the tracee never returns to user mode and ends dead. */
    static String sigkillWins(Model m, List<LoggedStep> log, State end) {
        int killedAt = -1;
        for (LoggedStep s : log) {
            if (killedAt < 0 && s.after().killed()) killedAt = s.index();
            if (killedAt >= 0 && s.has(Obs.Kind.USER_ENTRY)) {
                return "sigkill-wins: SIGKILL was sent at step " + killedAt + ", yet the tracee returned to user mode at step " + s.index();
            }
        }
        if (end.killed() && !m.traceeDead(end)) {
            return "sigkill-wins: SIGKILL was sent" + (killedAt >= 0 ? " at step " + killedAt : "")
                + ", yet when nothing can move any more the tracee is not dead: " + m.where(end, 0);
        }
        return null;
    }

    /** 5: utrace_control(STOP) returns 0 only if the target is stopped. */
    static String stopZeroMeansStopped(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.CONTROL) || r.aux() != Actions.STOP || r.ret() != Errno.OK) continue;
            State after = s.after();
            if (!TaskState.isStoppedOrTraced(after.taskState()) && after.exitState() == TaskState.EXIT_NONE) {
                return "stop-zero-means-stopped: utrace_control(" + m.engineName(r.engine()) + ", STOP) returned 0 at step "
                    + s.index() + " but the tracee is " + TaskState.name(after.taskState());
            }
        }
        return null;
    }

    private static String event(int ev) {
        return "report_" + Events.names(ev).toLowerCase(java.util.Locale.ROOT);
    }
}

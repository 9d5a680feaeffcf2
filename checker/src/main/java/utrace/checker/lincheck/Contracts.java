package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.invariants.SignalEvent;
import utrace.model.Actions;
import utrace.model.CallbackSpec;
import utrace.model.EngineList;
import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Tif;

/**
 * The documented contracts of the engine API that are not atomicity claims
 * (PATCHES.md "guarantees" 1, 3, 4, 5, 6, 7, 8, 9, 11, deadlock freedom, the
 * scenario's ordering guards coming to hold, and ptrace's syscall stops,
 * patches 22-25), checked on the recorded results of
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
        "control-errors", "sigkill-wins", "stop-is-sticky", "exit-stop-holds", "stop-zero-means-stopped", "stop-einprogress-means-callback", "set-events-errors",
        "attach-errors", "attach-ordering", "examine-means-unscheduled", "callback-promised", "events-reported", "signal-report-action", "handler-report-made", "signal-action-honoured", "no-engine-leak", "deadlock-freedom", "guard-liveness", "ptrace-syscall-stops", "no-signal-loss", "report-not-lost", "engine-step-kept");

    /** One callback: to whom, for what, what it returned, when it started and when its return value was applied. */
    record Callback(int engine, int event, int action, int start, int end) {
        boolean runningAt(int i) { return start < i && i < end; }
    }

    /** Null if every contract holds on this run, else the first broken one and why. */
    public static String check(Model model, List<LoggedStep> log, State end) {
        List<String> broken = checkAll(model, log, end);
        return broken.isEmpty() ? null : broken.get(0);
    }

    /** Every broken contract, one line each ("name: why"), in the order of {@link #NAMES}. */
    public static List<String> checkAll(Model model, List<LoggedStep> log, State end) {
        List<Callback> callbacks = callbacks(log);
        List<String> broken = new ArrayList<>();
        add(broken, detachIsFinal(model, log, callbacks));
        add(broken, barrierMeansQuiet(model, log, callbacks));
        add(broken, reapAfterDeath(model, log, callbacks));
        add(broken, ControlErrorsContract.check(model, log));
        add(broken, sigkillWins(model, log, end));
        add(broken, stopIsSticky(model, log, callbacks));
        add(broken, exitStopHolds(model, log, callbacks));
        add(broken, stopZeroMeansStopped(model, log));
        add(broken, stopEinprogressMeansCallback(model, log, callbacks));
        add(broken, setEventsErrors(model, log));
        add(broken, AttachErrorsContract.check(model, log));
        add(broken, attachOrdering(model, log));
        add(broken, examineMeansUnscheduled(model, log));
        add(broken, callbackPromised(model, log));
        add(broken, eventsReported(model, log));
        add(broken, SignalReportActionContract.check(model, log));
        add(broken, HandlerReportMadeContract.check(model, log));
        add(broken, SignalActionHonouredContract.check(model, log));
        add(broken, noEngineLeak(model, end));
        add(broken, deadlockFreedom(model, end));
        add(broken, guardLiveness(model, end));
        add(broken, ptraceSyscallStops(model, log));
        add(broken, noSignalLoss(model, log));
        add(broken, reportNotLost(model, end));
        add(broken, engineStepKept(model, log));
        return broken;
    }

    private static void add(List<String> broken, String r) {
        if (r != null) broken.add(r);
    }

    static List<Callback> callbacks(List<LoggedStep> log) {
        List<Callback> out = new ArrayList<>();
        for (LoggedStep s : log) {
            for (Obs o : s.obs()) {
                if (!o.liveCallback()) continue;
                // A callback ends at its actor's finish_callback_report step; report_reap, made outside any
                // reporting pass, at the actor's next teardown step (ops = NULL and the put).
                String ender = s.function().equals("utrace_maybe_reap") ? "utrace_maybe_reap" : "finish_callback_report";
                int end = Integer.MAX_VALUE; // still running at the end of the log unless it ends below
                for (int j = s.index() + 1; j < log.size(); j++) {
                    LoggedStep n = log.get(j);
                    if (n.actor() == s.actor() && n.function().equals(ender)) {
                        end = j;
                        break;
                    }
                }
                out.add(new Callback(o.engine(), o.code(), o.ret(), s.index(), end));
            }
        }
        return out;
    }

    /**
     * 6: after utrace_control(DETACH) returned 0, no callback to that engine runs or starts; after a callback of the
     * engine returned UTRACE_DETACH ("Detach my engine"), no other callback to it starts.
     */
    static String detachIsFinal(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (Callback d : cbs) {
            if (d.action() != Actions.DETACH) continue;
            for (Callback c : cbs) {
                if (c.engine() == d.engine() && c.start() > d.start() && !reattached(log, d.engine(), d.start(), c.start())) {
                    return "detach-is-final: a " + event(d.event()) + " callback of " + m.engineName(d.engine()) + " returned "
                        + "UTRACE_DETACH at step " + d.start() + ", then a " + event(c.event()) + " callback to it started at step "
                        + c.start();
                }
            }
        }
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.CONTROL) || r.aux() != Actions.DETACH || r.ret() != Errno.OK) continue;
            int e = r.engine();
            for (Callback c : cbs) {
                if (c.engine != e) continue;
                if (c.start > s.index() && !reattached(log, e, s.index(), c.start)) {
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

    /**
     * Did the owner attach a new engine in {@code e}'s slot between steps {@code from} and {@code to}? An attach
     * after put makes a new engine once the old one is freed (scenario-format.md): the detached engine's promise
     * does not bind it (reattach-after-put, handler-step-then-new-engine).
     */
    static boolean reattached(List<LoggedStep> log, int e, int from, int to) {
        for (int i = from + 1; i < to && i < log.size(); i++) {
            Obs r = log.get(i).apiReturn();
            if (r != null && r.isReturnOf(OwnerOp.Kind.ATTACH) && r.engine() == e && r.ret() == Errno.OK) return true;
        }
        return false;
    }

    /**
     * 7: utrace_barrier() returns 0 only when no callback of the engine is running (its return value applied),
     * and -ESRCH only when the engine is completely detached ("finished all callbacks", the DocBook).
     */
    static String barrierMeansQuiet(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.BARRIER) || (r.ret() != Errno.OK && r.ret() != Errno.ESRCH)) continue;
            for (Callback c : cbs) {
                if (c.engine == r.engine() && c.runningAt(s.index())) {
                    return "barrier-means-quiet: utrace_barrier(" + m.engineName(r.engine()) + ") returned "
                        + (r.ret() == Errno.OK ? "0" : "-ESRCH") + " at step " + s.index()
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
     * report_death returned UTRACE_DETACH; nothing after report_reap. An engine the reap's teardown takes off
     * (its ops go from live to NULL in a utrace_maybe_reap step) while it asks for REAP has had its report_reap
     * ("called when someone reaps the dead task").
     */
    static String reapAfterDeath(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (LoggedStep s : log) {
            // the reap's teardown steps (utrace_control(DETACH) on a zombie takes an engine from live to NULL too)
            if (!s.function().equals("utrace_maybe_reap")) continue;
            State before = before(m, log, s.index());
            for (int e = 0; e < m.engineCount(); e++) {
                if (before.engineOps(e) != Ops.LIVE || s.after().engineOps(e) != Ops.NULL
                        || (before.engineFlags(e) & Events.REAP) == 0) {
                    continue;
                }
                boolean reported = false;
                for (Callback c : cbs) reported |= c.engine == e && c.event == Events.REAP && c.start <= s.index();
                if (!reported) {
                    return "reap-after-death: " + m.engineName(e) + " asked for REAP but was torn down at step " + s.index()
                        + " with no report_reap";
                }
            }
        }
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
            State before = before(m, log, reap.start);
            if (death == null && (before.engineFlags(e) & Events.DEATH) != 0) {
                return "reap-after-death: report_reap to " + name + " at step " + reap.start
                    + " while it asks for DEATH and no report_death was made";
            }
        }
        return null;
    }

    /**
     * 3: once SIGKILL is sent the tracee never returns to user mode, enters no group stop (the group exit ends it),
     * goes on with no system call its entry report
     * stopped (do_report_syscall_entry's UTRACE_SYSCALL_ABORT) and ends dead, unless an engine holds it at report_exit
     * (the exception utrace.h documents; exit-stop-holds checks that hold).
     */
    static String sigkillWins(Model m, List<LoggedStep> log, State end) {
        int killedAt = -1;
        for (LoggedStep s : log) {
            if (killedAt < 0 && s.after().killed()) killedAt = s.index();
            if (killedAt >= 0 && s.has(Obs.Kind.USER_ENTRY)) {
                return "sigkill-wins: SIGKILL was sent at step " + killedAt + ", yet the tracee returned to user mode at step " + s.index();
            }
            if (killedAt >= 0 && s.has(Obs.Kind.GROUP_STOP)) {
                return "sigkill-wins: SIGKILL was sent at step " + killedAt + ", yet the tracee entered a group stop at step "
                    + s.index();
            }
            if (killedAt >= 0 && s.has(Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP)) {
                return "sigkill-wins: SIGKILL was sent at step " + killedAt + ", yet the system call stopped at entry went on at step "
                    + s.index();
            }
        }
        // The documented exception (utrace.h, @report_exit): an engine's UTRACE_STOP from report_exit keeps the
        // dying thread in that utrace_stop while the engine holds it.
        if (end.killed() && !m.traceeDead(end) && !m.traceeHeldAtReportExit(end)) {
            return "sigkill-wins: SIGKILL was sent" + (killedAt >= 0 ? " at step " + killedAt : "")
                + ", yet when nothing can move any more the tracee is not dead: " + m.where(end, 0);
        }
        return null;
    }

    /**
     * 4: a tracee an engine keeps stopped runs no user code until that engine lets go. An engine keeps it
     * stopped from a step after which the tracee sleeps in utrace_stop (or utrace_control(STOP) returned 0)
     * while the engine is attached with ENGINE_STOP set, until a step after which it is detached or
     * ENGINE_STOP is clear (its owner's RESUME and the like, or its own callback's return value). SIGKILL
     * ends every stop. A callback that returned UTRACE_STOP asks for the stop from the step that applies its
     * return value (finish_callback_report), before the tracee sleeps: utrace.h, "if @engine returned
     * %UTRACE_STOP then @current stays stopped unless @engine tells it otherwise".
     */
    static String stopIsSticky(Model m, List<LoggedStep> log, List<Callback> cbs) {
        int[] heldSince = new int[m.engineCount()];
        java.util.Arrays.fill(heldSince, -1);
        boolean[] asked = new boolean[m.engineCount()];
        for (LoggedStep s : log) {
            State before = before(m, log, s.index());
            if (s.has(Obs.Kind.USER_ENTRY) && !before.killed()) {
                for (int e = 0; e < heldSince.length; e++) {
                    if (heldSince[e] >= 0) {
                        return "stop-is-sticky: the tracee returned to user mode at step " + s.index() + " while "
                            + m.engineName(e) + (asked[e] ? ", whose callback's UTRACE_STOP was applied at step "
                                : ", which has kept it stopped since step ") + heldSince[e] + ", still asks for the stop";
                    }
                }
            }
            State a = s.after();
            Obs r = s.apiReturn();
            boolean stopZero = r != null && r.isReturnOf(OwnerOp.Kind.CONTROL) && r.aux() == Actions.STOP && r.ret() == Errno.OK;
            for (int e = 0; e < heldSince.length; e++) {
                boolean wants = a.engineOps(e) == Ops.LIVE && (a.engineFlags(e) & Events.ENGINE_STOP) != 0;
                if (!wants) {
                    heldSince[e] = -1;
                    asked[e] = false;
                } else if (heldSince[e] < 0 && (m.traceeInUtraceStop(a) || stopZero && r.engine() == e)) {
                    heldSince[e] = s.index();
                } else if (heldSince[e] < 0 && stopAppliedAt(cbs, e, s.index())) {
                    heldSince[e] = s.index();
                    asked[e] = true;
                }
            }
        }
        return null;
    }

    /** Did step {@code i} apply the UTRACE_STOP a callback to engine {@code e} returned? */
    private static boolean stopAppliedAt(List<Callback> cbs, int e, int i) {
        for (Callback c : cbs) if (c.engine() == e && c.end() == i && c.action() == Actions.STOP) return true;
        return false;
    }

    /**
     * utrace.h, @report_exit: "Returning UTRACE_STOP here keeps @current stopped before it cleans up its state
     * and dies". After a report_exit callback to an engine returned UTRACE_STOP, the thread does not become a
     * zombie or dead while that engine still asks for the stop, before a utrace_control() of its owner
     * that lets go returns (any action but STOP, not -EINVAL), unless a new SIGKILL is pending (it wakes the
     * TASK_UTRACED sleeper): one sent and not dequeued since, as the history tells it, not task->pending, which a
     * broken dequeue leaves set.
     */
    static String exitStopHolds(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (Callback c : cbs) {
            if (c.event != Events.EXIT || c.action != Actions.STOP || c.end == Integer.MAX_VALUE) continue;
            for (int i = c.end + 1; i < log.size(); i++) {
                LoggedStep s = log.get(i);
                Obs r = s.apiReturn();
                if (r != null && r.isReturnOf(OwnerOp.Kind.CONTROL) && r.engine() == c.engine && r.aux() != Actions.STOP
                        && r.ret() != Errno.EINVAL) {
                    break; // the owner let go (STOP keeps the hold; -EINVAL changed nothing)
                }
                State before = before(m, log, i);
                if (before.engineOps(c.engine) != Ops.LIVE || (before.engineFlags(c.engine) & Events.ENGINE_STOP) == 0) break;
                if (before.exitState() == TaskState.EXIT_NONE && s.after().exitState() != TaskState.EXIT_NONE
                        && !before.taskHistory(Slots.G_SIGKILL_UNTAKEN)) {
                    return "exit-stop-holds: report_exit to " + m.engineName(c.engine) + " returned UTRACE_STOP (applied at step "
                        + c.end + "), yet at step " + i + " the thread became " + TaskState.exitName(s.after().exitState())
                        + " while " + m.engineName(c.engine) + " still asks for the stop";
                }
            }
        }
        return null;
    }

    /** 5: utrace_control(STOP) returns 0 only if the target is stopped. */
    /**
     * 10: utrace_finish_examine() returns 0 only if the tracee "has remained unscheduled since the paired
     * utrace_prepare_examine() call returned zero": no step of the tracee between that owner's prepare step
     * and the return (read from the log, not from the model's switch count).
     */
    static String examineMeansUnscheduled(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            if (s.has(Obs.Kind.EXAMINE_PREPARED)) {
                for (Obs o : s.obs()) {
                    if (o.kind() == Obs.Kind.EXAMINE_PREPARED
                            && (before(m, log, s.index()).engineFlags(o.engine()) & Events.ENGINE_STOP) == 0) {
                        return "examine-means-unscheduled: utrace_prepare_examine(" + m.engineName(o.engine()) + ") returned 0 at step "
                            + s.index() + ", not -EINVAL, although the engine does not keep the tracee stopped";
                    }
                }
            }
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.EXAMINE)) continue;
            // utrace.c: "The error is -%EINVAL if @engine is not keeping @target stopped": both calls test
            // engine_wants_stop() first, in the step that returns.
            boolean keeps = (before(m, log, s.index()).engineFlags(r.engine()) & Events.ENGINE_STOP) != 0;
            if (keeps ? r.ret() == Errno.EINVAL : r.ret() == Errno.OK) {
                return "examine-means-unscheduled: utrace_prepare/finish_examine(" + m.engineName(r.engine()) + ") returned "
                    + Errno.name(r.ret()) + " at step " + s.index() + (keeps ? " although the engine keeps the tracee stopped"
                        : " although the engine no longer keeps the tracee stopped");
            }
            if (r.ret() != Errno.OK) continue;
            int prepare = s.index() - 1;
            while (prepare >= 0 && log.get(prepare).actor() != s.actor()) prepare--;
            if (prepare < 0 || !log.get(prepare).function().equals("utrace_prepare_examine")) continue; // no prepare logged
            for (int q = prepare + 1; q < s.index(); q++) {
                if (m.actorName(log.get(q).actor()).equals("tracee")) {
                    return "examine-means-unscheduled: utrace_finish_examine(" + m.engineName(r.engine()) + ") returned 0 at step "
                        + s.index() + " although the tracee ran at step " + q + ", after utrace_prepare_examine at step " + prepare;
                }
            }
        }
        return null;
    }

    /**
     * utrace_set_events(): "This call enables @events callbacks to be made as soon as @engine becomes eligible": no
     * hook passed without a report pass while a live engine's flags (as the step before left them) ask for its event.
     */
    static String eventsReported(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            if (!s.has(Obs.Kind.EVENT_UNREPORTED) && !s.has(Obs.Kind.REPORT_STARTED)) continue;
            State before = before(m, log, s.index());
            for (Obs o : s.obs()) {
                if (o.kind() == Obs.Kind.REPORT_STARTED) {
                    // start_report() splices ->attaching when pending_attach says so
                    for (int e = 0; e < m.engineCount(); e++) {
                        if (EngineList.contains(before.attaching(), e) && before.engineOps(e) == Ops.LIVE
                                && (before.engineFlags(e) & o.code()) != 0 && !EngineList.contains(s.after().attached(), e)) {
                            return "events-reported: the " + Events.names(o.code()) + " report pass began at step " + s.index()
                                + " with " + m.engineName(e) + " left on ->attaching, although it had asked for the event";
                        }
                    }
                    continue;
                }
                if (o.kind() != Obs.Kind.EVENT_UNREPORTED) continue;
                int event = o.aux() != 0 ? SignalEvent.of(m, o.aux()) : o.code(); // a signal's, from its sigaction
                for (int e = 0; e < m.engineCount(); e++) {
                    if (before.engineOps(e) == Ops.LIVE && (before.engineFlags(e) & event) != 0) {
                        return "events-reported: at step " + s.index() + " the tracee passed the " + Events.names(event)
                            + " hook with no report pass although " + m.engineName(e) + " asks for it";
                    }
                }
            }
        }
        return null;
    }

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

    /**
     * 5, the -EINPROGRESS half (utrace.h: "A @report_quiesce or @report_signal callback will be made soon"):
     * the tracee never sleeps in utrace_stop for engines that are all owed that callback. An engine is owed it
     * when its last utrace_control() was a STOP that returned -EINPROGRESS, it had QUIESCE, its own callbacks
     * had not asked for the stop (none returned UTRACE_STOP before, none was running), and since then no callback
     * to it has started and its flags have kept QUIESCE (an engine that drops it is promised nothing). Another
     * engine keeping the tracee stopped defers the callback ("there might be no callbacks until all engines let it
     * resume"); SIGKILL ends the stop.
     */
    static String stopEinprogressMeansCallback(Model m, List<LoggedStep> log, List<Callback> cbs) {
        for (LoggedStep s : log) {
            State a = s.after();
            if (a.killed() || !m.traceeInUtraceStop(a)) continue;
            int owed = -1;
            int at = -1;
            for (int e = 0; e < m.engineCount(); e++) {
                if (a.engineOps(e) != Ops.LIVE || (a.engineFlags(e) & Events.ENGINE_STOP) == 0) continue;
                int p = promise(m, log, cbs, e, s.index());
                if (p < 0 || (a.engineFlags(e) & Events.QUIESCE) == 0) {
                    owed = -2; // an engine that was promised nothing keeps the tracee stopped too
                    break;
                }
                if (owed == -1) {
                    owed = e;
                    at = p;
                }
            }
            if (owed < 0) continue;
            return "stop-einprogress-means-callback: utrace_control(" + m.engineName(owed) + ", STOP) returned -EINPROGRESS "
                + "at step " + at + ", and at step " + s.index() + " the tracee sleeps in utrace_stop for it alone with no "
                + "callback to " + m.engineName(owed) + " since";
        }
        return null;
    }

    /** The step of the STOP that left engine {@code e} owed a callback at step {@code upto} (see above), or -1. */
    private static int promise(Model m, List<LoggedStep> log, List<Callback> cbs, int e, int upto) {
        int last = -1;
        for (int i = 0; i <= upto; i++) {
            Obs r = log.get(i).apiReturn();
            if (r != null && r.isReturnOf(OwnerOp.Kind.CONTROL) && r.engine() == e) last = i;
        }
        if (last < 0) return -1;
        Obs r = log.get(last).apiReturn();
        if (r.aux() != Actions.STOP || r.ret() != Errno.EINPROGRESS) return -1;
        State before = before(m, log, last);
        if ((before.engineFlags(e) & Events.ENGINE_STOP) != 0 || (before.engineFlags(e) & Events.QUIESCE) == 0) return -1;
        for (Callback c : cbs) if (c.engine == e && (c.runningAt(last) || c.start > last && c.start <= upto)) return -1;
        for (int i = last; i <= upto; i++) if ((log.get(i).after().engineFlags(e) & Events.QUIESCE) == 0) return -1;
        return last;
    }

    /**
     * 8: clearing DEATH or QUIESCE while report_death is under way (utrace->death), or newly setting them on a
     * dying task, is -EALREADY; and "when this returns zero, you can be sure that no event callbacks you've
     * disabled in @events can be made" (checked by {@link #disabledCallbackMade}).
     */
    static String setEventsErrors(Model m, List<LoggedStep> log) {
        String made = disabledCallbackMade(m, log);
        if (made != null) return made;
        for (LoggedStep s : log) {
            // an owner's call, or a callback's on its own engine
            for (Obs r : s.callReturns()) {
                if (r == null || !r.isAnyReturnOf(OwnerOp.Kind.SET_EVENTS)) continue;
                State before = before(m, log, s.index());
                // "If @events only sets new bits that were not set before on @engine, then -EINPROGRESS will never be
                // returned"
                if (r.ret() == Errno.EINPROGRESS && (before.engineFlags(r.engine()) & ~Events.ENGINE_STOP & ~r.aux()) == 0) {
                    return "set-events-errors: utrace_set_events(" + m.engineName(r.engine()) + ", " + Events.names(r.aux())
                        + ") returned -EINPROGRESS at step " + s.index() + " although it only sets new bits";
                }
                if (r.ret() == Errno.ESRCH && before.engineOps(r.engine()) == Ops.LIVE
                        && !before.taskHistory(Slots.G_REAP_BEGAN)) {
                    return "set-events-errors: utrace_set_events(" + m.engineName(r.engine()) + ", " + Events.names(r.aux())
                        + ") returned -ESRCH at step " + s.index() + " with the engine attached and no reap begun";
                }
                if (r.ret() != Errno.OK) continue;
                if (before.engineOps(r.engine()) != Ops.LIVE) {
                    return "set-events-errors: utrace_set_events(" + m.engineName(r.engine()) + ", " + Events.names(r.aux())
                        + ") returned 0 at step " + s.index() + " although the engine is detached (-ESRCH expected)";
                }
                int cleared = before.engineFlags(r.engine()) & ~r.aux() & Events.DEATH_EVENTS;
                // report_death under way as the history tells it, not utrace->death
                if (cleared != 0 && before.taskHistory(Slots.G_DEATH_BEGAN) && !before.taskHistory(Slots.G_DEATH_DONE)) {
                    return "set-events-errors: utrace_set_events(" + m.engineName(r.engine()) + ", " + Events.names(r.aux())
                        + ") returned 0 at step " + s.index() + " although it clears " + Events.names(cleared)
                        + " while report_death is under way (-EALREADY expected)";
                }
                int added = r.aux() & ~before.engineFlags(r.engine()) & Events.DEATH_EVENTS;
                if (added != 0 && before.exitState() != 0) {
                    return "set-events-errors: utrace_set_events(" + m.engineName(r.engine()) + ", " + Events.names(r.aux())
                        + ") returned 0 at step " + s.index() + " although it newly sets " + Events.names(added)
                        + " on a dying task (-EALREADY expected)";
                }
            }
        }
        return null;
    }

    /**
     * A callback made after the owner's utrace_set_events returned 0 for an event outside its @events (QUIESCE
     * also enables report_signal), or after it returned -EINPROGRESS and the owner's utrace_barrier then returned
     * 0 (utrace_barrier: it "waits until there is no chance an unwanted callback can be in progress"). The
     * promise lasts until the engine's flags change again: the owner's next utrace_set_events return starts a
     * new one if it is 0 (or a pending one if -EINPROGRESS), and so does the engine's own callback calling
     * utrace_set_events on itself (target == current: the flags it stores are in place for every later callback,
     * start_callback re-reading them after report_quiesce); any other change of the flags ends both, with no
     * judgement until the next one.
     */
    private static String disabledCallbackMade(Model m, List<LoggedStep> log) {
        int[] promised = new int[m.engineCount()];
        int[] promisedAt = new int[m.engineCount()];
        int[] atBarrier = new int[m.engineCount()]; // the @events of an -EINPROGRESS return, until utrace_barrier
        int[] inProgressAt = new int[m.engineCount()];
        java.util.Arrays.fill(promised, -1);
        java.util.Arrays.fill(atBarrier, -1);
        java.util.Arrays.fill(inProgressAt, -1);
        for (LoggedStep s : log) {
            State before = before(m, log, s.index());
            for (Obs o : s.obs()) {
                if (!o.liveCallback() || promised[o.engine()] < 0) continue;
                int enabling = (o.code() & Events.SIGNAL_ALL) != 0 ? o.code() | Events.QUIESCE : o.code();
                if ((promised[o.engine()] & enabling) == 0) {
                    int e = o.engine();
                    return "set-events-errors: " + event(o.code()) + " to " + m.engineName(e) + " made at step "
                        + s.index() + (inProgressAt[e] >= 0
                            ? " although the owner's utrace_set_events left the mask " + Events.names(promised[e])
                                + " (-EINPROGRESS at step " + inProgressAt[e] + ") and utrace_barrier returned 0 at step "
                                + promisedAt[e]
                            : " although utrace_set_events(" + Events.names(promised[e]) + ") returned 0 at step "
                                + promisedAt[e]);
                }
            }
            Obs r = s.apiReturn();
            for (int e = 0; e < promised.length; e++) {
                boolean mine = r != null && r.engine() == e;
                int self = selfSetEvents(m, s, e);
                if (mine && r.isReturnOf(OwnerOp.Kind.SET_EVENTS) && r.ret() == Errno.OK && atBarrier[e] >= 0
                        && (before.engineFlags(e) & ~Events.ENGINE_STOP & ~r.aux()) == 0 && before.exitState() == 0
                        && !stoppedForSetEvents(m, before)) {
                    // only new bits on a running target: no utrace->reporting test, so the earlier -EINPROGRESS
                    // still waits for utrace_barrier ("no event callbacks you've disabled": this call disabled none)
                    atBarrier[e] = r.aux() & ~Events.ENGINE_STOP;
                } else if (mine && r.isReturnOf(OwnerOp.Kind.SET_EVENTS) && r.ret() == Errno.OK) {
                    promised[e] = r.aux() & ~Events.ENGINE_STOP;
                    promisedAt[e] = s.index();
                    inProgressAt[e] = -1;
                    atBarrier[e] = -1;
                } else if (mine && r.isReturnOf(OwnerOp.Kind.SET_EVENTS) && r.ret() == Errno.EINPROGRESS) {
                    promised[e] = -1;
                    atBarrier[e] = r.aux() & ~Events.ENGINE_STOP;
                    inProgressAt[e] = s.index();
                } else if (mine && r.isReturnOf(OwnerOp.Kind.BARRIER) && r.ret() == Errno.OK && atBarrier[e] >= 0) {
                    promised[e] = atBarrier[e];
                    promisedAt[e] = s.index();
                    atBarrier[e] = -1;
                } else if (self >= 0) {
                    promised[e] = self;
                    promisedAt[e] = s.index();
                    inProgressAt[e] = -1;
                    atBarrier[e] = -1;
                } else if (((before.engineFlags(e) ^ s.after().engineFlags(e)) & ~Events.ENGINE_STOP) != 0) {
                    promised[e] = -1;
                    atBarrier[e] = -1;
                }
            }
        }
        return null;
    }

    /**
     * The @events a live callback to engine e made in this step gave utrace_set_events on its own engine, when the
     * engine's flags after the step are exactly those (the call went through), else -1.
     */
    private static int selfSetEvents(Model m, LoggedStep s, int e) {
        for (Obs o : s.obs()) {
            if (!o.liveCallback() || o.engine() != e) continue;
            CallbackSpec spec = m.scenario().engines().get(e).callback(o.code());
            if (spec == null || spec.selfCall() == null) continue;
            if (spec.selfCall().kind() != CallbackSpec.SelfCallKind.SET_EVENTS) continue;
            int events = spec.selfCall().arg() & ~Events.ENGINE_STOP;
            if ((s.after().engineFlags(e) & ~Events.ENGINE_STOP) == events) return events;
        }
        return -1;
    }

    /** utrace_set_events' "stopped" test: task_is_utraced() from patch 15 on, task_is_stopped_or_traced() before. */
    private static boolean stoppedForSetEvents(Model m, State s) {
        return m.config().has(15) ? (s.taskState() & TaskState.UTRACED_BIT) != 0 : TaskState.isStoppedOrTraced(s.taskState());
    }

    private static boolean wantsSyscallEntry(Model m, State s) {
        for (int e = 0; e < m.engineCount(); e++) {
            if (s.engineOps(e) == Ops.LIVE && (s.engineFlags(e) & Events.SYSCALL_ENTRY) != 0) return true;
        }
        return false;
    }

    /**
     * utrace.c's promises to an owner whose tracee sits in a utrace stop: after utrace_control(REPORT or
     * INTERRUPT) returned 0, or utrace_set_events() returned 0 with QUIESCE newly set, the tracee makes a
     * report_quiesce or report_signal to that engine before it returns to user mode. The promise ends with such
     * a callback, with the engine's QUIESCE cleared, or with the engine detached.
     */
    static String callbackPromised(Model m, List<LoggedStep> log) {
        int[] owedAt = new int[m.engineCount()];
        java.util.Arrays.fill(owedAt, -1);
        // UTRACE_INTERRUPT to an engine with report_signal, stopped or not: "a @report_signal callback before it
        // resumes or delivers signals"; a report_quiesce does not keep it
        int[] signalOwedAt = new int[m.engineCount()];
        java.util.Arrays.fill(signalOwedAt, -1);
        int repeatAskedAt = -1; // @report_syscall_entry's repeat: REPORT/INTERRUPT asked since the entry pass began
        for (LoggedStep s : log) {
            State before = before(m, log, s.index());
            if (s.has(Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP) && repeatAskedAt >= 0 && wantsSyscallEntry(m, before)) {
                return "callback-promised: REPORT or INTERRUPT was asked at step " + repeatAskedAt + " and at step "
                    + s.index() + " the system call goes on after its entry stop with no repeat report_syscall_entry";
            }
            // a syscall-entry pass (the first, or a repeat) begins at a step of utrace_report_syscall_entry
            if (s.actor() == 0 && s.function().equals("utrace_report_syscall_entry") && !s.has(Obs.Kind.CALLBACK)) {
                repeatAskedAt = -1;
            }
            for (Obs o : s.obs()) {
                if (o.liveCallback() && o.code() == Events.SYSCALL_ENTRY
                        && (o.ret() == Actions.REPORT || o.ret() == Actions.INTERRUPT)) {
                    repeatAskedAt = s.index();
                }
            }
            for (Obs o : s.obs()) {
                if (o.liveCallback() && (o.code() == Events.QUIESCE || (o.code() & Events.SIGNAL_ALL) != 0)) {
                    owedAt[o.engine()] = -1;
                }
                if (o.liveCallback() && (o.signalAction() >= 0 || (o.code() & Events.SIGNAL_ALL) != 0)) {
                    signalOwedAt[o.engine()] = -1;
                }
            }
            for (int e = 0; e < owedAt.length; e++) {
                if ((s.after().engineFlags(e) & Events.QUIESCE) == 0) owedAt[e] = signalOwedAt[e] = -1;
                if (signalOwedAt[e] >= 0 && s.has(Obs.Kind.USER_ENTRY) && before.has(Slots.TIF, Tif.SINGLESTEP)) {
                    signalOwedAt[e] = -1; // back after one instruction, where the step trap makes a report_signal
                }
                if (signalOwedAt[e] >= 0 && s.has(Obs.Kind.USER_ENTRY) && s.after().engineOps(e) == Ops.LIVE) {
                    return "callback-promised: utrace_control(" + m.engineName(e) + ", INTERRUPT) returned 0 at step "
                        + signalOwedAt[e] + ", and at step " + s.index() + " the tracee returns to user mode with no "
                        + "report_signal to " + m.engineName(e) + " since";
                }
                if (owedAt[e] >= 0 && s.has(Obs.Kind.USER_ENTRY) && s.after().engineOps(e) == Ops.LIVE) {
                    return "callback-promised: a call on " + m.engineName(e) + " returned 0 at step " + owedAt[e]
                        + " with the tracee stopped, and at step " + s.index() + " the tracee returns to user mode "
                        + "with no report_quiesce or report_signal to " + m.engineName(e) + " since";
                }
            }
            Obs r = s.apiReturn();
            if (r != null && r.ret() == Errno.OK && before.exitState() == 0 && r.isReturnOf(OwnerOp.Kind.CONTROL)
                    && r.aux() == Actions.INTERRUPT && m.scenario().engines().get(r.engine()).hasReportSignal()) {
                signalOwedAt[r.engine()] = s.index();
            }
            if (r == null || r.ret() != Errno.OK || before.exitState() != 0 || !m.traceeInUtraceStop(before)) continue;
            if (r.isReturnOf(OwnerOp.Kind.CONTROL) && (r.aux() == Actions.REPORT || r.aux() == Actions.INTERRUPT)) {
                owedAt[r.engine()] = s.index();
                repeatAskedAt = s.index();
            } else if (r.isReturnOf(OwnerOp.Kind.SET_EVENTS) && (r.aux() & Events.QUIESCE) != 0
                    && (before.engineFlags(r.engine()) & Events.QUIESCE) == 0) {
                owedAt[r.engine()] = s.index();
            }
        }
        return null;
    }

    /**
     * The steps of one REPORT_CALLBACKS walk over utrace->attached (start_callback, the callback, finish_callback);
     * utrace_get_signal's walk calls report_signal in a step of its own function, taken by its callback.
     */
    private static final java.util.Set<String> PASS_FUNCTIONS =
        java.util.Set.of("start_callback", "REPORT_CALLBACKS", "finish_callback_report", "finish_callback");

    /**
     * 9 (utrace.h: "an engine attached while callbacks are being made for an event gets no callback for that
     * event"; engines are called in the order they attached, the reverse at SYSCALL_ENTRY). Read from the log
     * alone: a reporting pass is a run of an actor's steps in {@link #PASS_FUNCTIONS} or making a callback
     * (report_signal's; report_reap is made outside any pass), begun by that actor's step before them
     * (start_report's, which splices ->attaching); the pass is walked in reverse when that step is
     * utrace_report_syscall_entry's, whatever callbacks it makes (REPORT_CALLBACKS(_reverse, ...)); attach order
     * is ->attached at the start, then the order in which utrace_attach_task() returned 0 (it queues the engine
     * in that same step).
     */
    static String attachOrdering(Model m, List<LoggedStep> log) {
        int engines = m.engineCount();
        long[] rank = new long[engines];
        int[] attachedAt = new int[engines];
        java.util.Arrays.fill(rank, Long.MAX_VALUE);
        java.util.Arrays.fill(attachedAt, -1);
        int initial = m.initial().get(Slots.ATTACHED);
        for (int i = 0; i < utrace.model.EngineList.size(initial); i++) rank[utrace.model.EngineList.get(initial, i)] = i;
        int actors = m.actorCount();
        int[] lastStep = new int[actors];
        int[] passBegin = new int[actors];
        boolean[] reverse = new boolean[actors];
        java.util.Arrays.fill(lastStep, -1);
        java.util.Arrays.fill(passBegin, -1);
        // This pass's callbacks so far, per actor: engine and step, in the order made.
        List<List<int[]>> pass = new ArrayList<>();
        for (int a = 0; a < actors; a++) pass.add(new ArrayList<>());
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r != null && r.isReturnOf(OwnerOp.Kind.ATTACH) && r.ret() == Errno.OK) {
                attachedAt[r.engine()] = s.index();
                rank[r.engine()] = engines + (long) s.index();
            }
            int a = s.actor();
            boolean inPass = PASS_FUNCTIONS.contains(s.function())
                || s.has(Obs.Kind.CALLBACK) && !s.function().equals("utrace_maybe_reap");
            if (!inPass) {
                String order = passOrder(m, pass.get(a), reverse[a]);
                if (order != null) return order;
                pass.get(a).clear();
                passBegin[a] = -1;
            } else if (passBegin[a] < 0) {
                passBegin[a] = lastStep[a];
                reverse[a] = passBegin[a] >= 0 && log.get(passBegin[a]).function().equals("utrace_report_syscall_entry");
            }
            lastStep[a] = s.index();
            if (!inPass) continue;
            for (Obs o : s.obs()) {
                if (!o.liveCallback()) continue;
                int e = o.engine();
                if (attachedAt[e] > passBegin[a]) {
                    return "attach-ordering: " + event(o.code()) + " to " + m.engineName(e) + " at step " + s.index()
                        + ", in the pass that began at step " + passBegin[a] + ", though utrace_attach_task("
                        + m.engineName(e) + ") returned only at step " + attachedAt[e];
                }
                pass.get(a).add(new int[] {e, s.index(), o.code(), (int) Math.min(rank[e], Integer.MAX_VALUE)});
            }
        }
        for (int a = 0; a < actors; a++) {
            String order = passOrder(m, pass.get(a), reverse[a]);
            if (order != null) return order;
        }
        return null;
    }

    /** Null if one pass's callbacks ({engine, step, event, rank}) follow attach order (or its reverse). */
    private static String passOrder(Model m, List<int[]> cbs, boolean reverse) {
        for (int i = 1; i < cbs.size(); i++) {
            int[] p = cbs.get(i - 1);
            int[] c = cbs.get(i);
            if (reverse ? c[3] > p[3] : c[3] < p[3]) {
                return "attach-ordering: " + event(c[2]) + " to " + m.engineName(c[0]) + " at step " + c[1] + " after "
                    + event(p[2]) + " to " + m.engineName(p[0]) + " at step " + p[1] + " in the same pass: out of "
                    + (reverse ? "reverse " : "") + "attach order";
            }
        }
        return null;
    }

    /**
     * 11: once the task is released (EXIT_DEAD, or the real parent's wait reaped it) and nothing can move, no
     * engine is still attached.
     */
    static String noEngineLeak(Model m, State end) {
        if (end.exitState() != TaskState.EXIT_DEAD && !m.parentReaped(end) || !m.traceeDead(end)) return null;
        for (int e = 0; e < m.engineCount(); e++) {
            if (end.engineOps(e) != Ops.NULL) {
                return "no-engine-leak: the task was released, yet when nothing can move any more "
                    + m.engineName(e) + " is still attached (ops " + Ops.name(end.engineOps(e)) + ")";
            }
        }
        return null;
    }

    /**
     * When nothing can move any more, every actor is done or rightly waiting (the model's own judgement); one
     * waiting at an ordering guard that does not hold is guard-liveness's, not a deadlock.
     */
    static String deadlockFreedom(Model m, State end) {
        String p = m.stuckProblem(end);
        return p == null ? null : "deadlock-freedom: nothing can move any more, but " + p;
    }

    /**
     * When nothing can move any more, no actor still waits at an ordering guard of the scenario that does not
     * hold: the event it waits for never came (the kernel did not do what the scenario expects, or the guard
     * cannot hold on this run).
     */
    static String guardLiveness(Model m, State end) {
        String w = m.unmetGuards(end);
        return w == null ? null : "guard-liveness: nothing can move any more, but " + w;
    }

    /**
     * Patches 22, 23, 25, 30: once PTRACE_SYSCALL asked for syscall stops, the
     * tracee makes them: it does not enter a system call without the stop
     * (the model records that as PTRACE_SYSCALL_MISSED), nor return to user
     * mode with TIF_SYSCALL_TRACE clear while PT_SYSCALL_TRACE is set; and it
     * makes no ptrace syscall stop the tracer did not ask for (its last
     * request, PTRACE_SYSCALL or PTRACE_SYSEMU, as the run's history of the
     * tracer's requests records it), unless SIGKILL is on its way (the
     * native invariant syscall-trace-consistent makes the same exception).
     * Nor, patch 25, does it return to user mode with TIF_SYSCALL_TRACE
     * clear while a live engine wants system-call events (ptrace's clear
     * must leave the flag an engine needs; its test and the clear are one
     * section under task_utrace_lock).
     */
    static String ptraceSyscallStops(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            if (s.has(Obs.Kind.PTRACE_SYSCALL_MISSED)) {
                return "ptrace-syscall-stops: at step " + s.index() + " (" + s.function()
                    + ") the tracee entered a system call without the syscall stop PTRACE_SYSCALL asked for";
            }
            for (Obs o : s.obs()) {
                if (o.kind() != Obs.Kind.PTRACE_STOP || o.code() != Obs.PTRACE_STOP_SYSCALL) continue;
                State b = before(m, log, s.index());
                boolean asked = b.has(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSCALL) || b.has(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSEMU);
                if (!asked && !b.killed()) {
                    return "ptrace-syscall-stops: at step " + s.index() + " (" + s.function() + ") the tracee made a ptrace "
                        + "syscall stop although the tracer's last request asked for none (not PTRACE_SYSCALL or PTRACE_SYSEMU)";
                }
            }
            State a = s.after();
            if (s.has(Obs.Kind.USER_ENTRY) && (a.get(Slots.PTRACE) & Slots.PT_SYSCALL_TRACE) != 0
                    && (a.tif() & Tif.SYSCALL_TRACE) == 0) {
                return "ptrace-syscall-stops: at step " + s.index()
                    + " the tracee returned to user mode with TIF_SYSCALL_TRACE clear although ptrace asked for PTRACE_SYSCALL";
            }
            if (s.has(Obs.Kind.USER_ENTRY) && (a.tif() & Tif.SYSCALL_TRACE) == 0) {
                // patch 25's other half: ptrace's clear must not take the flag a live engine's syscall events need
                for (int e = 0; e < m.engineCount(); e++) {
                    if (a.engineOps(e) == Ops.LIVE && (a.engineFlags(e) & Events.SYSCALL) != 0) {
                        return "ptrace-syscall-stops: at step " + s.index() + " the tracee returned to user mode with "
                            + "TIF_SYSCALL_TRACE clear although " + m.engineName(e) + " wants "
                            + Events.names(a.engineFlags(e) & Events.SYSCALL);
                    }
                }
            }
        }
        return null;
    }

    /**
     * Patch 05 (recalc_sigpending; ptrace-tests signal-loss): the tracee never returns to user mode while a
     * signal is still queued in task->pending or signal->shared_pending.
     */
    static String noSignalLoss(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            if (!s.has(Obs.Kind.USER_ENTRY)) continue;
            State before = before(m, log, s.index());
            int pending = (before.pendingSignals() | before.get(Slots.SHARED_PENDING)) & ~m.blockedSignals(before);
            if (pending != 0) {
                return "no-signal-loss: at step " + s.index() + " the tracee returned to user mode with "
                    + utrace.model.Signals.names(pending) + " still pending";
            }
        }
        return null;
    }

    /**
     * 5 (utrace.h: UTRACE_REPORT and the steps promise the tracee comes back "soon"; patch 01's finish_report
     * and utrace_control set TIF_NOTIFY_RESUME after writing utrace->resume): when nothing can move any more the
     * tracee does not sit in user mode with utrace->resume still asking for a report or a step.
     */
    static String reportNotLost(Model m, State end) {
        if (m.traceeIdle(end) && end.utraceFlags() != 0 && end.utraceBit(Slots.U_SIGNAL_HANDLER)) {
            return "report-not-lost: when nothing can move any more the tracee is in user mode with utrace->signal_handler "
                + "still set: utrace_resume never cleared it after the handler's setup";
        }
        if (m.traceeSleepingInSyscall(end) && end.utraceFlags() != 0 && end.resume() == Actions.INTERRUPT) {
            return "report-not-lost: when nothing can move any more the tracee sleeps in a system call with "
                + "utrace->resume = INTERRUPT: the UTRACE_INTERRUPT asked for never interrupted it";
        }
        if (!m.traceeIdle(end) || end.utraceFlags() == 0 || end.resume() >= Actions.RESUME) return null;
        return "report-not-lost: when nothing can move any more the tracee is in user mode with utrace->resume = "
            + Actions.name(end.resume()) + " and nothing to bring it back: the report or step asked for is never made";
    }

    /** The state before step {@code i} of the log. */
    /**
     * utrace.h, UTRACE_SINGLESTEP: "Resume in user mode for one instruction"; "If there are more callbacks made
     * to any engine before returning to user mode, then the resume action is chosen only by the last set of
     * callbacks". Read from the log: a pass of the tracee (its steps in {@link #PASS_FUNCTIONS} or making a
     * callback) that called a live engine chooses the strongest non-STOP action its callbacks returned; an
     * owner's utrace_control(SINGLESTEP or BLOCKSTEP) that returned 0 chooses the step, (REPORT or INTERRUPT)
     * another pass; a REPORT or INTERRUPT pending in utrace->resume prevails over a step ("the smallest value
     * prevails": its pass chooses again); every pass chooses again, one that calls no live engine for RESUME.
     * When the last choice was a step, the tracee returns to user mode with TIF_SINGLESTEP, unless SIGKILL was sent
     * or utrace_flags went to 0 (no engine left) since.
     */
    static String engineStepKept(Model m, List<LoggedStep> log) {
        int owedAt = -1;
        boolean inPass = false;
        boolean called = false;
        int choice = Actions.RESUME;
        // whom the step is owed to (engine bits): a chooser's own detach ends its debt, as the invariant's EG_STEP_CHOSE
        int choosers = 0;
        int passChoosers = 0;
        for (LoggedStep s : log) {
            State before = before(m, log, s.index());
            if (s.actor() == 0) {
                boolean pass = PASS_FUNCTIONS.contains(s.function())
                    || s.has(Obs.Kind.CALLBACK) && !s.function().equals("utrace_maybe_reap");
                // a REPORT or INTERRUPT pending in utrace->resume prevails, and its pass chooses again
                if (inPass && !pass && called) {
                    owedAt = Actions.isStep(choice) && before.get(Slots.RESUME) >= Actions.SINGLESTEP ? s.index() - 1 : -1;
                    choosers = owedAt >= 0 ? passChoosers : 0;
                }
                if (pass && !inPass) { // every pass chooses again
                    called = false;
                    choice = Actions.RESUME;
                    owedAt = -1;
                    passChoosers = 0;
                }
                inPass = pass;
                for (Obs o : s.obs()) {
                    if (!o.liveCallback()) continue;
                    called = true;
                    if (o.ret() != Actions.STOP && o.ret() < choice) choice = o.ret();
                    if (Actions.isStep(o.ret())) passChoosers |= 1 << o.engine();
                }
            }
            for (int e = 0; e < m.engineCount(); e++) {
                int ops = Slots.engine(e, Slots.E_OPS);
                // marked detached (utrace_detached_ops), or dropped by the utrace_reset of the same step
                if ((choosers & 1 << e) != 0 && before.get(ops) == Ops.LIVE && s.after().get(ops) != Ops.LIVE) {
                    choosers &= ~(1 << e);
                    if (choosers == 0) owedAt = -1; // owed to nobody any more: detach is final
                }
            }
            if (owedAt >= 0 && s.has(Obs.Kind.USER_ENTRY) && !before.killed()
                    && (before.get(Slots.TIF) & Tif.SINGLESTEP) == 0) {
                return "engine-step-kept: UTRACE_SINGLESTEP was chosen at step " + owedAt + " and at step " + s.index()
                    + " the tracee returns to user mode without TIF_SINGLESTEP, with no callback since";
            }
            // no engine left; or a REPORT or INTERRUPT pending, whose pass chooses again
            if (s.has(Obs.Kind.USER_ENTRY) || s.after().get(Slots.UTRACE_FLAGS) == 0
                    || s.after().get(Slots.RESUME) < Actions.SINGLESTEP) {
                owedAt = -1;
                choosers = 0;
            }
            Obs r = s.apiReturn();
            if (r != null && r.isReturnOf(OwnerOp.Kind.CONTROL) && r.ret() == Errno.OK
                    && (Actions.isStep(r.aux()) || r.aux() == Actions.REPORT || r.aux() == Actions.INTERRUPT)) {
                boolean owed = Actions.isStep(r.aux()) && s.after().get(Slots.RESUME) >= Actions.SINGLESTEP;
                owedAt = owed ? s.index() : -1;
                choosers = owed ? choosers | 1 << r.engine() : 0;
            }
        }
        return null;
    }

    private static State before(Model m, List<LoggedStep> log, int i) {
        return i == 0 ? m.initial() : log.get(i - 1).after();
    }

    private static String event(int ev) {
        return "report_" + Events.names(ev).toLowerCase(java.util.Locale.ROOT);
    }
}

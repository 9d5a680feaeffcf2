package utrace.invariants;

import java.util.List;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Tif;
import utrace.model.Transition;

/**
 * The callbacks utrace.c promises an owner that changes a stopped tracee's course: judged where the tracee
 * would break the promise, its return to user mode. Not in PATCHES.md's list; the seed's comments are the
 * source. A callback to another engine does not count; an engine detached meanwhile is owed nothing, and so is
 * one that dropped QUIESCE with utrace_set_events() since (the model clears EG_CALLBACK_OWED there).
 */
final class CallbackPromised extends ObservationCheck {
    CallbackPromised() {
        super("callback-promised",
            "a tracee in a utrace stop does not return to user mode before the callback promised to an engine "
            + "while it was stopped: a report_quiesce (or report_signal) after utrace_set_events() returned 0 with "
            + "QUIESCE newly in @events (utrace.c: \"if %UTRACE_EVENT(%QUIESCE) is included in @events, then a "
            + "@report_quiesce callback will be made when @target resumes\"), and after utrace_control(REPORT) or "
            + "(INTERRUPT) returned 0 (\"If @target had been stopped, then there will be a callback before it "
            + "resumes running normally\"); and, stopped or not, a tracee interrupted by utrace_control(INTERRUPT) "
            + "returning 0 to an engine with a report_signal callback does not return to user mode before a "
            + "report_signal to it (\"ensures that @target will make a @report_signal callback before it resumes "
            + "or delivers signals\": a report_quiesce does not keep that promise; a tracee that returns to user "
            + "mode single-stepping is not judged past it: its step trap brings it back after one instruction); an engine "
            + "that drops QUIESCE with utrace_set_events() (0, or -EINPROGRESS, which stored the new flags too) is "
            + "promised nothing from then on (\"meaningless unless @report_quiesce callbacks will be made\"); and a "
            + "system call stopped at entry is not attempted before a repeat report_syscall_entry pass when "
            + "REPORT or INTERRUPT was returned by a callback of its entry report or passed to utrace_control() "
            + "while it was stopped (utrace.h, @report_syscall_entry: \"another @report_syscall_entry callback will "
            + "follow after @current resumes\", with %UTRACE_SYSCALL_RESUMED).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            if (obs.get(k).kind() == Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP && before.taskHistory(Slots.G_RESUMED_ASKED)
                    && someEngineWantsSyscallEntry(m, before)) {
                return "the system call goes on after its entry stop with no repeat report_syscall_entry "
                    + "(UTRACE_SYSCALL_RESUMED), although REPORT or INTERRUPT was asked";
            }
            if (obs.get(k).kind() != Obs.Kind.USER_ENTRY) continue;
            for (int e = 0; e < m.engineCount(); e++) {
                if (before.engineHistory(e, Slots.EG_CALLBACK_OWED) && before.engineOps(e) == Ops.LIVE) {
                    return "the tracee returned to user mode with no report_quiesce or report_signal to "
                        + m.engineName(e) + " since a call that promised one while it was stopped";
                }
                // a tracee stepping comes back after one instruction, where the step trap makes a report_signal
                if (before.engineHistory(e, Slots.EG_SIGNAL_OWED) && before.engineOps(e) == Ops.LIVE
                        && !before.has(Slots.TIF, Tif.SINGLESTEP)) {
                    return "the tracee returned to user mode with no report_signal to " + m.engineName(e)
                        + " since its utrace_control(INTERRUPT) returned 0 (a report_quiesce does not keep that "
                        + "promise: \"a @report_signal callback before it resumes or delivers signals\")";
                }
            }
        }
        return null;
    }

    /** An engine still attached that asks for syscall entry reports: someone the repeat report is for. */
    private static boolean someEngineWantsSyscallEntry(Model m, State s) {
        for (int e = 0; e < m.engineCount(); e++) {
            if (s.engineOps(e) == Ops.LIVE && s.has(Slots.engine(e, Slots.E_FLAGS), Events.SYSCALL_ENTRY)) return true;
        }
        return false;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        engines(m, v, Slots.E_GHOST, Slots.EG_CALLBACK_OWED | Slots.EG_SIGNAL_OWED);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, Events.SYSCALL_ENTRY);
        v.read(Slots.G_TASK, Slots.G_RESUMED_ASKED);
        v.read(Slots.TIF, Tif.SINGLESTEP);
    }

    /** Observations checkTransition reads: returns to user mode, and system calls attempted after an entry stop. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY, Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Guarantee 3: SIGKILL primacy (and patch 04's fast group exit, which queues SIGKILL for a fatal signal nobody
 * traces), with the one exception utrace.h documents: an engine's report_exit may
 * return UTRACE_STOP and keep the dying thread stopped "before it cleans up its state and dies" (finding 3,
 * re-judged as documented behaviour; ptrace's PTRACE_EVENT_EXIT stop is alike).
 */
final class SigkillWins extends ObservationCheck {
    SigkillWins() {
        super("sigkill-wins",
            "No engine can keep a SIGKILLed thread from dying: once SIGKILL has been sent (by kill(), or queued by "
            + "complete_signal's group exit for a fatal signal nobody traces: patch 04's tracehook_consider_fatal_signal "
            + "found no engine watching SIGNAL_TERM/CORE and no ptrace, \"this signal might cause a quick termination "
            + "that does not give the debugger a chance to intercept the signal\") the tracee never "
            + "returns to user mode, never enters a group stop (TASK_STOPPED: its group exit ends the group stop), "
            + "never stays asleep in a utrace stop, and is dead in every final state "
            + "(PATCHES.md guarantee 3; utrace_get_signal never intercepts SIGKILL, utrace_stop checks "
            + "__fatal_signal_pending() under siglock); no system call whose entry report stopped the tracee goes on "
            + "once SIGKILL has been sent (do_report_syscall_entry: \"Don't let the system call actually proceed\"). "
            + "The documented exception: an engine that returns "
            + "UTRACE_STOP from report_exit keeps the dying thread in that utrace_stop while it holds it "
            + "(utrace.h, @report_exit: \"Returning UTRACE_STOP here keeps @current stopped before it cleans up "
            + "its state and dies\"); a stop no live engine holds is no exception.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (!before.killed()) return null;
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.USER_ENTRY) return "the tracee returned to user mode after SIGKILL";
            if (o.kind() == Obs.Kind.GROUP_STOP) return "the tracee entered a group stop (TASK_STOPPED) after SIGKILL";
            // do_report_syscall_entry's UTRACE_SYSCALL_ABORT (patch 01): the restop step that goes on with the system
            // call is the one that tested fatal_signal_pending(), so a SIGKILL sent before it must have stopped it.
            if (o.kind() == Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP) {
                return "the system call went on after SIGKILL woke the tracee from its syscall-entry stop";
            }
        }
        return null;
    }

    @Override public String checkTerminal(Model m, State s) {
        if (!s.killed()) return null;
        if (m.traceeHeldAtReportExit(s)) return null; // the documented exception: report_exit's UTRACE_STOP
        if (m.traceeInUtraceStop(s)) return "SIGKILLed tracee stays asleep in utrace_stop for good";
        if (s.exitState() == 0) return "SIGKILLed tracee is not dead in a final state";
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_KILLED);
    }

    /** Observations checkTransition reads: returns to user mode, a system call going on after its entry stop, group stops. */
    @Override public int observes() {
        return Obs.kinds(Obs.Kind.USER_ENTRY, Obs.Kind.SYSCALL_ATTEMPTED_AFTER_STOP, Obs.Kind.GROUP_STOP);
    }
}

package utrace.invariants;

import utrace.model.Actions;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;

/**
 * A report an engine asked for is made. utrace_control(REPORT/INTERRUPT/
 * SINGLESTEP/BLOCKSTEP), and STOP on a running task, set utrace->resume and
 * then TIF_NOTIFY_RESUME (or TIF_SIGPENDING); the tracee clears the flag,
 * then reads utrace_flags and utrace->resume. Barrier pair B5 (the full
 * barrier of set_notify_resume's test_and_set, tracehook_notify_resume's
 * smp_mb()) makes sure a request is either seen or its flag survives.
 */
final class ReportNotLost extends Base {
    ReportNotLost() {
        super("report-not-lost",
            "A report an engine asked for is not lost: the tracee never settles in user mode for good while "
            + "utrace->resume still asks for a report (STOP, INTERRUPT, REPORT or a step) and neither TIF_NOTIFY_RESUME "
            + "nor TIF_SIGPENDING is set to bring it back (PATCHES.md guarantee 5, \"a quiesce or signal callback "
            + "follows\"; barrier pair B5: set_notify_resume's implied smp_mb() and tracehook_notify_resume's smp_mb()); "
            + "nor with utrace->signal_handler still set after a handler's setup (utrace_resume(): \"Clear the flag before "
            + "we get to user so it doesn't confuse us later\"; utrace_signal_handler() sets TIF_NOTIFY_RESUME for it); "
            + "nor asleep for good in an interruptible system call (read, pause) while utrace->resume is INTERRUPT "
            + "(utrace.h, UTRACE_INTERRUPT: \"work in progress will be interrupted as if by %SIGSTOP\"; finish_report() "
            + "and utrace_control() set TIF_SIGPENDING for it, which ends the sleep).");
    }

    @Override public String checkTerminal(Model m, State s) {
        if (m.traceeIdle(s) && s.utraceFlags() != 0 && s.utraceBit(Slots.U_SIGNAL_HANDLER)) {
            return "the tracee stays in user mode with utrace->signal_handler set: the handler setup's report (or "
                + "utrace_resume's clearing of the flag) never came, and the next report an engine asks for gets a stale UTRACE_SIGNAL_HANDLER";
        }
        if (m.traceeSleepingInSyscall(s) && s.utraceFlags() != 0 && s.resume() == Actions.INTERRUPT) {
            return "the tracee sleeps in a system call for good with utrace->resume = INTERRUPT: UTRACE_INTERRUPT did "
                + "not interrupt the call (utrace.h: \"If @target was in a system call or about to enter one, work in "
                + "progress will be interrupted as if by %SIGSTOP\"), so the report_signal it asked for is never made";
        }
        if (!m.traceeIdle(s) || s.utraceFlags() == 0 || s.resume() >= Actions.RESUME) return null;
        return "the tracee stays in user mode with utrace->resume = " + Actions.name(s.resume())
            + " and TIF_NOTIFY_RESUME clear: the report asked for is never made";
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // terminal check only
    }
}

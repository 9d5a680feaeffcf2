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
 * TIF_SYSCALL_TRACE is shared by ptrace and utrace (patches 22, 23, 25, 30):
 * neither may lose the other's syscall tracing, nor make the other stop.
 */
final class SyscallTraceConsistent extends ObservationCheck {
    SyscallTraceConsistent() {
        super("syscall-trace-consistent",
            "When the tracee returns to user mode, TIF_SYSCALL_TRACE is set if ptrace asked for syscall stops "
            + "(PTRACE_SYSCALL) or an engine wants syscall events; a ptrace syscall stop happens only when ptrace "
            + "asked (PTRACE_SYSCALL, or PTRACE_SYSEMU at entry; after the tracer's exit, the TIF_SYSCALL_EMU 3.1 "
            + "leaves makes only a ptrace_notify that does not stop), and when ptrace asked, the syscall entry does stop "
            + "(PATCHES.md rows 22, 23, 25, 30).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        int asked = (before.has(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSCALL) ? Slots.G_PT_ASKED_SYSCALL : 0)
            | (before.has(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSEMU) ? Slots.G_PT_ASKED_SYSEMU : 0);
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            switch (o.kind()) {
                case PTRACE_STOP:
                    // after the tracer's exit, 3.1 leaves TIF_SYSCALL_EMU set, and patch 30's ptrace_report_syscall
                    // then calls ptrace_notify, whose may_ptrace_stop() fails: no stop (Slots.G_PT_TRACER_EXITED)
                    if (o.code() == Obs.PTRACE_STOP_SYSCALL && asked == 0 && !before.killed()
                            && !before.has(Slots.G_PTRACE, Slots.G_PT_TRACER_EXITED)) {
                        return "ptrace syscall stop although ptrace did not ask for one (its last request was not PTRACE_SYSCALL/SYSEMU)";
                    }
                    break;
                case PTRACE_SYSCALL_MISSED:
                    return "ptrace asked for " + ((asked & Slots.G_PT_ASKED_SYSEMU) != 0 ? "PTRACE_SYSEMU" : "PTRACE_SYSCALL")
                        + " but the syscall entry makes no ptrace stop";
                case USER_ENTRY:
                    if (!before.has(Slots.TIF, Tif.SYSCALL_TRACE)) {
                        if (before.has(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSCALL) && before.has(Slots.PTRACE, Slots.PT_PTRACED)) {
                            return "back to user mode with TIF_SYSCALL_TRACE clear although ptrace asked for PTRACE_SYSCALL";
                        }
                        for (int e = 0; e < m.engineCount(); e++) {
                            if (before.engineOps(e) == Ops.LIVE && (before.engineFlags(e) & Events.SYSCALL) != 0) {
                                return "back to user mode with TIF_SYSCALL_TRACE clear although " + m.engineName(e)
                                    + " wants " + Events.names(before.engineFlags(e) & Events.SYSCALL);
                            }
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_PTRACE, Slots.G_PT_ASKED_SYSCALL | Slots.G_PT_ASKED_SYSEMU | Slots.G_PT_TRACER_EXITED);
        v.read(Slots.G_TASK, Slots.G_KILLED);
        v.read(Slots.TIF, Tif.SYSCALL_TRACE);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
        engines(m, v, Slots.E_OPS, -1);
        engines(m, v, Slots.E_FLAGS, -1); // engineFlags() reads the whole slot
    }

    /** Observations checkTransition reads: ptrace stops, missed syscall stops and returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.PTRACE_STOP, Obs.Kind.PTRACE_SYSCALL_MISSED, Obs.Kind.USER_ENTRY); }
}

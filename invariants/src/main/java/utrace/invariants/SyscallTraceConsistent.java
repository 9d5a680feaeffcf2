package utrace.invariants;

import utrace.model.Events;
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
final class SyscallTraceConsistent extends Base {
    SyscallTraceConsistent() {
        super("syscall-trace-consistent",
            "When the tracee returns to user mode, TIF_SYSCALL_TRACE is set if ptrace asked for syscall stops "
            + "(PTRACE_SYSCALL) or an engine wants syscall events; a ptrace syscall stop happens only when ptrace "
            + "asked (PTRACE_SYSCALL, or PTRACE_SYSEMU at entry), and when ptrace asked, the syscall entry does stop "
            + "(PATCHES.md rows 22, 23, 25, 30).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        int asked = before.get(Slots.G_PTRACE) & (Slots.G_PT_ASKED_SYSCALL | Slots.G_PT_ASKED_SYSEMU);
        for (Obs o : t.obs()) {
            switch (o.kind()) {
                case PTRACE_STOP:
                    if (o.code() == Obs.PTRACE_STOP_SYSCALL && asked == 0 && !before.killed()) {
                        return "ptrace syscall stop although ptrace did not ask for one (its last request was not PTRACE_SYSCALL/SYSEMU)";
                    }
                    break;
                case PTRACE_SYSCALL_MISSED:
                    return "ptrace asked for " + ((asked & Slots.G_PT_ASKED_SYSEMU) != 0 ? "PTRACE_SYSEMU" : "PTRACE_SYSCALL")
                        + " but the syscall entry makes no ptrace stop";
                case USER_ENTRY:
                    if ((before.tif() & Tif.SYSCALL_TRACE) == 0) {
                        if ((before.get(Slots.G_PTRACE) & Slots.G_PT_ASKED_SYSCALL) != 0 && (before.get(Slots.PTRACE) & Slots.PT_PTRACED) != 0) {
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
}

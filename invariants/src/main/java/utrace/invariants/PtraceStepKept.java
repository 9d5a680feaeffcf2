package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Tif;
import utrace.model.Transition;

/** Stepping is shared by ptrace and utrace (patches 26-29). */
final class PtraceStepKept extends ObservationCheck {
    PtraceStepKept() {
        super("ptrace-step-kept",
            "A single-step requested by ptrace (PTRACE_SINGLESTEP/SINGLEBLOCK) is in force when the tracee returns "
            + "to user mode, whatever utrace does meanwhile; stepping nobody asks for is not left on (after "
            + "PTRACE_DETACH, say; the tracer's own exit leaves it, as 3.1's exit_ptrace does); and ptrace gets a single-step trap only when it asked for stepping "
            + "(PATCHES.md rows 26-29). A single-step trap is the SIGTRAP tracehook_report_syscall_exit() forces "
            + "for a step; a SIGTRAP raised, kill()ed or sent with send_sig() is an ordinary signal.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        boolean asked = before.has(Slots.G_PTRACE, Slots.G_PT_ASKED_STEP)
            && before.has(Slots.PTRACE, Slots.PT_PTRACED);
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() == Obs.Kind.USER_ENTRY && asked && !before.killed() && !before.has(Slots.TIF, Tif.SINGLESTEP)) {
                return "back to user mode without TIF_SINGLESTEP although ptrace asked for a single-step";
            }
            // an exited tracer leaves stepping on, as 3.1's exit_ptrace does (Slots.G_PT_TRACER_EXITED)
            if (o.kind() == Obs.Kind.USER_ENTRY && !asked && !before.killed() && before.has(Slots.TIF, Tif.SINGLESTEP)
                    && !before.has(Slots.G_PTRACE, Slots.G_UTRACE_STEP | Slots.G_PT_TRACER_EXITED)) {
                return "back to user mode single-stepping although neither ptrace nor an engine asks for it";
            }
            if (o.kind() == Obs.Kind.PTRACE_STOP && o.code() == Obs.PTRACE_STOP_STEP_TRAP && !asked) {
                return "ptrace stops for a single-step SIGTRAP it never asked for";
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_PTRACE, Slots.G_PT_ASKED_STEP | Slots.G_UTRACE_STEP | Slots.G_PT_TRACER_EXITED);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
        v.read(Slots.G_TASK, Slots.G_KILLED);
        v.read(Slots.TIF, Tif.SINGLESTEP);
    }

    /** Observations checkTransition reads: returns to user mode and ptrace stops. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY, Obs.Kind.PTRACE_STOP); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Tif;
import utrace.model.Transition;

/**
 * An engine's UTRACE_SINGLESTEP is acted on (patch 01's finish_resume_report, 27's ptrace_wants_step skip). Only the
 * positive direction: "no stepping nobody asked for" cannot be judged here, because the model has no step trap after
 * one instruction (invariants.md, "Still not judged"). The history is Slots.G_STEP_OWED.
 */
final class EngineStepKept extends ObservationCheck {
    EngineStepKept() {
        super("engine-step-kept",
            "a tracee returns to user mode single-stepping (TIF_SINGLESTEP) when the last choice before it was a "
            + "step: a report pass that called a live engine and whose strongest non-STOP return was UTRACE_SINGLESTEP "
            + "or BLOCKSTEP, or an engine's utrace_control(SINGLESTEP or BLOCKSTEP) that returned 0 (utrace.h: "
            + "\"Resume in user mode for one instruction\"; \"If there are more callbacks made to any engine before "
            + "returning to user mode, then the resume action is chosen only by the last set of callbacks\"); every "
            + "later pass chooses again, one that calls no live engine for RESUME (\"To be sure, enable "
            + "%UTRACE_EVENT(%QUIESCE)\"), and a REPORT or INTERRUPT pending in utrace->resume prevails over a step "
            + "(\"the smallest value prevails\"); unless it was killed, or no engine is left.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        if (!before.taskHistory(Slots.G_STEP_OWED) || before.killed() || before.has(Slots.TIF, Tif.SINGLESTEP)) {
            return null;
        }
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            if (obs.get(k).kind() == Obs.Kind.USER_ENTRY) {
                return "back to user mode without TIF_SINGLESTEP although the last callbacks (or utrace_control) "
                    + "chose UTRACE_SINGLESTEP or BLOCKSTEP";
            }
        }
        return null;
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.G_TASK, Slots.G_STEP_OWED | Slots.G_KILLED);
        v.read(Slots.TIF, Tif.SINGLESTEP);
    }

    /** Observations checkTransition reads: returns to user mode. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.USER_ENTRY); }
}

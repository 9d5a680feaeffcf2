package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;
import utrace.model.Transition;

/**
 * A traced zombie belongs to its tracer until the tracer collects or
 * releases it; then someone reaps it.
 */
final class TracedZombieReleased extends Base {
    TracedZombieReleased() {
        super("traced-zombie-released",
            "A ptraced task is never released (EXIT_DEAD: autoreaped or reaped) while it is still ptraced: exit_notify "
            + "never autoreaps a traced child, its tracer's wait (wait_task_zombie) or exit_ptrace / PTRACE_DETACH "
            + "untraces it first; and every zombie is eventually reaped: in a final state none is left that no "
            + "tracer holds and whose parent ignores SIGCHLD (exit_ptrace releases such a traced zombie: ptrace-tests "
            + "reparent-zombie).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        State after = t.after();
        if (after.exitState() == TaskState.EXIT_DEAD && before.exitState() != TaskState.EXIT_DEAD
                && after.has(Slots.PTRACE, Slots.PT_PTRACED)) {
            return "the tracee was released (EXIT_DEAD) while still ptraced: its tracer never collected or let go of its exit";
        }
        return null;
    }

    @Override public String checkTerminal(Model m, State s) {
        return m.unreapedZombie(s);
    }

    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.EXIT_STATE, -1);
        v.read(Slots.PTRACE, Slots.PT_PTRACED);
    }

    /** The check reads EXIT_STATE and PTRACE of both states: a step writing neither cannot fail it. */
    @Override public boolean quietStepsPass() { return true; }

    /** Observations checkTransition reads: none (it compares exit_state and ptrace, declared visible). */
    @Override public int observes() { return 0; }
}

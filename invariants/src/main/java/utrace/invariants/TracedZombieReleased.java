package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
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
            + "reparent-zombie). release_task only ever runs on a task marked EXIT_DEAD (wait_task_zombie's xchg, "
            + "exit_notify's autoreap, __ptrace_detach's \"Mark it as in the process of being reaped\"), never on a "
            + "zombie that a parent may still wait for and release again.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        for (Obs o : t.obs()) {
            if (o.kind() == Obs.Kind.TASK_RELEASED && o.code() != TaskState.EXIT_DEAD) {
                return "release_task ran on the tracee while its exit_state was "
                    + (o.code() == TaskState.EXIT_NONE ? "0 (alive)" : "EXIT_" + TaskState.exitName(o.code()))
                    + ", not EXIT_DEAD: whoever may still reap it (its real parent's wait) releases it again";
            }
        }
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

    /**
     * The check reads EXIT_STATE and PTRACE of both states and the release's observation: a step writing neither
     * and observing no release cannot fail it.
     */
    @Override public boolean quietStepsPass() { return true; }

    /** Observations checkTransition reads: a release_task beginning, with the exit_state it found. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.TASK_RELEASED); }
}

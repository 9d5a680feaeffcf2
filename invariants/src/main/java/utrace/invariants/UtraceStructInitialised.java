package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Whoever finds task->utrace != NULL and uses the struct behind it finds it
 * initialised. task->utrace is allocated lazily by the first attach
 * (utrace_task_alloc, patch 01; NULL from fork, patch 02) and read without a lock by
 * task_utrace_struct(); barrier pair B4 (smp_wmb() between the struct's
 * init and the publication of the pointer; the address dependency with
 * smp_read_barrier_depends() between reading the pointer and the struct)
 * is all that keeps a reader off a struct as kmem_cache_zalloc left it.
 * The model's readers: ptrace's task_utrace_lock() (patch 24), whose
 * spin_lock(&utrace->lock) needs spin_lock_init() to have been seen, and
 * the tracee's syscall and exit report hooks, which read task->utrace
 * after utrace_flags (smp_rmb()) and must not find it NULL.
 */
final class UtraceStructInitialised extends ObservationCheck {
    UtraceStructInitialised() {
        super("utrace-struct-initialised",
            "A CPU that uses the struct utrace at task->utrace finds it there and initialised: ptrace's "
            + "task_utrace_lock, having read task->utrace != NULL, sees utrace_task_alloc's spin_lock_init, "
            + "INIT_LIST_HEAD and resume = UTRACE_RESUME; a report hook that utrace_flags let in does not read "
            + "task->utrace as NULL (PATCHES.md barrier pair B4: utrace_task_alloc initialises the struct, "
            + "smp_wmb(), publishes task->utrace, and utrace_add_engine sets utrace_flags only after that; "
            + "task_utrace_struct reads utrace_flags, smp_rmb(), task->utrace, smp_read_barrier_depends(), "
            + "then the struct).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.UTRACE_STRUCT_INVALID) continue;
            if (o.code() == Obs.STRUCT_UNINIT) {
                return m.actorName(t.actor()) + " uses the struct utrace at task->utrace, but its initialisation by "
                    + "utrace_task_alloc is not visible to it (the lock it takes was never spin_lock_init'ed)";
            }
            if (o.code() == Obs.STRUCT_NULL) {
                return m.actorName(t.actor()) + " saw utrace_flags != 0 and went into utrace, but read task->utrace "
                    + "as NULL (a NULL dereference)";
            }
        }
        return null;
    }

    /** Only observations (the step's DEQUEUE / UTRACE_STRUCT_INVALID records): no state bit is visible. */
    @Override public void visible(Model m, Footprint v) { }

    /** A step without observations passes. */
    @Override public boolean quietStepsPass() { return true; }

    /** Observations checkTransition reads: invalid struct utrace uses. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.UTRACE_STRUCT_INVALID); }
}

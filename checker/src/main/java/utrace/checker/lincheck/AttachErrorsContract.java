package utrace.checker.lincheck;

import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.EngineList;
import utrace.model.Errno;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.TaskState;

/**
 * Contract attach-errors (utrace_add_engine's comments), read from the log: an attach that returns the engine
 * left it queued and live ("Put the new engine on the pending ->attaching list"), one that fails with -ESRCH
 * started from an EXIT_DEAD task ("make sure that either it sees utrace_flags != 0 or we see exit_state ==
 * EXIT_DEAD") and left the engine on no list; an exclusive one returns the engine only if no other live engine was
 * queued as it took the lock, and -EEXIST only if one was. Written from the comments, apart from the invariant of the same
 * name. The Lincheck runs use the sequentially consistent model: the state a step starts from is what it reads.
 */
final class AttachErrorsContract {
    private AttachErrorsContract() {}

    static String check(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            Obs r = s.apiReturn();
            if (r == null || !r.isReturnOf(OwnerOp.Kind.ATTACH)) continue;
            int e = r.engine();
            State st = s.index() == 0 ? m.initial() : log.get(s.index() - 1).after();
            State after = s.after();
            boolean queued = EngineList.contains(after.get(Slots.ATTACHING), e) || EngineList.contains(after.get(Slots.ATTACHED), e);
            String why = null;
            if (r.ret() == Errno.OK && !(queued && after.engineOps(e) == Ops.LIVE)) why = "the engine is not queued and live";
            if (r.ret() == Errno.ESRCH && st.exitState() != TaskState.EXIT_DEAD) why = "the task was not EXIT_DEAD";
            if (r.ret() == Errno.ESRCH && queued) why = "the engine was left on a list";
            if (r.aux() == OwnerOp.ATTACH_EXCLUSIVE) {
                // "Attempting to attach a second (matching) engine fails with -EEXIST": with no MATCH flag, any engine
                int other = liveOther(st, e);
                if (r.ret() == Errno.OK && other >= 0) why = m.engineName(other) + " was attached (UTRACE_ATTACH_EXCLUSIVE)";
                if (r.ret() == Errno.EEXIST && other < 0 && st.engineOps(e) == Ops.NULL
                        && !st.has(Slots.engine(e, Slots.E_GHOST), Slots.EG_OWNER_REF)) {
                    why = "no engine was attached (UTRACE_ATTACH_EXCLUSIVE)";
                }
            }
            if (why != null) {
                return "attach-errors: utrace_attach_task(" + m.engineName(e) + ") returned " + Errno.name(r.ret())
                    + " at step " + s.index() + ", but " + why;
            }
        }
        return null;
    }

    /** An engine other than {@code e} on ->attached or ->attaching with ops set and not utrace_detached_ops; -1 if none. */
    private static int liveOther(State s, int e) {
        for (int list : new int[] {s.get(Slots.ATTACHED), s.get(Slots.ATTACHING)}) {
            for (int i = 0; i < EngineList.size(list); i++) {
                int x = EngineList.get(list, i);
                if (x != e && s.engineOps(x) == Ops.LIVE) return x;
            }
        }
        return -1;
    }
}

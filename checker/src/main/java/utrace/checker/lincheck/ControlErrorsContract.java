package utrace.checker.lincheck;

import java.util.List;

import utrace.checker.threaded.LoggedStep;
import utrace.model.Actions;
import utrace.model.Errno;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.OwnerOp;
import utrace.model.Slots;
import utrace.model.State;

/**
 * Contract control-errors (guarantee 6 and utrace_control's comment), read from the log: each utrace_control
 * result is one the comment allows in the state its returning step started from. Written from the comment,
 * apart from the invariant of the same name.
 */
final class ControlErrorsContract {
    private ControlErrorsContract() {}

    static String check(Model m, List<LoggedStep> log) {
        for (LoggedStep s : log) {
            // an owner's call, or a callback's on its own engine: the comment's rules are the same for both
            for (Obs r : s.callReturns()) {
                if (r == null || !r.isAnyReturnOf(OwnerOp.Kind.CONTROL)) continue;
                State st = s.index() == 0 ? m.initial() : log.get(s.index() - 1).after();
                if (!allowed(st, r.engine(), r.aux(), r.ret())) {
                    return "control-errors: " + (r.kind() == Obs.Kind.SELF_CALL_RETURN ? "a callback's own " : "")
                        + "utrace_control(" + m.engineName(r.engine()) + ", " + Actions.name(r.aux()) + ") returned "
                        + Errno.name(r.ret()) + " at step " + s.index() + " where the comment allows "
                        + allowedNames(st, r.engine(), r.aux());
                }
            }
        }
        return null;
    }

    /** The results utrace_control(e, action) may give when it starts from {@code st}. */
    private static boolean allowed(State st, int e, int action, int ret) {
        // "it returns -EINVAL if @engine lacks %UTRACE_EVENT(%QUIESCE)": checked first, and only that
        if (action == Actions.REPORT || action == Actions.SINGLESTEP || action == Actions.BLOCKSTEP) {
            if ((st.engineFlags(e) & Events.QUIESCE) == 0) return ret == Errno.EINVAL;
        }
        if (ret == Errno.EINVAL) return false;
        // "After using UTRACE_DETACH once, further calls ... will return -ESRCH"
        // the reap and report_death as the history tells them, not utrace->reap and utrace->death, which a broken
        // utrace may get wrong
        boolean reapBegan = st.taskHistory(Slots.G_REAP_BEGAN);
        boolean detachedOrReaped = st.engineOps(e) != Ops.LIVE || reapBegan;
        if (st.exitState() != 0 && action != Actions.DETACH) return ret == Errno.ESRCH; // "already dead"
        if (ret == Errno.ESRCH) return detachedOrReaped;
        if (ret == Errno.EALREADY) {
            return action == Actions.DETACH && st.taskHistory(Slots.G_DEATH_BEGAN) && !st.taskHistory(Slots.G_DEATH_DONE);
        }
        // 0 or -EINPROGRESS: an attached engine, before the reap; or a DETACH whose own mark this is (the weak
        // memory model returns it in a later step; an earlier DETACH would have made get_utrace_lock fail)
        boolean ownMark = action == Actions.DETACH && st.engineOps(e) == Ops.DETACHED && !reapBegan;
        return !detachedOrReaped || ownMark;
    }

    private static String allowedNames(State st, int e, int action) {
        StringBuilder b = new StringBuilder();
        for (int ret : new int[] {Errno.OK, Errno.EINPROGRESS, Errno.ESRCH, Errno.EALREADY, Errno.EINVAL}) {
            if (allowed(st, e, action, ret)) b.append(b.length() == 0 ? "" : " or ").append(Errno.name(ret));
        }
        return b.toString();
    }
}

package utrace.model;

import static utrace.model.Slots.*;

/**
 * release_task() -> utrace_release_task() -> utrace_maybe_reap(reap=true)
 * (patches 01 and 08), shared by the reaping parent and an autoreaping tracee.
 */
final class Reaper {
    private Reaper() {}

    /**
     * Whether release_task() calls into utrace: patch 08's utrace_release_task() hook, which tests
     * task->utrace_flags first (before the patch there is no hook: the engines are never reaped).
     */
    static boolean releaseCallsUtrace(Ctx c) {
        return c.cfg.has(8) && c.get(UTRACE_FLAGS) != 0;
    }

    /**
     * utrace_maybe_reap(reap=true) with utrace->lock free: set utrace->reap;
     * defer to utrace_report_death while DEATH/QUIESCE are set; else take the
     * lists. Returns -1 if deferred, else the private list to walk.
     */
    static int maybeReapOnRelease(Ctx c) {
        c.setBits(UBITS, U_REAP);
        c.taskGhostSet(G_REAP_BEGAN);
        boolean defer = (c.get(UTRACE_FLAGS) & (c.cfg.mutated(Mutation.REAP_DEFERS_ONLY_FOR_DEATH) ? Events.DEATH : Events.DEATH_EVENTS)) != 0;
        if (c.cfg.mutated(Mutation.REAP_NOT_DEFERRED)) defer = false;
        if (c.cfg.mutated(Mutation.REAP_DURING_DEATH_REPORT) && c.has(UBITS, U_DEATH)) defer = false;
        if (defer) {
            c.note("death report pending: leave the reap to utrace_report_death");
            return -1;
        }
        int list = Utrace.reapTeardown(c);
        if (c.record) c.note("teardown of " + EngineList.format(list, c::engineName));
        return list;
    }
}

package utrace.model;

import static utrace.model.Slots.*;

import java.util.List;

/**
 * The tracee's real parent (a process other than the tracer): wait() for the
 * zombie, then release_task(). "A zombie ptracee is only visible to its
 * ptracer" (wait_consider_task): while the tracee is ptraced the parent's
 * wait() blocks; its tracer's wait (or exit) hands it back.
 */
final class Parent extends Actor {
    static final int WAIT = 0;
    static final int RELEASE = 1;
    static final int REAP_LOCK = 2;
    static final int REAP_LOOP = 3;
    static final int DONE = 4;

    private static final StepInfo[] INFO = {
        new StepInfo("not ptraced? cmpxchg(exit_state, EXIT_ZOMBIE, EXIT_DEAD); report the exit status", "wait_task_zombie", 0,
            SeedRef.context(SeedRef.UTRACE_C, 1350, "if (unlikely(target->exit_state == EXIT_DEAD)) {",
                "wait_task_zombie (kernel/exit.c) is not in the series; its cmpxchg to EXIT_DEAD is what "
                    + "utrace_add_engine's test (this line) races with")
                .simplified("wait() is one step, enabled once the tracee is a zombie that is not ptraced; it reports "
                    + "the exit status (group_exit_code after SIGKILL, else exit_code)")),
        new StepInfo("release_task: smp_mb(); utrace_flags?", "utrace_release_task", 8,
            SeedRef.code(SeedRef.UTRACE_H, 3684, "smp_mb();")),
        new StepInfo("lock; utrace->reap = 1; defer if DEATH/QUIESCE pending, else take the lists", "utrace_maybe_reap", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1878, "utrace->reap = 1;")),
        new StepInfo("report_reap if wanted, then (a step later if live) ops = NULL; put", "utrace_maybe_reap", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1915, "list_for_each_entry_safe(engine, next, &attached, entry) {")
                .simplified("one engine per step: report_reap, ops = NULL, flags = 0, list_del_init and the put; a live "
                + "engine's report_reap is a step of its own, the rest the step after it")),
        new StepInfo("done", "release_task", 0,
            SeedRef.called(SeedRef.EXIT_C, 3703, "void release_task(struct task_struct * p)", "release_task",
                "the rest of release_task (kernel/exit.c) is 3.1 code; patch 08 adds utrace_release_task to it")
                .simplified("the parent takes no further step")),
    };

    /** Every step the parent can take, for `checker list steps` (the last is where it ends, not a step). */
    static final List<StepInfo> STEPS = List.of(INFO[WAIT], INFO[RELEASE], INFO[REAP_LOCK], INFO[REAP_LOOP]);

    private static final int L_LIST = 0;
    /** What wait() reported (a WaitResult; 0 before): shown in traces. */
    private static final int L_WAITRES = 1;

    Parent(Model model, int index) {
        super(model, index, "parent");
    }

    @Override int slots() { return 3; }

    @Override String role() { return "parent"; }

    @Override boolean step(Ctx c) {
        int pc = c.pc();
        c.at(INFO[pc]);
        switch (pc) {
            case WAIT: {
                if (c.get(EXIT_STATE) != TaskState.EXIT_ZOMBIE) return false;
                // wait_consider_task: "A zombie ptracee is only visible to its ptracer"
                if (c.has(PTRACE, PT_PTRACED) && !c.cfg.mutated(Mutation.PARENT_REAPS_PTRACED_ZOMBIE)) return false;
                // "state = xchg(&p->exit_state, EXIT_DEAD)": only one waiter reaps, and utrace_add_engine backs off
                if (c.cfg.mutated(Mutation.WAIT_ZOMBIE_SKIPS_EXIT_DEAD)) c.note("exit_state left EXIT_ZOMBIE (mutation wait-zombie-skips-exit-dead)");
                else c.set(EXIT_STATE, TaskState.EXIT_DEAD);
                int result = WaitResult.ofExitStatus(Ptracer.zombieStatus(c));
                c.observe(Obs.waitReport(result, Obs.WAITER_PARENT, 0));
                c.local(L_WAITRES, result);
                c.clearBits(G_WAIT, GW_EXIT_PARENT); // history: reported
                if (c.record) c.note("waitpid() = " + WaitResult.name(result));
                c.pc(RELEASE);
                return true;
            }
            case RELEASE:
                c.observe(Obs.taskReleased(c.get(EXIT_STATE)));
                // smp_mb() [B3.reader]; the parent's cmpxchg of exit_state was a full barrier already
                c.fence(Barrier.B3_READER);
                c.pc(Reaper.releaseCallsUtrace(c) ? REAP_LOCK : DONE);
                return true;
            case REAP_LOCK: {
                if (!c.lockFree(LOCK_UTRACE) && !c.cfg.mutated(Mutation.REAP_SKIPS_UTRACE_LOCK)) return false;
                int list = Reaper.maybeReapOnRelease(c);
                c.local(L_LIST, Math.max(list, 0));
                c.pc(list > 0 ? REAP_LOOP : DONE);
                return true;
            }
            case REAP_LOOP: {
                int rest = Utrace.reapOne(c, c.local(L_LIST));
                c.local(L_LIST, rest);
                if (rest == EngineList.EMPTY) c.pc(DONE);
                return true;
            }
            default:
                return false;
        }
    }

    /**
     * wait() then release_task(): utrace_maybe_reap may tear down every engine, so until it is
     * done the parent may touch everything shared.
     */
    @Override void may(State s, Footprint may) {
        if (pc(s) == DONE) return;
        mayShared(may);
        mayOwn(may);
    }

    @Override String stuckProblem(State s) {
        int pc = pc(s);
        if (pc == DONE) return null;
        if (pc == WAIT && s.exitState() == TaskState.EXIT_NONE) return null; // waits for a task that is not dead
        // a zombie ptracee is only visible to its ptracer, which may still wait or exit (wait-liveness,
        // traced-zombie-released judge that)
        if (pc == WAIT && (s.get(PTRACE) & PT_PTRACED) != 0) return null;
        return "parent cannot move at: " + where(s);
    }

    /** At wait(): it blocks there in a final state. */
    boolean atWait(State s) {
        return pc(s) == WAIT;
    }

    String lastWait(State s) {
        int r = local(s, L_WAITRES);
        return r == 0 ? "-" : WaitResult.name(r);
    }

    @Override String where(State s) {
        StepInfo i = INFO[pc(s)];
        return i.function() + ": " + i.label();
    }
}

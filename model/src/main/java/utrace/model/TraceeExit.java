package utrace.model;

import static utrace.model.Slots.*;
import static utrace.model.Tracee.*;

/**
 * Exit and reap: do_exit() with utrace_report_exit (patch 06),
 * exit_notify() and utrace_exit_notify (patch 08) into
 * utrace_report_death() and the tracee's side of utrace_maybe_reap()
 * (patch 01), and release_task() of an autoreaped task
 * (utrace_release_task, patch 08). The reaping parent's side is
 * {@link Parent} / {@link Reaper}.
 */
final class TraceeExit {
    private TraceeExit() {}

    static final int EXIT_REPORT = 19;
    static final int EXIT_NOTIFY = 20;
    static final int EXIT_UTRACE_NOTIFY = 21;
    static final int DEATH_START = 22;
    static final int DEATH_MAYBE_REAP = 23;
    static final int REAP_LOOP = 24;
    static final int AUTOREAP = 25;
    static final int AUTOREAP_LOCK = 26;
    static final int DEAD = 27;

    static void describe() {
        info(EXIT_REPORT, AREA_EXIT, "do_exit: EXIT wanted? start_report", "utrace_report_exit", 6,
            SeedRef.code(SeedRef.EXIT_C, 3545, "UTRACE_HOOK(current, EXIT, report_exit(&code));")
                .names("report_exit", "UTRACE_HOOK pastes utrace_ ## report_exit(&code) into do_exit (patch 06)")
                .simplified("the exit code is kept in a local until exit_notify stores it in task->exit_code; the "
                    + "task is not PF_EXITING yet in this report pass (exit_signals() comes after it, in the next "
                    + "step), which __ptrace_unlink's test reads"));
        info(EXIT_NOTIFY, AREA_EXIT, "tsk->exit_code = code; write_lock(tasklist_lock); ptraced or the parent wants it? EXIT_ZOMBIE, else autoreap: EXIT_DEAD", "exit_notify", 0,
            SeedRef.called(SeedRef.EXIT_C, 3709, "static void exit_notify(struct task_struct *tsk, int group_dead)",
                "exit_notify", "exit_notify (kernel/exit.c) is 3.1 code; the series adds utrace_exit_notify() to it (patch 08)")
                .simplified("exit_signals() (PF_EXITING), the rest of do_exit up to exit_notify and its "
                    + "tasklist_lock section are one step: do_notify_parent's autoreap decision (never for a ptraced "
                    + "task; else when the real parent ignores SIGCHLD), no SIGCHLD itself, no thread group"));
        info(EXIT_UTRACE_NOTIFY, AREA_EXIT, "utrace_flags & (DEATH|QUIESCE)? then report_death", "utrace_exit_notify", 8,
            SeedRef.code(SeedRef.UTRACE_H, 3696, "if (task_utrace_flags(task) & _UTRACE_DEATH_EVENTS)"));
        info(DEATH_START, AREA_EXIT, "lock; utrace->death = 1; resume = RESUME; splice_attaching", "utrace_report_death", 1,
            SeedRef.code(SeedRef.UTRACE_C, 2629, "spin_lock(&utrace->lock);"));
        info(DEATH_MAYBE_REAP, AREA_EXIT, "lock; utrace->death = 0; utrace_reset, or reap if release_task came first", "utrace_maybe_reap", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1889, "utrace->death = 0;")
                .simplified("the locked section, with utrace_reset() or the teardown of the lists, is one step"));
        info(REAP_LOOP, AREA_EXIT, "report_reap if wanted, then (a step later if live) ops = NULL; put", "utrace_maybe_reap", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1915, "list_for_each_entry_safe(engine, next, &attached, entry) {")
                .simplified("one engine per step: report_reap, ops = NULL, flags = 0, list_del_init and the put; a live "
                + "engine's report_reap is a step of its own, the rest the step after it"));
        info(AUTOREAP, AREA_EXIT, "release_task (autoreap): smp_mb(); utrace_flags?", "utrace_release_task", 8,
            SeedRef.code(SeedRef.UTRACE_H, 3684, "smp_mb();"));
        info(AUTOREAP_LOCK, AREA_EXIT, "lock; utrace->reap = 1; defer if DEATH/QUIESCE pending, else take the lists", "utrace_maybe_reap", 1,
            SeedRef.code(SeedRef.UTRACE_C, 1878, "utrace->reap = 1;"));
        info(DEAD, AREA_EXIT, "TASK_DEAD", "do_exit", 0,
            SeedRef.called(SeedRef.EXIT_C, 3544, "NORET_TYPE void do_exit(long code)", "do_exit",
                "do_exit's end (kernel/exit.c) is not in the series; the line is the hunk header naming do_exit")
                .simplified("the tracee takes no further step"));
    }

    static boolean step(Tracee t, Ctx c, int pc) {
        switch (pc) {
            case EXIT_REPORT:
                // UTRACE_HOOK(current, EXIT, report_exit(&code)) (patch 06): the hook passed with no report is
                // judged (events-reported) as a system call's is
                if (!c.cfg.has(6) || (c.get(UTRACE_FLAGS) & Events.EXIT) == 0 || c.cfg.mutated(Mutation.EXIT_SKIPS_REPORT)) {
                    c.observe(Obs.eventUnreported(Events.EXIT));
                    c.pc(EXIT_NOTIFY);
                    return true;
                }
                return TraceeReport.startReport(c, Events.EXIT, TraceeReport.K_FORWARD, true, EXIT_NOTIFY, EXIT_NOTIFY);
            case EXIT_NOTIFY: return exitNotify(c);
            case EXIT_UTRACE_NOTIFY: return exitUtraceNotify(t, c);
            case DEATH_START: return reportDeathStart(c);
            case DEATH_MAYBE_REAP: return deathMaybeReap(t, c);
            case REAP_LOOP: {
                int rest = Utrace.reapOne(c, c.local(L_REAP_LIST));
                c.local(L_REAP_LIST, rest);
                if (rest == EngineList.EMPTY) c.pc(DEAD);
                return true;
            }
            case AUTOREAP:
                c.observe(Obs.taskReleased(c.get(EXIT_STATE)));
                c.fence(Barrier.B3_READER);
                c.pc(Reaper.releaseCallsUtrace(c) ? AUTOREAP_LOCK : DEAD);
                return true;
            case AUTOREAP_LOCK: {
                if (!c.lockFree(LOCK_UTRACE)) return false;
                int list = Reaper.maybeReapOnRelease(c);
                c.local(L_REAP_LIST, Math.max(list, 0));
                c.pc(list > 0 ? REAP_LOOP : DEAD);
                return true;
            }
            case DEAD: return false;
            default: throw new IllegalStateException("tracee pc " + pc);
        }
    }

    /**
     * do_exit(code) begins (exit(), do_group_exit() of a fatal signal): the
     * task will not return to user mode, so the signals it still owes are
     * moot; {@code status} is stored in task->exit_code at {@link #EXIT_NOTIFY}.
     */
    static void doExit(Ctx c, int status) {
        c.local(L_EXIT_STATUS, status);
        c.set(G_SIG_OWED, 0);
        // history: the tracee will not enter a ptrace stop (PTRACE_EVENT_EXIT is not modelled), so no trap is owed
        c.clearBits(G_WAIT, GW_TRAP_OWED);
        c.pc(EXIT_REPORT);
    }

    /** do_group_exit(signr) for a fatal signal's default action (get_signal_to_deliver). */
    static void fatalSignal(Ctx c, int signr) {
        doGroupExit(c, Signals.number(signr));
    }

    /**
     * do_group_exit(code) (exit_group(), the fatal signal's action): "if
     * (signal_group_exit(sig)) exit_code = sig->group_exit_code" (a SIGKILL
     * came first: the task dies of it whatever it was doing); one thread, so
     * no SIGNAL_GROUP_EXIT of its own; then do_exit(exit_code).
     */
    static void doGroupExit(Ctx c, int code) {
        int group = SendSignal.groupExitCode(c);
        doExit(c, group != 0 ? group : code);
    }

    /**
     * tsk->exit_code = code, then exit_notify(): "if (unlikely(tsk->ptrace))
     * autoreap = do_notify_parent(tsk, sig)", which never autoreaps a ptraced
     * task ("!tsk->ptrace && sig == SIGCHLD && SIG_IGN"), else autoreap when the
     * real parent ignores SIGCHLD (a parent that is init, after the tracer that was
     * the parent exited, never does). EXIT_ZOMBIE waits for a wait(); EXIT_DEAD
     * goes to release_task at once. The history records which waiters are owed
     * the exit (wait-reports-once) and what it carries (wait-report-correct).
     */
    private static boolean exitNotify(Ctx c) {
        if (!c.lockFree(LOCK_TASKLIST)) return false;
        int status = c.local(L_EXIT_STATUS);
        c.set(EXIT_CODE, status);
        boolean ptraced = c.has(PTRACE, PT_PTRACED);
        Scenario sc = c.model.scenario();
        boolean ignores = sc.parentIgnoresSigchld() && c.get(REAL_PARENT) == 0;
        boolean autoreap = ignores && (!ptraced || c.cfg.mutated(Mutation.AUTOREAP_WHILE_PTRACED));
        // a plain store (pair B3 with utrace_add_engine when autoreaped)
        c.store(EXIT_STATE, autoreap ? TaskState.EXIT_DEAD : TaskState.EXIT_ZOMBIE);
        c.local(L_AUTOREAP, autoreap ? 1 : 0);
        // What the exit carries for wait_task_zombie(): group_exit_code if a group exit began (a SIGKILL before
        // exit_signals(); none can begin after it), else exit_code.
        int group = SendSignal.groupExitCode(c);
        c.set(G_WAIT_STATUS, WaitResult.ofExitStatus(group != 0 ? group : status));
        if (ptraced) c.setBits(G_WAIT, GW_EXIT_TRACER);
        else if (!autoreap && c.model.parentWaits(c)) c.setBits(G_WAIT, GW_EXIT_PARENT);
        if (c.record) c.note((autoreap ? "autoreap (the parent ignores SIGCHLD): EXIT_DEAD" : "EXIT_ZOMBIE")
            + "; status " + WaitResult.name(WaitResult.ofExitStatus(status)));
        c.pc(EXIT_UTRACE_NOTIFY);
        return true;
    }

    private static boolean exitUtraceNotify(Tracee t, Ctx c) {
        // exit_notify's utrace_exit_notify() -> utrace_report_death() hook: patch 08
        if (c.cfg.has(8) && (c.get(UTRACE_FLAGS) & Events.DEATH_EVENTS) != 0) {
            c.taskGhostSet(G_DEATH_WILL_REPORT);
            for (int e = 0; e < c.engines(); e++) {
                // history: what the engine asked for last, even if its store is still in a store buffer
                if (c.latest(engine(e, E_OPS)) == Ops.LIVE && (c.latest(engine(e, E_FLAGS)) & Events.DEATH) != 0) {
                    c.ghostSet(e, EG_WANTED_DEATH);
                }
            }
            c.pc(DEATH_START);
        } else {
            c.pc(c.local(L_AUTOREAP) != 0 ? AUTOREAP : DEAD);
        }
        return true;
    }

    private static boolean reportDeathStart(Ctx c) {
        if (!c.lockFree(LOCK_UTRACE)) return false;
        c.setBits(UBITS, U_DEATH);
        c.set(RESUME, Actions.RESUME);
        Utrace.spliceAttaching(c);
        c.taskGhostSet(G_DEATH_BEGAN);
        TraceeReport.initReport(c);
        TraceeReport.beginPass(c, TraceeReport.K_FORWARD, Events.DEATH, DEATH_MAYBE_REAP);
        return true;
    }

    private static boolean deathMaybeReap(Tracee t, Ctx c) {
        if (!c.lockFree(LOCK_UTRACE)) return false;
        // "After we unlock with this flag clear, any competing utrace_control/utrace_set_events calls know that
        // we've finished our callbacks and any detach bookkeeping" (seed line 1889)
        if (!c.cfg.mutated(Mutation.DEATH_FLAG_NEVER_CLEARED)) c.clearBits(UBITS, U_DEATH);
        c.taskGhostSet(G_DEATH_DONE);
        if (!c.has(UBITS, U_REAP)) {
            Utrace.utraceReset(c);
            c.pc(c.local(L_AUTOREAP) != 0 ? AUTOREAP : DEAD);
            return true;
        }
        int list = Utrace.reapTeardown(c);
        c.unlock(LOCK_UTRACE);
        c.note("release_task came first: reap now");
        c.local(L_REAP_LIST, list);
        c.pc(list != EngineList.EMPTY ? REAP_LOOP : DEAD);
        return true;
    }
}

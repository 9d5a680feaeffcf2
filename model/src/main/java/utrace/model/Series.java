package utrace.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The 33 patches of the seed, each with what it changes in the model (or
 * why it changes nothing), and the patch selections `--patches` accepts:
 * "all", "upto:N" (a prefix of the series) and "without:17,18".
 */
public final class Series {
    private Series() {}

    /** One row of `checker list patches`. */
    public record Patch(int number, String title, boolean modelEffect, String effect) {}

    private static final List<Patch> PATCHES = List.of(
        p(1, "utrace core", true, "the whole engine protocol (always on: without it there is no utrace to model)"),
        p(2, "utrace_init_task/utrace_free_task calls", false, "lifecycle only: the model's struct utrace lives as long as the task"),
        p(3, "tracehooks: add utrace hooks", true, "syscall entry/exit reports, signal-handler hook, tracehook_notify_resume -> utrace_resume"),
        p(4, "tracehooks: reintroduce tracehook_consider_fatal_signal", true, "complete_signal's fast group exit for a fatal signal "
            + "other than SIGKILL is skipped while an engine watches SIGNAL_TERM or SIGNAL_CORE (or ptrace is attached), so the engine "
            + "gets report_signal for it; without 04 only ptrace stops the fast path and such an engine is never told (matrix row p04)"),
        p(5, "utrace hooks in sig_ignored() and recalc_sigpending()", true, "recalc_sigpending keeps TIF_SIGPENDING while resume == INTERRUPT; SIGCONT queued for SIGNAL_IGN engines"),
        p(6, "restore the EXEC/EXIT/CLONE utrace hooks", true, "report_exit in do_exit (exec and clone are not modelled)"),
        p(7, "utrace_report_death() can use task_utrace_struct()", false, "signature change only"),
        p(8, "restore the DEATH/REAP utrace hooks", true, "exit_notify -> utrace_report_death, release_task -> utrace_maybe_reap"),
        p(9, "utrace: remove jobctl bits", true, "utrace_get_signal defers to the group stop on task->jobctl & JOBCTL_STOP_PENDING, not signal->group_stop_count (0 once the stop completed, so without 09 a STOP_PENDING reinstated by PTRACE_DETACH is missed: matrix row p09); utrace_wakeup no longer puts a group-stopped task back to TASK_STOPPED, which loses the group stop until 17 (regression row r09-17)"),
        p(10, "ptrace: take ->siglock around s/TRACED/RUNNING/", true, "ptrace_resume wakes under siglock; without it the wake is a lock-free read then write"),
        p(11, "introduce wake_up_quiescent()", false, "helper only, same behaviour as wake_up_state() until patch 17"),
        p(12, "introduce ptrace_signal_wake_up()", true, "ptrace detach wakes only __TASK_STOPPED|__TASK_TRACED, never a TASK_UTRACED (WAKEKILL) sleep"),
        p(13, "wait_task_inactive: treat task->state and match_state as bitmasks", true, "wait_task_inactive's busy-wait matches with & instead of ==; its re-check under the runqueue lock still compares with == (finding 6)"),
        p(14, "introduce TASK_UTRACED state", false, "defines the state bit; patch 15 starts using it"),
        p(15, "utrace: use TASK_UTRACED instead of TASK_TRACED", true, "utrace stops in TASK_UTRACED and utrace_do_stop adds UTRACED to a STOPPED/TRACED task"),
        p(16, "reintroduce tracehook_finish_jctl() as utrace_end_stop()", true, "after a job-control or ptrace stop a SIGKILLed task waits for utrace->lock"),
        p(17, "teach wake_up_quiescent() to do \"selective\" wake_up", true, "clear only the caller's stop bit; wake only when no stop bit is left"),
        p(18, "ptrace_stop: do not assume the task is running after wake_up_quiescent()", true, "ptrace_stop calls schedule() when it decided not to stop but UTRACED was added"),
        p(19, "get_signal_to_deliver: restore/restructure utrace/ptrace signal reporting", true, "utrace_get_signal hooked before dequeue; ptrace sees non-SIGKILL signals after the engines"),
        p(20, "utrace_get_signal: s/JOBCTL_STOP_PENDING/JOBCTL_PENDING_MASK/", true, "utrace_get_signal also defers to a pending ptrace trap (JOBCTL_TRAP_STOP of PTRACE_ATTACH to a stopped task; TRAP_NOTIFY needs PTRACE_SEIZE, not modelled): matrix row p20. It edits the line 09 wrote: without 09 the test is still group_stop_count"),
        p(21, "introduce ptrace_set_syscall_trace()", false, "helper only"),
        p(22, "introduce PT_SYSCALL_TRACE flag", true, "ptrace reports syscalls only when ptrace asked (PT_SYSCALL_TRACE)"),
        p(23, "utrace: don't clear TIF_SYSCALL_TRACE if it is needed by ptrace", true, "utrace_reset keeps TIF_SYSCALL_TRACE while PT_SYSCALL_TRACE"),
        p(24, "introduce task_utrace_lock/task_utrace_unlock", false, "the lock helper; patch 25 uses it"),
        p(25, "teach ptrace_set_syscall_trace() to play well with utrace", true, "set/clear under task_utrace_lock; do not clear TIF_SYSCALL_TRACE an engine needs"),
        p(26, "introduce PT_SINGLE_STEP and PT_SINGLE_BLOCK", true, "step traps go to ptrace only when ptrace asked for stepping"),
        p(27, "utrace: finish_resume_report: don't do user_xxx_step() if ptrace_wants_step()", true, "utrace leaves stepping alone while ptrace wants it"),
        p(28, "ptrace: shift user_*_step() from ptrace_resume() to ptrace_stop()", true, "the tracee enables/disables its stepping after waking; TIF_NOTIFY_RESUME after disabling"),
        p(29, "ptrace_disable: no need to disable stepping", true, "PTRACE_DETACH no longer disables stepping (patch 28 handles it)"),
        p(30, "ptrace_report_syscall: check TIF_SYSCALL_EMU", true, "PTRACE_SYSEMU stops again although it does not set PT_SYSCALL_TRACE"),
        p(31, "utrace_resume: check irqs_disabled() to shut up lockdep", false, "interrupt state is not modelled"),
        p(32, "ptrace_report_syscall: check if TIF_SYSCALL_EMU is defined", false, "build fix for !x86"),
        p(33, "utrace: s390: fix the compile problem with traps.c", false, "build fix"));

    private static Patch p(int n, String title, boolean effect, String text) {
        return new Patch(n, title, effect, text);
    }

    public static List<Patch> patches() { return PATCHES; }

    public static Patch patch(int n) { return PATCHES.get(n - 1); }

    /**
     * Parses a selection: "all", "upto:N" (patches 1..N), "without:A,B"
     * (all but those), or an explicit list "1-8,10". Patch 1 is always in:
     * without the utrace core there is nothing to model.
     */
    public static BitSet select(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty selection; give all, upto:N, without:N[,M] or a list such as 1-8,10");
        }
        BitSet b;
        if (s.equals("all")) {
            b = ModelConfig.parsePatches("all");
        } else if (s.startsWith("upto:")) {
            int n = number(s.substring(5), spec);
            if (n < 1 || n > ModelConfig.SERIES_LENGTH) {
                throw new IllegalArgumentException("upto:N needs 1 <= N <= " + ModelConfig.SERIES_LENGTH + ", got '" + spec + "'");
            }
            b = new BitSet();
            b.set(1, n + 1);
        } else if (s.startsWith("without:")) {
            b = ModelConfig.parsePatches("all");
            for (String part : s.substring(8).split(",", -1)) {
                int n = number(part, spec);
                if (n == 1) throw new IllegalArgumentException("patch 1 (the utrace core) cannot be left out");
                if (n < 1 || n > ModelConfig.SERIES_LENGTH) {
                    throw new IllegalArgumentException("no patch " + n + " in the series (1-" + ModelConfig.SERIES_LENGTH + ")");
                }
                b.clear(n);
            }
        } else {
            try {
                b = ModelConfig.parsePatches(s);
            } catch (IllegalArgumentException e) {
                // "all,-19" or "-19" means "the series but 19": say how to write that
                throw new IllegalArgumentException(e.getMessage() + "; or all, upto:N, without:N[,M] (e.g. without:19 for "
                    + "the series but patch 19)");
            }
            if (!b.get(1)) throw new IllegalArgumentException("patch 1 (the utrace core) cannot be left out");
        }
        return b;
    }

    private static int number(String s, String spec) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad patch selection '" + spec
                + "': expected all, upto:N, without:N[,M...] or a list like 1-8,10");
        }
    }

    /** Patches with a model effect, for the bisect walk and the docs. */
    public static List<Integer> withEffect() {
        List<Integer> out = new ArrayList<>();
        for (Patch p : PATCHES) if (p.modelEffect()) out.add(p.number());
        return out;
    }
}

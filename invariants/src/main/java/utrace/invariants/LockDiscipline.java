package utrace.invariants;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Tif;
import utrace.model.Transition;

/**
 * Who may change what while a lock is held. struct utrace's comment (patch 01): "Modifying either list
 * requires @lock". resume, signal_handler, vfork_stop, death, reap and pending_attach are bitfields of one
 * word, so a write to any of them rewrites the word: every writer in utrace.c holds @lock for it. siglock
 * (kernel/signal.c): task->pending, signal->shared_pending, task->jobctl and signal->flags. Patch 25:
 * ptrace_set_syscall_trace() sets and clears TIF_SYSCALL_TRACE under task_utrace_lock(), which is utrace->lock
 * once the task was utraced, because utrace_reset() decides under that lock whether to clear it (patch 23): a
 * lockless set can land between the decision and the clear and be lost. The decision reads PT_SYSCALL_TRACE
 * (utrace_control reads it when it takes the lock), so a set of PT_SYSCALL_TRACE under another's hold is the
 * lost-set race too. Only a set: task->ptrace is zeroed by __ptrace_unlink() under tasklist_lock alone, and a
 * clear after the read only leaves TIF_SYSCALL_TRACE set with nothing to report (the clause first named any
 * change, and checker fuzz --seed 5, scenario 472, met a tracer's wait reaping a traced zombie under an owner's
 * hold: a false report).
 *
 * The model runs a locked region as one step, or as a run of steps with the lock's holder in the state
 * (utrace_control's, utrace_get_signal's). Only such a hold across steps is visible here, and that is what
 * a missing spin_lock() breaks: a step that should have waited for the lock changes what the holder is
 * working on. lockdep and KCSAN report the same in a kernel.
 */
final class LockDiscipline extends Base {
    /**
     * utrace->lock protects: the two lists, utrace->resume and the bitfields' word; and, as task_utrace_lock
     * (patch 25), TIF_SYSCALL_TRACE: only that bit of its word, whose other bits have other rules
     * (set_tsk_thread_flag is atomic; TIF_SIGPENDING goes with siglock). PT_SYSCALL_TRACE: its set only.
     */
    private static final int[] UTRACE_LOCKED = {Slots.ATTACHED, Slots.ATTACHING, Slots.RESUME, Slots.UBITS, Slots.TIF};
    private static final int[] UTRACE_LOCKED_BITS = {-1, -1, -1, -1, Tif.SYSCALL_TRACE};
    private static final String[] UTRACE_LOCKED_NAMES = {"utrace->attached", "utrace->attaching", "utrace->resume",
        "utrace->death/reap/pending_attach/signal_handler/vfork_stop", "TIF_SYSCALL_TRACE (patch 25)"};
    /** Slots.U_DEATH (bit 0) to Slots.U_SIGNAL_HANDLER (bit 4), in bit order. */
    private static final String[] UBITS_NAMES = {"death", "reap", "pending_attach", "vfork_stop", "signal_handler"};
    /** siglock protects: the private and shared pending sets, jobctl, signal->flags. */
    private static final int[] SIGLOCKED = {Slots.SIGPENDING, Slots.SHARED_PENDING, Slots.JOBCTL, Slots.SIGNAL_FLAGS};
    private static final int[] SIGLOCKED_BITS = {-1, -1, -1, -1};
    private static final String[] SIGLOCKED_NAMES = {"task->pending", "signal->shared_pending", "task->jobctl",
        "signal->flags"};

    LockDiscipline() {
        super("lock-discipline",
            "While one actor holds utrace->lock, no other actor changes utrace->attached, utrace->attaching, "
            + "utrace->resume or the bitfields beside it (death, reap, pending_attach, signal_handler, vfork_stop): "
            + "\"Modifying either list requires @lock\" (struct utrace, patch 01), and the bitfields share one word; "
            + "nor TIF_SYSCALL_TRACE, nor does it set PT_SYSCALL_TRACE: ptrace_set_syscall_trace changes them under "
            + "task_utrace_lock (patch 25) because utrace_reset decides under utrace->lock, from PT_SYSCALL_TRACE, "
            + "whether to clear TIF_SYSCALL_TRACE. "
            + "While one actor holds siglock, no other actor changes task->pending, signal->shared_pending, "
            + "task->jobctl or signal->flags (kernel/signal.c). A step that changes them without the lock is a "
            + "missing spin_lock(), as lockdep would report.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        int holder = before.lockHolder(Slots.LOCK_UTRACE);
        if (holder >= 0 && holder != t.actor()) {
            String what = changed(before, t.after(), UTRACE_LOCKED, UTRACE_LOCKED_BITS, UTRACE_LOCKED_NAMES);
            // Patch 25: a set of PT_SYSCALL_TRACE only (a clear is allowed: see the class comment)
            if (what == null && !before.has(Slots.PTRACE, Slots.PT_SYSCALL_TRACE)
                    && t.after().has(Slots.PTRACE, Slots.PT_SYSCALL_TRACE)) {
                return message(m, t, "set PT_SYSCALL_TRACE (patch 25)", holder, "utrace->lock");
            }
            if (what != null) return message(m, t, "changed " + what, holder, "utrace->lock");
        }
        holder = before.lockHolder(Slots.LOCK_SIGLOCK);
        if (holder >= 0 && holder != t.actor()) {
            String what = changed(before, t.after(), SIGLOCKED, SIGLOCKED_BITS, SIGLOCKED_NAMES);
            if (what != null) return message(m, t, "changed " + what, holder, "siglock");
        }
        return null;
    }

    /** The first guarded field whose guarded bits differ, by name; null if none. */
    private static String changed(State before, State after, int[] guarded, int[] bits, String[] names) {
        for (int i = 0; i < guarded.length; i++) {
            if (after.bits(guarded[i], bits[i]) != before.bits(guarded[i], bits[i])) {
                return guarded[i] == Slots.UBITS ? bitfields(before.get(Slots.UBITS) ^ after.get(Slots.UBITS)) : names[i];
            }
        }
        return null;
    }

    private static String message(Model m, Transition t, String did, int holder, String lockName) {
        return m.actorName(t.actor()) + " " + did + " while " + m.actorName(holder) + " holds " + lockName
            + " (" + t.info().function() + ": " + t.info().label() + ")";
    }

    /** The bitfields of the word that changed, by name: "utrace->reap", "utrace->death and utrace->reap". */
    private static String bitfields(int changed) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < UBITS_NAMES.length; i++) {
            if ((changed & (1 << i)) == 0) continue;
            if (b.length() > 0) b.append(" and ");
            b.append("utrace->").append(UBITS_NAMES[i]);
        }
        return b.length() == 0 ? "the bitfields' word" : b.toString();
    }

    /** What checkTransition reads (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        v.read(Slots.LOCK_UTRACE, -1);
        v.read(Slots.LOCK_SIGLOCK, -1);
        for (int i = 0; i < UTRACE_LOCKED.length; i++) v.read(UTRACE_LOCKED[i], UTRACE_LOCKED_BITS[i]);
        v.read(Slots.PTRACE, Slots.PT_SYSCALL_TRACE);
        for (int i = 0; i < SIGLOCKED.length; i++) v.read(SIGLOCKED[i], SIGLOCKED_BITS[i]);
    }

    /** Observations checkTransition reads: none (it compares slots, declared visible). */
    @Override public int observes() { return 0; }
}

package utrace.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The memory barriers of the series' five barrier pairs (PATCHES.md "Barrier
 * pairs"), one constant per side. In the weak memory model each is a named
 * point of the step that contains it and can be removed on its own
 * ({@code --without-barrier B1.writer}); in the sc model they are always in
 * force and change nothing.
 */
public enum Barrier {
    B1_WRITER("B1.writer", Kind.MB, "utrace_control / utrace_set_events",
        "engine->flags (and ->ops) written before utrace->reporting is read", "SB",
        SeedRef.code(SeedRef.UTRACE_C, 2121, "smp_mb();").names("utrace_control", "utrace_control's DETACH; utrace_set_events has the same smp_mb()")),
    B1_READER("B1.reader", Kind.MB, "start_callback",
        "utrace->reporting written before engine->flags and ->ops are read", "SB",
        SeedRef.code(SeedRef.UTRACE_C, 2412, "smp_mb();")),
    B2_WRITER("B2.writer", Kind.WMB, "mark_engine_detached",
        "engine->ops = &utrace_detached_ops written before engine->flags = QUIESCE", "MP",
        SeedRef.code(SeedRef.UTRACE_C, 1675, "smp_wmb();")),
    B2_READER("B2.reader", Kind.RMB, "start_callback",
        "engine->flags read before engine->ops", "MP",
        SeedRef.code(SeedRef.UTRACE_C, 2419, "smp_rmb();")),
    B3_WRITER("B3.writer", Kind.MB, "utrace_add_engine",
        "utrace_flags = REAP written before exit_state is read", "SB",
        SeedRef.code(SeedRef.UTRACE_C, 1349, "smp_mb();")),
    B3_READER("B3.reader", Kind.MB, "utrace_release_task",
        "exit_state = EXIT_DEAD written before utrace_flags is read", "SB",
        SeedRef.code(SeedRef.UTRACE_H, 3684, "smp_mb();")),
    B4_WRITER("B4.writer", Kind.WMB, "utrace_task_alloc",
        "struct utrace initialised (spin_lock_init, INIT_LIST_HEAD, resume) before task->utrace is published",
        "MP+dependency (MP+onceassign+derefonce)",
        SeedRef.code(SeedRef.UTRACE_C, 1273, "smp_wmb();")),
    B4_READER("B4.reader", Kind.RMB, "task_utrace_struct",
        "utrace_flags read before task->utrace (smp_rmb()), task->utrace before the struct it points to "
            + "(smp_read_barrier_depends())",
        "MP+dependency (MP+onceassign+derefonce)",
        SeedRef.code(SeedRef.UTRACE_H, 702, "smp_rmb();")),
    B5_WRITER("B5.writer", Kind.MB, "set_notify_resume",
        "utrace->resume written before TIF_NOTIFY_RESUME is set (the mb implied by test_and_set)", "R",
        SeedRef.called(SeedRef.TRACEHOOK_H, 3287, "static inline void set_notify_resume(struct task_struct *task)",
            "set_notify_resume", "set_notify_resume (include/linux/tracehook.h) is 3.1 code; the line is the hunk "
                + "header naming it (its test_and_set_tsk_thread_flag is the barrier)")),
    B5_READER("B5.reader", Kind.MB, "tracehook_notify_resume",
        "TIF_NOTIFY_RESUME cleared before utrace_flags and utrace->resume are read", "R",
        SeedRef.code(SeedRef.TRACEHOOK_H, 3301, "smp_mb();"));

    /** What the barrier orders: smp_mb() everything, smp_wmb() stores, smp_rmb() loads. */
    public enum Kind {
        MB("smp_mb()"), WMB("smp_wmb()"), RMB("smp_rmb()");

        public final String call;

        Kind(String call) {
            this.call = call;
        }
    }

    public final String id;
    public final Kind kind;
    public final String function;
    public final String orders;
    /** The LKMM litmus shape of the pair. */
    public final String pattern;
    /** Where the barrier is in the series. */
    public final SeedRef ref;

    Barrier(String id, Kind kind, String function, String orders, String pattern, SeedRef ref) {
        this.id = id;
        this.kind = kind;
        this.function = function;
        this.orders = orders;
        this.pattern = pattern;
        this.ref = ref;
    }

    /** The function the reference's line is checked against. */
    public String refFunction() {
        return ref.names() != null ? ref.names() : function;
    }

    /** "B1" for B1.writer. */
    public String pair() {
        return id.substring(0, 2);
    }

    /** "smp_mb() [B1.writer]", as step labels and notes show it. */
    public String tag() {
        return kind.call + " [" + id + "]";
    }

    /** The barrier of that id ("B1.writer"), or null. */
    public static Barrier byId(String id) {
        for (Barrier b : values()) if (b.id.equals(id)) return b;
        return null;
    }

    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (Barrier b : values()) out.add(b.id);
        return out;
    }

    /**
     * Parses "B1.writer,B2.reader" (also "B1" for both sides of a pair).
     * @throws IllegalArgumentException naming the bad entry and the known ones
     */
    public static Set<Barrier> parseList(String spec) {
        Set<Barrier> out = EnumSet.noneOf(Barrier.class);
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            Barrier b = byId(p);
            if (b != null) {
                out.add(b);
                continue;
            }
            boolean pair = false;
            for (Barrier x : values()) {
                if (x.pair().equals(p)) {
                    out.add(x);
                    pair = true;
                }
            }
            if (!pair) {
                throw new IllegalArgumentException("unknown barrier '" + p + "'; known: " + String.join(", ", ids())
                    + " (or a pair: B1..B5)");
            }
        }
        return out;
    }

    /** "B1.writer,B2.reader" in declaration order, "" for none. */
    public static String format(Set<Barrier> bs) {
        List<String> out = new ArrayList<>();
        for (Barrier b : values()) if (bs.contains(b)) out.add(b.id);
        return String.join(",", out);
    }
}

package utrace.model;

import java.util.List;
import java.util.Map;

/**
 * Litmus tests: tiny programs of WRITE_ONCE / READ_ONCE / barriers whose
 * verdicts under the Linux kernel memory model (LKMM,
 * tools/memory-model/litmus-tests) are known. {@link Model#litmus} runs one
 * on the same store buffers, memory actors and barrier code as the utrace
 * model, so an exhaustive search of it checks that machinery: the outcome
 * in {@link #exists()} must be reachable exactly when LKMM says "Sometimes".
 */
public final class Litmus {
    public enum Op { STORE, LOAD, LOAD_DEP, MB, WMB, RMB, LOCK, UNLOCK }

    /** One instruction; {@code var} indexes {@link #vars()}, {@code reg} the thread's registers. */
    public record Ins(Op op, int var, int value, int reg) {
        String show(List<String> vars) {
            switch (op) {
                case STORE: return "WRITE_ONCE(" + vars.get(var) + ", " + value + ")";
                case LOAD: return "r" + reg + " = READ_ONCE(" + vars.get(var) + ")";
                case LOAD_DEP: return "r" + reg + " = READ_ONCE(" + vars.get(var) + ") (address depends on r" + (reg - 1) + ")";
                case MB: return "smp_mb()";
                case WMB: return "smp_wmb()";
                case LOCK: return "spin_lock(s)";
                case UNLOCK: return "spin_unlock(s)";
                default: return "smp_rmb()";
            }
        }
    }

    /** The final-state condition herd7's "exists" clause states. */
    public interface Condition {
        boolean holds(int[][] regs, int[] mem);
    }

    /** Registers per thread. */
    static final int REGS = 2;

    private final String name;
    private final String lkmmName;
    private final List<String> vars;
    private final List<List<Ins>> threads;
    private final String existsText;
    private final Condition exists;
    private final boolean lkmmSometimes;

    private Litmus(String name, String lkmmName, List<List<Ins>> threads, String existsText, Condition exists, boolean lkmmSometimes) {
        this.name = name;
        this.lkmmName = lkmmName;
        this.vars = List.of("x", "y");
        this.threads = threads;
        this.existsText = existsText;
        this.exists = exists;
        this.lkmmSometimes = lkmmSometimes;
    }

    public String name() { return name; }

    @Override public String toString() { return name; }

    /** The LKMM litmus test this one is (tools/memory-model/litmus-tests), or its shape. */
    public String lkmmName() { return lkmmName; }

    public List<String> vars() { return vars; }

    public List<List<Ins>> threads() { return threads; }

    public String existsText() { return existsText; }

    /** Whether a thread takes the test's one spinlock {@code s} (its slot follows the variables'). */
    public boolean usesLock() {
        for (List<Ins> t : threads) for (Ins i : t) if (i.op() == Op.LOCK) return true;
        return false;
    }

    /** The slot of spinlock {@code s}: right after the variables. */
    int lockSlot() { return vars.size(); }

    /** LKMM's verdict: true for "Sometimes" (the outcome is allowed), false for "Never". */
    public boolean lkmmSometimes() { return lkmmSometimes; }

    /** Null unless {@code s} is a final state in which the "exists" outcome holds; then the outcome. */
    public String reached(Model m, State s) {
        int[][] regs = new int[threads.size()][REGS];
        for (int t = 0; t < threads.size(); t++) for (int r = 0; r < REGS; r++) regs[t][r] = m.litmusRegister(s, t, r);
        int[] mem = new int[vars.size()];
        for (int i = 0; i < mem.length; i++) mem[i] = s.get(i);
        return exists.holds(regs, mem) ? "exists " + existsText + " is reached" : null;
    }

    void describe(Model m, State s, Map<String, String> out) {
        for (int i = 0; i < vars.size(); i++) out.put(vars.get(i), Integer.toString(s.get(i)));
        for (int t = 0; t < threads.size(); t++) {
            for (int r = 0; r < REGS; r++) out.put("P" + t + ".r" + r, Integer.toString(m.litmusRegister(s, t, r)));
        }
    }

    /** The program, one thread per line, as herd7 would list it. */
    public String program() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < threads.size(); t++) {
            sb.append("P").append(t).append(":");
            for (Ins i : threads.get(t)) sb.append(" ").append(i.show(vars)).append(";");
            sb.append("\n");
        }
        return sb.append("exists ").append(existsText).toString();
    }

    // ---- the tests -------------------------------------------------------------------------

    private static final int X = 0;
    private static final int Y = 1;

    private static Ins w(int var, int value) { return new Ins(Op.STORE, var, value, 0); }

    private static Ins r(int reg, int var) { return new Ins(Op.LOAD, var, 0, reg); }

    private static Ins rdep(int reg, int var) { return new Ins(Op.LOAD_DEP, var, 0, reg); }

    private static Ins f(Op op) { return new Ins(op, 0, 0, 0); }

    private static List<Ins> seq(Ins... is) { return List.of(is); }

    private static List<Ins> with(Op fence, boolean present, Ins a, Ins b) {
        return present ? seq(a, f(fence), b) : seq(a, b);
    }

    /** SB (store buffering), the shape of B1, B3: each side writes one variable and reads the other. */
    public static Litmus sb(boolean mb0, boolean mb1) {
        return new Litmus("SB" + suffix(mb0, mb1, "mb", "mb"), lkmm("SB", mb0, mb1, "fencembonceonce"),
            List.of(with(Op.MB, mb0, w(X, 1), r(0, Y)), with(Op.MB, mb1, w(Y, 1), r(0, X))),
            "(0:r0=0 /\\ 1:r0=0)", (regs, mem) -> regs[0][0] == 0 && regs[1][0] == 0, !(mb0 && mb1));
    }

    /**
     * SB with smp_wmb() on both sides: a write barrier orders stores with later stores only, not with the later
     * load, so the outcome SB+mb+mb forbids stays allowed (LKMM: Sometimes). Checks that the model's smp_wmb() is
     * no stronger than that (a wmb that drained the buffer would make it Never).
     */
    public static Litmus sbWmb() {
        return new Litmus("SB+wmb+wmb", "SB+fencewmbonceonces",
            List.of(with(Op.WMB, true, w(X, 1), r(0, Y)), with(Op.WMB, true, w(Y, 1), r(0, X))),
            "(0:r0=0 /\\ 1:r0=0)", (regs, mem) -> regs[0][0] == 0 && regs[1][0] == 0, true);
    }

    /** MP (message passing), the shape of B2: data then flag; flag then data. */
    public static Litmus mp(boolean wmb, boolean rmb) {
        String n = wmb && rmb ? "MP+fencewmbonceonce+fencermbonceonce" : !wmb && !rmb ? "MP+poonceonces"
            : wmb ? "MP+fencewmbonceonce+poonceonce" : "MP+poonceonce+fencermbonceonce";
        return new Litmus("MP" + suffix(wmb, rmb, "wmb", "rmb"), n,
            List.of(with(Op.WMB, wmb, w(X, 1), w(Y, 1)), with(Op.RMB, rmb, r(0, Y), r(1, X))),
            "(1:r0=1 /\\ 1:r1=0)", (regs, mem) -> regs[1][0] == 1 && regs[1][1] == 0, !(wmb && rmb));
    }

    /**
     * MP with an address dependency on the reader side instead of smp_rmb(),
     * the shape of B4 (task_utrace_struct's dependent load): with smp_wmb()
     * LKMM forbids the stale read (as in MP+onceassign+derefonce), without it
     * the writer's stores may reach memory out of order.
     */
    public static Litmus mpDependency(boolean wmb) {
        return new Litmus("MP" + (wmb ? "+wmb" : "+po") + "+dep", wmb ? "MP+fencewmbonceonce+addr" : "MP+poonceonce+addr",
            List.of(with(Op.WMB, wmb, w(X, 1), w(Y, 1)), seq(r(0, Y), rdep(1, X))),
            "(1:r0=1 /\\ 1:r1=0)", (regs, mem) -> regs[1][0] == 1 && regs[1][1] == 0, !wmb);
    }

    /**
     * R, the shape of B5: P0 writes x, then y; P1 overwrites y and reads x.
     * "y=2" means P1's store came last in y's order.
     */
    public static Litmus r(boolean mb0, boolean mb1) {
        return new Litmus("R" + suffix(mb0, mb1, "mb", "mb"), lkmm("R", mb0, mb1, "fencembonceonce"),
            List.of(with(Op.MB, mb0, w(X, 1), w(Y, 1)), with(Op.MB, mb1, w(Y, 2), r(0, X))),
            "(y=2 /\\ 1:r0=0)", (regs, mem) -> mem[Y] == 2 && regs[1][0] == 0, !(mb0 && mb1));
    }

    /**
     * Coherence of one variable as its writer sees it (CoWR): P0 writes x and reads it back while P1 writes x
     * too. The read returns P0's own store (from its store buffer while it is still there) or a later one, never
     * the initial value, and never P1's store if x ends at P0's (LKMM's CoWR+poonceonce+Once states the second).
     */
    public static Litmus cowr() {
        return new Litmus("CoWR", "CoWR+poonceonce+Once", List.of(seq(w(X, 1), r(0, X)), seq(w(X, 2))),
            "(0:r0=0 \\/ (x=1 /\\ 0:r0=2))", (regs, mem) -> regs[0][0] == 0 || mem[X] == 1 && regs[0][0] == 2, false);
    }

    /** Coherence of two reads of one variable (CoRR): once P1 has read P0's store it does not read the initial value. */
    public static Litmus corr() {
        return new Litmus("CoRR", "CoRR+poonceonce+Once", List.of(seq(w(X, 1)), seq(r(0, X), r(1, X))),
            "(1:r0=1 /\\ 1:r1=0)", (regs, mem) -> regs[1][0] == 1 && regs[1][1] == 0, false);
    }

    /**
     * MP with the flag written and read under a spinlock, the shape of every utrace->lock and siglock section a
     * marked store crosses: P0's unlock releases both its stores, and P1's lock, taken after it, acquires them
     * (LKMM's MP+polocks: Never). Without the lock on P1's side its two loads may be reordered (Sometimes).
     */
    public static Litmus mpLocks(boolean readerLocks) {
        List<Ins> writer = seq(w(X, 1), f(Op.LOCK), w(Y, 1), f(Op.UNLOCK));
        List<Ins> reader = readerLocks ? seq(f(Op.LOCK), r(0, Y), f(Op.UNLOCK), r(1, X)) : seq(r(0, Y), r(1, X));
        return new Litmus("MP+lock+" + (readerLocks ? "lock" : "po"), readerLocks ? "MP+polocks" : "MP+polock+poonceonce",
            List.of(writer, reader), "(1:r0=1 /\\ 1:r1=0)", (regs, mem) -> regs[1][0] == 1 && regs[1][1] == 0, !readerLocks);
    }

    /** "+mb+po": each thread's fence, or po (program order only) where it has none. */
    private static String suffix(boolean a, boolean b, String fa, String fb) {
        return "+" + (a ? fa : "po") + "+" + (b ? fb : "po");
    }

    /** LKMM's file name for a two-thread test with the same fence on either side (herd7 naming). */
    private static String lkmm(String shape, boolean a, boolean b, String fence) {
        if (a && b) return shape + "+" + fence + "s";
        if (!a && !b) return shape + "+poonceonces";
        return shape + "+" + (a ? fence : "poonceonce") + "+" + (b ? fence : "poonceonce");
    }

    /**
     * Every shipped litmus test: SB, MP, MP+dependency and R, with and without their fences (and SB with the write
     * barrier, which does not order it); coherence (CoWR, CoRR:
     * a thread's own buffered store, two reads of one variable); MP under a spinlock.
     */
    public static List<Litmus> all() {
        return List.of(sb(true, true), sb(false, false), sb(true, false), sb(false, true), sbWmb(),
            mp(true, true), mp(false, false), mp(true, false), mp(false, true),
            mpDependency(true), mpDependency(false),
            r(true, true), r(false, false), r(true, false), r(false, true),
            cowr(), corr(), mpLocks(true), mpLocks(false));
    }
}

package utrace.model;

import java.util.List;

/** One thread of a {@link Litmus} test: an instruction a step, registers as locals. */
final class LitmusThread extends Actor {
    private final List<Litmus.Ins> prog;
    private final List<String> vars;
    /** The slot of the test's spinlock (its LOCK and UNLOCK instructions). */
    private final int lockSlot;

    LitmusThread(Model model, int index, Litmus test, int thread) {
        super(model, index, "P" + thread);
        this.prog = test.threads().get(thread);
        this.vars = test.vars();
        this.lockSlot = test.lockSlot();
    }

    /** Litmus tests are not reduced: everything. */
    @Override void may(State s, Footprint may) {
        may.readWriteRange(0, may.slots());
    }

    @Override int slots() { return 1 + Litmus.REGS; }

    @Override String role() { return "thread"; }

    @Override boolean buffersStores() {
        return prog.stream().anyMatch(i -> i.op() == Litmus.Op.STORE);
    }

    @Override boolean hoistsLoads() {
        for (int i = 0; i + 1 < prog.size(); i++) if (hoistable(i)) return true;
        return false;
    }

    /** The load after instruction {@code pc} may be performed before it: two plain loads, no fence or dependency between. */
    private boolean hoistable(int pc) {
        return pc + 1 < prog.size() && prog.get(pc).op() == Litmus.Op.LOAD && prog.get(pc + 1).op() == Litmus.Op.LOAD
            && prog.get(pc).var() != prog.get(pc + 1).var();
    }

    @Override int hoistableLoad(int[] v) {
        int pc = v[base];
        return hoistable(pc) ? prog.get(pc + 1).var() : -1;
    }

    @Override boolean step(Ctx c) {
        int pc = c.pc();
        if (pc >= prog.size()) return false;
        Litmus.Ins i = prog.get(pc);
        c.at(new StepInfo(i.show(vars), "litmus P" + index, 0, MemoryActor.LITMUS));
        switch (i.op()) {
            case STORE: c.store(i.var(), -1, i.value()); break;
            case LOAD:
            case LOAD_DEP: c.local(i.reg(), c.loadAfter(i.var(), null)); break;
            case MB: if (c.weak != null) c.weak.fence(c, Barrier.Kind.MB, true, "smp_mb()"); break;
            case WMB: if (c.weak != null) c.weak.wmb(c, true, "smp_wmb()"); break;
            case LOCK:
                if (!c.lockFree(lockSlot)) return false;
                c.lock(lockSlot);
                break;
            case UNLOCK: c.unlock(lockSlot); break;
            default: break; // smp_rmb(): its effect is that the next load is not hoistable above it
        }
        c.pc(pc + 1);
        return true;
    }

    @Override String stuckProblem(State s) {
        return pc(s) >= prog.size() ? null : name + " cannot finish at: " + where(s);
    }

    @Override String where(State s) {
        int pc = pc(s);
        return pc >= prog.size() ? "done" : prog.get(pc).show(vars);
    }
}

package utrace.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable view one step works on: a private copy of the state's array,
 * the actor taking the step and what the step records (its {@link StepInfo},
 * a detail line when a trace is being written, and its observations).
 */
public final class Ctx {
    final Model model;
    final ModelConfig cfg;
    final int[] v;
    /** Not final: a {@link Stepper}'s one Ctx is reused for every actor it tries. */
    int actor;
    int base;
    final boolean record;
    StepInfo info;
    String detail;
    /** {@link #NONE} until the first observation (a fresh list then), or a {@link Stepper}'s reused list. */
    List<Obs> obs = NONE;
    static final List<Obs> NONE = List.of();
    /**
     * Null, or (in a {@link Stepper}) the bits each slot's writes touched during this step, with
     * {@link #log} listing the slots written ({@link #nlog} of them) so the step can be undone
     * and its successor fingerprinted from the changed slots only.
     */
    int[] wbits;
    int[] log;
    int nlog;
    boolean[] inLog;

    // The weak memory model's bookkeeping for this step (unused in sc: weak stays null).
    WeakMemory weak;
    State before;
    /** This step's marked stores not yet in the buffer: (slot, mask, value, flags) quadruples. */
    int[] pend = NO_PENDING;
    int npend;
    /** Locks this step asked about (a bit per WeakMemory lock slot): taking one is an acquire. */
    int touchedLocks;
    private static final int[] NO_PENDING = new int[0];

    Ctx(Model model, int[] v, int actor, int base, boolean record) {
        this.model = model;
        this.cfg = model.config();
        this.v = v;
        this.actor = actor;
        this.base = base;
        this.record = record;
    }

    void at(StepInfo stepInfo) { this.info = stepInfo; }

    void note(String d) {
        if (record) detail = detail == null ? d : detail + "; " + d;
    }

    void observe(Obs o) {
        if (obs == NONE) obs = new ArrayList<>(2);
        obs.add(o);
    }

    String engineName(int e) { return model.engineName(e); }

    // raw slots (each access is recorded in fp when partial-order reduction asks for footprints)
    int get(int slot) { r(slot, -1); return v[slot]; }
    void set(int slot, int value) { w(slot, -1); v[slot] = value; }
    boolean has(int slot, int bits) { r(slot, bits); return (v[slot] & bits) != 0; }
    void setBits(int slot, int bits) { w(slot, bits); v[slot] |= bits; }
    void clearBits(int slot, int bits) { w(slot, bits); v[slot] &= ~bits; }

    // this actor's program counter and locals
    int pc() { r(base, -1); return v[base]; }
    void pc(int pc) { w(base, -1); v[base] = pc; }
    int local(int i) { r(base + 1 + i, -1); return v[base + 1 + i]; }
    void local(int i, int value) { w(base + 1 + i, -1); v[base + 1 + i] = value; }

    /**
     * The step's read and write sets, or null (the normal case: then recording costs one
     * null test per access). Filled only by {@link Model#step(State, int, Footprint)}.
     */
    Footprint fp;

    private void r(int slot, int bits) { if (fp != null) fp.read(slot, bits); }

    private void w(int slot, int bits) {
        if (fp != null) fp.write(slot, bits);
        if (wbits != null) logWrite(slot, bits);
    }

    private void logWrite(int slot, int bits) {
        if (!inLog[slot]) {
            inLog[slot] = true;
            log[nlog++] = slot;
        }
        wbits[slot] |= bits;
    }

    /** Another actor's block, read (Tracee.asleepIn reads the tracee's program counter). */
    int peek(int slot) { r(slot, -1); return v[slot]; }

    // Marked accesses: the shared variables of the barrier pairs B1-B5 (WeakMemory; plain in sc).

    /** A marked store of {@code value} into the bits {@code mask} of {@code slot}: buffered in the weak model. */
    void store(int slot, int mask, int value) {
        if (weak != null) weak.store(this, slot, mask, value);
        w(slot, mask);
        v[slot] = (v[slot] & ~mask) | (value & mask);
    }

    void store(int slot, int value) { store(slot, -1, value); }

    /** A smp_mb() (or smp_wmb()/smp_rmb()) of a barrier pair at this point of the step. */
    void fence(Barrier b) {
        if (weak == null) return;
        if (b.kind == Barrier.Kind.WMB) weak.wmb(this, cfg.barrier(b), b.tag());
        else weak.fence(this, b.kind, cfg.barrier(b), b.tag());
    }

    /** A load ordered after an earlier load only by smp_rmb() {@code b}: without it, it may have been performed early. */
    int loadAfter(int slot, Barrier b) {
        r(slot, -1);
        return weak == null ? v[slot] : weak.load(this, slot);
    }

    /** The load an early load was performed for does not happen after all: forget the early value. */
    void dropEarlyLoad() {
        if (weak != null) weak.dropEarlyLoad(this);
    }

    /**
     * For history only: the value last stored to {@code slot} by anyone, even if
     * it still sits in a store buffer (in sc, simply the value).
     */
    int latest(int slot) {
        r(slot, -1);
        return weak == null ? v[slot] : weak.latest(this, slot);
    }

    void pend(int slot, int mask, int value) {
        if (npend * 4 == pend.length) pend = java.util.Arrays.copyOf(pend, Math.max(8, pend.length * 2));
        pend[npend * 4] = slot;
        pend[npend * 4 + 1] = mask;
        pend[npend * 4 + 2] = value;
        pend[npend * 4 + 3] = 0;
        npend++;
    }

    // locks: 0 free, else holder + 1; in the weak model taking a lock also waits for stores released with it
    boolean lockFree(int lock) {
        r(lock, -1);
        boolean free = v[lock] == 0 || v[lock] == actor + 1;
        return weak == null ? free : weak.acquirable(this, lock, free);
    }
    boolean holds(int lock) { r(lock, -1); return v[lock] == actor + 1; }
    void lock(int lock) { w(lock, -1); v[lock] = actor + 1; }
    void unlock(int lock) { w(lock, -1); v[lock] = 0; }

    // engines
    int ops(int e) { return get(Slots.engine(e, Slots.E_OPS)); }
    void ops(int e, int ops) { set(Slots.engine(e, Slots.E_OPS), ops); }
    int flags(int e) { return get(Slots.engine(e, Slots.E_FLAGS)); }
    void flags(int e, int f) { set(Slots.engine(e, Slots.E_FLAGS), f); }
    int ref(int e) { return get(Slots.engine(e, Slots.E_REF)); }
    void ref(int e, int r) { set(Slots.engine(e, Slots.E_REF), r); }
    boolean ghost(int e, int bit) { return has(Slots.engine(e, Slots.E_GHOST), bit); }
    void ghostSet(int e, int bit) { setBits(Slots.engine(e, Slots.E_GHOST), bit); }
    void ghostClear(int e, int bit) { clearBits(Slots.engine(e, Slots.E_GHOST), bit); }
    boolean taskGhost(int bit) { return has(Slots.G_TASK, bit); }
    void taskGhostSet(int bit) { setBits(Slots.G_TASK, bit); }
    void taskGhostClear(int bit) { clearBits(Slots.G_TASK, bit); }

    int engines() { return model.engineCount(); }
}

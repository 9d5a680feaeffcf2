package utrace.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The search's allocation-free way to take steps: one parent state is loaded
 * into a work buffer, each actor's step runs in place on that buffer, and the
 * step is undone again from the parent's copy, slot by slot (only the slots
 * it wrote, which {@link Ctx} logs). No state, context, transition or list is
 * created per step, and no detail note is built (nothing is recorded).
 *
 * <p>Between a {@link #step} that returned true and the next {@link #undo},
 * {@link #values()} and {@link #after()} show the successor, {@link #written}
 * the slots the step wrote (with the bits, {@link #writtenBits}), and
 * {@link #obs()} its observations. The views are live: copy what must outlive
 * the step. One Stepper per thread.
 *
 * <p>Sequential consistency only (the weak memory model's store buffers keep
 * their own bookkeeping): callers use {@link Model#step(State, int)} there.
 * The public, allocating {@code Model.step} stays what replay, Java PathFinder,
 * Lincheck and traces use; both run the same actor code.
 */
public final class Stepper {
    private final Model model;
    private final int[] parent;
    private final int[] work;
    private final Ctx c;
    private final ArrayList<Obs> obs = new ArrayList<>(4);
    private final State before;
    private final State after;
    private boolean held;

    Stepper(Model model) {
        if (model.config().weak()) throw new IllegalStateException("in-place steps are for sequential consistency only");
        this.model = model;
        int n = model.stateSize();
        this.parent = new int[n];
        this.work = new int[n];
        this.c = new Ctx(model, work, 0, 0, false);
        c.wbits = new int[n];
        c.log = new int[n];
        c.inLog = new boolean[n];
        this.before = new State(parent);
        this.after = new State(work);
    }

    /** Makes {@code values} (a state's slots, copied) the parent the next steps start from. */
    public void load(int[] values) {
        if (held) undo();
        System.arraycopy(values, 0, parent, 0, parent.length);
        System.arraycopy(values, 0, work, 0, work.length);
    }

    public void load(State s) {
        if (held) undo();
        for (int i = 0; i < parent.length; i++) {
            parent[i] = s.get(i);
            work[i] = parent[i];
        }
    }

    /** The parent's slots, to fill before {@link #loaded()} (saves the copy in {@link #load}). */
    public int[] parentValues() { return parent; }

    /** The parent was written into {@link #parentValues()} directly: make it the start of the next steps. */
    public void loaded() {
        if (held) undo();
        System.arraycopy(parent, 0, work, 0, work.length);
    }

    /**
     * Takes actor {@code a}'s step from the parent: true if it is enabled (the successor is then
     * held until {@link #undo}); false if not (nothing is held).
     */
    public boolean step(int a) {
        if (held) undo();
        if (!obs.isEmpty()) obs.clear();
        c.obs = obs;
        c.info = null;
        if (!model.stepInPlace(c, a)) {
            restore();
            return false;
        }
        held = true;
        return true;
    }

    /**
     * As {@link #step}, recording into {@code footprint} (cleared first) what the step reads and
     * writes, as {@link Model#step(State, int, Footprint)} does (partial-order reduction). The
     * caller checks it against the actor's may-footprint.
     */
    public boolean stepRecording(int a, Footprint footprint) {
        if (model.scenario() == null) throw new IllegalStateException("footprints are recorded in sc scenarios only");
        footprint.clear();
        c.fp = footprint;
        try {
            return step(a);
        } finally {
            c.fp = null;
        }
    }

    /** Puts the work buffer back to the parent. */
    public void undo() {
        restore();
        held = false;
    }

    private void restore() {
        int[] log = c.log;
        int[] wb = c.wbits;
        for (int k = 0; k < c.nlog; k++) {
            int s = log[k];
            work[s] = parent[s];
            wb[s] = 0;
            c.inLog[s] = false;
        }
        c.nlog = 0;
    }

    /** The parent, as a live view (never hash it: the buffer is reused). */
    public State before() { return before; }

    /** The held successor, as a live view. */
    public State after() { return after; }

    /** The held successor's slots (live). */
    public int[] values() { return work; }

    /** Number of slots the held step wrote. */
    public int writtenCount() { return c.nlog; }

    /** The k-th slot written (in the order first written). */
    public int written(int k) { return c.log[k]; }

    /** The slots the held step wrote, first {@link #writtenCount()} entries (live; read-only for callers). */
    public int[] writtenSlots() { return c.log; }

    /** The bits of {@code slot} the held step wrote (the write footprint Model.step(State, int, Footprint) records). */
    public int writtenBits(int slot) { return c.wbits[slot]; }

    /** The bits the held step wrote, by slot (live; read-only for callers). */
    public int[] writtenBitsBySlot() { return c.wbits; }

    /** True if the held successor differs from the parent (the step changed something). */
    public boolean changed() {
        for (int k = 0; k < c.nlog; k++) {
            int s = c.log[k];
            if (work[s] != parent[s]) return true;
        }
        return false;
    }

    /** The held step's observations (live; empty for most steps). */
    public List<Obs> obs() { return obs; }

    public StepInfo info() { return c.info; }

    /** The held step as a {@link Transition} over the live views (for invariant checks; no detail). */
    public Transition transition(int a) {
        return new Transition(a, c.info, null, after, obs.isEmpty() ? Ctx.NONE : obs);
    }
}

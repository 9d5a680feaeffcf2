package utrace.model;

/**
 * One thread of the model: the tracee, an engine owner, the killer or the
 * reaping parent. It owns a block of the state (program counter, then
 * locals) and takes one atomic step at a time.
 */
abstract class Actor {
    final Model model;
    final int index;
    final String name;
    int base;

    Actor(Model model, int index, String name) {
        this.model = model;
        this.index = index;
        this.name = name;
    }

    /** Number of state slots: the program counter plus locals. */
    abstract int slots();

    abstract String role();

    /** Take the step at the current pc; false (state untouched or discarded) if it is not enabled. */
    abstract boolean step(Ctx c);

    /**
     * Why this actor must not stay where it is forever, or null if it may (done, or a legitimate wait).
     * Not asked while {@link #unmetGuard} has an answer: waiting at a guard that does not hold is no deadlock.
     */
    abstract String stuckProblem(State s);

    /**
     * In a final state: the item this actor waits to start and why its ordering guard does not hold there,
     * or null (no guard, or one that holds: then it is {@link #stuckProblem}'s to judge).
     */
    String unmetGuard(State s) { return null; }

    /** Where the actor is, for traces and deadlock reports. */
    abstract String where(State s);

    void init(int[] v) {}

    /**
     * This actor's may-footprint in {@code s}: added to {@code may}, every slot and bit that any
     * step it can still take (its current operation and all remaining ones) may read or write,
     * whatever the other actors do meanwhile. Partial-order reduction relies on it being an
     * over-approximation; {@link Model#step(State, int, Footprint)} checks every recorded step
     * against it and fails loudly if a table is incomplete.
     */
    abstract void may(State s, Footprint may);

    /** Name of the operation the may-footprint is declared for, for "footprint table incomplete" errors. */
    String op(State s) { return where(s); }

    /** The task, its locks, struct utrace and every engine: what the kernel-side code may touch. */
    final void mayShared(Footprint may) {
        may.readWriteRange(0, Slots.GLOBALS + Slots.ENGINE_SLOTS * model.engineCount());
    }

    /** This actor's own block (program counter and locals). */
    final void mayOwn(Footprint may) {
        may.readWriteRange(base, base + slots());
    }

    /** Weak memory model: does this actor make marked stores (and so get a store buffer)? */
    boolean buffersStores() { return false; }

    /** Weak memory model: may this actor perform a load early (an smp_rmb() of its is removed)? */
    boolean hoistsLoads() { return false; }

    /** The slot of the load this actor may perform early in state {@code v}, or -1 (see {@link WeakMemory}). */
    int hoistableLoad(int[] v) { return -1; }

    int pc(State s) { return s.get(base); }

    int local(State s, int i) { return s.get(base + 1 + i); }
}

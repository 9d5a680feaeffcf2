package utrace.model;

/**
 * An actor of the weak memory model, not of the kernel: it moves a CPU's
 * buffered store to memory ("store buffer tracee" flushes the oldest entry,
 * "store buffer tracee (reordered)" the next one where it may pass the
 * oldest), or performs a load early where an smp_rmb() was removed ("early
 * load tracee"). Each such step shows in a trace as a step of its own.
 */
final class MemoryActor extends Actor {
    private final WeakMemory weak;
    private final Actor cpu;
    /** The buffer entry this actor flushes, or -1 for the early-load actor. */
    private final int entry;

    MemoryActor(Model model, int index, WeakMemory weak, Actor cpu, int entry) {
        super(model, index, name(cpu, entry));
        this.weak = weak;
        this.cpu = cpu;
        this.entry = entry;
    }

    private static String name(Actor cpu, int entry) {
        if (entry < 0) return "early load " + cpu.name;
        return "store buffer " + cpu.name + (entry == 0 ? "" : entry == 1 ? " (reordered)" : " (entry " + entry + ")");
    }

    @Override int slots() { return 0; }

    @Override String role() { return "memory"; }

    @Override boolean step(Ctx c) {
        if (entry >= 0) return weak.flush(c, cpu.index, entry);
        return weak.loadEarly(c, cpu.index, cpu.hoistableLoad(c.v));
    }

    /** Weak memory model only, where partial-order reduction is off: everything. */
    @Override void may(State s, Footprint may) {
        may.readWriteRange(0, may.slots());
    }

    /** A buffer with entries can always flush its oldest one, so memory actors never block anyone. */
    @Override String stuckProblem(State s) { return null; }

    @Override String where(State s) {
        return entry >= 0 ? weak.describeBuffer(s, cpu.index) : weak.describePrefetch(s, cpu.index);
    }
}

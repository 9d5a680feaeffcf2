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

    /** A litmus test's step: no line of the series stands for it. */
    static final SeedRef LITMUS = SeedRef.none("not kernel code: a litmus self-test of the weak memory model "
        + "(LKMM's tools/memory-model/litmus-tests), run on the same store buffers");

    /** A flush's step; {@code pair} is the barrier that orders the flushed variable (null in a litmus test). */
    static StepInfo flushInfo(String label, Barrier pair) {
        return new StepInfo(label, "store buffer", 0, pair == null ? LITMUS : pair.ref.as(SeedRef.Kind.CONTEXT,
            "not kernel code: a CPU's store buffer writes back a store; the line is " + pair.tag() + ", which orders it"));
    }

    /** An early load's step; {@code removed} is the smp_rmb() whose removal allows it (null in a litmus test). */
    static StepInfo earlyLoadInfo(String label, Barrier removed) {
        return new StepInfo(label, "load reordering", 0, removed == null ? LITMUS : removed.ref.as(SeedRef.Kind.CONTEXT,
            "not kernel code: a CPU performs a load early; the line is " + removed.tag() + ", removed"));
    }

    /** The memory actors' steps, for `checker list steps`: one flush per barrier pair's variables, one early load per smp_rmb(). */
    static java.util.List<StepInfo> steps() {
        java.util.List<StepInfo> out = new java.util.ArrayList<>();
        for (Barrier b : Barrier.values()) {
            if (b == Barrier.B2_READER || b == Barrier.B4_READER) {
                out.add(earlyLoadInfo("load a variable of pair " + b.pair() + " early", b));
            } else if (b != Barrier.B1_WRITER) {
                out.add(flushInfo("flush a store of pair " + b.pair() + " (" + b.id + " side) to memory", b));
            }
        }
        out.add(flushInfo("litmus test: flush a store to memory", null));
        return out;
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

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
    final int actor;
    final int base;
    final boolean record;
    StepInfo info;
    String detail;
    List<Obs> obs = List.of();

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
        if (obs.isEmpty()) obs = new ArrayList<>(2);
        obs.add(o);
    }

    String engineName(int e) { return model.engineName(e); }

    // raw slots
    int get(int slot) { return v[slot]; }
    void set(int slot, int value) { v[slot] = value; }
    boolean has(int slot, int bits) { return (v[slot] & bits) != 0; }
    void setBits(int slot, int bits) { v[slot] |= bits; }
    void clearBits(int slot, int bits) { v[slot] &= ~bits; }

    // this actor's program counter and locals
    int pc() { return v[base]; }
    void pc(int pc) { v[base] = pc; }
    int local(int i) { return v[base + 1 + i]; }
    void local(int i, int value) { v[base + 1 + i] = value; }

    // locks: 0 free, else holder + 1
    boolean lockFree(int lock) { return v[lock] == 0 || v[lock] == actor + 1; }
    boolean holds(int lock) { return v[lock] == actor + 1; }
    void lock(int lock) { v[lock] = actor + 1; }
    void unlock(int lock) { v[lock] = 0; }

    // engines
    int ops(int e) { return v[Slots.engine(e, Slots.E_OPS)]; }
    void ops(int e, int ops) { v[Slots.engine(e, Slots.E_OPS)] = ops; }
    int flags(int e) { return v[Slots.engine(e, Slots.E_FLAGS)]; }
    void flags(int e, int f) { v[Slots.engine(e, Slots.E_FLAGS)] = f; }
    int ref(int e) { return v[Slots.engine(e, Slots.E_REF)]; }
    void ref(int e, int r) { v[Slots.engine(e, Slots.E_REF)] = r; }
    boolean ghost(int e, int bit) { return (v[Slots.engine(e, Slots.E_GHOST)] & bit) != 0; }
    void ghostSet(int e, int bit) { v[Slots.engine(e, Slots.E_GHOST)] |= bit; }
    void ghostClear(int e, int bit) { v[Slots.engine(e, Slots.E_GHOST)] &= ~bit; }
    boolean taskGhost(int bit) { return (v[Slots.G_TASK] & bit) != 0; }
    void taskGhostSet(int bit) { v[Slots.G_TASK] |= bit; }
    void taskGhostClear(int bit) { v[Slots.G_TASK] &= ~bit; }

    int engines() { return model.engineCount(); }
}

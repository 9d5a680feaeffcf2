package utrace.model;

import static utrace.model.Slots.*;

import java.lang.reflect.Field;
import java.util.List;

/**
 * A hand-built state for unit tests of the kernel helpers: a model of a small
 * scenario, a mutable copy of its initial values, and {@link Ctx}s built the
 * way {@link Model#step} builds them. Engine 0 is "E1", engine 1 "E2" and so
 * on, in declaration order; actor 0 is the tracee, then the owners in engine
 * order, then the killer, then the parent.
 */
final class Fixture {
    final Model model;
    final int[] v;

    private Fixture(Model model) {
        this.model = model;
        this.v = model.initial().copyValues();
    }

    /**
     * The configuration these unit tests check the C against: patch 01's
     * kernel/utrace.c with the hooks of 03, 06 and 08 (the series prefix
     * upto:8). Later patches change some of it on purpose (15: TASK_UTRACED,
     * 17: selective wake-up); PtracePatchesTest covers those.
     */
    static final ModelConfig CORE = ModelConfig.fullSeries().withPatches(Series.select("upto:8"));

    /** A fixture for the scenario text; "scenario t" is prepended. */
    static Fixture of(String body) {
        return of(body, CORE);
    }

    static Fixture of(String body, ModelConfig cfg) {
        try {
            return new Fixture(new Model(ScenarioParser.parse("test", "scenario t\n" + body), cfg));
        } catch (ScenarioFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** Three engines, none attached; E1 and E2 have owners (actors 1 and 2), the tracee idles. */
    static Fixture threeEngines() {
        return of("engine E1\nengine E2\nengine E3\ntracee\nowner E1 control STOP\nowner E2 control STOP\n");
    }

    /** The base slot of actor {@code a}'s block, as Model.step uses it. */
    int base(int a) {
        try {
            Field f = Model.class.getDeclaredField("actors");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Actor> actors = (List<Actor>) f.get(model);
            return actors.get(a).base;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A step context over this fixture's values (shared, not copied) for actor {@code a}. */
    Ctx ctx(int a) {
        return new Ctx(model, v, a, base(a), true);
    }

    State state() { return new State(v.clone()); }

    int get(int slot) { return v[slot]; }

    Fixture set(int slot, int value) { v[slot] = value; return this; }

    boolean has(int slot, int bits) { return (v[slot] & bits) != 0; }

    int eget(int e, int field) { return v[engine(e, field)]; }

    Fixture eset(int e, int field, int value) { v[engine(e, field)] = value; return this; }

    /** Put engine e on ->attached, live, with these flags and only the attached reference. */
    Fixture attach(int e, int flags) {
        v[engine(e, E_OPS)] = Ops.LIVE;
        v[engine(e, E_FLAGS)] = flags;
        v[engine(e, E_REF)] = 1;
        v[ATTACHED] = EngineList.append(v[ATTACHED], e);
        v[UTRACE_FLAGS] |= flags | Events.REAP;
        v[UTRACE_ALLOCATED] = 1;
        return this;
    }

    /** Put engine e on ->attaching (as utrace_add_engine does), live, with these flags. */
    Fixture attaching(int e, int flags) {
        v[engine(e, E_OPS)] = Ops.LIVE;
        v[engine(e, E_FLAGS)] = flags;
        v[engine(e, E_REF)] = 1;
        v[ATTACHING] = EngineList.append(v[ATTACHING], e);
        v[UBITS] |= U_PENDING_ATTACH;
        v[UTRACE_ALLOCATED] = 1;
        return this;
    }

    /** Actor a holds utrace->lock (as the kernel helpers expect on entry). */
    Fixture lockedBy(int a) {
        v[LOCK_UTRACE] = a + 1;
        return this;
    }

    int pc(int a) { return v[base(a)]; }

    Fixture pc(int a, int pc) { v[base(a)] = pc; return this; }

    /** Take actor a's step from the current values (a copy); null if not enabled. */
    Transition step(int a) {
        return model.step(state(), a, true);
    }
}

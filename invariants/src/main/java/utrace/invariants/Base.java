package utrace.invariants;

import utrace.model.Events;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.Ops;
import utrace.model.Slots;
import utrace.model.State;

/** Name and statement holder plus helpers the invariants share. */
abstract class Base implements Invariant {
    private final String name;
    private final String statement;

    Base(String name, String statement) {
        this.name = name;
        this.statement = statement;
    }

    @Override public String name() { return name; }

    @Override public String statement() { return statement; }

    static String event(int event) {
        return Events.names(event).toLowerCase();
    }

    static String callback(Model m, Obs o) {
        return "report_" + event(o.code()) + " to " + m.engineName(o.engine());
    }

    /** Every invariant here checks transitions only through their observations (or ATTACHED, which it declares visible). */
    @Override public boolean quietStepsPass() { return true; }

    /** Declares bits {@code bits} of field {@code field} of every engine visible. */
    static void engines(Model m, Footprint v, int field, int bits) {
        for (int e = 0; e < m.engineCount(); e++) v.read(Slots.engine(e, field), bits);
    }

    static boolean live(State s, int e) {
        return s.engineOps(e) == Ops.LIVE;
    }
}

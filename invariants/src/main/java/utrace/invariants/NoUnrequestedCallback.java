package utrace.invariants;

import utrace.model.Footprint;
import java.util.List;

import utrace.model.CallbackSpec;
import utrace.model.EngineSpec;
import utrace.model.Events;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.OwnerOp;
import utrace.model.Scenario;
import utrace.model.State;
import utrace.model.Transition;

/**
 * An engine's own callbacks run only for events it asked for. The danger is
 * start_callback() pairing the new flags of a detached engine (QUIESCE, set
 * by mark_engine_detached) with its old ops vector, whose report_quiesce may
 * be NULL: barrier pair B2 (smp_wmb between ops and flags, smp_rmb between
 * reading flags and ops) forbids it.
 */
final class NoUnrequestedCallback extends ObservationCheck {
    NoUnrequestedCallback() {
        super("no-unrequested-callback",
            "An engine's own callbacks (live ops) are made only for events it asked for, in its attach events or a "
            + "utrace_set_events call: in particular start_callback never pairs utrace_detached_ops' flags "
            + "(QUIESCE) with the engine's old ops vector, which may have no report_quiesce (PATCHES.md barrier "
            + "pair B2: mark_engine_detached writes ops, smp_wmb(), flags; start_callback reads flags, smp_rmb(), ops).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (!o.liveCallback()) continue;
            int asked = asked(m.scenario(), o.engine());
            int ev = o.code();
            // report_signal is made to engines that want the signal's event or QUIESCE
            int ok = (ev & Events.SIGNAL_ALL) != 0 ? ev | Events.QUIESCE : ev;
            if ((asked & ok) == 0) {
                return callback(m, o) + " with its own ops, but " + m.engineName(o.engine()) + " only ever asks for "
                    + Events.names(asked);
            }
        }
        return null;
    }

    /** Every event the scenario lets engine {@code e} ask for: its attach events and every set_events mask. */
    static int asked(Scenario s, int e) {
        EngineSpec spec = s.engines().get(e);
        int asked = spec.events();
        List<OwnerOp> script = s.owners().get(e);
        for (OwnerOp op : script) if (op.kind() == OwnerOp.Kind.SET_EVENTS) asked |= op.arg();
        for (CallbackSpec cb : spec.callbacks().values()) {
            if (cb.selfCall() != null && cb.selfCall().kind() == CallbackSpec.SelfCallKind.SET_EVENTS) asked |= cb.selfCall().arg();
        }
        return asked;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // observations and the scenario only
    }

    /** Observations checkTransition reads: callbacks. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.CALLBACK); }
}

package utrace.invariants;

import java.util.List;

import utrace.model.Errno;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The tracer's side of a ptrace-tests program: after most calls the test asserts what ptrace() returned
 * ({@code i = ptrace (PTRACE_DETACH, child, ...); assert (i == 0);}). A scenario states it ({@code detach -> 0});
 * the call returns that on every interleaving. ptrace-request-not-spurious covers the one case the series
 * itself names (-ESRCH for a TASK_TRACED tracee); this covers whatever the test asserts, in whatever state the
 * tracee is (ptrace-on-job-control-stopped: the detach that failed with -ESRCH on a utrace kernel whose
 * tracee sat in TASK_STOPPED).
 */
final class PtraceReturnAsStated extends ObservationCheck {
    PtraceReturnAsStated() {
        super("ptrace-return-as-stated",
            "A ptrace request whose return the scenario states (the test's assertion: detach -> 0, peek -> ESRCH) "
            + "returns one of those values on every interleaving.");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.PTRACE_RETURN) continue;
            List<Integer> expect = m.ptraceReturnExpectation(o.aux());
            if (!expect.isEmpty() && !expect.contains(o.ret())) {
                StringBuilder alts = new StringBuilder();
                for (int i = 0; i < expect.size(); i++) alts.append(i == 0 ? "" : " or ").append(Errno.name(expect.get(i)));
                return m.ptraceRequestText(o.aux()) + " returned " + Errno.name(o.ret()) + ", the test expects " + alts;
            }
        }
        return null;
    }

    /** What checkState/checkTransition read (partial-order reduction's visibility). */
    @Override public void visible(Model m, Footprint v) {
        // observations and the scenario only
    }

    /** Observations checkTransition reads: ptrace request returns. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.PTRACE_RETURN); }
}

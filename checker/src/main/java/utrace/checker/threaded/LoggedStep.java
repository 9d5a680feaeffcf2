package utrace.checker.threaded;

import java.util.List;

import utrace.model.Obs;
import utrace.model.State;

/**
 * One model step a {@link CallRunner} took: its position in the run, the
 * actor, the kernel function it belongs to and its label, what it did (callbacks, API
 * returns, user entry) and the state after it. Contract checks read the
 * run's steps as this log.
 */
public record LoggedStep(int index, int actor, String function, String label, List<Obs> obs, State after) {

    /** The API_RETURN this step produced, or null. */
    public Obs apiReturn() {
        for (Obs o : obs) if (o.kind() == Obs.Kind.API_RETURN) return o;
        return null;
    }

    /** The return of a callback's own utrace_control/utrace_set_events this step made, or null. */
    public Obs selfCallReturn() {
        for (Obs o : obs) if (o.kind() == Obs.Kind.SELF_CALL_RETURN) return o;
        return null;
    }

    /** The step's call returns: an owner's and a callback's own (either may be null). */
    public Obs[] callReturns() {
        return new Obs[] {apiReturn(), selfCallReturn()};
    }

    public boolean has(Obs.Kind kind) {
        for (Obs o : obs) if (o.kind() == kind) return true;
        return false;
    }
}

package utrace.invariants;

/**
 * An invariant whose transition check judges the step's observations of the kinds it
 * {@link #observes} and nothing else ({@link #judgesObservationsOnly}): a step with none of them
 * passes. Most of the guarantees are of this shape ("report_reap only after report_death returned",
 * "utrace_barrier returns 0 only once the callback finished"): a promise about what the tracee or
 * an API call did, judged against the state it was done in.
 */
abstract class ObservationCheck extends Base {
    ObservationCheck(String name, String statement) {
        super(name, statement);
    }

    @Override public final boolean judgesObservationsOnly() { return true; }
}

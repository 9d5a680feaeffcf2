package utrace.invariants;

/** An invariant set that cannot be loaded: unknown name, missing file or a bad line. */
public final class InvariantSetException extends Exception {
    public InvariantSetException(String message) {
        super(message);
    }
}

package utrace.checker.corpus;

/** A corpus index that cannot be used (missing, malformed, naming unknown things); the message is one line. */
public final class CorpusException extends Exception {
    public CorpusException(String message) {
        super(message);
    }
}

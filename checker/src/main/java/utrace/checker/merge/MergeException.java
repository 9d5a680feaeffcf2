package utrace.checker.merge;

/** Results that cannot be merged (different runs, unreadable, duplicated): the CLI's exit code 2. */
public final class MergeException extends RuntimeException {
    public MergeException(String message) {
        super(message);
    }
}

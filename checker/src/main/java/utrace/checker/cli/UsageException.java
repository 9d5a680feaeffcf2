package utrace.checker.cli;

/** Bad input the user can fix: reported as one line, exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

package utrace.checker.cli;

/** Bad input the user can fix: reported as one line, exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
    /** The longest piece of user input a message repeats (a megabyte of bad token is not echoed whole). */
    static final int SHOWN_MAX = 80;

    public UsageException(String message) {
        super(message);
    }

    /** {@code value} as a message repeats it: control characters made visible, cut at SHOWN_MAX characters. */
    public static String shown(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && b.length() < SHOWN_MAX; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (b.length() >= SHOWN_MAX && value.length() > SHOWN_MAX) {
            return b.substring(0, SHOWN_MAX) + "... (" + value.length() + " characters)";
        }
        return b.toString();
    }
}

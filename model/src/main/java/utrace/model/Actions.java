package utrace.model;

import java.util.Locale;

/**
 * {@code enum utrace_resume_action}: "the smallest value prevails" when
 * engines disagree (PATCHES.md, constants the seed lost).
 */
public final class Actions {
    private Actions() {}

    public static final int STOP = 0;
    public static final int INTERRUPT = 1;
    public static final int REPORT = 2;
    public static final int SINGLESTEP = 3;
    public static final int BLOCKSTEP = 4;
    public static final int RESUME = 5;
    public static final int DETACH = 6;

    private static final String[] NAMES = {"STOP", "INTERRUPT", "REPORT", "SINGLESTEP", "BLOCKSTEP", "RESUME", "DETACH"};

    /** UTRACE_SINGLESTEP or UTRACE_BLOCKSTEP: the model has one stepping flag for both. */
    public static boolean isStep(int action) {
        return action == SINGLESTEP || action == BLOCKSTEP;
    }

    public static String name(int action) {
        return action >= 0 && action < NAMES.length ? NAMES[action] : "action#" + action;
    }

    public static int parse(String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        if (u.startsWith("UTRACE_")) u = u.substring(7);
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(u)) return i;
        return -1;
    }

    public static String knownNames() {
        return String.join(", ", NAMES);
    }
}

package utrace.model;

import java.util.Locale;

/**
 * {@code enum utrace_events} bits (include/linux/utrace.h, patch 01) and
 * ENGINE_STOP, "the bit just past the last event bit".
 */
public final class Events {
    private Events() {}

    public static final int QUIESCE = 1 << 0;
    public static final int REAP = 1 << 1;
    public static final int CLONE = 1 << 2;
    public static final int EXEC = 1 << 3;
    public static final int EXIT = 1 << 4;
    public static final int DEATH = 1 << 5;
    public static final int SYSCALL_ENTRY = 1 << 6;
    public static final int SYSCALL_EXIT = 1 << 7;
    public static final int SIGNAL = 1 << 8;
    public static final int SIGNAL_IGN = 1 << 9;
    public static final int SIGNAL_STOP = 1 << 10;
    public static final int SIGNAL_TERM = 1 << 11;
    public static final int SIGNAL_CORE = 1 << 12;
    public static final int JCTL = 1 << 13;
    public static final int ENGINE_STOP = 1 << 14;

    public static final int DEATH_EVENTS = DEATH | QUIESCE;          // _UTRACE_DEATH_EVENTS
    public static final int SYSCALL = SYSCALL_ENTRY | SYSCALL_EXIT;   // UTRACE_EVENT_SYSCALL
    public static final int SIGNAL_ALL = SIGNAL | SIGNAL_IGN | SIGNAL_STOP | SIGNAL_TERM | SIGNAL_CORE;

    private static final String[] NAMES = {"QUIESCE", "REAP", "CLONE", "EXEC", "EXIT", "DEATH",
        "SYSCALL_ENTRY", "SYSCALL_EXIT", "SIGNAL", "SIGNAL_IGN", "SIGNAL_STOP", "SIGNAL_TERM",
        "SIGNAL_CORE", "JCTL", "ENGINE_STOP"};

    public static String names(int mask) {
        if (mask == 0) return "0";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((mask & (1 << i)) != 0) {
                if (b.length() > 0) b.append('|');
                b.append(NAMES[i]);
            }
        }
        return b.toString();
    }

    /** One event name, also the aliases SIGNAL_ALL, SYSCALL and DEATH_EVENTS; -1 if unknown. */
    public static int parseOne(String name) {
        String u = name.trim().toUpperCase(Locale.ROOT);
        switch (u) {
            case "SIGNAL_ALL": return SIGNAL_ALL;
            case "SYSCALL": return SYSCALL;
            case "DEATH_EVENTS": return DEATH_EVENTS;
            case "0": case "NONE": return 0;
            default:
                for (int i = 0; i < NAMES.length - 1; i++) if (NAMES[i].equals(u)) return 1 << i;
                return -1;
        }
    }

    public static String knownNames() {
        return String.join(", ", java.util.Arrays.copyOf(NAMES, NAMES.length - 1))
            + ", SIGNAL_ALL, SYSCALL, DEATH_EVENTS, 0";
    }
}

package utrace.checker.fuzz;

import java.util.Locale;

/** Where a fuzz run's scenarios come from: drawn at random, shipped ones changed once, or both in turn. */
public enum FuzzMode {
    RANDOM, MUTATE, BOTH;

    /** The mode called {@code s} on the command line, or null. */
    public static FuzzMode byId(String s) {
        for (FuzzMode m : values()) if (m.id().equals(s)) return m;
        return null;
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }
}

package utrace.model;

import java.util.Objects;

/**
 * Where a step's code is, for a reader with the series open: a line of the
 * seed (the 33 patches as mail, {@value #SEED_FILE}; line numbers count from
 * 1 in that file), the kernel file that line is in, a fragment of the line's
 * text (so a test can check the line, see SeedRefTest), and what the model
 * simplifies in that step. As SPIN's trail shows file:line, a trace shows
 * "seed:LINE" for every step.
 *
 * @param kind     how the line relates to the step's function
 * @param file     the kernel file of the diff the line is in ("" for {@link Kind#NONE})
 * @param line     the seed line, 1-based (0 for {@link Kind#NONE})
 * @param quote    text the line contains (whitespace-insensitive)
 * @param names    the function the line is checked against, when not the step's own
 *                 (null: the step's function); then {@code note} says why
 * @param note     why this line, when it is not plainly the function's code
 * @param simplified what the model leaves out or merges in this step, and what that costs ("" if nothing)
 */
public record SeedRef(Kind kind, String file, int line, String quote, String names, String note, String simplified) {
    /** The seed file, found at ../shared/seeds/ next to the repository. */
    public static final String SEED_FILE = "000_f5bee26f6993a54c.txt";

    // the kernel files the series changes, as its diffs name them
    static final String UTRACE_C = "kernel/utrace.c";
    static final String UTRACE_H = "include/linux/utrace.h";
    static final String TRACEHOOK_H = "include/linux/tracehook.h";
    static final String SIGNAL_C = "kernel/signal.c";
    static final String PTRACE_C = "kernel/ptrace.c";
    static final String EXIT_C = "kernel/exit.c";
    static final String SCHED_C = "kernel/sched.c";

    public enum Kind {
        /** The line is the function's code in a patch (its body, or the hunk header naming it). */
        CODE,
        /** The series does not change the function, only calls or names it: the line is the nearest one naming it. */
        CALLED,
        /** The step is not kernel code (the scenario's script, a debugger's wait, a CPU's store buffer): the line is the kernel code it stands for. */
        CONTEXT,
        /** No line of the series stands for it (the litmus self-tests of the memory model). */
        NONE
    }

    public SeedRef {
        Objects.requireNonNull(kind, "kind");
        file = file == null ? "" : file;
        quote = quote == null ? "" : quote;
        note = note == null ? "" : note;
        simplified = simplified == null ? "" : simplified;
    }

    static SeedRef code(String file, int line, String quote) {
        return new SeedRef(Kind.CODE, file, line, quote, null, "", "");
    }

    /** The series only calls (or names) {@code function}: {@code line} names it. */
    static SeedRef called(String file, int line, String quote, String function, String note) {
        return new SeedRef(Kind.CALLED, file, line, quote, function, note, "");
    }

    static SeedRef context(String file, int line, String quote, String note) {
        return new SeedRef(Kind.CONTEXT, file, line, quote, null, note, "");
    }

    static SeedRef none(String note) {
        return new SeedRef(Kind.NONE, "", 0, "", null, note, "");
    }

    /** Check the line against {@code function} instead of the step's function ({@code note} says why). */
    SeedRef names(String function, String why) {
        return new SeedRef(kind, file, line, quote, function, why, simplified);
    }

    SeedRef simplified(String what) {
        return new SeedRef(kind, file, line, quote, names, note, what);
    }

    SeedRef note(String why) {
        return new SeedRef(kind, file, line, quote, names, why, simplified);
    }

    /** The same line, as the reference of a step of another kind (a memory actor's flush refers to a barrier's line). */
    SeedRef as(Kind k, String why) {
        return new SeedRef(k, file, line, quote, names, why, simplified);
    }

    /** "seed:1796", or "-" when no line stands for the step. */
    public String seedLine() {
        return kind == Kind.NONE ? "-" : "seed:" + line;
    }

    /** "seed:1796 kernel/utrace.c", as traces and `checker list steps` show it. */
    public String where() {
        return kind == Kind.NONE ? "no line of the series" : seedLine() + " " + file;
    }
}

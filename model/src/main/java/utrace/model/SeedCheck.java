package utrace.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@link SeedRef}s against the seed text, so that references cannot
 * rot: the line must hold the quoted code, lie in the diff of the kernel file
 * the reference names and, for a step from a patch, in that patch's mail;
 * and it must name the step's function or lie in its body (the nearest
 * function definition above it in the hunk, or the hunk header's function).
 */
public final class SeedCheck {
    /** System property naming the seed file (or a directory holding it) for layouts other than ../shared/seeds/. */
    public static final String PROPERTY = "utrace.seed";
    /** The environment variable with the same meaning. */
    public static final String ENV = "UTRACE_SEED";

    private static final Pattern SUBJECT = Pattern.compile("^Subject: \\[PATCH (\\d+)/\\d+\\]");
    /** A definition's first line: "#define NAME(" or a declarator ending in "NAME(" that is not a statement. */
    private static final Pattern DEFINITION = Pattern.compile("^(?:#define\\s+(\\w+)\\(|[A-Za-z_][^;]*?\\b(\\w+)\\s*\\([^;]*$)");
    private static final Pattern HUNK = Pattern.compile("^@@[^@]*@@ ?(.*)$");

    private final List<String> lines;

    public SeedCheck(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    public static SeedCheck read(Path file) throws IOException {
        return new SeedCheck(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    /**
     * The seed: -Dutrace.seed or $UTRACE_SEED (a file, or a directory holding {@value SeedRef#SEED_FILE}),
     * else shared/seeds/ next to the repository or any directory above {@code from}. Null if not found.
     */
    public static Path find(Path from) {
        for (String given : new String[] {System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (given == null || given.isEmpty()) continue;
            Path p = Path.of(given);
            if (Files.isDirectory(p)) p = p.resolve(SeedRef.SEED_FILE);
            if (Files.isRegularFile(p)) return p;
        }
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            Path seed = p.resolve("shared").resolve("seeds").resolve(SeedRef.SEED_FILE);
            if (Files.isRegularFile(seed)) return seed;
        }
        return null;
    }

    /** Why {@code info}'s reference does not point at its code, or null if it does. */
    public String check(StepInfo info) {
        return check(info.ref(), info.function(), info.patch());
    }

    /** Why {@code b}'s reference does not point at its code, or null if it does. */
    public String check(Barrier b) {
        return check(b.ref, b.function, 0);
    }

    /**
     * @param function the step's function (the reference may name another, with a note)
     * @param patch    the patch the step comes from, 0 if none: then the line may be in any patch
     */
    public String check(SeedRef ref, String function, int patch) {
        String names = ref.names() != null ? ref.names() : function;
        if (!names.equals(function) && ref.note().isEmpty()) {
            return "the reference names " + names + ", not the step's " + function + ", but has no note saying why";
        }
        if (ref.kind() == SeedRef.Kind.NONE) {
            if (ref.line() != 0 || ref.note().isEmpty()) return "a reference to no line needs line 0 and a note";
            return null;
        }
        if ((ref.kind() == SeedRef.Kind.CALLED || ref.kind() == SeedRef.Kind.CONTEXT) && ref.note().isEmpty()) {
            return "a " + ref.kind() + " reference needs a note saying what the line is";
        }
        int n = ref.line();
        if (n < 1 || n > lines.size()) return "seed line " + n + " is outside the seed (1.." + lines.size() + ")";
        String text = lines.get(n - 1);
        String quote = squash(ref.quote());
        if (quote.length() < 6) return "the quote \"" + ref.quote() + "\" is too short to identify a line";
        if (!squash(text).contains(quote)) {
            return "seed line " + n + " does not contain \"" + ref.quote() + "\"; it reads: " + text.strip();
        }
        String file = fileAt(n);
        if (!ref.file().equals(file)) {
            return "seed line " + n + " is in the diff of " + (file == null ? "no file" : file) + ", not " + ref.file();
        }
        int linePatch = patchAt(n);
        if (ref.kind() == SeedRef.Kind.CODE && patch != 0 && linePatch != patch) {
            return "seed line " + n + " is in patch " + linePatch + ", but the step comes from patch " + patch;
        }
        boolean named = Pattern.compile("\\b" + Pattern.quote(names) + "\\b").matcher(text).find();
        if (ref.kind() == SeedRef.Kind.CALLED && !named) {
            return "seed line " + n + " does not name " + names + ": " + text.strip();
        }
        if (ref.kind() == SeedRef.Kind.CODE && !named) {
            String in = enclosing(n);
            if (!names.equals(in)) {
                return "seed line " + n + " neither names " + names + " nor is in its code (it is in "
                    + (in == null ? "no function the seed shows" : in) + ")";
            }
        }
        return null;
    }

    /** The seed's text of line {@code n} (1-based). */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }

    /** The number of the patch whose mail holds line {@code n}, 0 before the first. */
    public int patchAt(int n) {
        for (int i = n - 1; i >= 0; i--) {
            Matcher m = SUBJECT.matcher(lines.get(i));
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return 0;
    }

    /** The kernel file of the diff holding line {@code n} ("+++ b/FILE"), or null outside a diff. */
    public String fileAt(int n) {
        for (int i = n - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("+++ b/")) return l.substring(6).strip();
            if (SUBJECT.matcher(l).find()) return null;
        }
        return null;
    }

    /**
     * The function line {@code n} belongs to: the nearest definition above it
     * within its hunk, else the function git names in the hunk header; null
     * if neither (a hunk header that names a label, or mail text).
     */
    public String enclosing(int n) {
        for (int i = n - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("diff --git") || SUBJECT.matcher(l).find()) return null;
            if (l.startsWith("@@")) {
                Matcher h = HUNK.matcher(l);
                return h.matches() ? definition(h.group(1)) : null;
            }
            if (!l.isEmpty() && "+- ".indexOf(l.charAt(0)) >= 0) {
                String d = definition(l.substring(1));
                if (d != null) return d;
            }
        }
        return null;
    }

    private static String definition(String code) {
        if (code.startsWith("return") || code.startsWith("else") || code.startsWith("if ") || code.startsWith("if(")) return null;
        Matcher d = DEFINITION.matcher(code);
        if (!d.find()) return null;
        return d.group(1) != null ? d.group(1) : d.group(2);
    }

    /** Whitespace runs as one space, trimmed: diff lines mix tabs and spaces. */
    static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Every problem with the model's references (steps and barriers), one line each; empty if none. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Steps.Entry e : Steps.all()) {
            String p = check(e.info());
            if (p != null) out.add(e.actor() + " step \"" + e.info().label() + "\" (" + e.info().function() + "): " + p);
        }
        for (Barrier b : Barrier.values()) {
            String p = check(b);
            if (p != null) out.add("barrier " + b.id + " (" + b.function + "): " + p);
        }
        return out;
    }
}

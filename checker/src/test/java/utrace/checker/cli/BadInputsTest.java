package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite: every line of src/test/resources/bad-inputs/cases.txt
 * (scenario files, set files, traces and options kept as fixtures) gives its
 * documented exit code with one message line naming the file and line, no
 * stack trace, nothing on stdout, and nothing written.
 */
class BadInputsTest {
    static final Path DIR = Path.of("src/test/resources/bad-inputs");

    record Case(String name, int exit, String setup, String regex, List<String> args) {
        @Override public String toString() { return name; }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split(" \\| ", 5);
            if (f.length != 5) throw new IllegalStateException("cases.txt: expected 5 fields: " + line);
            out.add(new Case(f[0].trim(), Integer.parseInt(f[1].trim()), f[2].trim(), f[3].trim(), words(f[4].trim())));
        }
        return out;
    }

    /** Space-separated words; '' is an empty word. */
    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        for (String p : s.split(" +")) {
            if (p.isEmpty()) continue;
            w.add(p.equals("''") ? "" : p);
        }
        return w;
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput(Case c) throws IOException {
        String f = DIR.toString();
        String t = tmp.toString();
        if (c.setup().startsWith("mkdir:")) Files.createDirectories(tmp.resolve(c.setup().substring(6)));
        if (c.setup().startsWith("touch:")) Files.writeString(tmp.resolve(c.setup().substring(6)), "x");
        if (c.setup().startsWith("link:")) {
            // link:NAME=TARGET, a symbolic link in T (TARGET relative to T; it need not exist)
            String[] nt = c.setup().substring(5).split("=", 2);
            Files.createSymbolicLink(tmp.resolve(nt[0]), Path.of(nt[1]));
        }
        Set<String> before = listing(tmp);
        List<String> args = new ArrayList<>();
        for (String a : c.args()) args.add(a.replace("@F", f).replace("@T", t));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(c.exit(), code, "exit code; stderr: " + e + "\nstdout: " + o);
        assertFalse(e.contains("\tat ") || e.contains("Exception") || e.contains("internal error"), "a stack trace or internal error: " + e);
        assertTrue(e.length() < 4000, "a message of " + e.length() + " characters echoes too much");
        if (c.exit() == 0) return;
        List<String> lines = e.lines().filter(l -> !l.startsWith("Run 'checker")).toList();
        assertEquals(1, lines.size(), "one message line: " + e);
        String regex = c.regex().replace("@F", Pattern.quote(f)).replace("@T", Pattern.quote(t));
        assertTrue(Pattern.compile(regex).matcher(lines.get(0)).find(), "expected /" + regex + "/ in: " + lines.get(0));
        assertEquals("", o, "nothing on stdout for a usage error");
        assertEquals(before, listing(tmp), "nothing written");
        assertFalse(Files.exists(Path.of("traces/out")) && recentlyWritten(Path.of("traces/out")), "nothing in traces/out");
    }

    private static boolean recentlyWritten(Path dir) throws IOException {
        long now = System.currentTimeMillis();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> {
                try {
                    return Files.isRegularFile(p) && now - Files.getLastModifiedTime(p).toMillis() < 2_000;
                } catch (IOException x) {
                    return false;
                }
            });
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            s.forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }
}

package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every command's --help at 80 columns: no line longer than 80, no broken
 * fragments (hand-wrapped text that picocli wrapped again used to leave
 * lines like "layer" or "'core'" between two full ones), and the exit codes
 * at the end of each. The same option name means the same thing everywhere.
 */
class HelpLayoutTest {
    static final int WIDTH = 80;

    /** Every command's help as printed, by qualified name. */
    static Map<String, String> helps() {
        CommandLine root = Main.commandLine();
        Map<String, String> out = new TreeMap<>();
        out.put("checker", root.getUsageMessage());
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            out.put("checker " + e.getKey(), e.getValue().getUsageMessage());
        }
        return out;
    }

    /** The lines of {@code help} that break the layout, each with why. */
    static List<String> problems(String help) {
        List<String> bad = new ArrayList<>();
        String[] lines = help.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String a = lines[i];
            if (a.length() > WIDTH) bad.add("longer than " + WIDTH + " (" + a.length() + "): " + a);
            if (i + 1 >= lines.length) continue;
            String b = lines[i + 1];
            if (a.isBlank() || b.isBlank()) continue;
            boolean aIndented = a.startsWith(" ");
            boolean bIndented = b.startsWith(" ");
            String first = b.trim().split("\\s+")[0];
            // Prose wrapped greedily never leaves room on a line for the next line's first word (picocli fills
            // lines to WIDTH - 1 columns).
            if (!aIndented && !bIndented && !a.endsWith(":") && !a.endsWith(".") && !b.startsWith("- ")
                && !a.startsWith("Usage:") && a.length() + 1 + first.length() <= WIDTH - 1) {
                bad.add("fragment (the next word fits on it): '" + a + "' / '" + b + "'");
            }
            // An indented line cut at the margin continues at column 0: the layout is broken.
            if (aIndented && !bIndented && a.length() >= WIDTH - 5 && !b.startsWith("Exit codes")) {
                bad.add("an indented line wrapped to column 0: '" + a + "' / '" + b + "'");
            }
        }
        return bad;
    }

    /** picocli formats descriptions with String.format: a lone % (as in "2% of") makes it warn on stderr. */
    @Test
    void everyHelpFormatsWithoutAWarning() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            helps();
        } finally {
            System.setErr(old);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "write a % in a description as %%");
    }

    @Test
    void everyHelpFitsEightyColumnsWithoutFragments() {
        Map<String, List<String>> bad = new TreeMap<>();
        for (Map.Entry<String, String> e : helps().entrySet()) {
            List<String> p = problems(e.getValue());
            if (!p.isEmpty()) bad.put(e.getKey(), p);
        }
        assertEquals(Map.of(), bad);
    }

    @Test
    void noWordIsBrokenAcrossLines() {
        // picocli breaks lines where java.text.BreakIterator allows, which includes inside words after ':', '.'
        // or '-' ("upto:" / "N", "bench." / "list", "[--" / "[no-]symmetry]"). The same help laid out without a
        // width limit has every word whole; at 80 columns the words must be the same.
        Map<String, String> wide = helps(2_000);
        Map<String, List<String>> bad = new TreeMap<>();
        for (Map.Entry<String, String> e : helps().entrySet()) {
            List<String> narrow = words(e.getValue());
            List<String> whole = words(wide.get(e.getKey()));
            List<String> p = new ArrayList<>();
            for (int i = 0, j = 0; i < narrow.size() && j < whole.size(); i++, j++) {
                if (narrow.get(i).equals(whole.get(j))) continue;
                p.add("'" + whole.get(j) + "' printed as '" + narrow.get(i) + "' / '" + (i + 1 < narrow.size() ? narrow.get(i + 1) : "") + "'");
                if (i + 1 < narrow.size() && (narrow.get(i) + narrow.get(i + 1)).equals(whole.get(j))) i++;
                else break;
            }
            if (!p.isEmpty()) bad.put(e.getKey(), p);
        }
        assertEquals(Map.of(), bad);
    }

    private static List<String> words(String help) {
        return List.of(help.trim().split("\\s+"));
    }

    /** Every command's help laid out for {@code width} columns. */
    static Map<String, String> helps(int width) {
        CommandLine root = Main.commandLine();
        root.setUsageHelpWidth(width);
        Map<String, String> out = new TreeMap<>();
        out.put("checker", root.getUsageMessage());
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            e.getValue().setUsageHelpWidth(width);
            out.put("checker " + e.getKey(), e.getValue().getUsageMessage());
        }
        return out;
    }

    @Test
    void theCheckDetectsTheOldFragments() {
        // The top-level help as picocli printed it before: hand-wrapped lines wrapped again at 80.
        String old = String.join("\n",
            "Model checker for the concurrency guarantees of the Linux utrace/ptrace tracing",
            "layer",
            "(the 33-patch utrace series). It explores every interleaving of a scenario's",
            "  checker verify                         all default scenarios, invariant set",
            "'core'",
            "  checker verify --scenario stop-then-kill --invariants sigkill-wins");
        List<String> p = problems(old);
        assertTrue(p.stream().anyMatch(s -> s.contains("'layer'")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("'core'")), p.toString());
    }

    @Test
    void everyCommandListsItsExitCodesTheSameWay() {
        for (Map.Entry<String, String> e : helps().entrySet()) {
            String h = e.getValue();
            assertTrue(h.contains("Exit codes:"), e.getKey());
            assertTrue(h.contains(ExitCode.TWO), e.getKey() + " describes exit code 2 its own way");
            if (h.contains("\n  4  ")) assertTrue(h.contains(ExitCode.FOUR), e.getKey() + " describes exit code 4 its own way");
            if (!e.getKey().equals("checker list")) assertTrue(h.contains(ExitCode.SIGNALS), e.getKey());
        }
    }

    @Test
    void quietIsOnEveryCommand() {
        CommandLine root = Main.commandLine();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            CommandLine.Model.OptionSpec q = e.getValue().getCommandSpec().findOption("--quiet");
            assertTrue(q != null && q.names().length == 2 && q.shortestName().equals("-q"), e.getKey() + " lacks -q/--quiet");
        }
    }

    @Test
    void anOptionNameMeansOneThing() {
        // Each short name stands for one long name across all commands, and each long name takes the same kind of value.
        Map<String, String> shortToLong = new TreeMap<>();
        Map<String, String> longToArity = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                String longName = o.longestName();
                for (String n : o.names()) {
                    if (n.startsWith("--")) continue;
                    String before = shortToLong.putIfAbsent(n, longName);
                    if (before != null && !before.equals(longName)) bad.add(n + " is " + before + " and " + longName + " (" + e.getKey() + ")");
                }
                String kind = o.arity().toString() + " " + o.negatable();
                String before = longToArity.putIfAbsent(longName, kind);
                if (before != null && !before.equals(kind)) bad.add(longName + " takes " + before + " and " + kind + " (" + e.getKey() + ")");
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void checkerAloneListsEveryCommand() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.execute(new String[0], new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            new java.io.PrintStream(err, true));
        assertEquals(2, code);
        for (String c : Main.commandLine().getSubcommands().keySet()) assertTrue(err.toString().contains(c), c + ":\n" + err);
    }
}

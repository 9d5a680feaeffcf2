package utrace.checker.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command shown in the docs with its expected exit code: a line (or
 * lines joined by a trailing backslash) of a ```sh block that ends in
 *
 * <pre>   # exit N[, needs JPF][, slow][, prints "TEXT"]...[: free text]</pre>
 *
 * Commands without such a comment are shown, not run. "needs JPF" runs only
 * where JPF_HOME is set; "slow" (minutes) runs only with -Ddocs.slow=true;
 * each "prints" names text the command's output must contain. A leading
 * "$ " prompt is allowed. Anything else after "# exit N" is an error, so a
 * typo cannot quietly turn a check off.
 */
record DocCommand(String where, String text, int exit, boolean needsJpf, boolean slow, List<String> prints) {
    static final List<String> SHELL_BLOCKS = List.of("sh", "bash", "shell", "console");

    private static final Pattern MARKER = Pattern.compile("#\\s*exit\\b(.*)$");
    private static final Pattern EXIT = Pattern.compile("\\s+(\\d+)(.*)");
    private static final Pattern FLAG = Pattern.compile("\\s*,\\s*(needs JPF|slow|prints \"([^\"]+)\")(.*)");

    /** Every marked command of a shell block (none for other blocks). */
    static List<DocCommand> in(MarkdownBlocks.Block block) {
        List<DocCommand> out = new ArrayList<>();
        if (!SHELL_BLOCKS.contains(block.language())) return out;
        StringBuilder cmd = new StringBuilder();
        int start = -1;
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            if (cmd.length() == 0) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (t.startsWith("$ ")) line = t.substring(2);
                start = block.firstLine() + i;
            }
            int hash = commentStart(line);
            String code = hash < 0 ? line : line.substring(0, hash);
            String comment = hash < 0 ? "" : line.substring(hash);
            if (code.stripTrailing().endsWith("\\") && comment.isEmpty()) {
                String c = code.stripTrailing();
                cmd.append(c, 0, c.length() - 1).append(' ');
                continue;
            }
            cmd.append(code);
            String text = cmd.toString().strip().replaceAll("\\s+", " ");
            cmd.setLength(0);
            Matcher m = MARKER.matcher(comment);
            if (!m.find()) continue;
            out.add(parse(block.file() + ":" + start, text, m.group(1)));
        }
        return out;
    }

    /** Parses what follows "# exit" (package-private for the marker tests). */
    static DocCommand parse(String where, String text, String afterExit) {
        Matcher e = EXIT.matcher(afterExit);
        if (!e.matches()) throw new IllegalArgumentException(where + ": '# exit' must be followed by the exit code: '# exit" + afterExit + "'");
        int code = Integer.parseInt(e.group(1));
        boolean jpf = false;
        boolean slow = false;
        List<String> prints = new ArrayList<>();
        String rest = e.group(2);
        while (!rest.isBlank()) {
            Matcher f = FLAG.matcher(rest);
            if (f.matches()) {
                if (f.group(1).equals("needs JPF")) jpf = true;
                else if (f.group(1).equals("slow")) slow = true;
                else prints.add(f.group(2));
                rest = f.group(3);
            } else if (rest.stripLeading().startsWith(":")) {
                break;
            } else {
                throw new IllegalArgumentException(where + ": cannot read '" + rest.strip() + "' after '# exit " + code
                    + "'; expected ', needs JPF', ', slow', ', prints \"TEXT\"' or ': comment'");
            }
        }
        return new DocCommand(where, text, code, jpf, slow, List.copyOf(prints));
    }

    /** Where a shell comment starts: a '#' at the start or after a blank, outside quotes; -1 if none. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** The command's words, with shell quotes removed; null if it needs a shell (pipe, redirection, variable, list). */
    List<String> words() {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else if ("|&;<>$`(){}*?\\".indexOf(c) >= 0) {
                return null;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }
}

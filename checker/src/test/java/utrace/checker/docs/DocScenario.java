package utrace.checker.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An example scenario in the docs: a ```scenario block whose info string says
 * what the text claims it gives on the full series,
 *
 * <pre>   ```scenario check=PASS|VIOLATION:INVARIANT [invariants=SET] [file=PATH]</pre>
 *
 * invariants= is what `--invariants` takes (default core); file= names the
 * repository file the block shows, which must hold the same text (commands
 * in the docs run that file).
 */
record DocScenario(String where, String text, boolean pass, String invariant, String invariants, String file) {
    static final String LANGUAGE = "scenario";

    static DocScenario of(MarkdownBlocks.Block block) {
        Map<String, String> attrs = new LinkedHashMap<>();
        String[] words = block.info().trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            if (kv.length != 2 || !(kv[0].equals("check") || kv[0].equals("invariants") || kv[0].equals("file"))) {
                throw new IllegalArgumentException(block.where() + ": unknown '" + words[i]
                    + "' after ```scenario; expected check=PASS|VIOLATION:INVARIANT, invariants=SET, file=PATH");
            }
            attrs.put(kv[0], kv[1]);
        }
        String check = attrs.get("check");
        if (check == null) {
            throw new IllegalArgumentException(block.where() + ": a ```scenario block must say what it gives: "
                + "```scenario check=PASS or check=VIOLATION:INVARIANT");
        }
        boolean pass = check.equals("PASS");
        String invariant = null;
        if (!pass) {
            if (!check.startsWith("VIOLATION:") || check.length() == "VIOLATION:".length()) {
                throw new IllegalArgumentException(block.where() + ": check=" + check + "; expected PASS or VIOLATION:INVARIANT");
            }
            invariant = check.substring("VIOLATION:".length());
        }
        return new DocScenario(block.where(), block.text(), pass, invariant,
            attrs.getOrDefault("invariants", "core"), attrs.get("file"));
    }

    /** A block that is a scenario file (its first statement is 'scenario NAME') but is not marked as one. */
    static boolean looksLikeScenario(MarkdownBlocks.Block block) {
        for (String l : block.lines()) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            return t.matches("scenario\\s+\\S+(\\s*#.*)?");
        }
        return false;
    }
}

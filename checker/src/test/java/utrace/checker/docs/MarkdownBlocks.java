package utrace.checker.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of a Markdown page: what the doc test reads. A fence
 * may be indented (inside a list item); its indentation is taken off the
 * block's lines.
 */
final class MarkdownBlocks {
    private MarkdownBlocks() {}

    /** One fenced block: the info string after the opening fence, its lines, and the line number of the first. */
    record Block(String file, int firstLine, String info, List<String> lines) {
        String where() { return file + ":" + firstLine; }

        String text() {
            StringBuilder b = new StringBuilder();
            for (String l : lines) b.append(l).append('\n');
            return b.toString();
        }

        /** The first word of the info string: the language ("sh", "scenario", ...), "" if none. */
        String language() {
            String t = info.trim();
            int sp = t.indexOf(' ');
            return sp < 0 ? t : t.substring(0, sp);
        }
    }

    static List<Block> of(String file, String markdown) {
        List<Block> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            String t = l.stripLeading();
            if (!t.startsWith("```")) { i++; continue; }
            int indent = l.length() - t.length();
            String info = t.substring(3).trim();
            List<String> body = new ArrayList<>();
            int first = i + 2;
            i++;
            while (i < lines.length && !lines[i].stripLeading().startsWith("```")) {
                String b = lines[i];
                int cut = 0;
                while (cut < indent && cut < b.length() && b.charAt(cut) == ' ') cut++;
                body.add(b.substring(cut));
                i++;
            }
            if (i == lines.length) throw new IllegalArgumentException(file + ":" + (first - 1) + ": a code fence is never closed");
            out.add(new Block(file, first, info, List.copyOf(body)));
            i++;
        }
        return out;
    }
}

package utrace.traces;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap that never breaks inside an identifier: lines break at
 * spaces, and a word longer than the width only after a '|' or ',' that
 * separates the names in it ("QUIESCE|REAP|DEATH", "E1,E2"). A word that
 * still does not fit (one long identifier) gets a line of its own and
 * overflows it: a kernel function name cut in two ("tracehook_report_syscall_ent"
 * / "ry:") reads worse than a line that sticks out. Tables size their columns
 * with {@link #longestPiece} so that their cells never overflow.
 */
final class TextWrap {
    private TextWrap() {}

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            List<String> pieces = pieces(word, width);
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                // The pieces of one word follow each other without a space.
                int gap = i == 0 && line.length() > 0 ? 1 : 0;
                if (line.length() > 0 && line.length() + gap + piece.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    gap = 0;
                }
                if (gap > 0) line.append(' ');
                line.append(piece);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /**
     * A word as the wrap may place it: whole if it fits, else cut after its '|' and ','
     * separators into chunks of at most {@code width} where the separators allow.
     */
    private static List<String> pieces(String word, int width) {
        if (word.length() <= width) return List.of(word);
        List<String> out = new ArrayList<>();
        int start = 0;
        int lastCut = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i + 1 - start > width && lastCut > start) {
                out.add(word.substring(start, lastCut));
                start = lastCut;
            }
            if (c == '|' || c == ',') lastCut = i + 1;
        }
        out.add(word.substring(start));
        return out;
    }

    /** The longest run {@link #wrap} cannot break, at any width: a column at least this wide never overflows. */
    static int longestPiece(String text) {
        int longest = 0;
        for (String word : text.trim().split("\\s+")) {
            int run = 0;
            for (int i = 0; i < word.length(); i++) {
                run++;
                char c = word.charAt(i);
                if (c == '|' || c == ',') {
                    longest = Math.max(longest, run);
                    run = 0;
                }
            }
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }
}

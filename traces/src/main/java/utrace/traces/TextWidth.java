package utrace.traces;

/**
 * How wide a line of SVG text comes out, estimated from DejaVu Sans's advance
 * widths (one of the widest sans-serif fonts a Linux browser falls back to,
 * so other fonts come out narrower): the diagram cuts text to its box on the
 * server, and the page's self-check (HtmlInBrowserTest) measures that nothing
 * overflows as laid out.
 */
final class TextWidth {
    private TextWidth() {}

    /** Width in ems of one character (DejaVu Sans; bold is about 10% wider). */
    private static double em(char c) {
        if (c >= 'A' && c <= 'Z') return c == 'M' || c == 'W' ? 0.86 : 0.72;
        if (c >= 'a' && c <= 'z') return c == 'm' || c == 'w' ? 0.94 : c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f' || c == 'r' ? 0.40 : 0.62;
        if (c >= '0' && c <= '9') return 0.64;
        switch (c) {
            case ' ': case ',': case '.': case ':': case ';': case '|': case '!': case '\'': return 0.34;
            case '(': case ')': case '[': case ']': case '{': case '}': return 0.40;
            case '_': case '-': case '/': return 0.50;
            case '=': case '+': case '<': case '>': case '~': return 0.84;
            case '\u2026': return 1.0;
            default: return 0.70;
        }
    }

    static double of(String s, double px, boolean bold) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) w += em(s.charAt(i));
        return w * px * (bold ? 1.1 : 1.0);
    }

    /** {@code s}, cut with an ellipsis to fit {@code width} pixels at this size. */
    static String fit(String s, double width, double px, boolean bold) {
        if (of(s, px, bold) <= width) return s;
        int n = s.length();
        while (n > 1 && of(s.substring(0, n) + "\u2026", px, bold) > width) n--;
        return s.substring(0, n) + "\u2026";
    }
}

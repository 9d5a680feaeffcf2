package utrace.checker.report;

import java.util.Locale;

/** Number formats shared by the reports and the bench tables. */
public final class Numbers {
    private Numbers() {}

    /** "1 step", "16 steps": a trace's length as printed. */
    public static String steps(long n) {
        return n + (n == 1 ? " step" : " steps");
    }

    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String millis(long ms) {
        if (ms < 1000) return ms + " ms";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    public static String bytes(long b) {
        if (b < 0) return "?";
        if (b < 1L << 20) return String.format(Locale.ROOT, "%.0f KB", b / 1024.0);
        if (b < 1L << 30) return String.format(Locale.ROOT, "%.0f MB", b / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GB", b / (1024.0 * 1024 * 1024));
    }
}

package utrace.checker.report;

import java.util.Locale;

/** Number formats shared by the reports. */
final class Numbers {
    private Numbers() {}

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String millis(long ms) {
        if (ms < 1000) return ms + " ms";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}

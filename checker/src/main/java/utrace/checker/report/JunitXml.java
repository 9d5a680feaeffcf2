package utrace.checker.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import utrace.traces.AtomicFiles;

/**
 * The JUnit XML every command writes with --junit FILE: one &lt;testsuite&gt;
 * (name, tests, failures, errors, skipped, time, timestamp, hostname) with one
 * &lt;testcase&gt; per row, the form GitHub Actions, GitLab and Jenkins read.
 * Text is escaped for XML 1.0, whose documents cannot hold most control
 * characters even as references: those are written as \\uXXXX.
 */
public final class JunitXml {
    private JunitXml() {}

    /** Most characters a testcase's system-out holds (a long counterexample is cut, naming its file). */
    public static final int SYSTEM_OUT_MAX = 200_000;

    public static String render(RunReport report) {
        List<RunReport.Row> rows = report.rows();
        long failures = rows.stream().filter(r -> r.status() == RunReport.Status.FAILURE).count();
        long errors = rows.stream().filter(r -> r.status() == RunReport.Status.ERROR).count();
        long skipped = rows.stream().filter(r -> r.status() == RunReport.Status.SKIPPED).count();
        String stopped = report.stopped();
        if (stopped != null) errors++;
        double total = rows.stream().mapToLong(RunReport.Row::millis).sum() / 1000.0;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" "
            + "time=\"%.3f\" timestamp=\"%s\" hostname=\"%s\">%n", esc(report.suite()), rows.size() + (stopped == null ? 0 : 1), failures, errors, skipped,
            total, report.timestamp(), esc(RunReport.hostname())));
        List<String[]> props = report.properties();
        if (!props.isEmpty()) {
            b.append("  <properties>\n");
            for (String[] p : props) {
                b.append("    <property name=\"").append(esc(p[0])).append("\" value=\"").append(esc(p[1])).append("\"/>\n");
            }
            b.append("  </properties>\n");
        }
        for (RunReport.Row r : rows) {
            b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
                esc(report.suite()), esc(r.name()), r.millis() / 1000.0));
            switch (r.status()) {
                case FAILURE:
                    b.append("\n    <failure message=\"").append(esc(r.message())).append("\" type=\"").append(esc(r.type()))
                        .append("\">").append(esc(body(r))).append("</failure>");
                    break;
                case ERROR:
                    b.append("\n    <error message=\"").append(esc(r.message())).append("\" type=\"").append(esc(r.type()))
                        .append("\">").append(esc(body(r))).append("</error>");
                    break;
                case SKIPPED:
                    b.append("\n    <skipped message=\"").append(esc(r.message())).append("\"/>");
                    break;
                default:
                    break;
            }
            if (r.systemOut() != null && !r.systemOut().isEmpty()) {
                String so = r.systemOut().length() <= SYSTEM_OUT_MAX ? r.systemOut()
                    : r.systemOut().substring(0, SYSTEM_OUT_MAX) + "\n[... cut at " + SYSTEM_OUT_MAX + " characters]\n";
                b.append("\n    <system-out>").append(esc(so)).append("</system-out>");
            }
            if (r.status() != RunReport.Status.PASS || r.systemOut() != null && !r.systemOut().isEmpty()) b.append("\n  ");
            b.append("</testcase>\n");
        }
        if (stopped != null) {
            b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"interrupted\" time=\"0.000\">%n", esc(report.suite())));
            b.append("    <error message=\"").append(esc(stopped)).append("\" type=\"interrupted\">").append(esc(stopped))
                .append("</error>\n  </testcase>\n");
        }
        b.append("</testsuite>\n");
        return b.toString();
    }

    /**
     * The text of a failure or error: its message, then the trace and replay lines of its system-out. Some CI
     * views (GitHub annotations, Jenkins' "stack trace") show only this text, not system-out.
     */
    static String body(RunReport.Row r) {
        StringBuilder b = new StringBuilder(r.message() == null ? "" : r.message());
        if (r.systemOut() == null) return b.toString();
        for (String line : r.systemOut().split("\n")) {
            if (line.isEmpty()) break; // the counterexample text follows the first blank line
            if (line.startsWith("trace: ") || line.startsWith("replay: ") || line.startsWith("trace NOT written")) {
                b.append('\n').append(line);
            }
        }
        return b.toString();
    }

    /** Writes the report atomically (mode 0644, no temporary file left on failure). */
    public static void write(Path file, RunReport report) throws IOException {
        AtomicFiles.writeString(file, render(report));
    }

    /** XML 1.0 text and attribute escaping; characters XML 1.0 cannot hold become \\uXXXX. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': case '\t': b.append(c); break;
                case '\r': b.append("&#13;"); break;
                default:
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}

package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import picocli.CommandLine.Option;

import utrace.checker.report.JunitXml;
import utrace.checker.report.RunReport;
import utrace.checker.run.TraceFileNames;

/**
 * --format, --junit and --quiet: how a command reports, the same on every
 * command (picocli mixin). The command fills a {@link RunReport} row by row;
 * this class writes the JUnit file, prints the JSON document, and reports
 * the finished rows when a signal or a lack of memory stops the run.
 */
public final class ReportOptions {
    static final String QUIET_HELP = "Print no progress lines on stderr, only results and the summary (replay prints "
        + "no trace either).";

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "text (default): tables for people. json: one JSON document on stdout (schema in "
            + "schemas/; progress stays on stderr).")
    String format;

    @Option(names = "--junit", paramLabel = "FILE",
        description = "Also write a JUnit XML report for CI: testcases as the command's description says (verify: one "
            + "per scenario); a failure carries the trace, the replay command and the counterexample text.")
    Path junit;

    @Option(names = {"-q", "--quiet"}, description = QUIET_HELP)
    boolean quiet;

    /** Validates the options before anything runs (exit 2, nothing written). */
    public void check() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + UsageException.shown(format) + "'");
        }
        // "-" is the usual spelling of stdout, but the table (or the --format json document) goes there already:
        // refuse it rather than create a file named "-".
        if (junit != null && junit.toString().equals("-")) {
            throw new UsageException("--junit -: standard output carries the report already; give a file name");
        }
        if (junit != null) OutputPaths.checkFile(junit, "--junit");
    }

    public boolean json() { return format.equals("json"); }

    public boolean text() { return !json(); }

    public boolean quiet() { return quiet; }

    public Path junit() { return junit; }

    /** Writes the JUnit file if asked; a failure is recorded in the report (the run then exits 2). */
    public void writeJunit(RunReport report, PrintStream err) {
        if (junit == null) return;
        try {
            JunitXml.write(junit, report);
        } catch (IOException e) {
            String msg = "cannot write the JUnit report " + junit + ": " + TraceFileNames.reason(e);
            report.outputError(msg);
            err.println("checker: " + msg);
        }
    }

    /** {@code code}, or 2 if an output (trace, page, JUnit file) could not be written. */
    public static int withOutputErrors(RunReport report, int code) {
        return report.outputErrors().isEmpty() ? code : ExitCode.USAGE;
    }

    /** The word for an exit code in the JSON document's "verdict". */
    public static String verdictWord(int code) {
        switch (code) {
            case ExitCode.OK: return "PASS";
            case ExitCode.VIOLATION: return "VIOLATION";
            case ExitCode.INCOMPLETE: return "INCOMPLETE";
            case ExitCode.DIVERGED: return "DIVERGED";
            default: return "ERROR";
        }
    }

    /**
     * Ends a run: writes the JUnit file, then prints the JSON document (json) with the final exit code;
     * returns that code. Text output is the command's own (it prints its summary with {@code finalCode}).
     */
    public int finish(RunReport report, int code, PrintStream out, PrintStream err) {
        Interrupts.clear();
        writeJunit(report, err);
        int finalCode = withOutputErrors(report, code);
        if (json()) out.println(RunReport.render(report.json(verdictWord(finalCode), finalCode, null)));
        out.flush();
        return finalCode;
    }

    /**
     * From now until {@link #finish}, a signal or an out-of-memory stop reports the rows finished so far:
     * text, a summary line (the rows themselves were printed as they finished); json, the document with
     * "interrupted"; and the JUnit file. {@code unit} names the rows ("scenario(s)", "row(s)").
     */
    public void armInterrupts(RunReport report, PrintStream out, String unit, Supplier<String> notRun) {
        Interrupts.active((reason, verdict, code) -> {
            String rest = notRun == null ? null : notRun.get();
            report.property("interrupted", reason);
            report.stopped("stopped by " + reason + " after " + report.rows().size() + " " + unit
                + (rest == null ? "" : " (not finished: " + rest + ")") + "; nothing is proven for what did not finish");
            writeJunit(report, System.err);
            if (json()) {
                out.println(RunReport.render(report.json(verdict, code, reason)));
            } else {
                out.printf(Locale.ROOT, "%n%s: stopped by %s after %d %s%s; nothing is proven for what did not finish; "
                    + "exit code %d%n", verdict.toLowerCase(Locale.ROOT), reason, report.rows().size(), unit,
                    rest == null ? "" : " (not finished: " + rest + ")", code);
            }
            out.flush();
        });
    }
}

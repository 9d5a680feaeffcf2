package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import utrace.checker.report.Numbers;
import utrace.checker.report.RunReport;
import utrace.checker.run.TraceFileNames;
import utrace.traces.HtmlTracePage;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.TextRenderer;
import utrace.traces.Trace;
import utrace.traces.TraceFormatException;
import utrace.traces.TraceReader;
import utrace.traces.TraceRecompute;

/** `checker replay TRACE`: re-execute a counterexample on the current model. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Replay a trace on the current model and say whether it still reproduces.",
        "",
        "Re-executes a trace written by `checker verify` on the current model, step by step, comparing each "
            + "state's fingerprint with the recorded one, then re-checks the invariant. What it prints (steps, "
            + "changes, final state, violation message) is what the model computes now; where the file says "
            + "something else (a hand-edited label, change or message), the replay reports a MISMATCH.",
        "",
        "Outcomes: REPRODUCED (exit 1: the violation is still there), DIVERGED (exit 4: the first step where the "
            + "model now goes elsewhere is named), NO LONGER VIOLATES (exit 4: every step replays but the invariant "
            + "holds), MISMATCH (exit 4: the steps replay, but the file's printed fields differ from the model's).",
        ""})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", arity = "1..*", description = "A trace JSON file (traces/out/*.json); one per run.")
    List<Path> traces;

    Path trace;

    @CommandLine.Mixin
    ReportOptions report;

    @Option(names = "--full",
        description = "Print every step and what it changed. Default: the brief view (calls, callbacks, signals, "
            + "stops and wake-ups; runs of internal steps folded into one line).")
    boolean full;

    @Option(names = "--full-state",
        description = "Print every step and the whole state after it (and the initial state); implies --full.")
    boolean fullState;

    @Option(names = "--html", paramLabel = "FILE",
        description = "Also write the trace as a self-contained HTML page: what each actor did, then a message "
            + "sequence chart (a lifeline per actor; callbacks, signals, wake-ups and ptrace requests as arrows; lock "
            + "holds as bars; the violation in red, in view when the page opens); hover or click a step to see the "
            + "whole state there.")
    Path html;

    @Override public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        if (traces.size() > 1) {
            // One document, one verdict and one exit code per replay; a shell glob gives several files.
            throw new UsageException("replay takes one trace at a time, not " + traces.size() + "; for several: "
                + "for f in traces/out/*.json; do bin/checker replay -q \"$f\"; done (or keep them as a corpus: "
                + "checker corpus)");
        }
        trace = traces.get(0);
        if (html != null) OutputPaths.checkFile(html, "--html");
        OutputPaths.checkApart("--junit", report.junit(), "--html", html);
        Trace t;
        ReplayResult r;
        Trace now = null;
        try {
            t = TraceReader.read(trace);
            r = Replayer.replay(t);
            if (r.outcome() == ReplayResult.Outcome.REPRODUCED) now = TraceRecompute.recompute(t);
        } catch (NoSuchFileException e) {
            throw new UsageException("trace file not found: " + trace);
        } catch (TraceFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + trace + ": " + TraceFileNames.reason(e));
        }
        List<String> mismatches = now == null ? List.of() : TraceRecompute.differences(t, now);
        String outcome = !mismatches.isEmpty() ? "MISMATCH" : r.outcome().name();
        int code = r.outcome() == ReplayResult.Outcome.REPRODUCED && mismatches.isEmpty() ? ExitCode.VIOLATION : ExitCode.DIVERGED;
        // What is printed is what this build computed; a trace that does not replay can only be shown as recorded.
        Trace shown = now != null ? now : t;
        RunReport rep = new RunReport("replay", "checker.replay");
        String message = mismatches.isEmpty() ? r.message() : "the steps replay and the violation reproduces, but "
            + mismatches.size() + " field(s) of the file differ from what the model computes: " + String.join("; ",
            mismatches.subList(0, Math.min(3, mismatches.size()))) + (mismatches.size() > 3 ? "; ..." : "");
        ObjectNode j = RunReport.object();
        j.put("trace", trace.toString());
        j.put("outcome", outcome);
        j.put("steps_replayed", r.stepsReplayed());
        if (r.divergedAtStep() >= 0) j.put("diverged_at_step", r.divergedAtStep());
        j.put("message", message);
        if (!mismatches.isEmpty()) {
            ArrayNode m = j.putArray("mismatches");
            for (String s : mismatches) m.add(s);
        }
        rep.header().put("trace", trace.toString());
        // The testcase agrees with the exit code: a violation that reproduces is a failure of the invariant (exit
        // 1, as verify's), a trace that no longer matches the model an error (exit 4); neither is a pass.
        rep.add(new RunReport.Row(t.scenario().name() + " " + t.invariant().name(), 0,
            code == ExitCode.VIOLATION ? RunReport.Status.FAILURE : RunReport.Status.ERROR,
            code == ExitCode.VIOLATION ? t.invariant().name() + " is violated: " + message : outcome + ": " + message,
            outcome.toLowerCase(java.util.Locale.ROOT), outcome + ": " + message + "\n", j));
        String text = null;
        try {
            if (html != null) HtmlTracePage.write(shown, html, "replay on this build: " + outcome(r, outcome), null);
            if (report.text() && !report.quiet()) text = TextRenderer.render(shown,
                fullState ? TextRenderer.Detail.FULL_STATE : full ? TextRenderer.Detail.FULL : TextRenderer.Detail.BRIEF);
        } catch (IllegalArgumentException e) {
            throw new UsageException(trace + ": inconsistent trace: " + e.getMessage());
        } catch (IOException e) {
            rep.outputError("cannot write " + html + ": " + TraceFileNames.reason(e));
            err.println("checker: cannot write " + html + ": " + TraceFileNames.reason(e));
        }
        if (report.json()) {
            report.writeJunit(rep, err);
            int finalCode = ReportOptions.withOutputErrors(rep, code);
            // The replay document keeps its fields at the top level (schemas/replay.schema.json).
            ObjectNode doc = rep.json(outcome, finalCode, null);
            doc.remove("results");
            doc.remove("verdict");
            doc.remove("exit_code");
            doc.setAll(j);
            doc.put("exit_code", finalCode);
            out.println(RunReport.render(doc));
            return finalCode;
        }
        if (text != null) {
            if (now == null) out.println("(the trace as recorded in the file: it does not replay on this build)");
            out.print(text);
            out.println(); // a blank line between the trace and the verdict (none under --quiet: no trace)
        }
        switch (outcome) {
            case "REPRODUCED":
                out.printf("replay: REPRODUCED after %d steps: %s%n", r.stepsReplayed(), r.message());
                break;
            case "MISMATCH":
                out.printf("replay: MISMATCH: the %d steps replay and the violation reproduces, but the file says "
                    + "something other than what the model computes (the trace above is the model's):%n", r.stepsReplayed());
                for (String m : mismatches) out.printf("    %s%n", m);
                break;
            case "DIVERGED":
                out.printf("replay: DIVERGED at step %d: %s%n", r.divergedAtStep(), r.message());
                break;
            default:
                out.printf("replay: all %d steps replay but the invariant now holds: %s%n", r.stepsReplayed(), r.message());
                break;
        }
        if (html != null && rep.outputErrors().isEmpty()) out.printf("html: %s%n", html);
        report.writeJunit(rep, err);
        int finalCode = ReportOptions.withOutputErrors(rep, code);
        out.printf("exit code %d%n", finalCode);
        out.flush();
        return finalCode;
    }

    private static String outcome(ReplayResult r, String outcome) {
        if (outcome.equals("MISMATCH")) return "MISMATCH: the file's fields differ from what the model computes";
        switch (r.outcome()) {
            case REPRODUCED: return "REPRODUCED after " + Numbers.steps(r.stepsReplayed());
            case DIVERGED: return "DIVERGED at step " + r.divergedAtStep() + ": " + r.message();
            default: return "all " + r.stepsReplayed() + " steps replay but the invariant now holds";
        }
    }
}

package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import utrace.traces.HtmlTracePage;
import utrace.traces.ReplayResult;
import utrace.traces.Replayer;
import utrace.traces.TextRenderer;
import utrace.traces.Trace;
import utrace.traces.TraceFormatException;
import utrace.traces.TraceReader;

/** `checker replay TRACE`: re-execute a counterexample on the current model. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Replay a trace on the current model and say whether it still reproduces.",
        "",
        "Re-execute a trace written by `checker verify` on the current model, step by step,",
        "comparing each state's fingerprint with the recorded one, then re-check the invariant.",
        "Exit 1: the violation reproduces. Exit 4: the model has changed - the first step where",
        "the replay diverges is reported (or the trace replays but no longer violates). Exit 2: the",
        "file is missing or malformed.",
        ""})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "A trace JSON file (traces/out/*.json).")
    Path trace;

    @Option(names = {"-q", "--quiet"}, description = "Print only the outcome, not the trace.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

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
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + format + "'");
        }
        Trace t;
        ReplayResult r;
        try {
            t = TraceReader.read(trace);
            r = Replayer.replay(t);
        } catch (NoSuchFileException e) {
            throw new UsageException("trace file not found: " + trace);
        } catch (TraceFormatException e) {
            throw new UsageException(e.getMessage());
        }
        int code = r.outcome() == ReplayResult.Outcome.REPRODUCED ? ExitCode.VIOLATION : ExitCode.DIVERGED;
        String text = null;
        try {
            if (html != null) HtmlTracePage.write(t, html, "replay on this build: " + outcome(r), null);
            if (format.equals("text") && !quiet) text = TextRenderer.render(t,
                fullState ? TextRenderer.Detail.FULL_STATE : full ? TextRenderer.Detail.FULL : TextRenderer.Detail.BRIEF);
        } catch (IllegalArgumentException e) {
            throw new UsageException(trace + ": inconsistent trace: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot write " + html + ": " + e.getMessage());
        }
        if (format.equals("json")) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode n = mapper.createObjectNode();
            n.put("trace", trace.toString());
            n.put("outcome", r.outcome().name());
            n.put("steps_replayed", r.stepsReplayed());
            if (r.divergedAtStep() > 0) n.put("diverged_at_step", r.divergedAtStep());
            n.put("message", r.message());
            n.put("exit_code", code);
            out.println(mapper.writeValueAsString(n));
        } else {
            if (text != null) out.print(text);
            switch (r.outcome()) {
                case REPRODUCED:
                    out.printf("%nreplay: REPRODUCED after %d steps: %s%n", r.stepsReplayed(), r.message());
                    break;
                case DIVERGED:
                    out.printf("%nreplay: DIVERGED at step %d: %s%n", r.divergedAtStep(), r.message());
                    break;
                default:
                    out.printf("%nreplay: all %d steps replay but the invariant now holds: %s%n", r.stepsReplayed(), r.message());
                    break;
            }
        }
        if (html != null && format.equals("text")) out.printf("html: %s%n", html);
        out.flush();
        return code;
    }

    private static String outcome(ReplayResult r) {
        switch (r.outcome()) {
            case REPRODUCED: return "REPRODUCED after " + r.stepsReplayed() + " steps";
            case DIVERGED: return "DIVERGED at step " + r.divergedAtStep() + ": " + r.message();
            default: return "all " + r.stepsReplayed() + " steps replay but the invariant now holds";
        }
    }
}

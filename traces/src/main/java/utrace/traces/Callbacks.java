package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls into engines a step made, read from its detail as the model
 * records them: "report_quiesce(E1) returns STOP" for a callback
 * (Tracee.made), "report_reap for E1" for the reap (Utrace, patch 01's
 * utrace_maybe_reap); "utrace_detached_ops: " / "utrace_detached_reap" when
 * the engine was already detached and got the stub ops.
 */
final class Callbacks {
    private Callbacks() {}

    /**
     * One call into an engine: which engine, the callback, what it returned ("" if nothing is recorded), and the
     * signal action a report_signal made before dequeuing was passed ("" if the note gives none).
     */
    record Call(String engine, String callback, String returns, boolean detachedOps, String signalAction) {
        /** A call whose note gives no signal action (every callback but a report_signal before dequeuing). */
        Call(String engine, String callback, String returns, boolean detachedOps) {
            this(engine, callback, returns, detachedOps, "");
        }

        String label() {
            return callback + (returns.isEmpty() ? "" : " \u2192 " + returns);
        }
    }

    private static final Pattern REPORT = Pattern.compile(
        "(utrace_detached_ops: )?(report_[a-z_|]+)\\((\\w+)(?:, (UTRACE_SIGNAL_[A-Z]+))?\\) returns ([A-Z_|]+)");
    private static final Pattern REAP = Pattern.compile("\\b(report_reap|utrace_detached_reap) for (\\w+)");

    static List<Call> of(Trace.Step s) {
        List<Call> out = new ArrayList<>();
        Matcher m = REPORT.matcher(s.detail());
        while (m.find()) {
            out.add(new Call(m.group(3), m.group(2), m.group(5), m.group(1) != null, m.group(4) == null ? "" : m.group(4)));
        }
        Matcher r = REAP.matcher(s.detail());
        while (r.find()) {
            if (r.start() > 0 && s.detail().startsWith("no ", r.start() - 3)) continue; // "no report_reap for E1"
            out.add(new Call(r.group(2), "report_reap", "", r.group(1).startsWith("utrace_detached")));
        }
        return out;
    }
}

package utrace.checker.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.checker.run.ScenarioResult;

/** A scenario's result as a report row (verify, and the runs inside gate, bisect and crosscheck). */
public final class ScenarioRows {
    private ScenarioRows() {}

    /** The JSON object of one search: verdict, counts and, for a violation, the trace (schemas/verify.schema.json). */
    public static ObjectNode json(ScenarioResult r) {
        ExplorationResult x = r.result();
        ObjectNode n = RunReport.object();
        n.put("scenario", r.scenario().name());
        n.put("verdict", x.verdict().name());
        if (r.continued() != null) {
            // --continue: one result per search; each search leaves out the invariants found violated before
            n.put("search", r.continued().search());
            n.put("invariants_checked", r.continued().checked());
            com.fasterxml.jackson.databind.node.ArrayNode without = n.putArray("without_invariants");
            for (String w : r.continued().without()) without.add(w);
        }
        n.put("states", x.stats().states());
        n.put("transitions", x.stats().transitions());
        n.put("max_depth", x.stats().maxDepth());
        n.put("millis", x.stats().millis());
        n.put("visited_bytes", x.stats().visitedBytes());
        // the most the search held besides the visited set: queue or level arenas, parent/actor arrays
        n.put("working_bytes", x.stats().workingBytes());
        // only with --por (where it ran): states expanded with every actor's step
        if (x.stats().por()) n.put("por_fully_expanded", x.stats().fullyExpanded());
        // ... and, if it switched itself off for not paying, the states it had expanded by then
        if (x.stats().porOffAfter() >= 0) n.put("por_off_after", x.stats().porOffAfter());
        if (x.cycles() != null) {
            // the cycle pass after the main search passed (livelock-freedom); its figures are not in those above
            ObjectNode c = n.putObject("cycle_search");
            c.put("invariant", x.cycles().invariant());
            c.put("states", x.cycles().states());
            c.put("watched", x.cycles().watched());
            c.put("transitions", x.cycles().transitions());
            c.put("millis", x.cycles().millis());
        }
        if (x.verdict() == Verdict.VIOLATION) {
            ObjectNode v = n.putObject("violation");
            v.put("invariant", x.counterexample().violation().invariant().name());
            v.put("kind", x.counterexample().violation().kind().name());
            v.put("message", x.counterexample().violation().message());
            if (x.counterexample().violation().cycleStart() >= 0) v.put("cycle_start", x.counterexample().violation().cycleStart());
            v.put("steps", r.traceSteps());
            if (r.origin() != null) {
                v.put("raw_steps", r.origin().rawSteps());
                v.put("trace_origin", r.origin().describe());
            }
            if (r.traceJson() != null) {
                v.put("trace", r.traceJson().toString());
                v.put("trace_text", r.traceText().toString());
                v.put("replay", replay(r));
            }
            if (r.writeError() != null) v.put("trace_not_written", r.writeError());
        }
        if (x.verdict() == Verdict.INCOMPLETE) n.put("incomplete_reason", x.incompleteReason());
        return n;
    }

    public static String replay(ScenarioResult r) {
        return r.traceJson() == null ? null : "bin/checker replay " + r.traceJson();
    }

    /** What CI shows under a violating testcase: message, trace, replay command, then the counterexample text. */
    public static String systemOut(ScenarioResult r) {
        ExplorationResult x = r.result();
        if (x.verdict() != Verdict.VIOLATION) {
            return x.verdict() == Verdict.INCOMPLETE ? "INCOMPLETE: " + x.incompleteReason() + "\n" : null;
        }
        StringBuilder b = new StringBuilder(x.counterexample().violation().describe()).append('\n');
        if (r.traceJson() != null) {
            b.append("trace: ").append(r.traceJson()).append(" (").append(Numbers.steps(r.traceSteps()));
            if (r.origin() != null) b.append(", ").append(r.origin().describe());
            b.append(")\nreplay: ").append(replay(r)).append("\n\n");
            String text = RunReport.readText(r.traceText(), JunitXml.SYSTEM_OUT_MAX);
            if (text != null) b.append(text);
        }
        if (r.writeError() != null) b.append("trace NOT written: ").append(r.writeError()).append('\n');
        return b.toString();
    }

    /** The row of a verify run: a violation is a failure, an incomplete search an error (it proves nothing). */
    public static RunReport.Row row(ScenarioResult r) {
        ExplorationResult x = r.result();
        RunReport.Status st = x.verdict() == Verdict.VIOLATION ? RunReport.Status.FAILURE
            : x.verdict() == Verdict.INCOMPLETE ? RunReport.Status.ERROR : RunReport.Status.PASS;
        String msg = null;
        String type = null;
        if (st == RunReport.Status.FAILURE) {
            msg = x.counterexample().violation().describe();
            type = x.counterexample().violation().invariant().name();
        } else if (st == RunReport.Status.ERROR) {
            msg = "INCOMPLETE: " + x.incompleteReason();
            type = "incomplete";
        }
        return new RunReport.Row(testName(r), x.stats().millis(), st, msg, type, systemOut(r), json(r));
    }

    /**
     * The scenario; under --continue, one testcase per search: "scenario: invariant" for each invariant found
     * violated, "scenario: the N invariants left" for the last search.
     */
    static String testName(ScenarioResult r) {
        if (r.continued() == null) return r.scenario().name();
        if (r.result().verdict() == Verdict.VIOLATION) {
            return r.scenario().name() + ": " + r.result().counterexample().violation().invariant().name();
        }
        int n = r.continued().checked();
        return r.scenario().name() + ": " + (r.continued().without().isEmpty() ? "all " + n + " invariants"
            : "the " + n + " invariant" + (n == 1 ? "" : "s") + " left");
    }
}

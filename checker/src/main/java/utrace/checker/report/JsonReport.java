package utrace.checker.report;

import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.cli.Version;
import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Verdict;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.model.Mutation;
import utrace.model.State;

/** `checker verify --format json`: one machine-readable document on stdout. */
public final class JsonReport {
    private JsonReport() {}

    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results) {
        print(out, req, results, RunOptions.DEFAULT);
    }

    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results, RunOptions opts) {
        print(out, req, results, opts, State.FINGERPRINT_SEED);
    }

    /** {@code seed}: the fingerprint seed of the explorer that ran (the classic one's or LevelExplorer's). */
    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results, RunOptions opts, long seed) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("tool", Version.NAME + " " + Version.VERSION);
        root.put("command", "verify");
        root.put("engine", "native");
        root.put("search", opts.search().words);
        root.put("minimize", opts.minimize());
        if (opts.keepGoing()) root.put("continue", true);
        root.put("fingerprint_seed", State.hex(seed));
        ObjectNode config = root.putObject("config");
        config.put("patches", req.config().patchesSpec());
        ArrayNode muts = config.putArray("mutations");
        for (Mutation m : req.config().mutations()) muts.add(m.id);
        config.put("memory_model", req.config().memoryModel().id);
        ArrayNode removed = config.putArray("without_barriers");
        for (utrace.model.Barrier b : req.config().removedBarriers()) removed.add(b.id);
        ObjectNode set = root.putObject("invariant_set");
        set.put("name", req.invariants().name());
        ArrayNode names = set.putArray("invariants");
        for (Invariant i : req.invariants().invariants()) names.add(i.name());
        ArrayNode rs = root.putArray("results");
        for (ScenarioResult r : results) {
            ExplorationResult x = r.result();
            ObjectNode n = rs.addObject();
            n.put("scenario", r.scenario().name());
            n.put("verdict", x.verdict().name());
            if (r.continued() != null) {
                // --continue: one result per search; each search leaves out the invariants found violated before
                n.put("search", r.continued().search());
                n.put("invariants_checked", r.continued().checked());
                ArrayNode without = n.putArray("without_invariants");
                for (String w : r.continued().without()) without.add(w);
            }
            n.put("states", x.stats().states());
            n.put("transitions", x.stats().transitions());
            n.put("max_depth", x.stats().maxDepth());
            n.put("millis", x.stats().millis());
            n.put("visited_bytes", x.stats().visitedBytes());
            // only with --por (where it ran): states expanded with every actor's step
            if (x.stats().por()) n.put("por_fully_expanded", x.stats().fullyExpanded());
            if (x.verdict() == Verdict.VIOLATION) {
                ObjectNode v = n.putObject("violation");
                v.put("invariant", x.counterexample().violation().invariant().name());
                v.put("kind", x.counterexample().violation().kind().name());
                v.put("message", x.counterexample().violation().message());
                v.put("steps", r.traceSteps());
                v.put("raw_steps", r.origin().rawSteps());
                v.put("trace_origin", r.origin().describe());
                v.put("trace", r.traceJson().toString());
                v.put("trace_text", r.traceText().toString());
            }
            if (x.verdict() == Verdict.INCOMPLETE) n.put("incomplete_reason", x.incompleteReason());
        }
        int code = VerifyRun.exitCode(results);
        root.put("verdict", code == 0 ? "PASS" : code == 1 ? "VIOLATION" : "INCOMPLETE");
        root.put("exit_code", code);
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

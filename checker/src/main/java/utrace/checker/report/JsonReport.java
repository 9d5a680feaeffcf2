package utrace.checker.report;

import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.State;

/** `checker verify --format json`: one machine-readable document on stdout (schemas/verify.schema.json). */
public final class JsonReport {
    private JsonReport() {}

    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results) {
        print(out, req, results, RunOptions.DEFAULT);
    }

    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results, RunOptions opts) {
        print(out, req, results, opts, utrace.checker.explore.FastFingerprint.SEED);
    }

    /** {@code seed}: the visited-set fingerprint seed of the native explorers ({@link utrace.checker.explore.FastFingerprint#SEED}). */
    public static void print(PrintStream out, VerifyRequest req, List<ScenarioResult> results, RunOptions opts, long seed) {
        RunReport rep = report(req, opts, seed);
        for (ScenarioResult r : results) rep.add(ScenarioRows.row(r));
        int code = VerifyRun.exitCode(results);
        out.println(RunReport.render(rep.json(code == 0 ? "PASS" : code == 1 ? "VIOLATION" : "INCOMPLETE", code, null)));
    }

    /** The verify report before its rows: the JUnit suite and the JSON header (engine, search, config, invariants). */
    public static RunReport report(VerifyRequest req, RunOptions opts, long seed) {
        RunReport rep = new RunReport("verify", "checker.verify." + req.invariants().name());
        rep.property("config", req.config().toString());
        rep.property("invariant_set", req.invariants().name());
        ObjectNode h = rep.header();
        h.put("engine", "native");
        h.put("search", opts.search().words);
        h.put("minimize", opts.minimize());
        if (opts.keepGoing()) h.put("continue", true);
        h.put("fingerprint_seed", State.hex(seed));
        h.set("config", config(req.config()));
        h.set("invariant_set", invariantSet(req.invariants()));
        return rep;
    }

    public static ObjectNode config(ModelConfig cfg) {
        ObjectNode config = RunReport.object();
        config.put("patches", cfg.patchesSpec());
        ArrayNode muts = config.putArray("mutations");
        for (Mutation m : cfg.mutations()) muts.add(m.id);
        config.put("memory_model", cfg.memoryModel().id);
        ArrayNode removed = config.putArray("without_barriers");
        for (utrace.model.Barrier b : cfg.removedBarriers()) removed.add(b.id);
        return config;
    }

    public static ObjectNode invariantSet(InvariantSet s) {
        ObjectNode set = RunReport.object();
        set.put("name", s.name());
        ArrayNode names = set.putArray("invariants");
        for (Invariant i : s.invariants()) names.add(i.name());
        return set;
    }
}

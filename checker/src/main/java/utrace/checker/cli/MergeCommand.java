package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import utrace.checker.merge.Merge;
import utrace.checker.merge.MergeException;
import utrace.checker.report.RunReport;

/** `checker merge`: the JSON results of N gate shards or N swarm members as one verdict and one exit code. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Join the JSON results of gate shards or swarm members into one verdict.",
        "",
        "Takes the `--format json` outputs of the N jobs of `gate --shard K/N` or of `verify --swarm K/N` and prints "
            + "one verdict with one exit code: a violation in any part is VIOLATION (1); a part that could not write "
            + "an output is ERROR (2); a missing part (listed, with its gate rows), an interrupted or incomplete one "
            + "is INCOMPLETE (3); all shards as expected is PASS (0). A swarm is never a PASS: members that all found "
            + "nothing are INCOMPLETE (3), as each is a bitstate search.",
        "",
        "Parts of different runs (another N, seed, scenarios, model configuration, invariants, matrix rows or checker "
            + "version) or a part given twice are refused (exit 2). See docs/ci.md.",
        ""})
final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "1..*",
        description = "The JSON results (files written with --format json) of the shards or members.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "text (default): a table for people. json: one JSON document on stdout "
            + "(schemas/merge.schema.json).")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict line (text format).")
    boolean quiet;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + UsageException.shown(format) + "'");
        }
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            names.add(f.toString());
            try {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UsageException("cannot read " + UsageException.shown(f.toString()) + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        Merge.Result r;
        try {
            r = Merge.merge(names, texts);
        } catch (MergeException e) {
            throw new UsageException(e.getMessage());
        }
        if (format.equals("json")) {
            out.println(RunReport.render(json(r)));
        } else {
            text(out, r);
        }
        out.flush();
        return r.exitCode();
    }

    private static ObjectNode json(Merge.Result r) {
        RunReport rep = new RunReport("merge", "checker.merge");
        ObjectNode h = rep.header();
        h.put("kind", r.kind());
        h.put("parts", r.n());
        ArrayNode in = h.putArray("inputs");
        for (var p : r.parts()) {
            ObjectNode o = in.addObject();
            o.put("part", p.k() + "/" + p.n());
            o.put("file", p.file());
            o.put("verdict", p.doc().path("verdict").asText());
            o.put("exit_code", p.doc().path("exit_code").asInt());
        }
        ArrayNode missing = h.putArray("missing");
        r.missing().forEach(missing::add);
        h.setAll(r.fields());
        h.put("reason", r.reason());
        ObjectNode doc = rep.json(r.verdict(), r.exitCode(), null);
        doc.set("results", r.results());
        // Keep the envelope's order: results before verdict and exit_code.
        ObjectNode ordered = RunReport.object();
        doc.fieldNames().forEachRemaining(f -> {
            if (!f.equals("verdict") && !f.equals("exit_code")) ordered.set(f, doc.get(f));
        });
        ordered.put("verdict", r.verdict());
        ordered.put("exit_code", r.exitCode());
        return ordered;
    }

    private void text(PrintStream out, Merge.Result r) {
        if (!quiet) {
            out.printf(Locale.ROOT, "checker merge: %s, %d of %d part(s)%n%n", r.kind().equals(Merge.GATE) ? "gate shards" : "swarm members",
                r.parts().size(), r.n());
            out.printf(Locale.ROOT, "%-7s %-11s %4s  %s%n", "part", "verdict", "exit", "file");
            for (var p : r.parts()) {
                out.printf(Locale.ROOT, "%-7s %-11s %4d  %s%n", p.k() + "/" + p.n(), p.doc().path("verdict").asText(),
                    p.doc().path("exit_code").asInt(), p.file());
            }
            for (String m : r.missing()) out.printf(Locale.ROOT, "%-7s %-11s %4s  %s%n", m, "MISSING", "-", "(no result given)");
            JsonNode rows = r.fields().get("missing_rows");
            if (rows != null && rows.size() > 0) {
                List<String> ids = new ArrayList<>();
                rows.forEach(x -> ids.add(x.asText()));
                out.printf(Locale.ROOT, "rows not run (in the missing shards): %s%n", String.join(", ", ids));
            }
            JsonNode sum = r.fields().get("summary");
            if (sum != null) {
                out.printf(Locale.ROOT, "%nrow sides: %d, %d as expected, %d unexpected, %d incomplete%n", sum.get("sides").asInt(),
                    sum.get("as_expected").asInt(), sum.get("unexpected").asInt(), sum.get("incomplete").asInt());
            }
            JsonNode scen = r.fields().get("scenarios");
            if (scen != null) {
                out.printf(Locale.ROOT, "%n%-32s %-11s %-14s %11s  %s%n", "scenario", "verdict", "found by", "most states", "trace");
                for (JsonNode s : scen) {
                    List<String> by = new ArrayList<>();
                    s.get("found_by").forEach(x -> by.add(x.asText()));
                    out.printf(Locale.ROOT, "%-32s %-11s %-14s %,11d  %s%n", s.get("scenario").asText(), s.get("verdict").asText(),
                        by.isEmpty() ? "-" : String.join(",", by), s.get("most_states").asLong(),
                        s.has("trace") ? s.get("invariant").asText() + ", " + s.get("steps").asInt() + " steps: " + s.get("trace").asText()
                            + " (member " + s.get("trace_from").asText() + ")" : "");
                }
            }
            out.println();
        }
        out.printf(Locale.ROOT, "merged: %s: %s; exit code %d%n", r.verdict(), r.reason(), r.exitCode());
    }
}

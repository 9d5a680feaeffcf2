package utrace.checker.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * `checker merge`: the JSON results of the N jobs of one sharded gate
 * (`gate --shard K/N`) or one swarm (`verify --swarm K/N`) as one verdict and
 * one exit code. The rule (docs/ci.md, "Merging"):
 * <ol>
 * <li>the inputs must be parts of the same run: all gate shards or all swarm
 *     members, the same N, the same tool version; for gate the same matrix,
 *     rows (after --row/--barriers) and limits; for a swarm the same seed,
 *     depth base, bitstate size, scenarios, model configuration (patches,
 *     mutations, memory model) and invariants; no part twice. Anything else is
 *     refused ({@link MergeException}: exit 2), as is a file that is not such a
 *     document;</li>
 * <li>a violation in any part (an unexpected gate row, a swarm member's
 *     counterexample) makes the merge VIOLATION, exit 1, whatever is missing;</li>
 * <li>else a part that failed to report (its exit code 2: an output it could
 *     not write) makes it ERROR, exit 2;</li>
 * <li>else a missing part, an interrupted or incomplete one makes it
 *     INCOMPLETE, exit 3: the missing parts (and for gate their rows) are
 *     listed;</li>
 * <li>else gate shards give PASS, exit 0; swarm members give INCOMPLETE,
 *     exit 3, always: each is a bitstate search, and N searches that found
 *     nothing prove nothing (a swarm hunts bugs; a proof is `verify` or
 *     `gate`).</li>
 * </ol>
 */
public final class Merge {
    public static final String GATE = "gate-shards";
    public static final String SWARM = "swarm";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Merge() {}

    /** The merged document's fields (without the envelope) and its exit code. */
    public record Result(String kind, int n, List<Part> parts, List<String> missing, ObjectNode fields, ArrayNode results,
                         String verdict, int exitCode, String reason) {}

    /** Parses and merges; {@code files} and {@code texts} side by side. */
    public static Result merge(List<String> files, List<String> texts) {
        if (files.isEmpty()) throw new MergeException("nothing to merge: give the JSON results of the shards or swarm members");
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) parts.add(part(files.get(i), texts.get(i)));
        String command = parts.get(0).doc().path("command").asText();
        for (Part p : parts) {
            if (!p.doc().path("command").asText().equals(command)) {
                throw new MergeException("cannot merge " + command + " results with " + p.doc().path("command").asText()
                    + " results (" + parts.get(0).file() + ", " + p.file() + ")");
            }
        }
        int n = parts.get(0).n();
        Map<Integer, Part> byK = new TreeMap<>();
        for (Part p : parts) {
            if (p.n() != n) {
                throw new MergeException(p.file() + " is part " + p.name() + " but " + parts.get(0).file() + " is part "
                    + parts.get(0).name() + ": parts of one run have the same N");
            }
            Part twice = byK.put(p.k(), p);
            if (twice != null) throw new MergeException("part " + p.name() + " given twice: " + twice.file() + " and " + p.file());
        }
        same(parts, "tool", "the checker version");
        List<Part> sorted = new ArrayList<>(byK.values());
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (!byK.containsKey(k)) missing.add(k + "/" + n);
        return command.equals("gate") ? gate(sorted, n, missing) : swarm(sorted, n, missing);
    }

    private static Part part(String file, String text) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new MergeException(file + " is not JSON (a `--format json` result of gate --shard or verify --swarm): "
                + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null || !doc.isObject() || !doc.has("exit_code") || !doc.has("results")) {
            throw new MergeException(file + " is not a checker result (--format json) with results and exit_code");
        }
        String command = doc.path("command").asText();
        if (command.equals("gate")) {
            String shard = doc.path("shard").asText("1/1");
            String[] kn = shard.split("/");
            try {
                return new Part(file, doc, Integer.parseInt(kn[0]), Integer.parseInt(kn[1]));
            } catch (RuntimeException e) {
                throw new MergeException(file + ": shard '" + shard + "' is not K/N");
            }
        }
        if (command.equals("verify") && doc.has("swarm")) {
            JsonNode s = doc.get("swarm");
            return new Part(file, doc, s.path("member").asInt(), s.path("members").asInt());
        }
        throw new MergeException(file + ": merge takes the results of `gate --shard K/N` or `verify --swarm K/N`, not of `"
            + command + (command.equals("verify") ? "` without --swarm (a verify run is whole already)" : "`"));
    }

    /** Every part has the same value at {@code path} (a JSON pointer or a field). */
    private static void same(List<Part> parts, String field, String what) {
        JsonNode first = at(parts.get(0).doc(), field);
        for (Part p : parts) {
            if (!Objects.equals(first, at(p.doc(), field))) {
                throw new MergeException("different " + what + " (" + field + "): " + parts.get(0).file() + " has " + shown(first)
                    + ", " + p.file() + " has " + shown(at(p.doc(), field)) + "; these are not parts of one run");
            }
        }
    }

    private static JsonNode at(JsonNode doc, String field) {
        return field.startsWith("/") ? doc.at(field) : doc.get(field);
    }

    private static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static Result gate(List<Part> parts, int n, List<String> missing) {
        for (String f : new String[] {"matrix", "rows_in_matrix", "barriers_only", "max_states", "rows_selected"}) {
            same(parts, f, "gate run");
        }
        JsonNode selected = parts.get(0).doc().get("rows_selected");
        List<String> missingRows = new ArrayList<>();
        if (selected != null) {
            for (String m : missing) {
                int k = Integer.parseInt(m.substring(0, m.indexOf('/')));
                for (int i = k - 1; i < selected.size(); i += n) missingRows.add(selected.get(i).asText());
            }
        }
        // Results back in matrix order: each shard holds positions K-1, K-1+N, ... of the selected rows.
        Map<String, Integer> position = new LinkedHashMap<>();
        if (selected != null) for (int i = 0; i < selected.size(); i++) position.put(selected.get(i).asText(), i);
        List<ObjectNode> rows = new ArrayList<>();
        int asExpected = 0;
        int unexpected = 0;
        int incomplete = 0;
        for (Part p : parts) {
            for (JsonNode r : p.doc().get("results")) {
                ObjectNode o = MAPPER.createObjectNode();
                o.put("part", p.name());
                o.put("file", p.file());
                o.set("row", r);
                rows.add(o);
                switch (r.path("outcome").asText()) {
                    case "as expected" -> asExpected++;
                    case "incomplete" -> incomplete++;
                    default -> unexpected++;
                }
            }
        }
        rows.sort((a, b) -> Integer.compare(position.getOrDefault(a.get("row").path("id").asText(), Integer.MAX_VALUE),
            position.getOrDefault(b.get("row").path("id").asText(), Integer.MAX_VALUE)));
        ArrayNode results = MAPPER.createArrayNode();
        rows.forEach(results::add);
        ObjectNode fields = MAPPER.createObjectNode();
        fields.put("matrix", parts.get(0).doc().path("matrix").asText());
        if (selected != null) fields.put("rows_selected", selected.size());
        ArrayNode mr = fields.putArray("missing_rows");
        missingRows.forEach(mr::add);
        ObjectNode sum = fields.putObject("summary");
        sum.put("sides", rows.size());
        sum.put("as_expected", asExpected);
        sum.put("unexpected", unexpected);
        sum.put("incomplete", incomplete);
        return verdict(GATE, n, parts, missing, fields, results, false);
    }

    private static Result swarm(List<Part> parts, int n, List<String> missing) {
        for (String f : new String[] {"/swarm/seed", "/swarm/depth_base", "/swarm/bitstate_mb", "config", "invariant_set"}) {
            same(parts, f, f.startsWith("/swarm") ? "swarm" : "model configuration or invariants");
        }
        // The scenarios: every member must have searched the same ones.
        List<String> first = scenarios(parts.get(0).doc());
        for (Part p : parts) {
            if (!scenarios(p.doc()).equals(first)) {
                throw new MergeException("different scenarios: " + parts.get(0).file() + " searched " + first + ", " + p.file()
                    + " searched " + scenarios(p.doc()) + "; these are not members of one swarm");
            }
        }
        ArrayNode results = MAPPER.createArrayNode();
        Map<String, ObjectNode> perScenario = new LinkedHashMap<>();
        for (String s : first) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("scenario", s);
            o.put("verdict", "INCOMPLETE");
            o.putArray("found_by");
            o.put("members_reported", 0);
            o.put("most_states", 0);
            perScenario.put(s, o);
        }
        for (Part p : parts) {
            for (JsonNode r : p.doc().get("results")) {
                ObjectNode o = MAPPER.createObjectNode();
                o.put("part", p.name());
                o.put("file", p.file());
                o.set("row", r);
                results.add(o);
                ObjectNode s = perScenario.get(r.path("scenario").asText());
                s.put("members_reported", s.get("members_reported").asInt() + 1);
                s.put("most_states", Math.max(s.get("most_states").asLong(), r.path("states").asLong()));
                if (r.path("verdict").asText().equals("VIOLATION")) {
                    s.put("verdict", "VIOLATION");
                    ((ArrayNode) s.get("found_by")).add(p.k());
                    JsonNode v = r.get("violation");
                    // The shortest trace any member found (members are in K order, so ties go to the smallest K).
                    if (!s.has("steps") || v.path("steps").asInt() < s.get("steps").asInt()) {
                        s.put("invariant", v.path("invariant").asText());
                        s.put("steps", v.path("steps").asInt());
                        if (v.has("trace")) s.put("trace", v.get("trace").asText());
                        s.put("trace_from", p.name());
                    }
                }
            }
        }
        ObjectNode fields = MAPPER.createObjectNode();
        fields.put("seed", parts.get(0).doc().at("/swarm/seed").asLong());
        ArrayNode sc = fields.putArray("scenarios");
        perScenario.values().forEach(sc::add);
        return verdict(SWARM, n, parts, missing, fields, results, true);
    }

    private static List<String> scenarios(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : doc.get("results")) {
            String s = r.path("scenario").asText();
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    private static Result verdict(String kind, int n, List<Part> parts, List<String> missing, ObjectNode fields, ArrayNode results,
                                  boolean swarm) {
        List<String> violated = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Part p : parts) {
            int c = p.exitCode();
            if (c == 1) violated.add(p.name());
            else if (c == 2) failed.add(p.name());
            // A swarm member's "no violation found (probabilistic)" is what a member says when it is done.
            else if (c != 0 && !(swarm && c == 3 && probabilisticOnly(p.doc()))) incomplete.add(p.name() + " (" + p.verdict() + ")");
        }
        String what = swarm ? "member(s)" : "shard(s)";
        if (!violated.isEmpty()) {
            return new Result(kind, n, parts, missing, fields, results, "VIOLATION", 1,
                (swarm ? "a violation found by member(s) " : "unexpected result(s) in shard(s) ") + String.join(", ", violated)
                    + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing)));
        }
        if (!failed.isEmpty()) {
            return new Result(kind, n, parts, missing, fields, results, "ERROR", 2,
                what + " " + String.join(", ", failed) + " could not write an output (exit 2)");
        }
        if (!missing.isEmpty() || !incomplete.isEmpty()) {
            List<String> why = new ArrayList<>();
            if (!missing.isEmpty()) why.add("missing " + what + " " + String.join(", ", missing));
            if (!incomplete.isEmpty()) why.add("not finished or incomplete: " + String.join(", ", incomplete));
            if (swarm) why.add("no violation found, and a swarm never proves a PASS");
            return new Result(kind, n, parts, missing, fields, results, "INCOMPLETE", 3, String.join("; ", why));
        }
        if (swarm) {
            return new Result(kind, n, parts, missing, fields, results, "INCOMPLETE", 3, "all " + n + " members ran, none "
                + "found a violation (probabilistic: each is a bitstate search; a swarm never proves a PASS)");
        }
        return new Result(kind, n, parts, missing, fields, results, "PASS", 0, "all " + n + " shards ran, every row as expected");
    }

    /** True if the member finished every search and found nothing: each row is the probabilistic INCOMPLETE. */
    private static boolean probabilisticOnly(JsonNode doc) {
        if (doc.has("interrupted")) return false;
        for (JsonNode r : doc.get("results")) {
            if (!r.path("incomplete_reason").asText().startsWith("no violation found (probabilistic)")) return false;
        }
        return true;
    }
}

package utrace.traces;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import utrace.model.ModelConfig;

/**
 * Builds a {@link Trace} from a parsed JSON tree, checking each field's
 * presence, type and format. Fields this version does not know are ignored,
 * so a later minor addition does not break older readers.
 */
final class TraceDecoder {
    static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final String FP = "a fingerprint of 16 lowercase hex digits";

    private final JsonFields f;

    TraceDecoder(JsonFields fields) {
        this.f = fields;
    }

    Trace decode(JsonNode root) throws TraceFormatException {
        if (!root.isObject()) throw f.wrong("", "a JSON object (a trace document)", root);
        // The version decides how to read everything else, so it is checked first.
        JsonNode version = f.field(root, "", "schema_version", "an integer");
        if (!version.isIntegralNumber()) throw f.wrong("schema_version", "an integer", version);
        if (version.asLong() != Trace.SCHEMA_VERSION) {
            throw f.error("schema_version", "unsupported schema_version " + version + "; this tool reads schema_version "
                + Trace.SCHEMA_VERSION);
        }
        String tool = f.string(root, "", "tool", "a string naming the tool that wrote the trace");
        return new Trace(Trace.SCHEMA_VERSION, tool, scenario(root), config(root), invariant(root), violation(root),
            f.string(root, "", "initial_fingerprint", FP, s -> FINGERPRINT.matcher(s).matches()),
            steps(root), finalState(root));
    }

    private Trace.ScenarioInfo scenario(JsonNode root) throws TraceFormatException {
        JsonNode s = f.object(root, "", "scenario", "an object {name, file, source}");
        return new Trace.ScenarioInfo(
            f.string(s, "scenario", "name", "a non-empty string", str -> !str.isEmpty()),
            f.string(s, "scenario", "file", "a string (the scenario's path, \"\" if not known)"),
            f.string(s, "scenario", "source", "a string holding the full scenario text"));
    }

    private Trace.ConfigInfo config(JsonNode root) throws TraceFormatException {
        JsonNode c = f.object(root, "", "config", "an object {patches, mutations, memory_model}");
        String patches = f.string(c, "config", "patches", "a patch set such as \"all\", \"none\" or \"1-8,10\"");
        try {
            ModelConfig.parsePatches(patches);
        } catch (IllegalArgumentException e) {
            throw f.error("config.patches", e.getMessage());
        }
        JsonNode ms = f.array(c, "config", "mutations", "an array of mutation ids");
        List<String> mutations = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            mutations.add(f.string(ms.get(i), JsonLines.element("config.mutations", i), "a mutation id (a string)", s -> true));
        }
        String mm = f.string(c, "config", "memory_model", "\"" + Trace.MEMORY_MODEL + "\" or \"" + Trace.MEMORY_MODEL_WEAK + "\"");
        if (!mm.equals(Trace.MEMORY_MODEL) && !mm.equals(Trace.MEMORY_MODEL_WEAK)) {
            throw f.error("config.memory_model", "unsupported memory_model \"" + mm + "\"; this tool models \""
                + Trace.MEMORY_MODEL + "\" (sequential consistency) and \"" + Trace.MEMORY_MODEL_WEAK + "\"");
        }
        // Optional (absent in sc traces): the barriers removed in the weak model.
        List<String> without = new ArrayList<>();
        if (c.get("without_barriers") != null) {
            JsonNode bs = f.array(c, "config", "without_barriers", "an array of barrier ids such as \"B1.writer\"");
            for (int i = 0; i < bs.size(); i++) {
                without.add(f.string(bs.get(i), JsonLines.element("config.without_barriers", i), "a barrier id (a string)", s -> true));
            }
        }
        return new Trace.ConfigInfo(patches, mutations, mm, without);
    }

    private Trace.InvariantInfo invariant(JsonNode root) throws TraceFormatException {
        JsonNode i = f.object(root, "", "invariant", "an object {name, statement}");
        return new Trace.InvariantInfo(
            f.string(i, "invariant", "name", "an invariant name (a string)"),
            f.string(i, "invariant", "statement", "a string"));
    }

    private Trace.ViolationInfo violation(JsonNode root) throws TraceFormatException {
        JsonNode v = f.object(root, "", "violation", "an object {kind, message}");
        String kind = f.string(v, "violation", "kind", "one of \"TRANSITION\", \"STATE\", \"TERMINAL\", \"CYCLE\"",
            k -> k.equals("TRANSITION") || k.equals("STATE") || k.equals("TERMINAL") || k.equals("CYCLE"));
        String message = f.string(v, "violation", "message", "a string");
        Integer cycleStart = null;
        if (kind.equals("CYCLE")) {
            cycleStart = f.integer(v, "violation", "cycle_start", "how many steps lead to the cycle (an integer >= 0)",
                0, Integer.MAX_VALUE);
        } else if (v.get("cycle_start") != null) {
            throw f.error("violation.cycle_start", "only a CYCLE violation has a cycle_start; this one is " + kind);
        }
        return new Trace.ViolationInfo(kind, message, cycleStart);
    }

    private List<Trace.Step> steps(JsonNode root) throws TraceFormatException {
        JsonNode arr = f.array(root, "", "steps", "an array of steps");
        List<Trace.Step> steps = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) steps.add(step(arr.get(i), JsonLines.element("steps", i), i + 1));
        return steps;
    }

    private Trace.Step step(JsonNode s, String path, int expectedIndex) throws TraceFormatException {
        if (!s.isObject()) throw f.wrong(path, "a step object", s);
        int index = f.integer(s, path, "index", "the step number " + expectedIndex + " (steps count from 1, in order)",
            expectedIndex, expectedIndex);
        int actor = f.integer(s, path, "actor", "an actor index (an integer >= 0)", 0, Integer.MAX_VALUE);
        String name = f.string(s, path, "actor_name", "a string");
        String role = f.string(s, path, "role", "a string (tracee, owner, killer or parent)");
        String label = f.string(s, path, "label", "a string");
        String function = f.string(s, path, "function", "a string (a kernel function)");
        int patch = f.integer(s, path, "patch", "a patch number 0.." + ModelConfig.SERIES_LENGTH
            + " (0 = not from the series)", 0, ModelConfig.SERIES_LENGTH);
        String detail = f.string(s, path, "detail", "a string");
        String fp = f.string(s, path, "fingerprint", FP, str -> FINGERPRINT.matcher(str).matches());
        JsonNode arr = f.array(s, path, "changes", "an array of {var, old, new}");
        List<Trace.Change> changes = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            String cp = JsonLines.element(JsonLines.child(path, "changes"), i);
            JsonNode c = arr.get(i);
            if (!c.isObject()) throw f.wrong(cp, "a change object {var, old, new}", c);
            changes.add(new Trace.Change(f.string(c, cp, "var", "a variable name (a string)"),
                f.string(c, cp, "old", "the value before the step (a string)"),
                f.string(c, cp, "new", "the value after the step (a string)")));
        }
        // Optional (traces written before steps carried references have neither): where the step's code is.
        String file = s.get("file") == null ? "" : f.string(s, path, "file", "a kernel file (a string)");
        int seedLine = s.get("seed_line") == null ? 0
            : f.integer(s, path, "seed_line", "a line of the seed (an integer >= 1)", 1, Integer.MAX_VALUE);
        return new Trace.Step(index, actor, name, role, label, function, patch, detail, fp, changes, file, seedLine);
    }

    private Map<String, String> finalState(JsonNode root) throws TraceFormatException {
        JsonNode o = f.object(root, "", "final_state", "an object mapping each variable to its value");
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), f.string(e.getValue(), JsonLines.child("final_state", e.getKey()), "a string value", s -> true));
        }
        return m;
    }
}

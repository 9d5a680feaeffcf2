package utrace.traces;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A counterexample trace document (schema in docs/trace-schema.md). JSON names
 * are snake_case; the property order is pinned so the output is
 * byte-for-byte the same for the same trace. Collections are copied, so a
 * Trace is immutable and equals() compares content.
 */
@JsonIgnoreProperties(value = {"summary"}, allowGetters = true) // written, recomputed on reading
@JsonPropertyOrder({"schema_version", "tool", "scenario", "config", "invariant", "violation", "summary",
    "initial_fingerprint", "steps", "final_state"})
public record Trace(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("tool") String tool,
        @JsonProperty("scenario") ScenarioInfo scenario,
        @JsonProperty("config") ConfigInfo config,
        @JsonProperty("invariant") InvariantInfo invariant,
        @JsonProperty("violation") ViolationInfo violation,
        @JsonProperty("initial_fingerprint") String initialFingerprint,
        @JsonProperty("steps") List<Step> steps,
        @JsonProperty("final_state") Map<String, String> finalState) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOOL = "utrace-checker 0.1.0";
    /** The default memory model: steps are atomic and interleaved (sequential consistency). */
    public static final String MEMORY_MODEL = "sc";
    /** The weak memory model (store buffers for the barrier pairs' accesses), written by --memory-model weak. */
    public static final String MEMORY_MODEL_WEAK = "weak";

    public Trace {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        finalState = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(finalState, "final_state")));
    }

    /**
     * The per-actor summary ({@link TraceSummary}): written into the JSON after the violation so that a
     * reader (or a tool) sees each actor's calls and results first. It is derived from the steps, so the
     * reader does not read it back (it is recomputed) and traces written before it existed still load;
     * schema_version stays 1.
     */
    @JsonProperty("summary")
    public List<TraceSummary.Actor> summary() {
        return TraceSummary.of(this);
    }

    /** {@code file} is where the scenario was loaded from, "" if not known; {@code source} is its full text. */
    @JsonPropertyOrder({"name", "file", "source"})
    public record ScenarioInfo(
            @JsonProperty("name") String name,
            @JsonProperty("file") String file,
            @JsonProperty("source") String source) {
    }

    /**
     * {@code withoutBarriers}: the barriers removed in the weak model ("B1.writer"); written only when
     * not empty, so sc traces keep their bytes (schema_version 1 readers ignore the field).
     */
    @JsonPropertyOrder({"patches", "mutations", "memory_model", "without_barriers"})
    public record ConfigInfo(
            @JsonProperty("patches") String patches,
            @JsonProperty("mutations") List<String> mutations,
            @JsonProperty("memory_model") String memoryModel,
            @JsonProperty("without_barriers") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> withoutBarriers) {
        public ConfigInfo {
            mutations = List.copyOf(Objects.requireNonNull(mutations, "mutations"));
            withoutBarriers = withoutBarriers == null ? List.of() : List.copyOf(withoutBarriers);
        }

        public ConfigInfo(String patches, List<String> mutations, String memoryModel) {
            this(patches, mutations, memoryModel, List.of());
        }
    }

    @JsonPropertyOrder({"name", "statement"})
    public record InvariantInfo(
            @JsonProperty("name") String name,
            @JsonProperty("statement") String statement) {
    }

    /**
     * {@code kind} is TRANSITION, STATE, TERMINAL or CYCLE (utrace.invariants.Violation.Kind). For a CYCLE,
     * {@code cycleStart} is how many steps lead to the cycle: the state after the last step is the state after
     * step {@code cycleStart} (the initial state for 0), and the steps after it can repeat for ever. Written only
     * for a CYCLE (null otherwise), so other traces keep their bytes and schema_version stays 1.
     */
    @JsonPropertyOrder({"kind", "message", "cycle_start"})
    public record ViolationInfo(
            @JsonProperty("kind") String kind,
            @JsonProperty("message") String message,
            @JsonProperty("cycle_start") @JsonInclude(JsonInclude.Include.NON_NULL) Integer cycleStart) {
        public ViolationInfo(String kind, String message) {
            this(kind, message, null);
        }
    }

    /**
     * One step; {@code fingerprint} is of the state after it, {@code patch} 0 if not from the series.
     * {@code file} and {@code seedLine} say where the step's code is: line {@code seedLine} of the seed
     * (utrace.model.SeedRef.SEED_FILE), in the diff of kernel file {@code file}; written only when known
     * (absent in traces from before they existed, and for litmus threads), so schema_version stays 1.
     */
    @JsonPropertyOrder({"index", "actor", "actor_name", "role", "label", "function", "patch", "file", "seed_line",
        "detail", "fingerprint", "changes"})
    public record Step(
            @JsonProperty("index") int index,
            @JsonProperty("actor") int actor,
            @JsonProperty("actor_name") String actorName,
            @JsonProperty("role") String role,
            @JsonProperty("label") String label,
            @JsonProperty("function") String function,
            @JsonProperty("patch") int patch,
            @JsonProperty("detail") String detail,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("changes") List<Change> changes,
            @JsonProperty("file") @JsonInclude(JsonInclude.Include.NON_EMPTY) String file,
            @JsonProperty("seed_line") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int seedLine) {
        public Step {
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
            file = file == null ? "" : file;
        }

        /** A step without a reference to the seed. */
        public Step(int index, int actor, String actorName, String role, String label, String function, int patch,
                String detail, String fingerprint, List<Change> changes) {
            this(index, actor, actorName, role, label, function, patch, detail, fingerprint, changes, "", 0);
        }

        /** "seed:1796", or "" when the step has no line of the seed. */
        public String seedRef() {
            return seedLine == 0 ? "" : "seed:" + seedLine;
        }
    }

    /** A variable (as Model.describe names it) that the step changed. */
    @JsonPropertyOrder({"var", "old", "new"})
    public record Change(
            @JsonProperty("var") String var,
            @JsonProperty("old") String oldValue,
            @JsonProperty("new") String newValue) {
    }
}

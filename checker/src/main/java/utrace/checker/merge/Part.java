package utrace.checker.merge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input of a merge: a gate shard's or a swarm member's JSON document
 * ({@code --format json}), the file it came from, and which part K of N it is.
 */
public record Part(String file, JsonNode doc, int k, int n) {
    public String name() { return k + "/" + n; }

    public int exitCode() { return doc.path("exit_code").asInt(2); }

    public String verdict() { return doc.path("verdict").asText("?"); }
}

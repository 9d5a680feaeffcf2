package utrace.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.cli.Main;

/**
 * Every report the CLI writes validates against its schema in schemas/:
 * the real documents of verify, gate, bisect, corpus, lincheck and replay
 * (crosscheck's needs JPF: CrosscheckReportTest), and every trace the CLI
 * writes or ships. The schemas are closed, so a field added to an output
 * without the schema fails here (and so does a field the schema lacks).
 */
class SchemaValidationTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode valid(String schema, Run r) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), Schemas.problems(schema, doc), r.out());
        assertEquals(r.code(), doc.get("exit_code").asInt());
        return doc;
    }

    @Test
    void verifyWithAViolationAndAPass() throws Exception {
        Run r = run("verify", "-q", "--format", "json", "-s", "reap-races-death", "-s", "stop-then-resume",
            "-m", "reap-not-deferred", "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode doc = valid("verify", r);
        Path trace = Path.of(doc.get("results").get(0).get("violation").get("trace").asText());
        assertEquals(List.of(), Schemas.problems("trace", trace));
        Run replay = run("replay", "--format", "json", trace.toString());
        assertEquals(1, replay.code(), replay.err());
        assertEquals(List.of(), Schemas.problems("replay", replay.out()));
    }

    @Test
    void verifyIncompleteAndDepthFirst() throws Exception {
        valid("verify", run("verify", "-q", "--format", "json", "-s", "stop-then-kill", "--max-states", "50", "--trace-dir", tmp.toString()));
        valid("verify", run("verify", "-q", "--format", "json", "-s", "reap-races-death", "-m", "reap-not-deferred",
            "--search", "dfs", "--trace-dir", tmp.toString()));
        valid("verify", run("verify", "-q", "--format", "json", "-s", "stop-then-kill", "--por", "-w", "1",
            "--trace-dir", tmp.toString()));
    }

    /** --continue: one result per search, each with search / invariants_checked / without_invariants. */
    @Test
    void verifyContinue() throws Exception {
        Run r = run("verify", "-q", "--format", "json", "--continue", "-s", "reap-races-death", "-m", "reap-not-deferred",
            "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode doc = valid("verify", r);
        assertEquals(4, doc.get("results").size());
        for (JsonNode n : doc.get("results")) {
            if (n.has("violation")) assertEquals(List.of(), Schemas.problems("trace", Path.of(n.get("violation").get("trace").asText())));
        }
    }

    @Test
    void gateRowsAndAShard() throws Exception {
        JsonNode doc = valid("gate", run("gate", "-q", "--format", "json", "--row", "p17", "--trace-dir", tmp.toString()));
        assertEquals(2, doc.get("results").size());
        valid("gate", run("gate", "-q", "--format", "json", "--row", "p17", "--shard", "2/2", "--trace-dir", tmp.toString()));
    }

    @Test
    void bisect() throws Exception {
        JsonNode doc = valid("bisect", run("bisect", "-q", "--format", "json", "--invariant", "reap-after-death",
            "-s", "reap-races-death", "--trace-dir", tmp.toString()));
        assertEquals(33, doc.get("results").size());
    }

    @Test
    void audit() throws Exception {
        JsonNode doc = valid("audit", run("audit", "-q", "--format", "json", "-s", "step-detach", "-s", "reap-races-death"));
        assertEquals(2, doc.get("results").size());
    }

    /** checker fuzz: known classes, new candidates (a seeded bug), a search cut by --max-states; the candidates' traces too. */
    @Test
    void fuzz() throws Exception {
        Path out = tmp.resolve("fuzz");
        JsonNode doc = valid("fuzz", run("fuzz", "-q", "--format", "json", "--seed", "1", "--count", "12", "-m", "reap-not-deferred",
            "--out", out.toString()));
        assertTrue(doc.get("candidates").size() > 0);
        for (JsonNode c : doc.get("candidates")) assertEquals(List.of(), Schemas.problems("trace", out.resolve(c.get("trace").asText())));
        JsonNode cut = valid("fuzz", run("fuzz", "-q", "--format", "json", "--seed", "1", "--count", "2", "--max-states", "5",
            "--out", out.toString()));
        assertEquals(3, cut.get("exit_code").asInt());
        assertTrue(cut.get("incomplete").size() > 0);
    }

    @Test
    void corpusCheck() throws Exception {
        JsonNode doc = valid("corpus", run("corpus", "-q", "--format", "json", "--dir", "../traces/corpus"));
        assertTrue(doc.get("results").size() > 10);
    }

    @Test
    void lincheckOneSituation() throws Exception {
        valid("lincheck", run("lincheck", "-q", "--format", "json", "--situation", "detach-vs-exit", "-n", "1", "-k", "20",
            "--trace-dir", tmp.toString()));
    }

    /** --each-mutation: rows of kind "mutation" with the contract and step that caught it. */
    @Test
    void lincheckEachMutation() throws Exception {
        Run r = run("lincheck", "-q", "--format", "json", "--each-mutation", "--mutation", "detach-ignores-reporting",
            "-k", "200", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = valid("lincheck", r);
        JsonNode row = doc.get("results").get(0);
        assertEquals("caught", row.get("verdict").asText());
        assertEquals("detach-is-final", row.get("contract").asText());
        assertEquals(1, doc.get("caught").asInt());
    }

    @Test
    void everyShippedGoldenTrace() throws Exception {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../traces/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String p : Schemas.problems("trace", f)) bad.add(f.getFileName() + ": " + p);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void theSchemasAreClosed() throws Exception {
        Run r = run("verify", "-q", "--format", "json", "-s", "reap-races-death", "-m", "reap-not-deferred",
            "--trace-dir", tmp.toString());
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(r.out());
        doc.put("an_undocumented_field", 1);
        assertFalse(Schemas.problems("verify", doc).isEmpty(), "an extra top-level field must fail");
        Path trace = Path.of(doc.get("results").get(0).get("violation").get("trace").asText());
        ObjectNode t = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(trace));
        ((ObjectNode) t.get("steps").get(0)).put("kernel_ref", "x");
        assertFalse(Schemas.problems("trace", t).isEmpty(), "a step field the schema lacks must fail");
        ObjectNode t2 = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(trace));
        t2.remove("final_state");
        assertFalse(Schemas.problems("trace", t2).isEmpty(), "a missing required field must fail");
    }

    /** checker merge: gate shards and swarm members joined (schemas/merge.schema.json), with a part missing too. */
    @Test
    void mergeOfGateShardsAndOfSwarmMembers() throws Exception {
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            Run g = run("gate", "-q", "--format", "json", "--row", "p17", "--row", "p09", "--row", "p16", "--shard", k + "/2",
                "--trace-dir", tmp.resolve("g" + k).toString());
            JsonNode doc = valid("gate", g);
            assertEquals(List.of("p09", "p16", "p17").size(), doc.get("rows_selected").size());
            Path f = tmp.resolve("gate-" + k + ".json");
            Files.writeString(f, g.out());
            shards.add(f.toString());
        }
        valid("merge", run("merge", "--format", "json", shards.get(0), shards.get(1)));
        JsonNode missing = valid("merge", run("merge", "--format", "json", shards.get(1)));
        assertEquals(3, missing.get("exit_code").asInt());
        List<String> members = new ArrayList<>();
        for (int k = 1; k <= 3; k += 2) {
            Run v = run("verify", "-q", "--format", "json", "-s", "stop-then-resume", "--swarm", k + "/3", "--bitstate", "8",
                "--trace-dir", tmp.toString());
            valid("verify", v);
            Path f = tmp.resolve("swarm-" + k + ".json");
            Files.writeString(f, v.out());
            members.add(f.toString());
        }
        JsonNode sw = valid("merge", run("merge", "--format", "json", members.get(0), members.get(1)));
        assertEquals("2/3", sw.get("missing").get(0).asText());
    }
}

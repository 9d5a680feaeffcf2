package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import utrace.checker.report.Schemas;

/**
 * Swarm members and gate shards as N real processes (`java -cp ... utrace.checker.cli.Main`), started
 * together as a CI matrix would, each taking K/N from the option or from a scheduler's environment, then
 * `checker merge` on their JSON results: one verdict, one exit code, validated by schemas/merge.schema.json.
 */
class SwarmMergeProcessTest {
    @TempDir
    Path tmp;

    /** Starts every job at once (they run side by side), waits, and returns their JSON outputs' paths. */
    private List<Path> jobs(List<List<String>> args, List<Map<String, String>> envs, int expectCode) throws Exception {
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (int i = 0; i < args.size(); i++) {
            Path out = tmp.resolve("job" + (i + 1) + ".json");
            ProcessBuilder b = CheckerProcess.builder(root, List.of("-Xmx512m"), args.get(i).toArray(new String[0]));
            // The environment of a CI runner: nothing of the test JVM's own scheduler variables leaks in.
            for (String v : List.of("CHECKER_SHARD", "CHECKER_SHARD_COUNT", "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID",
                "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP")) {
                b.environment().remove(v);
            }
            b.environment().putAll(envs.get(i));
            b.redirectOutput(out.toFile()).redirectError(tmp.resolve("job" + (i + 1) + ".err").toFile());
            ps.add(b.start());
            outs.add(out);
        }
        for (int i = 0; i < ps.size(); i++) {
            int code = ps.get(i).waitFor();
            assertEquals(expectCode, code, "job " + (i + 1) + " " + args.get(i) + ": " + Files.readString(tmp.resolve("job" + (i + 1) + ".err")));
        }
        return outs;
    }

    private static JsonNode merged(CliTest.Run r) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), Schemas.problems("merge", doc), r.out());
        assertEquals(r.code(), doc.get("exit_code").asInt());
        return doc;
    }

    private static String[] mergeArgs(List<Path> files, String... more) {
        List<String> a = new ArrayList<>(List.of("merge", "--format", "json"));
        a.addAll(List.of(more));
        for (Path f : files) a.add(f.toString());
        return a.toArray(new String[0]);
    }

    @Test
    void threeSwarmMembersFindTheBugAndMergeToOneViolation() throws Exception {
        List<List<String>> args = new ArrayList<>();
        List<Map<String, String>> envs = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            // Member 1 from the option, 2 from CHECKER_SHARD (a GitHub Actions matrix), 3 from a Slurm array --array=0-2.
            List<String> a = new ArrayList<>(List.of("verify", "-q", "--format", "json", "-s", "reap-races-death", "-m",
                "reap-not-deferred", "-s", "stop-then-resume", "--bitstate", "8", "--swarm-seed", "42",
                "--trace-dir", tmp.resolve("traces").toString()));
            a.add("--swarm");
            if (k == 1) a.add("1/3");
            args.add(a);
            envs.add(k == 1 ? Map.of() : k == 2 ? Map.of("CHECKER_SHARD", "2/3")
                : Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "3"));
        }
        List<Path> outs = jobs(args, envs, 1);
        for (int k = 1; k <= 3; k++) {
            JsonNode doc = new ObjectMapper().readTree(outs.get(k - 1).toFile());
            assertEquals(List.of(), Schemas.problems("verify", doc));
            assertEquals(k, doc.at("/swarm/member").asInt());
            assertEquals(3, doc.at("/swarm/members").asInt());
            assertEquals(k == 1 ? "--swarm" : k == 2 ? "CHECKER_SHARD=2/3" : "SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3",
                doc.at("/swarm/from").asText());
            // Each member writes its traces apart: N processes on one disk do not overwrite each other.
            assertTrue(doc.at("/results/0/violation/trace").asText().contains("swarm-" + k), doc.toString());
            assertTrue(Files.exists(Path.of(doc.at("/results/0/violation/trace").asText())));
            assertEquals("INCOMPLETE", doc.at("/results/1/verdict").asText());
        }
        CliTest.Run all = CliTest.run(mergeArgs(outs));
        assertEquals(1, all.code(), all.out() + all.err());
        JsonNode m = merged(all);
        assertEquals("swarm", m.get("kind").asText());
        assertEquals("VIOLATION", m.at("/scenarios/0/verdict").asText());
        assertEquals(3, m.at("/scenarios/0/found_by").size());
        assertEquals("INCOMPLETE", m.at("/scenarios/1/verdict").asText());
        // A missing member is reported; the violation found by the others still decides.
        CliTest.Run two = CliTest.run(mergeArgs(outs.subList(0, 2)));
        assertEquals(1, two.code(), two.out());
        assertEquals("3/3", merged(two).at("/missing/0").asText());
        // Text: one line per member, the verdict and the exit code.
        CliTest.Run text = CliTest.run("merge", outs.get(0).toString(), outs.get(1).toString(), outs.get(2).toString());
        assertEquals(1, text.code());
        assertTrue(text.out().contains("merged: VIOLATION"), text.out());
    }

    @Test
    void swarmMembersThatFindNothingMergeToIncompleteAndMismatchesAreRefused() throws Exception {
        List<List<String>> args = new ArrayList<>();
        List<Map<String, String>> envs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            // A Kubernetes Indexed Job: JOB_COMPLETION_INDEX 0..2 and the count the pod template sets.
            args.add(List.of("verify", "-q", "--format", "json", "-s", "stop-then-resume", "--bitstate", "8", "--swarm",
                "--swarm-depth", "30"));
            envs.add(Map.of("JOB_COMPLETION_INDEX", Integer.toString(k), "CHECKER_SHARD_COUNT", "3"));
        }
        List<Path> outs = jobs(args, envs, 3);
        CliTest.Run r = CliTest.run(mergeArgs(outs));
        assertEquals(3, r.code(), r.out() + r.err());
        JsonNode m = merged(r);
        assertEquals("INCOMPLETE", m.get("verdict").asText());
        assertTrue(m.get("reason").asText().contains("a swarm never proves a PASS"), m.toString());
        assertEquals(0, m.get("missing").size());
        // The same member twice, a member of another swarm (seed), a plain verify: exit 2, nothing merged.
        CliTest.Run twice = CliTest.run("merge", outs.get(0).toString(), outs.get(0).toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        Path other = tmp.resolve("other-seed.json");
        CliTest.Run o = CliTest.run("verify", "-q", "--format", "json", "-s", "stop-then-resume", "--bitstate", "8", "--swarm", "3/3",
            "--swarm-depth", "30", "--swarm-seed", "9");
        Files.writeString(other, o.out(), StandardCharsets.UTF_8);
        CliTest.Run seed = CliTest.run("merge", outs.get(0).toString(), outs.get(1).toString(), other.toString());
        assertEquals(2, seed.code(), seed.out());
        assertTrue(seed.err().contains("different swarm"), seed.err());
        Path plain = tmp.resolve("plain.json");
        Files.writeString(plain, CliTest.run("verify", "-q", "--format", "json", "-s", "stop-then-resume").out());
        CliTest.Run p = CliTest.run("merge", outs.get(0).toString(), plain.toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("without --swarm"), p.err());
        Path scen = tmp.resolve("other-scenario.json");
        // barrier-races-callback's 'checks' line is stop-then-resume's (no-lost-wakeup): same invariants, another scenario.
        Files.writeString(scen, CliTest.run("verify", "-q", "--format", "json", "-s", "barrier-races-callback", "--bitstate", "8", "--swarm",
            "3/3", "--swarm-depth", "30").out());
        CliTest.Run sc = CliTest.run("merge", outs.get(0).toString(), outs.get(1).toString(), scen.toString());
        assertEquals(2, sc.code());
        assertTrue(sc.err().contains("different scenarios"), sc.err());
    }

    @Test
    void threeGateShardsFromTheEnvironmentMergeToTheWholeGate() throws Exception {
        List<List<String>> args = new ArrayList<>();
        List<Map<String, String>> envs = new ArrayList<>();
        List<String> rows = List.of("--row", "p09", "--row", "p16", "--row", "p17", "--row", "p22");
        for (int k = 1; k <= 3; k++) {
            List<String> a = new ArrayList<>(List.of("gate", "-q", "--format", "json", "--shard", "-w", "1",
                "--trace-dir", tmp.resolve("gate" + k).toString()));
            a.addAll(rows);
            args.add(a);
            envs.add(k == 1 ? Map.of("CHECKER_SHARD", "1/3") : k == 2 ? Map.of("JOB_COMPLETION_INDEX", "1", "CHECKER_SHARD_COUNT", "3")
                : Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "5", "SLURM_ARRAY_TASK_COUNT", "3"));
        }
        List<Path> outs = jobs(args, envs, 0);
        CliTest.Run r = CliTest.run(mergeArgs(outs));
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode m = merged(r);
        assertEquals("PASS", m.get("verdict").asText());
        assertEquals(8, m.at("/summary/sides").asInt());
        // Back in matrix order: the same order as one unsharded gate of those rows.
        CliTest.Run whole = CliTest.run(concat(List.of("gate", "-q", "--format", "json", "-w", "1", "--trace-dir",
            tmp.resolve("whole").toString()), rows));
        JsonNode w = new ObjectMapper().readTree(whole.out());
        for (int i = 0; i < 8; i++) {
            assertEquals(w.at("/results/" + i + "/id").asText() + w.at("/results/" + i + "/side").asText(),
                m.at("/results/" + i + "/row/id").asText() + m.at("/results/" + i + "/row/side").asText());
            assertEquals(w.at("/results/" + i + "/run/states").asLong(), m.at("/results/" + i + "/row/run/states").asLong());
        }
        // Without shard 2 of 3: INCOMPLETE, naming the shard and its rows.
        CliTest.Run miss = CliTest.run(mergeArgs(List.of(outs.get(0), outs.get(2))));
        assertEquals(3, miss.code(), miss.out());
        JsonNode mm = merged(miss);
        assertEquals("2/3", mm.at("/missing/0").asText());
        assertFalse(mm.get("missing_rows").isEmpty());
        CliTest.Run mixed = CliTest.run("merge", outs.get(0).toString(), tmp.resolve("job1.err").toString());
        assertEquals(2, mixed.code());
        CliTest.Run none = CliTest.run("merge", tmp.resolve("no-such.json").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no such file"), none.err());
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out.toArray(new String[0]);
    }
}

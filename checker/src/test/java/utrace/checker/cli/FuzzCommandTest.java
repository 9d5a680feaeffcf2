package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * `checker fuzz` end to end, in-process: the same seed gives the same bytes; a seeded bug comes out as a
 * new candidate (and the same seed without it as nothing new); usage errors are exit 2. The runs are a
 * dozen small scenarios each (seconds).
 */
class FuzzCommandTest {
    @TempDir
    Path tmp;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /**
     * reap-not-deferred (release_task reaps at once): seed 43's first twelve scenarios meet it (seed 1's did until
     * the owners' 'attach exclusive' changed what a seed generates, the model what it finds, and new shipped
     * scenarios what mutate mode draws from).
     */
    static final String[] MUTANT = {"fuzz", "-q", "--seed", "43", "--count", "12", "-m", "reap-not-deferred"};

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void theSameSeedGivesTheSameOutputAndFilesByteForByte() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CliTest.Run ra = run(with(MUTANT, "--out", a.toString()));
        CliTest.Run rb = run(with(MUTANT, "--out", b.toString()));
        assertEquals(1, ra.code(), ra.out() + ra.err());
        assertEquals(ra.out().replace(a.toString(), "DIR"), rb.out().replace(b.toString(), "DIR"));
        List<String> files = names(a);
        assertEquals(files, names(b));
        assertTrue(files.size() >= 4, files.toString()); // summary.txt and a candidate's scenario, JSON and text
        for (String f : files) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        // JSON: the same document but for the envelope's when and where
        CliTest.Run ja = run(with(MUTANT, "--out", a.toString(), "--format", "json"));
        CliTest.Run jb = run(with(MUTANT, "--out", a.toString(), "--format", "json"));
        assertEquals(withoutWhenAndWhere(ja.out()), withoutWhenAndWhere(jb.out()));
        JsonNode doc = new ObjectMapper().readTree(ja.out());
        assertEquals(1, doc.get("exit_code").asInt());
        assertEquals(files.size() / 3, doc.get("candidates").size(), files.toString()); // three files each, and summary.txt
        assertEquals(12, doc.get("generated").get("random").asInt() + doc.get("generated").get("mutated").asInt());
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String withoutWhenAndWhere(String json) throws Exception {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(json);
        n.remove("timestamp");
        n.remove("hostname");
        return n.toString();
    }

    @Test
    void aSeededBugIsANewCandidateAndWithoutItTheSameSeedFindsNothingNew() throws Exception {
        Path d = tmp.resolve("mutant");
        CliTest.Run r = run(with(MUTANT, "--out", d.toString()));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("NEW reap-after-death"), r.out());
        String summary = Files.readString(d.resolve("summary.txt"));
        assertTrue(summary.contains("reap-after-death"), summary);
        // each candidate reproduces with verify, as its header says
        String cand = summary.lines().filter(l -> l.contains(" reap-after-death ")).findFirst().orElseThrow().split(" ")[0];
        CliTest.Run v = run("verify", "-q", "-s", d.resolve(cand).toString(), "-i", "reap-after-death", "-m", "reap-not-deferred",
            "--trace-dir", tmp.resolve("v").toString());
        assertEquals(1, v.code(), v.out() + v.err());
        CliTest.Run v0 = run("verify", "-q", "-s", d.resolve(cand).toString(), "-i", "reap-after-death", "--trace-dir", tmp.resolve("v").toString());
        assertEquals(0, v0.code(), "the shrunk candidate passes without the mutation: " + v0.out());

        Path clean = tmp.resolve("clean");
        CliTest.Run c = run("fuzz", "-q", "--seed", "43", "--count", "12", "--out", clean.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().contains("nothing new"), c.out());
        assertFalse(c.out().contains("NEW "), c.out());
        assertTrue(c.out().contains("finding "), "seed 43 meets known findings: " + c.out());
        assertTrue(Files.readString(clean.resolve("summary.txt")).contains(": 0 candidate(s)"));
    }

    /** Also: progress on stderr (without -q), the table alone on stdout. */
    @Test
    void aLimitThatCutsASearchIsExit3AndSaysWhich() {
        CliTest.Run r = run("fuzz", "--seed", "1", "--count", "3", "--max-states", "5", "--out", tmp.resolve("l").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("cut by a limit") && r.out().contains("r1-0"), r.out());
        assertTrue(r.err().contains("[fuzz] 3 of 3 scenarios in "), r.err());
        assertFalse(r.out().contains("[fuzz]"), r.out());
    }

    @Test
    void usageErrorsAreExit2() {
        assertEquals(2, run("fuzz", "--mode", "wild").code());
        assertEquals(2, run("fuzz", "--count", "0").code());
        assertEquals(2, run("fuzz", "-m", "no-such-mutation").code());
        assertEquals(2, run("fuzz", "-i", "no-such-invariant").code());
        assertEquals(2, run("fuzz", "--max-states", "-1").code());
        assertEquals(2, run("fuzz", "--format", "xml").code());
    }
}

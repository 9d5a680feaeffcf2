package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI side of issue 8: --search, --no-minimize, --full-state, --html, --report, corpus. */
class TraceOutputCliTest {
    @TempDir
    Path tmp;

    private static final String SCENARIO = "detach-during-callback";
    private static final String MUTATION = "detach-ignores-reporting";
    private static final String BASE = SCENARIO + "+" + MUTATION + ".detach-is-final";

    private CliTest.Run verify(String... extra) {
        String[] base = {"verify", "-q", "--scenario", SCENARIO, "--mutation", MUTATION, "--trace-dir", tmp.resolve("t").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliTest.run(args);
    }

    private static int steps(CliTest.Run r) {
        Matcher m = Pattern.compile("trace: (\\d+) steps, ").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theOutputSaysHowTheTraceWasObtained() {
        CliTest.Run bfs = verify();
        assertEquals(1, bfs.code(), bfs.err());
        assertTrue(bfs.out().contains("shortest (breadth-first)"), bfs.out());
        assertTrue(bfs.out().contains("engine: native breadth-first search"), bfs.out());

        CliTest.Run raw = verify("--search", "dfs", "--no-minimize");
        assertEquals(1, raw.code(), raw.err());
        assertTrue(raw.out().contains("raw depth-first trace"), raw.out());
        int rawSteps = steps(raw);

        CliTest.Run dfs = verify("--search", "dfs");
        assertEquals(1, dfs.code(), dfs.err());
        Matcher m = Pattern.compile("shortened from (\\d+) to (\\d+) steps \\(depth-first \\+ minimization\\)").matcher(dfs.out());
        assertTrue(m.find(), dfs.out());
        assertEquals(rawSteps, Integer.parseInt(m.group(1)));
        assertEquals(steps(bfs), Integer.parseInt(m.group(2)), "shortened to the breadth-first length");
        assertTrue(rawSteps > steps(bfs), "the raw depth-first trace is longer: " + rawSteps);

        CliTest.Run replay = CliTest.run("replay", "-q", tmp.resolve("t").resolve(BASE + ".json").toString());
        assertEquals(1, replay.code(), "the shortened trace replays: " + replay.out());
    }

    @Test
    void jsonSaysItToo() throws Exception {
        CliTest.Run r = verify("--search", "dfs", "--format", "json");
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertEquals("depth-first", v.get("search").asText());
        JsonNode viol = v.get("results").get(0).get("violation");
        assertTrue(viol.get("raw_steps").asInt() > viol.get("steps").asInt(), viol.toString());
        assertTrue(viol.get("trace_origin").asText().startsWith("shortened from " + viol.get("raw_steps").asInt() + " to "));
    }

    @Test
    void badSearchIsAOneLineUsageError() {
        CliTest.Run r = verify("--search", "random");
        assertEquals(2, r.code());
        assertEquals("checker: --search must be bfs or dfs, not 'random'", r.err().strip());
    }

    @Test
    void fullStatePrintsWholeStatesInReplayAndInVerifysTextTrace() throws Exception {
        verify("--full-state");
        String txt = Files.readString(tmp.resolve("t").resolve(BASE + ".txt"));
        assertTrue(txt.contains("Initial state (") && txt.contains("state after step 1 ("), txt);
        CliTest.Run plain = CliTest.run("replay", tmp.resolve("t").resolve(BASE + ".json").toString());
        CliTest.Run full = CliTest.run("replay", "--full-state", tmp.resolve("t").resolve(BASE + ".json").toString());
        assertEquals(1, full.code());
        assertFalse(plain.out().contains("state after step"));
        assertTrue(full.out().contains("state after step 7 ("), full.out());
        assertTrue(full.out().contains("* engine[E1].ops = utrace_detached_ops"), "changed variables marked: " + full.out());
    }

    @Test
    void replayWritesAnHtmlPage() throws Exception {
        verify();
        Path page = tmp.resolve("page.html");
        CliTest.Run r = CliTest.run("replay", "-q", "--html", page.toString(), tmp.resolve("t").resolve(BASE + ".json").toString());
        assertEquals(1, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("replay on this build: REPRODUCED after 7 steps"), "the page says what replay found");
        assertEquals(2, html.split("<g class=\"lifeline\"", -1).length - 1, "tracee and owner E1");
        assertTrue(html.contains("<g class=\"step violation\" id=\"step-7\""));
    }

    @Test
    void verifyReportWritesAnIndexLinkingOnePagePerTrace() throws Exception {
        Path dir = tmp.resolve("report");
        CliTest.Run r = CliTest.run("verify", "-q", "--scenario", SCENARIO, "--scenario", "reap-races-death", "--mutation", MUTATION,
            "--trace-dir", tmp.resolve("t").toString(), "--report", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("report: " + dir.resolve("index.html")), r.out());
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<tr class=\"violation\"><td>" + SCENARIO + "</td>"), index);
        assertTrue(index.contains("<tr class=\"pass\"><td>reap-races-death</td>"), index);
        assertTrue(index.contains("href=\"" + BASE + ".html\""), index);
        assertTrue(Files.readString(dir.resolve(BASE + ".html")).contains("href=\"index.html\""), "the page links back");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "index.html and one page for the one violation");
        }
    }

    @Test
    void theSameTraceGivesTheSamePageByteForByte() throws Exception {
        verify();
        Path json = tmp.resolve("t").resolve(BASE + ".json");
        CliTest.run("replay", "-q", "--html", tmp.resolve("a.html").toString(), json.toString());
        CliTest.run("replay", "-q", "--html", tmp.resolve("b.html").toString(), json.toString());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.html")), Files.readAllBytes(tmp.resolve("b.html")));
    }

    @Test
    void corpusCommandChecksUpdatesAndNamesFailingRows() throws Exception {
        Path dir = tmp.resolve("corpus");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("corpus.list"), "d scenario=" + SCENARIO + " mutations=" + MUTATION + " invariant=detach-is-final\n");
        CliTest.Run missing = CliTest.run("corpus", "--dir", dir.toString());
        assertEquals(4, missing.code());
        assertTrue(missing.out().contains("d ") && missing.out().contains("MISSING"), missing.out());
        CliTest.Run update = CliTest.run("corpus", "--update", "--dir", dir.toString());
        assertEquals(0, update.code(), update.out());
        assertTrue(update.out().contains("WRITTEN"), update.out());
        CliTest.Run check = CliTest.run("corpus", "--dir", dir.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("REPRODUCED after 7 steps"), check.out());
        Files.writeString(dir.resolve("stray.json"), "{}");
        CliTest.Run orphan = CliTest.run("corpus", "--dir", dir.toString());
        assertEquals(4, orphan.code());
        assertTrue(orphan.out().contains("stray.json") && orphan.out().contains("ORPHAN"), orphan.out());
        Files.writeString(dir.resolve("corpus.list"), "d scenario=x\n");
        CliTest.Run bad = CliTest.run("corpus", "--dir", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("checker: " + dir.resolve("corpus.list") + ":1: row 'd' needs invariant="), bad.err());
    }
}

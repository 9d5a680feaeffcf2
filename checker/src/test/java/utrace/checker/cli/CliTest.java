package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import utrace.model.Scenarios;

/** The CLI contract: commands, exit codes and one-line errors. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run verifyMutation(Path dir) {
        return run("verify", "-q", "--scenario", "reap-races-death", "--mutation", "reap-not-deferred", "--trace-dir", dir.toString());
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void verifyOnTheDefaultScenariosExitsZero() {
        Run r = run("verify", "-q", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String s : Scenarios.shippedNames()) assertTrue(r.out().contains(s), s);
        assertTrue(r.out().contains(Scenarios.shippedNames().size() + " PASS, 0 VIOLATION, 0 INCOMPLETE"), r.out());
    }

    @Test
    void aMutationIsFoundWrittenAndReplayed() throws Exception {
        Run r = verifyMutation(tmp);
        assertEquals(1, r.code(), r.out() + r.err());
        Path json = tmp.resolve("reap-races-death+reap-not-deferred.reap-after-death.json");
        Path text = tmp.resolve("reap-races-death+reap-not-deferred.reap-after-death.txt");
        assertTrue(Files.isRegularFile(json), r.out());
        assertTrue(Files.isRegularFile(text), r.out());
        assertTrue(r.out().contains("reap-after-death"), r.out());
        Run replay = run("replay", json.toString());
        assertEquals(1, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains("REPRODUCED"), replay.out());
    }

    @Test
    void theSameRunWritesTheSameTraceByteForByte() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        verifyMutation(a);
        verifyMutation(b);
        String name = "reap-races-death+reap-not-deferred.reap-after-death.json";
        assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)));
    }

    @Test
    void aTamperedTraceDivergesWithExitFour() throws Exception {
        verifyMutation(tmp);
        Path json = tmp.resolve("reap-races-death+reap-not-deferred.reap-after-death.json");
        String text = Files.readString(json);
        Matcher m = Pattern.compile("\"[0-9a-f]{16}\"").matcher(text);
        int last = -1;
        while (m.find()) last = m.start();
        assertTrue(last > 0, "no fingerprint in the trace");
        String tampered = text.substring(0, last + 1) + "0123456789abcdef" + text.substring(last + 17);
        Path bad = tmp.resolve("tampered.json");
        Files.writeString(bad, tampered);
        Run r = run("replay", bad.toString());
        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIVERGED"), r.out());
    }

    @Test
    void anUnknownScenarioSaysWhereTheKnownOnesAre() {
        Run r = run("verify", "--scenario", "no-such-scenario");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown scenario 'no-such-scenario'"), r.err());
        assertTrue(r.err().contains("`checker list scenarios` lists the"), r.err());
        assertNoStackTrace(r);
    }

    /** A typo gets the nearest name, not a list of every name (which a 2,000-character cut used to truncate). */
    @Test
    void aMisspeltNameGetsTheNearestOne() {
        Run s = run("verify", "--scenario", "stop-then-kil");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("did you mean 'stop-then-kill'?"), s.err());
        Run i = run("verify", "-s", "stop-then-kill", "-i", "sigkill-win");
        assertEquals(2, i.code());
        assertTrue(i.err().contains("did you mean 'sigkill-wins'?"), i.err());
        Run m = run("verify", "-s", "stop-then-kill", "-m", "utrace-stop-ignores-fatal");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("did you mean 'utrace-stop-ignores-fatal-signal'?"), m.err());
        Run c = run("verfy");
        assertEquals(2, c.code());
        assertTrue(c.err().contains("unknown command 'verfy'; did you mean 'verify'?"), c.err());
        // an unknown command with --help is still unknown (it used to print the top-level help and exit 0)
        Run h = run("explain", "--help");
        assertEquals(2, h.code(), h.out());
        assertTrue(h.err().contains("unknown command 'explain'"), h.err());
        Run far = run("verify", "-s", "stop-then-kill", "-m", "zzzz");
        assertTrue(far.err().contains("known mutations: reap-not-deferred"), "nothing near: the list: " + far.err());
    }

    @Test
    void aMalformedScenarioFileGivesFileAndLine() throws Exception {
        Path f = tmp.resolve("bad.scenario");
        Files.writeString(f, "scenario bad\nengine E1 preattached events=QUIESCE\ntracee syscall fly\n");
        Run r = run("verify", "--scenario", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.scenario:3: unknown tracee step 'fly'"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aUserWrittenScenarioFileRuns() throws Exception {
        Path f = tmp.resolve("mine.scenario");
        Files.writeString(f, "scenario mine\nengine E1 preattached events=QUIESCE|DEATH|REAP\ntracee exit\nowner E1 control DETACH\nparent wait\n");
        Run r = run("verify", "-q", "--scenario", f.toString(), "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("mine"), r.out());
    }

    @Test
    void missingFilesAreSaidToBeMissing() {
        Run s = run("verify", "--scenario", tmp.resolve("nope.scenario").toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("no such scenario file: "), s.err());
        Run t = run("replay", tmp.resolve("nope.json").toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains("trace file not found"), t.err());
        assertNoStackTrace(t);
    }

    @Test
    void aMalformedTraceGivesFileAndLine() throws Exception {
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, "{\n  \"schema_version\": 1,\n  \"steps\": [ oops ]\n}\n");
        Run r = run("replay", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("broken.json:"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aStateLimitGivesIncompleteNeverPass() {
        Run r = run("verify", "-q", "--scenario", "detach-races-death", "--max-states", "10", "--trace-dir", tmp.toString());
        assertEquals(3, r.code(), r.out());
        assertTrue(r.out().contains("INCOMPLETE"), r.out());
        assertFalse(r.out().contains(" PASS "), r.out());
    }

    @Test
    void unknownInvariantsAndMutationsListTheKnownOnes() {
        Run i = run("verify", "--invariants", "no-such-invariant");
        assertEquals(2, i.code());
        assertTrue(i.err().contains("sigkill-wins"), i.err());
        Run m = run("verify", "--mutation", "no-such-mutation");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("reap-not-deferred"), m.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run r = run("verify", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checker verify --help"), r.err());
        Run d = run("verify", "--time-limit", "soon");
        assertEquals(2, d.code());
        assertTrue(d.err().contains("not a duration"), d.err());
        Run none = run();
        assertEquals(2, none.code());
    }

    @Test
    void listHelpAndVersion() {
        assertEquals(0, run("list", "invariants").code());
        assertTrue(run("list", "invariants").out().contains("reap-after-death"));
        assertTrue(run("list", "scenarios").out().contains("resume-before-stop"));
        // -q, for scripts: every shipped scenario file, once
        java.util.List<String> names = java.util.List.of(run("list", "scenarios", "-q").out().strip().split("\n"));
        assertEquals(new java.util.HashSet<>(names).size(), names.size(), "no name twice: " + names);
        assertTrue(names.containsAll(java.util.List.of("bench-large", "waitpid-double-report", "sigkill-held-at-exit")), names.toString());
        assertTrue(run("list", "mutations").out().contains("utrace-stop-keeps-lock"));
        Run steps = run("list", "steps");
        assertEquals(0, steps.code());
        assertTrue(steps.out().contains("utrace_stop") && steps.out().contains("seed:1796 kernel/utrace.c"), steps.out());
        assertTrue(steps.out().contains(utrace.model.Steps.all().size() + " steps."), "every step is listed");
        for (utrace.model.Steps.Entry e : utrace.model.Steps.all()) {
            assertTrue(steps.out().contains(e.info().ref().where()), e.info().label());
        }
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().contains("utrace-checker 0.1.0"), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Exit codes"), h.out());
    }

    @Test
    void jsonAndJunitReports() throws Exception {
        Path junit = tmp.resolve("reports/junit.xml");
        Run r = run("verify", "-q", "--format", "json", "--scenario", "reap-races-death", "--scenario", "stop-then-resume",
            "--mutation", "reap-not-deferred", "--trace-dir", tmp.toString(), "--junit", junit.toString());
        assertEquals(1, r.code());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("VIOLATION", n.get("verdict").asText());
        assertEquals(1, n.get("exit_code").asInt());
        assertEquals("reap-after-death", n.get("results").get(0).get("violation").get("invariant").asText());
        assertEquals("PASS", n.get("results").get(1).get("verdict").asText());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite name=\"checker.verify.core\" tests=\"2\" failures=\"1\""), xml);
        assertTrue(xml.contains("<failure message=\"reap-after-death:"), xml);
    }
}

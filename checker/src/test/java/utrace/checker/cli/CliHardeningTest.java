package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import utrace.checker.report.JunitXml;
import utrace.checker.run.TraceFileNames;

/** Issue 14's reproductions that are not a bad input file: outputs that fail, reports CI reads, signals, memory. */
class CliHardeningTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Document xml(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    private static List<Path> tmpFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aJunitFileThatCannotBeWrittenAtTheEndExitsTwoAndSaysSoEverywhere() throws Exception {
        // A name too long for the file system passes the up-front checks and fails only when written.
        Path junit = tmp.resolve("x".repeat(300) + ".xml");
        Run r = run("verify", "-q", "--format", "json", "-s", "reap-races-death", "-m", "reap-not-deferred",
            "--trace-dir", tmp.resolve("t").toString(), "--junit", junit.toString());
        assertEquals(2, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(2, doc.get("exit_code").asInt());
        assertTrue(doc.get("output_errors").get(0).asText().contains("cannot write the JUnit report"), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(List.of(), tmpFiles(tmp));
        // In text mode the summary line says the same exit code.
        Run t = run("verify", "-q", "-s", "stop-then-kill", "--trace-dir", tmp.resolve("t").toString(), "--junit", junit.toString());
        assertEquals(2, t.code());
        assertTrue(t.out().contains("exit code 2"), t.out());
    }

    @Test
    void aTraceThatCannotBeWrittenIsReportedOnItsRowAndTheRunGoesOn() throws Exception {
        Path dir = tmp.resolve("t");
        // A non-empty directory where the first row's trace file goes: that one write fails, nothing else.
        Path inTheWay = dir.resolve("reap-races-death+reap-not-deferred.reap-after-death.json");
        Files.createDirectories(inTheWay);
        Files.writeString(inTheWay.resolve("keep"), "x");
        Run r = run("verify", "-q", "-s", "reap-races-death", "-s", "stop-then-kill", "-m", "reap-not-deferred",
            "--trace-dir", dir.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("trace NOT written"), r.out());
        assertTrue(r.out().contains("directory"), "the reason is given: " + r.out());
        assertTrue(r.out().contains("stop-then-kill"), "the next row still ran: " + r.out());
        assertTrue(r.out().contains("exit code 2"), r.out());
        Run j = run("verify", "-q", "--format", "json", "-s", "reap-races-death", "-s", "stop-then-kill",
            "-m", "reap-not-deferred", "--trace-dir", dir.toString());
        JsonNode doc = new ObjectMapper().readTree(j.out());
        assertEquals(2, doc.get("results").size());
        assertTrue(doc.get("results").get(0).get("violation").has("trace_not_written"), j.out());
        assertEquals(2, doc.get("exit_code").asInt());
        assertEquals(List.of(), tmpFiles(tmp));
    }

    @Test
    void anHtmlReportThatCannotBeWrittenExitsTwoAndTheSummarySaysSo() throws Exception {
        Path report = tmp.resolve("html");
        Files.createDirectories(report.resolve("index.html"));
        Files.writeString(report.resolve("index.html").resolve("keep"), "x");
        Run r = run("verify", "-q", "-s", "reap-races-death", "-m", "reap-not-deferred", "--trace-dir",
            tmp.resolve("t").toString(), "--report", report.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("exit code 2"), r.out());
        assertTrue(r.err().startsWith("checker: cannot write the HTML report"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(List.of(), tmpFiles(tmp));
    }

    @Test
    void junitForCiTimestampHostnameTraceReplayAndCounterexampleReadableByOthers() throws Exception {
        Path junit = tmp.resolve("r/junit.xml");
        Run r = run("verify", "-q", "-s", "reap-races-death", "-s", "stop-then-resume", "-m", "reap-not-deferred",
            "--trace-dir", tmp.resolve("t").toString(), "--junit", junit.toString());
        assertEquals(1, r.code(), r.err());
        Document d = xml(junit);
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertTrue(suite.getAttribute("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), suite.getAttribute("timestamp"));
        assertFalse(suite.getAttribute("hostname").isEmpty());
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        // The failure's own text (all some CI views show) names the trace and the replay command too.
        String failure = d.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.startsWith("reap-after-death: ") && failure.contains("\ntrace: ") && failure.contains("\nreplay: bin/checker replay "),
            failure);
        NodeList out = d.getElementsByTagName("system-out");
        String so = out.item(0).getTextContent();
        assertTrue(so.contains("replay: bin/checker replay "), so);
        assertTrue(so.contains("reap-after-death.json"), so);
        assertTrue(so.contains("step 1") || so.contains("  1 "), "the counterexample text: " + so);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(junit)));
        assertEquals(List.of(), tmpFiles(tmp));
    }

    @Test
    void gateWritesJunitAndJsonWithTwoTestcasesPerRow() throws Exception {
        Path junit = tmp.resolve("gate.xml");
        Run r = run("gate", "-q", "--format", "json", "--row", "p17", "--trace-dir", tmp.resolve("t").toString(),
            "--junit", junit.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, new ObjectMapper().readTree(r.out()).get("exit_code").asInt());
        Document d = xml(junit);
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertTrue(((Element) cases.item(0)).getAttribute("name").startsWith("p17.broken"));
        assertTrue(((Element) cases.item(1)).getAttribute("name").startsWith("p17.full"));
        // The broken side's expected violation is a pass that still carries its trace for the curious.
        assertTrue(cases.item(0).getTextContent().contains("replay: bin/checker replay"), cases.item(0).getTextContent());
    }

    @Test
    void controlCharactersCannotBreakTheXml() throws Exception {
        String name = "a\u0000b\u0007c\u001bd<&>\"\ud800e";
        String esc = JunitXml.esc(name);
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t a=\"" + esc + "\">" + esc + "</t>";
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
        assertEquals("a\\u0000b\\u0007c\\u001bd<&>\"\\ud800e", d.getDocumentElement().getTextContent());
    }

    @Test
    void traceFileNamesNeverLeaveTheTraceDirectory() {
        for (String bad : new String[] {"../../../escaped", "a/b", "/etc/passwd", "..", ".hidden", "a\u0000b", "x".repeat(300)}) {
            String s = TraceFileNames.safe(bad);
            assertFalse(s.contains("/") || s.startsWith(".") || s.contains("\u0000"), s);
            assertTrue(s.length() <= 160, s);
            assertEquals(Path.of("dir").resolve(s + ".json").getParent(), Path.of("dir"));
        }
        assertEquals(TraceFileNames.safe("x".repeat(300)), TraceFileNames.safe("x".repeat(300)), "stable");
        assertFalse(TraceFileNames.safe("x".repeat(300)).equals(TraceFileNames.safe("x".repeat(301))), "distinct");
        assertEquals("stop-then-kill+m.sigkill-wins", TraceFileNames.safe("stop-then-kill+m.sigkill-wins"), "ordinary names kept");
    }

    @Test
    void outOfMemoryIsIncompleteWithAHintNeverAViolation() throws Exception {
        Process p = CheckerProcess.builder(tmp, List.of("-Xmx64m"), "verify", "-q", "-s", "bench-large", "-w", "1",
            "--trace-dir", tmp.resolve("t").toString()).redirectErrorStream(false).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bench-large under 64 MB did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), out + err);
        assertTrue((out + err).toLowerCase().contains("memory"), out + err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void sigintReportsTheFinishedRowsAndExits130() throws Exception {
        interrupted("INT", 130);
    }

    @Test
    void sigtermReportsTheFinishedRowsAndExits143() throws Exception {
        interrupted("TERM", 143);
    }

    @Test
    void sighupReportsTheFinishedRowsAndExits129() throws Exception {
        // A dropped ssh session: the JVM used to end at once, stdout empty, no JUnit file, exit 129.
        interrupted("HUP", 129);
    }

    private void interrupted(String signal, int code) throws Exception {
        // The checker process inherits the dispositions of whoever started the tests, and the JVM leaves a SIG_IGN
        // it inherits for HUP, INT or TERM alone: under nohup (HUP) or as a background job of a non-interactive
        // shell (INT) the signal is ignored, which is what nohup asks for, and there is nothing to test. The test
        // JVM sees the same inherited disposition.
        Assumptions.assumeFalse(ignoredOnEntry(signal), "SIG" + signal + " is ignored by the process that started "
            + "the tests (nohup, or a background job); the checker ignores it too");
        Path traces = tmp.resolve("t");
        Path junit = tmp.resolve("junit.xml");
        File outFile = tmp.resolve("out.txt").toFile();
        // A quick row, then one that runs for minutes: the signal comes while the second runs.
        Process p = CheckerProcess.builder(tmp, List.of(), "verify", "-q", "-s", "stop-then-kill", "-s", "bench-large",
            "-w", "1", "--trace-dir", traces.toString(), "--junit", junit.toString())
            .redirectOutput(outFile).redirectError(tmp.resolve("err.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(outFile.toPath()).contains("stop-then-kill ") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertTrue(p.isAlive(), "bench-large finished too soon to be interrupted");
        CheckerProcess.signal(p, signal);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = Files.readString(outFile.toPath());
        assertEquals(code, p.exitValue(), out + Files.readString(tmp.resolve("err.txt")));
        assertTrue(out.contains("stop-then-kill") && out.contains("PASS"), "the finished row: " + out);
        assertTrue(out.contains("interrupted: stopped by SIG" + signal + " after 1 scenario(s) (not finished: bench-large)"), out);
        assertTrue(out.contains("exit code " + code), out);
        String xml = Files.readString(junit);
        assertTrue(xml.contains("name=\"stop-then-kill\"") && xml.contains("name=\"interrupted\" value=\"SIG" + signal + "\""), xml);
        // A CI that reads only the XML must not see a green run: the cut is an error testcase naming what did not finish.
        Element suite = xml(junit).getDocumentElement();
        assertEquals("2", suite.getAttribute("tests"), xml);
        assertEquals("1", suite.getAttribute("errors"), xml);
        assertTrue(xml.contains("type=\"interrupted\">stopped by SIG" + signal + " after 1 scenario(s) (not finished: bench-large)"), xml);
        assertEquals(List.of(), tmpFiles(tmp));
    }

    /** Whether this JVM inherited SIG_IGN for the signal: the JVM then keeps it, and a probe handler is not set. */
    private static boolean ignoredOnEntry(String signal) {
        sun.misc.Signal sig = new sun.misc.Signal(signal);
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> { });
        sun.misc.Signal.handle(sig, previous);
        return previous == sun.misc.SignalHandler.SIG_IGN;
    }

    @Test
    void aReportOnAFullDiskIsExitTwoNotASilentZero() {
        // `verify --format json > report.json` on a full disk: PrintStream swallows the error.
        PrintStream full = new PrintStream(new java.io.OutputStream() {
            @Override public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"verify", "-q", "--format", "json", "-s", "stop-then-resume", "--trace-dir", tmp.resolve("t").toString()};
        int code = Main.execute(args, full, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("checker: standard output could not be written"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the run itself ended with exit code 0"), err.toString());
        // A reader that went away on purpose (`| head`) is no error: the run's own code stands.
        PrintStream gone = new PrintStream(java.io.OutputStream.nullOutputStream()) {
            @Override public boolean checkError() { return true; }
        };
        assertEquals(0, Main.execute(args, gone, new PrintStream(new ByteArrayOutputStream()), () -> true));
    }

    @Test
    void aTraceWhoseTextCannotBeWrittenNamesThatFileAndLeavesNoHalfPair() throws Exception {
        Path dir = tmp.resolve("t");
        Path text = dir.resolve("reap-races-death+reap-not-deferred.reap-after-death.txt");
        Files.createDirectories(text.resolve("in-the-way"));
        Run r = run("verify", "-q", "-s", "reap-races-death", "-m", "reap-not-deferred", "--trace-dir", dir.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("cannot write " + text + ": is a directory"), r.out());
        assertFalse(r.out().contains(".tmp"), "the temporary file is no concern of the user's: " + r.out());
        assertFalse(Files.exists(dir.resolve("reap-races-death+reap-not-deferred.reap-after-death.json")),
            "a JSON trace said to be not written is not left behind");
        assertEquals(List.of(), tmpFiles(tmp));
    }
}

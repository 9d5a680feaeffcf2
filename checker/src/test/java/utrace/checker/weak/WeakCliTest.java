package utrace.checker.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.cli.Main;

/** --memory-model, --without-barrier, `list barriers|litmus` and `gate --barriers` from the command line. */
class WeakCliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void removingB1ReaderBreaksDetachAndTheTraceReplays() throws Exception {
        Run r = run("verify", "-q", "--scenario", "detach-during-callback", "--invariants", "detach-is-final",
            "--memory-model", "weak", "--without-barrier", "B1.reader", "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("memory_model=weak without-barriers=B1.reader"), r.out());
        Path json = tmp.resolve("detach-during-callback@weak-without-B1.reader.detach-is-final.json");
        assertTrue(Files.exists(json), r.out());
        String text = Files.readString(tmp.resolve("detach-during-callback@weak-without-B1.reader.detach-is-final.txt"));
        assertTrue(text.contains("memory model=weak  without barriers=B1.reader"), text);
        // The removed barrier is a step of its own in the brief view (a cell may wrap before its id).
        assertTrue(text.contains("[B1.reader] removed"), text);
        assertTrue(Files.readString(json).contains("smp_mb() [B1.reader] removed"));
        Run replay = run("replay", "-q", json.toString());
        assertEquals(1, replay.code(), replay.out() + replay.err());
    }

    @Test
    void removingB4WriterBreaksUtraceStructInitialisedAndTheTraceReplays() throws Exception {
        Run r = run("verify", "-q", "--scenario", "utrace-alloc-races-ptrace", "--invariants", "utrace-struct-initialised",
            "--memory-model", "weak", "--without-barrier", "B4.writer", "--trace-dir", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String text = Files.readString(tmp.resolve("utrace-alloc-races-ptrace@weak-without-B4.writer.utrace-struct-initialised.txt"));
        assertTrue(text.contains("[B4.writer] removed"), text);
        Run replay = run("replay", "-q", tmp.resolve("utrace-alloc-races-ptrace@weak-without-B4.writer.utrace-struct-initialised.json").toString());
        assertEquals(1, replay.code(), replay.out() + replay.err());
    }

    @Test
    void withEveryBarrierTheWeakModelPasses() {
        Run r = run("verify", "-q", "--scenario", "detach-during-callback", "--memory-model", "weak", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void badMemoryOptionsAreOneLineUsageErrors() {
        for (String[] args : new String[][] {
                {"verify", "--memory-model", "tso"},
                {"verify", "--without-barrier", "B1.writer"},
                {"verify", "--memory-model", "weak", "--without-barrier", "B9.reader"}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void listBarriersNamesEveryBarrierAndWhatItProtects() {
        Run r = run("list", "barriers");
        assertEquals(0, r.code(), r.err());
        for (String id : utrace.model.Barrier.ids()) assertTrue(r.out().contains(id), id);
        assertTrue(r.out().contains("without it: detach-is-final breaks on report-then-detach"), r.out());
        assertTrue(r.out().contains("without it: utrace-struct-initialised breaks on utrace-alloc-races-ptrace (gate row b4-writer)"), r.out());
        assertTrue(r.out().contains("without it: utrace-struct-initialised breaks on utrace-alloc-races-ptrace (gate row b4-reader)"), r.out());
        assertFalse(r.out().contains("not modelled"), r.out());
        Run l = run("list", "litmus");
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().contains("SB+fencembonceonces") && l.out().contains("MP+poonceonces"), l.out());
    }

    @Test
    void gateBarriersRunsTheLitmusTestsAndTheBarrierRows() {
        Run r = run("gate", "--barriers", "--trace-dir", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("19 litmus tests, 19 as LKMM says, 0 not"), r.out());
        assertTrue(r.out().contains("12 rows, 12 as expected, 0 unexpected"), r.out());
        assertFalse(r.out().contains("p17"), r.out());
    }
}

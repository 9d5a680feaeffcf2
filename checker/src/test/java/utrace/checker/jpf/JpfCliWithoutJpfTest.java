package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.cli.Main;

/** The CLI contract when no jpf-core is usable: exit 2 and exactly one line, for verify and crosscheck alike. */
class JpfCliWithoutJpfTest {
    @TempDir Path notJpf;

    @Test
    void verifyWithEngineJpfExitsTwoWithTheMessage() {
        Run r = run("verify", "--engine", "jpf", "--jpf-home", notJpf.toString(), "--scenario", "reap-races-death");
        assertEquals(2, r.code);
        assertEquals("checker: " + JpfHome.NOT_FOUND + System.lineSeparator(), r.err);
        assertEquals("", r.out);
    }

    @Test
    void crosscheckExitsTwoWithTheMessage() {
        Run r = run("crosscheck", "--jpf-home", notJpf.resolve("missing").toString());
        assertEquals(2, r.code);
        assertEquals("checker: " + JpfHome.NOT_FOUND + System.lineSeparator(), r.err);
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        Run r = run("verify", "--engine", "spin", "--scenario", "reap-races-death");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--engine must be native or jpf, not 'spin'"), r.err);
    }

    @Test
    void nativeOnlyOptionsAreRefusedWithEngineJpf() {
        Run r = run("verify", "--engine", "jpf", "--search", "dfs", "--jpf-home", notJpf.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--engine jpf takes none of --search"), r.err);
    }

    @Test
    void helpTeachesTheEngineOptionAndCrosscheck() {
        assertTrue(run("verify", "--help").out.contains("--engine=native|jpf"));
        Run r = run("crosscheck", "--help");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("must agree"), r.out);
        assertTrue(r.out.contains("--jpf-home"), r.out);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

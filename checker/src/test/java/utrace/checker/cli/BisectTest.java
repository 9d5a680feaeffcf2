package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `checker bisect` finds the fixing patch (and the regression) by walking the series prefixes. */
class BisectTest {
    @TempDir
    Path tmp;

    private CliTest.Run bisect(String invariant, String scenario) {
        return CliTest.run("bisect", "--invariant", invariant, "--scenario", scenario, "--trace-dir", tmp.toString());
    }

    @Test
    void patch17FixesPtraceResumeAgainstAnEngineStop() {
        CliTest.Run r = bisect("quiescent-needs-both", "ptrace-resume-vs-engine-stop");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("first patch after which it holds: 17"), r.out());
    }

    @Test
    void patch25FixesTheSyscallTraceRace() {
        CliTest.Run r = bisect("syscall-trace-consistent", "tif-syscall-trace-after-detach");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("first patch after which it holds: 25"), r.out());
    }

    @Test
    void patch22BreaksSysemuAndPatch30FixesIt() {
        CliTest.Run r = bisect("syscall-trace-consistent", "ptrace-sysemu");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("first patch after which it breaks again: 22"), r.out());
        assertTrue(r.out().contains("patch 30 fixes it"), r.out());
    }

    @Test
    void unknownNamesAreUsageErrors() {
        assertEquals(2, bisect("no-such-invariant", "ptrace-sysemu").code());
        assertEquals(2, bisect("sigkill-wins", "no-such-scenario").code());
    }
}

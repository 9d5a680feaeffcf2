package utrace.checker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench --spin: why it skips (no twin, no spin, no compiler), and reading pan's figures. */
class SpinTwinTest {
    @TempDir
    Path tmp;

    private Path exe(Path dir, String name, String body) throws Exception {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void skipsWithAReason() throws Exception {
        Path twin = tmp.resolve("twin");
        Files.createDirectories(twin);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> SpinTwin.open(twin, "/usr/bin"));
        assertTrue(none.getMessage().contains("no twin.pml"), none.getMessage());
        Files.writeString(twin.resolve("twin.pml"), "init { skip }\n");
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        IllegalStateException noSpin = assertThrows(IllegalStateException.class, () -> SpinTwin.open(twin, bin.toString()));
        assertTrue(noSpin.getMessage().startsWith("spin is not on PATH"), noSpin.getMessage());
        exe(bin, "spin", "exit 0\n");
        IllegalStateException noCc = assertThrows(IllegalStateException.class, () -> SpinTwin.open(twin, bin.toString()));
        assertTrue(noCc.getMessage().startsWith("no C compiler"), noCc.getMessage());
        exe(bin, "cc", "exit 0\n");
        SpinTwin t = SpinTwin.open(twin, bin.toString());
        assertEquals("cc", t.compiler());
        t.delete();
    }

    @Test
    void readsPansFigures() throws Exception {
        Path twin = tmp.resolve("twin");
        Files.createDirectories(twin);
        Files.writeString(twin.resolve("twin.pml"), "init { skip }\n");
        Path bin = exe(tmp.resolve("bin"), "spin", "exit 0\n");
        exe(tmp.resolve("bin"), "gcc", "exit 0\n");
        SpinTwin t = SpinTwin.open(twin, bin.getParent().toString());
        // What SPIN 6.5's pan prints (bench-small of the twin), trimmed.
        Path pan = exe(tmp.resolve("run"), "pan", "cat <<'X'\n"
            + "State-vector 132 byte, depth reached 55, errors: 0\n"
            + "    24934 states, stored\n    42215 states, matched\n    67149 transitions (= stored+matched)\n"
            + "pan: elapsed time 0.04 seconds\npan: rate    623350 states/second\nX\n");
        SpinTwin.Result r = t.run(pan, 10_000);
        assertEquals(24934, r.states());
        assertEquals(67149, r.transitions());
        assertEquals(0, r.errors());
        assertEquals(0.04, r.searchSeconds(), 1e-9);
        assertFalse(r.timedOut());
        Path slow = exe(tmp.resolve("slow"), "pan", "sleep 20\necho done\n");
        long t0 = System.nanoTime();
        assertTrue(t.run(slow, 1000).timedOut());
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "a timed-out pan is killed, its children too");
        t.delete();
    }
}

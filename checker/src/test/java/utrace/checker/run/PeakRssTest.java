package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PeakRssTest {
    @Test
    void parsesTheKernelsField() {
        assertEquals(5_820_984L, PeakRss.parseKb("\t 5820984 kB"));
        assertEquals(12L, PeakRss.parseKb("12"));
    }

    @Test
    void readsThisProcesssPeakOnLinux() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc");
        long rss = PeakRss.bytes();
        // at least what the heap holds in use now, at most the machine's memory as the JVM sees it
        Runtime rt = Runtime.getRuntime();
        assertTrue(rss >= rt.totalMemory() - rt.freeMemory(), rss + " bytes");
        assertTrue(rss < ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
            .getOperatingSystemMXBean()).getTotalMemorySize(), rss + " bytes");
    }
}

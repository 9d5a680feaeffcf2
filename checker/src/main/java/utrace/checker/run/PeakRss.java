package utrace.checker.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident set size, as the kernel counts it (VmHWM in /proc/self/status): what a run
 * really took from the machine, heap growth and JVM overhead included, unlike the heap figures the JVM gives.
 * For `checker bench` and verify's summary; -1 where there is no /proc (not Linux).
 */
public final class PeakRss {
    private PeakRss() {}

    /** Peak RSS in bytes, or -1 if unknown. */
    public static long bytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return parseKb(line.substring(6)) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** "   123456 kB" -> 123456. */
    static long parseKb(String field) {
        String v = field.trim();
        if (v.endsWith("kB")) v = v.substring(0, v.length() - 2).trim();
        return Long.parseLong(v);
    }
}

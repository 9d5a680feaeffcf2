package utrace.checker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident set size, from Linux's /proc/PID/status (VmHWM: the
 * high-water mark of the process's resident memory, heap, metaspace, code,
 * thread stacks and all). What the heap MXBeans cannot see: the JVM keeps
 * heap it once grew to, so the operating system's figure is what a machine
 * must have. -1 where /proc is not there.
 */
public final class PeakRss {
    private PeakRss() {}

    /** This process's peak RSS in bytes, or -1. */
    public static long self() {
        return of(Path.of("/proc/self/status"));
    }

    static long of(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] p = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(p[0]) * 1024; // the kernel prints kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

package utrace.checker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.invariants.Invariant;
import utrace.model.Model;

/**
 * One measured exploration: wall time, the process's CPU time (all threads,
 * GC and JIT included: on a loaded machine wall time grows, CPU time much
 * less) and the peak heap in use (the JVM's per-pool peaks, reset before the
 * run after a GC, summed).
 */
public record Measure(ExplorationResult result, long wallMillis, long cpuMillis, long peakHeapBytes) {
    public double statesPerSecond() {
        return result.stats().states() * 1000.0 / Math.max(1, wallMillis);
    }

    /**
     * The invariants without those judged on cycles: bench times the main search, which the SPIN twin's figures
     * are compared with; livelock-freedom's cycle search is a pass of its own after it (verify prints its cost).
     */
    public static List<Invariant> mainSearchOnly(List<Invariant> invariants) {
        return invariants.stream().filter(i -> !i.judgesCycles()).toList();
    }

    public static Measure run(Model model, List<Invariant> invariants, ScaleOptions scale, Limits limits) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ExplorationResult r = scale.explore(SearchMode.BFS, model, mainSearchOnly(invariants), limits, ProgressListener.NONE);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (processCpuNanos() - cpu0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : heap) peak += p.getPeakUsage().getUsed();
        return new Measure(r, wall, cpu, peak);
    }

    /** CPU time of this process, or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The system's one-minute load average (-1 if unknown): other work on the machine slows wall times. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

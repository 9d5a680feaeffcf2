package utrace.checker.explore;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many search threads leave room for the JIT compiler. In a fresh JVM the compiler threads spend
 * seconds of CPU on the model's step methods while the first levels run (bench-large: about 3 s of C2
 * time in a 2.5 s search); on a 2-core machine a second worker then takes the core the compiler needs,
 * and `-w 2` was no faster than `-w 1` (bench's fresh-JVM curve: 0.90-1.05x). So the search runs on
 * the cores the compiler left over in the last sampling window (at least one), and on all its workers
 * again once the compiler is quiet. Which thread runs a slice never changes a result: this only
 * changes speed.
 */
final class CompilerLoad {
    /** Shortest window between two decisions: a level of a large search takes tens of milliseconds. */
    static final long WINDOW_NANOS = 50_000_000L;

    private final CompilationMXBean jit;
    private final int cores;
    private long lastWall;
    private long lastCompileMillis;
    private int active;

    CompilerLoad(int workers) {
        CompilationMXBean b = ManagementFactory.getCompilationMXBean();
        this.jit = b != null && b.isCompilationTimeMonitoringSupported() ? b : null;
        this.cores = ScaleOptions.allCores();
        this.active = workers;
        this.lastWall = System.nanoTime();
        this.lastCompileMillis = jit == null ? 0 : jit.getTotalCompilationTime();
    }

    /** The threads to use for the next level, 1..workers: the cores the compiler's recent load leaves. */
    int active(int workers) {
        if (jit == null || workers == 1) return workers;
        long now = System.nanoTime();
        long wall = now - lastWall;
        if (wall < WINDOW_NANOS) return active;
        long compile = jit.getTotalCompilationTime();
        active = threadsLeft(cores, (compile - lastCompileMillis) * 1_000_000.0 / wall, workers);
        lastWall = now;
        lastCompileMillis = compile;
        return active;
    }

    /** Cores minus the compiler's load (in cores, rounded), within 1..workers. */
    static int threadsLeft(int cores, double compilerCores, int workers) {
        int left = (int) Math.floor(cores - compilerCores + 0.5);
        return Math.max(1, Math.min(workers, left));
    }
}

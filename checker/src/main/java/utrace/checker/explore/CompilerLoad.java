package utrace.checker.explore;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many search threads leave room for the JIT compiler. In a fresh JVM the compiler threads spend
 * seconds of CPU on the model's step methods while the first levels run (bench-large: about 3 s of C2
 * time in a 2.5 s search); on a 2-core machine a second worker then takes the core the compiler needs,
 * and `-w 2` was no faster than `-w 1` (bench's fresh-JVM curve: 0.90-1.05x). So the search runs on
 * the cores the compiler left over in the last sampling windows (at least one), and on all its workers
 * again once the compiler is quiet. Which thread runs a slice never changes a result: this only
 * changes speed.
 *
 * <p>Only a load seen in two windows running takes a core: a fresh JVM's compiler is busy for
 * seconds, but a warm JVM's occasional recompile (20-60 ms) is over by the time the next level
 * starts, and taking a worker away for it cost 55-85 ms (about 7%) in 6 of 30 warm 2-worker
 * bench-large searches (issue 16, eighth round).
 */
final class CompilerLoad {
    /** Shortest window between two decisions: a level of a large search takes tens of milliseconds. */
    static final long WINDOW_NANOS = 50_000_000L;

    private final CompilationMXBean jit;
    private final int cores;
    private long lastWall;
    private long lastCompileMillis;
    /** The compiler's load (in cores) in the window before the last one. */
    private double lastLoad;
    private int active;

    CompilerLoad(int workers) {
        this(workers, ScaleOptions.allCores(), monitor(), System.nanoTime());
    }

    /** With {@code cores} cores, the JIT's {@code jit} (null: unknown) and the clock at {@code now} (ns). */
    CompilerLoad(int workers, int cores, CompilationMXBean jit, long now) {
        this.jit = jit;
        this.cores = cores;
        this.active = workers;
        this.lastWall = now;
        this.lastCompileMillis = jit == null ? 0 : jit.getTotalCompilationTime();
    }

    private static CompilationMXBean monitor() {
        CompilationMXBean b = ManagementFactory.getCompilationMXBean();
        return b != null && b.isCompilationTimeMonitoringSupported() ? b : null;
    }

    /** The threads to use for the next level, 1..workers: the cores the compiler's recent load leaves. */
    int active(int workers) {
        if (jit == null || workers == 1) return workers;
        return next(System.nanoTime(), jit.getTotalCompilationTime(), workers);
    }

    /** {@link #active} at wall time {@code now} (ns) with {@code compileMillis} of compile time so far. */
    int next(long now, long compileMillis, int workers) {
        long wall = now - lastWall;
        if (wall < WINDOW_NANOS) return active;
        double load = (compileMillis - lastCompileMillis) * 1_000_000.0 / wall;
        active = threadsLeft(cores, Math.min(load, lastLoad), workers);
        lastLoad = load;
        lastWall = now;
        lastCompileMillis = compileMillis;
        return active;
    }

    /** Cores minus the compiler's load (in cores, rounded), within 1..workers. */
    static int threadsLeft(int cores, double compilerCores, int workers) {
        int left = (int) Math.floor(cores - compilerCores + 0.5);
        return Math.max(1, Math.min(workers, left));
    }
}

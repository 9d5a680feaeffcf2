package utrace.checker.bench;

import java.util.List;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.LevelExplorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/**
 * One measured search in a JVM of its own ({@link ChildJvm} starts it): so
 * that a run's peak RSS is its own (a process's VmHWM never goes down), and
 * no run inherits another's heap, JIT or garbage. Prints one line,
 * "bench-child verdict=... states=... millis=... cpu=... rss=...".
 *
 * <p>Arguments: SCENARIO_FILE INVARIANT_SET WORKERS ENGINE TIME_LIMIT_MS [WARMUPS], ENGINE being
 * "classic" (what `verify -w N` runs, through ScaleOptions: LevelExplorer since issue 16), "level"
 * ({@code LevelExplorer}, at any number of workers, 1 included) or "independent" (WORKERS one-worker
 * searches at once, one thread and one model each, nothing shared but the heap: what WORKERS cores
 * give this model's search with no coordination at all; millis is the wall time until all finish,
 * states one search's); up to WARMUPS (default 0) untimed runs of the same search come first, until
 * one spends under {@link JvmMode#QUIET_PERCENT}% of its wall time compiling ({@link JvmMode#WARM}),
 * then a collection, then the timed one. The line also gives the warm-up runs made and the JIT's
 * compile time during the timed run. The peak RSS is the process's, so it covers the warm-up runs
 * too (the same search: about the same peak).
 */
public final class ChildRun {
    private ChildRun() {}

    public static void main(String[] args) throws Exception {
        Model model = new Model(Scenarios.load(Path.of(args[0]).toString()), ModelConfig.fullSeries());
        InvariantSet set = InvariantSet.resolve(args[1]);
        int workers = Integer.parseInt(args[2]);
        String engine = args[3];
        boolean level = engine.equals("level");
        Limits limits = new Limits(0, Long.parseLong(args[4]));
        ScaleOptions opts = ScaleOptions.SEQUENTIAL.withWorkers(workers);
        int warmups = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        boolean independent = engine.equals("independent");
        if (independent) opts = ScaleOptions.SEQUENTIAL.withWorkers(1);
        int warmed = 0;
        while (warmed < warmups) {
            long jit0 = jitMillis();
            long w0 = System.nanoTime();
            // C warms up as it is timed: WORKERS searches at once, each on its own thread and model.
            if (independent) independent(args[0], set, workers, limits);
            else search(model, set, level, limits, opts);
            warmed++;
            long wallMillis = (System.nanoTime() - w0) / 1_000_000;
            if ((jitMillis() - jit0) * 100 < JvmMode.QUIET_PERCENT * wallMillis) break;
        }
        if (warmups > 0) System.gc(); // the warm-up's garbage is not the measured run's
        long jit0 = jitMillis();
        long cpu0 = Measure.processCpuNanos();
        long t0 = System.nanoTime();
        ExplorationResult r = independent ? independent(args[0], set, workers, limits) : search(model, set, level, limits, opts);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (Measure.processCpuNanos() - cpu0) / 1_000_000;
        long jit = jitMillis() - jit0;
        System.out.printf(Locale.ROOT, "bench-child verdict=%s states=%d transitions=%d millis=%d cpu=%d rss=%d warmups=%d jit=%d%n",
            r.verdict(), r.stats().states(), r.stats().transitions(), ms, cpu, PeakRss.self(), warmed, jit);
        System.out.flush();
    }

    /** The JIT compilers' total compile time so far (all compiler threads), or 0 where the JVM does not say. */
    static long jitMillis() {
        CompilationMXBean b = ManagementFactory.getCompilationMXBean();
        return b != null && b.isCompilationTimeMonitoringSupported() ? b.getTotalCompilationTime() : 0;
    }

    /** {@code copies} one-worker searches at once, each on a model of its own; the first one's result. */
    private static ExplorationResult independent(String scenarioFile, InvariantSet set, int copies, Limits limits) throws Exception {
        ExplorationResult[] rs = new ExplorationResult[copies];
        Model[] models = new Model[copies];
        for (int i = 0; i < copies; i++) models[i] = new Model(Scenarios.load(scenarioFile), ModelConfig.fullSeries());
        CountDownLatch go = new CountDownLatch(1);
        Thread[] ts = new Thread[copies];
        for (int i = 0; i < copies; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                rs[k] = search(models[k], set, true, limits, ScaleOptions.SEQUENTIAL.withWorkers(1));
            }, "independent-search-" + i);
            ts[i].start();
        }
        go.countDown();
        for (Thread t : ts) t.join();
        for (ExplorationResult r : rs) {
            if (r == null || r.stats().states() != rs[0].stats().states()) throw new IllegalStateException("independent searches disagree");
        }
        return rs[0];
    }

    private static ExplorationResult search(Model model, InvariantSet set, boolean level, Limits limits, ScaleOptions opts) {
        List<utrace.invariants.Invariant> invariants = Measure.mainSearchOnly(set.invariants());
        return level
            ? new LevelExplorer(limits, ProgressListener.NONE, opts).explore(model, invariants)
            : opts.explore(SearchMode.BFS, model, invariants, limits, ProgressListener.NONE);
    }
}

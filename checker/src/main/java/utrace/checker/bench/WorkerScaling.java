package utrace.checker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import utrace.checker.report.Numbers;
import utrace.model.Scenario;

/**
 * The two parallel-search tables of `checker bench`, each run in a fresh JVM
 * ({@link ChildJvm}) so that runs do not share heap, JIT or garbage and each
 * peak RSS is its own:
 * <ul>
 * <li>paired: A = `-w 1` (LevelExplorer with one worker, as verify runs it) and B = `-w N`
 *     (LevelExplorer), and, where there are N cores, C = N independent one-worker searches at once
 *     (what N cores give this search with no coordination: a reference, not a bound, as C holds N
 *     visited sets where B holds one), alternating A B C A B C after a warm-up round that is
 *     printed but not counted; the medians and the median of the per-pair
 *     ratios A/B. Alternating cancels slow drifts of the machine's load (other
 *     builds), which one A series followed by one B series would
 *     attribute to A or B;</li>
 * <li>the worker curve: LevelExplorer at 1, 2, ... workers up to the cores
 *     (at most {@code curveMax}), in rounds (every worker count once per
 *     round) and medians; speed-up and efficiency against LevelExplorer on 1
 *     worker, so the figure is the parallel scaling of one engine and not the
 *     difference between two. Beyond the cores: "not measured".</li>
 * </ul>
 */
final class WorkerScaling {
    private final PrintStream out;
    private final PrintStream progress;
    private final String invariantSet;
    private final long timeLimitMillis;
    private final ChildJvm jvm;
    private int runs;

    WorkerScaling(PrintStream out, PrintStream progress, String invariantSet, long timeLimitMillis) throws IOException {
        this.out = out;
        this.progress = progress;
        this.invariantSet = invariantSet;
        this.timeLimitMillis = timeLimitMillis;
        this.jvm = new ChildJvm();
    }

    int runs() { return runs; }

    private ChildJvm.Result run(String what, Scenario s, int workers, boolean level) throws IOException, InterruptedException {
        return run(what, s, workers, level, JvmMode.FRESH);
    }

    private ChildJvm.Result run(String what, Scenario s, int workers, boolean level, JvmMode mode) throws IOException, InterruptedException {
        runs++;
        if (progress != null) progress.printf(Locale.ROOT, "[bench] %s: %s, %d worker(s), %s, %s JVM ...%n", what, s.name(),
            workers, level ? "LevelExplorer" : "as verify -w N", mode.word);
        return jvm.run(s, invariantSet, workers, level, timeLimitMillis, mode);
    }

    /** Paired A/B runs: A = -w 1, B = -w workers; a first pair not counted, then {@code pairs} counted pairs. */
    void paired(Scenario s, int workers, int pairs, JvmMode mode) throws IOException, InterruptedException {
        boolean withC = workers <= Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%npaired runs on %s, %s,%n  alternating %s (the first %s not counted):%n"
            + "  A = -w 1 (what `verify -w 1` runs), B = -w %d (what `verify -w %d` runs); both LevelExplorer%s%n",
            s.name(), mode.phrase(), withC ? "A B C A B C" : "A B A B", withC ? "round" : "pair", workers, workers,
            withC ? String.format(Locale.ROOT, ";%n  C = %d one-worker searches at once, each on its own model (no coordination: "
                + "what %d cores give this search)", workers, workers) : "");
        out.printf(Locale.ROOT, "  jit: the JIT compilers' time during the timed search (CPU a %d-worker search shares)%s%n", workers,
            mode.warmups > 0 ? "; Nw: the warm-up runs before it" : "");
        header("run");
        List<ChildJvm.Result> a = new ArrayList<>();
        List<ChildJvm.Result> b = new ArrayList<>();
        List<ChildJvm.Result> c = new ArrayList<>();
        String cName = "C " + workers + " x -w 1";
        for (int i = 0; i <= pairs; i++) {
            String label = i == 0 ? "first" : Integer.toString(i);
            ChildJvm.Result ra = run("paired " + label + " A", s, 1, false, mode);
            row(label, "A -w 1", ra);
            ChildJvm.Result rb = run("paired " + label + " B", s, workers, true, mode);
            row("", "B -w " + workers, rb);
            ChildJvm.Result rc = null;
            if (withC) {
                runs++;
                if (progress != null) progress.printf(Locale.ROOT, "[bench] paired %s C: %d independent one-worker searches of %s at once, %s JVM ...%n",
                    label, workers, s.name(), mode.word);
                rc = jvm.runIndependent(s, invariantSet, workers, timeLimitMillis, mode);
                row("", cName, rc);
            }
            if (i > 0) {
                a.add(ra);
                b.add(rb);
                if (rc != null) c.add(rc);
            }
        }
        median("median", "A -w 1", a);
        median("", "B -w " + workers, b);
        if (withC) median("", cName, c);
        double[] ratios = new double[a.size()];
        double[] cpu = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            ratios[i] = (double) a.get(i).searchMillis() / Math.max(1, b.get(i).searchMillis());
            cpu[i] = (double) b.get(i).cpuMillis() / Math.max(1, a.get(i).cpuMillis());
        }
        StringBuilder each = new StringBuilder();
        for (double r : ratios) each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2fx", r));
        double load = Measure.loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "speed-up of -w %d over -w 1 (search wall, median of the %d per-pair ratios A/B): %.2fx (pairs: %s);%n"
            + "  CPU time of B over A (median of per-pair ratios): %.2fx, so on %d idle cores the wall speed-up is at most%n"
            + "  %d / %.2f = %.2fx (less the serial part between phases)%s%n", workers, ratios.length, median(ratios), each,
            median(cpu), workers, workers, median(cpu), workers / median(cpu),
            load > cores ? String.format(Locale.ROOT, ";%n  load average %.1f on %d cores: other work shared the CPUs, the wall "
                + "figures measure that sharing as much as the search", load, cores) : "");
        if (withC) out.println(independentLine(workers, a, b, c));
        if (workers <= cores) out.println(CpuCeiling.line(workers, CEILING_ROUNDS, CpuCeiling.ratio(workers, CEILING_ROUNDS)));
    }

    /**
     * Run C of each pair: {@code workers} one-worker searches of the same scenario at once, each with its own model,
     * nothing shared. Their throughput against A's is what this machine gives this model's search on that many cores
     * with no coordination at all (no hand-out, no barriers, no shared table): the ceiling B is measured against.
     */
    static String independentLine(int workers, List<ChildJvm.Result> a, List<ChildJvm.Result> b, List<ChildJvm.Result> c) {
        double[] ceiling = new double[a.size()];
        double[] share = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            ceiling[i] = workers * (double) a.get(i).searchMillis() / Math.max(1, c.get(i).searchMillis());
            double speedUp = (double) a.get(i).searchMillis() / Math.max(1, b.get(i).searchMillis());
            share[i] = speedUp / Math.max(1e-9, ceiling[i]);
        }
        StringBuilder each = new StringBuilder();
        for (double r : ceiling) each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2fx", r));
        double reached = 100 * median(share);
        return String.format(Locale.ROOT, "  C: %d independent one-worker searches at once (a model each, nothing shared) got %.2fx one "
            + "search's%n  throughput (median of the per-pair ratios %d*A/C; pairs: %s): what %d cores give this search with%n"
            + "  no coordination; B reached %.0f%% of it (median per pair)%s", workers, median(ceiling), workers, each,
            workers, reached, reached > 100 ? String.format(Locale.ROOT, ": more, as C holds %d visited sets and %d levels "
                + "in the caches and the heap%n  where B holds one", workers, workers) : "");
    }

    /** Rounds of {@link CpuCeiling}: about 1.5 s each for two threads. */
    static final int CEILING_ROUNDS = 3;

    /** The worker curve: LevelExplorer at 1..min(cores, curveMax) workers, {@code rounds} rounds, medians. */
    void curve(Scenario s, int cores, int curveMax, int rounds) throws IOException, InterruptedException {
        int top = Math.min(cores, curveMax);
        out.printf(Locale.ROOT, "%nworker curve on %s: LevelExplorer at 1..%d worker(s), a fresh JVM per run, %d round(s) "
            + "(each round runs every worker count once), medians;%n  speed-up and efficiency against LevelExplorer on 1 worker:%n",
            s.name(), top, rounds);
        out.printf(Locale.ROOT, "%-8s %-10s %11s %9s %10s %9s %8s %10s %9s%n", "workers", "verdict", "states", "search", "states/s",
            "speed-up", "effic.", "cpu", "peak RSS");
        List<List<ChildJvm.Result>> byW = new ArrayList<>();
        for (int w = 1; w <= top; w++) byW.add(new ArrayList<>());
        for (int r = 0; r < rounds; r++) {
            for (int w = 1; w <= top; w++) byW.get(w - 1).add(run("curve round " + (r + 1), s, w, true));
        }
        double base = medianOf(byW.get(0), ChildJvm.Result::searchMillis);
        for (int w = 1; w <= top; w++) {
            List<ChildJvm.Result> rs = byW.get(w - 1);
            double ms = medianOf(rs, ChildJvm.Result::searchMillis);
            ChildJvm.Result any = rs.get(0);
            double speed = base / Math.max(1, ms);
            out.printf(Locale.ROOT, "%-8d %-10s %11s %9s %10s %8.2fx %7.0f%% %10s %9s%n", w, any.verdict(), Numbers.grouped(any.states()),
                Numbers.millis((long) ms), Numbers.rate(any.states() * 1000.0 / Math.max(1, ms)), speed, 100 * speed / w,
                Numbers.millis((long) medianOf(rs, ChildJvm.Result::cpuMillis)), bytes((long) medianOf(rs, ChildJvm.Result::peakRssBytes)));
        }
        if (top < curveMax) {
            out.printf(Locale.ROOT, "%-8s not measured: this machine has %d core%s%n", (top + 1) + "-" + curveMax, cores,
                cores == 1 ? "" : "s");
        }
    }

    private void header(String first) {
        out.printf(Locale.ROOT, "%-8s %-10s %-10s %11s %9s %10s %9s %9s %9s %10s%n", first, "config", "verdict", "states", "search",
            "states/s", "cpu", "process", "peak RSS", "jit");
    }

    /** A run's figures; jit is the compile time during the timed search (with the warm-up runs made, if any). */
    private void row(String label, String config, ChildJvm.Result r) {
        out.printf(Locale.ROOT, "%-8s %-10s %-10s %11s %9s %10s %9s %9s %9s %10s%n", label, config, r.verdict(), Numbers.grouped(r.states()),
            Numbers.millis(r.searchMillis()), Numbers.rate(r.statesPerSecond()), Numbers.millis(r.cpuMillis()),
            Numbers.millis(r.processMillis()), bytes(r.peakRssBytes()),
            Numbers.millis(r.jitMillis()) + (r.warmups() > 0 ? " " + r.warmups() + "w" : ""));
    }

    private void median(String label, String config, List<ChildJvm.Result> rs) {
        long states = rs.get(0).states();
        double ms = medianOf(rs, ChildJvm.Result::searchMillis);
        out.printf(Locale.ROOT, "%-8s %-10s %-10s %11s %9s %10s %9s %9s %9s %10s%n", label, config, "", Numbers.grouped(states),
            Numbers.millis((long) ms), Numbers.rate(states * 1000.0 / Math.max(1, ms)),
            Numbers.millis((long) medianOf(rs, ChildJvm.Result::cpuMillis)), Numbers.millis((long) medianOf(rs, ChildJvm.Result::processMillis)),
            bytes((long) medianOf(rs, ChildJvm.Result::peakRssBytes)), "");
    }

    private static String bytes(long b) {
        return b < 0 ? "?" : Numbers.bytes(b);
    }

    static double medianOf(List<ChildJvm.Result> rs, java.util.function.ToLongFunction<ChildJvm.Result> f) {
        double[] xs = new double[rs.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = f.applyAsLong(rs.get(i));
        return median(xs);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}

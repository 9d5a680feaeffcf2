package utrace.checker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.Verdict;
import utrace.checker.report.Numbers;
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/**
 * `checker bench`: measures the native engine on a fixed list of scenarios
 * and prints the tables (see {@link #run}). Figures, not assertions: the
 * targets of the README are read off these tables.
 */
public final class Bench {
    /** What to measure. {@code jpf} is null unless JPF is to be compared. */
    public record Plan(List<Scenario> scenarios, List<Invariant> invariants, String invariantSetName, int workers, int repeat,
                       long timeLimitMillis, boolean scaling, List<String> series, int porBoundMaxStates, JpfColumn jpf,
                       boolean por, Parallel parallel, Spin spin, List<JvmMode> jvms) {}

    /** The SPIN twin's directory and where it was named (--spin, CHECKER_SPIN_TWIN); null: no SPIN table. */
    public record Spin(java.nio.file.Path dir, String from) {}

    /**
     * The paired -w 1 / -w N runs and the worker curve ({@link WorkerScaling}); {@code pairs} 0 leaves both out.
     * {@code scenario} null: the largest scenario of the main table that passed.
     */
    public record Parallel(int pairs, Scenario scenario, int curveMax, int curveRounds) {
        public static final Parallel NONE = new Parallel(0, null, 0, 0);
    }

    private final Plan plan;
    private final PrintStream out;
    private final ModelConfig config = ModelConfig.fullSeries();

    /** Progress lines (stderr; null: none), so a run of minutes is not silent; counted runs and start time. */
    private final PrintStream progress;
    private int runs;
    private final long start = System.nanoTime();

    public Bench(Plan plan, PrintStream out) {
        this(plan, out, null);
    }

    public Bench(Plan plan, PrintStream out, PrintStream progress) {
        this.plan = plan;
        this.out = out;
        this.progress = progress;
    }

    /** Measured runs so far (the CLI's closing summary). */
    public int runs() { return runs; }

    private void phase(String what) {
        if (progress != null) {
            progress.printf(Locale.ROOT, "[bench %s] %s ...%n", Numbers.millis((System.nanoTime() - start) / 1_000_000), what);
        }
    }

    /** One measured run, announced before and summed up after on the progress stream. */
    private Measure measure(String phase, Model model, ScaleOptions c, Limits lim) {
        runs++;
        if (progress != null) {
            progress.printf(Locale.ROOT, "[bench %s, run %d] %s: %s, %s ...%n", Numbers.millis((System.nanoTime() - start) / 1_000_000),
                runs, phase, model.scenario().name(), label(c));
        }
        Measure m = Measure.run(model, plan.invariants(), c, lim);
        if (progress != null) {
            progress.printf(Locale.ROOT, "[bench %s, run %d] %s: %s, %s: %s, %s states in %s, %s states/s%n",
                Numbers.millis((System.nanoTime() - start) / 1_000_000), runs, phase, model.scenario().name(), label(c),
                m.result().verdict(), Numbers.grouped(m.result().stats().states()), Numbers.millis(m.wallMillis()),
                Numbers.rate(m.statesPerSecond()));
        }
        return m;
    }

    /** Prints every table; returns 0 if every bench scenario passed, 1 if one violated, 3 if one was incomplete. */
    public int run() {
        header();
        List<Row> rows = mainTable();
        phase("partial-order bound tables (the whole state graph of each scenario up to --por-bound-max states)");
        porBound(rows);
        if (plan.jpf() != null) {
            phase("JPF on " + plan.scenarios().size() + " scenario(s)");
            plan.jpf().table(out, plan.scenarios(), rows, config, plan.invariants());
        }
        Row largest = null;
        for (Row r : rows) {
            if (r.m.result().verdict() == Verdict.PASS && !r.scale().symmetry() && !r.scale().por()
                && (largest == null || r.m.result().stats().states() > largest.m.result().stats().states())) {
                largest = r;
            }
        }
        parallel(rows);
        spin();
        if (plan.scaling()) largest = scaling(largest);
        if (largest != null) {
            out.printf(Locale.ROOT, "%nlargest scenario exhausted within %s: %s, %s states in %s (%s)%n", Numbers.millis(plan.timeLimitMillis()),
                largest.scenario().name(), Numbers.grouped(largest.m.result().stats().states()), Numbers.millis(largest.m.wallMillis()),
                largest.config);
        }
        out.printf(Locale.ROOT, "%nload average at the end: %.1f; peak RSS of this bench process (its in-process runs): %s%n",
            Measure.loadAverage(), PeakRss.self() < 0 ? "unknown (no /proc)" : Numbers.bytes(PeakRss.self()));
        int code = 0;
        for (Row r : rows) {
            Verdict v = r.m.result().verdict();
            if (v == Verdict.VIOLATION) return 1;
            if (v == Verdict.INCOMPLETE) code = 3;
        }
        return code;
    }

    private void header() {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "checker bench: %d scenario(s), invariant set '%s' (%d invariants), %s%n", plan.scenarios().size(),
            plan.invariantSetName(), plan.invariants().size(), config);
        for (Invariant i : plan.invariants()) {
            if (i.judgesCycles()) {
                out.printf(Locale.ROOT, "  (%s is not timed: its cycle search is a pass of its own after the main search, "
                    + "which the figures below are; `verify` prints what it costs)%n", i.name());
            }
        }
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %s; load average %.1f at the start%n",
            rt.availableProcessors(), Runtime.version(), Numbers.bytes(rt.maxMemory()), Measure.loadAverage());
        out.printf(Locale.ROOT, "  (wall time is what a user waits; cpu is the process's CPU time, all threads, GC and JIT "
            + "included; a load above the core count means other work shared the CPUs)%n");
        out.printf(Locale.ROOT, "engine: native breadth-first search, level by level (LevelExplorer, as `verify -w N`, 1 worker "
            + "included; fingerprint seed %s); best of %d run(s) per row%n%n",
            utrace.model.State.hex(utrace.checker.explore.FastFingerprint.SEED), plan.repeat());
    }

    /** One measured configuration of one scenario. */
    record Row(Scenario scenario, String config, ScaleOptions scale, Measure m) {}

    private List<Row> mainTable() {
        out.printf(Locale.ROOT, "%-22s %-16s %-10s %11s %12s %10s %10s %9s %9s%n",
            "scenario", "config", "verdict", "states", "transitions", "states/s", "peak heap", "wall", "cpu");
        List<Row> rows = new ArrayList<>();
        List<String> speedups = new ArrayList<>();
        List<String> symmetry = new ArrayList<>();
        List<String> por = new ArrayList<>();
        String bytesPerState = "";
        for (Scenario s : plan.scenarios()) {
            Model model = new Model(s, config);
            List<ScaleOptions> configs = new ArrayList<>();
            configs.add(ScaleOptions.SEQUENTIAL.withWorkers(1));
            if (plan.workers() > 1) configs.add(ScaleOptions.SEQUENTIAL.withWorkers(plan.workers()));
            boolean killers = s.killers() > 1;
            if (killers) {
                configs.add(ScaleOptions.SEQUENTIAL.withWorkers(1).withSymmetry(true));
                if (plan.workers() > 1) configs.add(ScaleOptions.SEQUENTIAL.withWorkers(plan.workers()).withSymmetry(true));
            }
            if (plan.por()) configs.add(ScaleOptions.SEQUENTIAL.withWorkers(1).withPor(true));
            Row one = null;
            Row many = null;
            Row sym = null;
            Row reduced = null;
            boolean first = true;
            for (ScaleOptions c : configs) {
                Measure m = best(model, c);
                Row r = new Row(s, label(c), c, m);
                rows.add(r);
                printRow(first ? s.name() : "", r);
                first = false;
                if (c.por()) {
                    reduced = r;
                    continue;
                }
                if (!c.symmetry() && c.workers() == 1) one = r;
                if (!c.symmetry() && c.workers() > 1) many = r;
                if (c.symmetry() && sym == null) sym = r;
            }
            if (one != null && many != null) {
                speedups.add(String.format(Locale.ROOT, "%s %.2fx", s.name(), (double) one.m.wallMillis() / Math.max(1, many.m.wallMillis())));
            }
            if (one != null && sym != null) {
                symmetry.add(String.format(Locale.ROOT, "%s %.2fx (%s -> %s states)", s.name(),
                    (double) one.m.result().stats().states() / Math.max(1, sym.m.result().stats().states()),
                    Numbers.grouped(one.m.result().stats().states()), Numbers.grouped(sym.m.result().stats().states())));
            }
            if (one != null && reduced != null) {
                por.add(String.format(Locale.ROOT, "%s %.2fx states (%s -> %s), %.2fx wall", s.name(),
                    (double) one.m.result().stats().states() / Math.max(1, reduced.m.result().stats().states()),
                    Numbers.grouped(one.m.result().stats().states()), Numbers.grouped(reduced.m.result().stats().states()),
                    (double) one.m.wallMillis() / Math.max(1, reduced.m.wallMillis())));
            }
            if (one != null && one.m.result().stats().states() > 0) {
                bytesPerState = String.format(Locale.ROOT, "%.1f bytes per state (%s, %s states)",
                    (double) one.m.result().stats().visitedBytes() / one.m.result().stats().states(), s.name(),
                    Numbers.grouped(one.m.result().stats().states()));
            }
        }
        out.println();
        if (!speedups.isEmpty()) out.printf("speed-up of %d workers over 1 (wall): %s%n", plan.workers(), String.join(", ", speedups));
        if (!symmetry.isEmpty()) out.printf("symmetry reduction (states without / with --symmetry): %s%n", String.join(", ", symmetry));
        if (!por.isEmpty()) out.printf("partial-order reduction (1 worker, without / with --por): %s%n", String.join(", ", por));
        if (!bytesPerState.isEmpty()) out.printf("visited set: %s%n", bytesPerState);
        return rows;
    }

    private void printRow(String name, Row r) {
        Measure m = r.m;
        out.printf(Locale.ROOT, "%-22s %-16s %-10s %11s %12s %10s %10s %9s %9s%n", name, r.config, m.result().verdict(),
            Numbers.grouped(m.result().stats().states()), Numbers.grouped(m.result().stats().transitions()),
            Numbers.rate(m.statesPerSecond()), Numbers.bytes(m.peakHeapBytes()), Numbers.millis(m.wallMillis()),
            m.cpuMillis() < 0 ? "?" : Numbers.millis(m.cpuMillis()));
    }

    private Measure best(Model model, ScaleOptions c) {
        Measure best = null;
        for (int i = 0; i < plan.repeat(); i++) {
            Measure m = measure("table", model, c, new Limits(0, plan.timeLimitMillis()));
            if (best == null || m.wallMillis() < best.wallMillis()) best = m;
        }
        return best;
    }

    private static String label(ScaleOptions c) {
        return c.workers() + (c.workers() == 1 ? " worker" : " workers") + (c.symmetry() ? " +sym" : "") + (c.por() ? " +por" : "");
    }

    private void porBound(List<Row> rows) {
        out.printf(Locale.ROOT, "%npartial-order reduction: 'sound' is --por (declared may-footprints, invariant visibility, proviso;%n"
            + "see README); 'bound' is an upper bound of an ideal one: exact independence from the whole state graph, singleton%n"
            + "ample sets, cycle proviso, invariants ignored (scenarios up to %s states):%n", Numbers.grouped(plan.porBoundMaxStates()));
        out.printf(Locale.ROOT, "%-22s %6s %11s %11s %8s %11s %8s %12s%n", "scenario", "actors", "states", "sound", "factor",
            "bound", "factor", "fully expanded");
        for (Scenario s : plan.scenarios()) {
            Model model = new Model(s, config);
            Row sound = null;
            for (Row r : rows) if (r.scenario() == s && r.scale().por()) sound = r;
            String soundStates = "-";
            String soundFactor = "-";
            String full = "-";
            long states = -1;
            for (Row r : rows) {
                if (r.scenario() == s && !r.scale().por() && !r.scale().symmetry() && r.m.result().verdict() == Verdict.PASS) {
                    states = r.m.result().stats().states();
                }
            }
            if (sound != null && sound.m.result().verdict() == Verdict.PASS) {
                long n = sound.m.result().stats().states();
                soundStates = Numbers.grouped(n);
                soundFactor = states > 0 ? String.format(Locale.ROOT, "%.2fx", (double) states / n) : "-";
                full = Numbers.grouped(sound.m.result().stats().fullyExpanded());
            }
            PorBound.Result b = PorBound.of(model, plan.porBoundMaxStates());
            String boundStates = b == null ? "> " + Numbers.grouped(plan.porBoundMaxStates()) : Numbers.grouped(b.reducedStates());
            String boundFactor = b == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.factor());
            String total = states >= 0 ? Numbers.grouped(states) : b != null ? Numbers.grouped(b.fullStates()) : "-";
            out.printf(Locale.ROOT, "%-22s %6d %11s %11s %8s %11s %8s %12s%n", s.name(), model.actorCount(), total, soundStates,
                soundFactor, boundStates, boundFactor, full);
        }
        footprintBound();
    }

    /** Why 'sound' is far from 'bound': the best any footprint table could do, with and without visibility. */
    private void footprintBound() {
        int max = Math.min(plan.porBoundMaxStates(), PorFootprintBound.MAX_STATES);
        out.printf(Locale.ROOT, "%nbest footprint-based reduction: exact future footprints from the whole graph instead of the declared%n"
            + "tables, stubborn sets of several actors, proviso; with --por's visibility condition, and without it (unsound for%n"
            + "the invariants: what visibility costs) (scenarios up to %s states):%n", Numbers.grouped(max));
        out.printf(Locale.ROOT, "%-22s %11s %15s %8s %18s %8s%n", "scenario", "states", "with visibility", "factor",
            "without visibility", "factor");
        for (Scenario s : plan.scenarios()) {
            PorFootprintBound.Result r = PorFootprintBound.of(new Model(s, config), plan.invariants(), max);
            if (r == null) {
                out.printf(Locale.ROOT, "%-22s %11s %15s %8s %18s %8s%n", s.name(), "> " + Numbers.grouped(max), "-", "-", "-", "-");
                continue;
            }
            out.printf(Locale.ROOT, "%-22s %11s %15s %7.2fx %18s %7.2fx%n", s.name(), Numbers.grouped(r.fullStates()),
                Numbers.grouped(r.withVisibility()), (double) r.fullStates() / r.withVisibility(),
                Numbers.grouped(r.withoutVisibility()), (double) r.fullStates() / r.withoutVisibility());
        }
    }

    /** Prints the scaling table; returns the largest scenario exhausted within the limit, this table's or {@code largest}. */
    private Row scaling(Row largest) {
        out.printf(Locale.ROOT, "%nscaling (each run limited to %s; a series stops at its first run over the limit):%n",
            Numbers.millis(plan.timeLimitMillis()));
        out.printf(Locale.ROOT, "%-8s %3s %6s %11s %12s %9s %9s %10s %11s%n", "series", "n", "actors", "states", "transitions",
            "wall 1w", plan.workers() > 1 ? "wall " + plan.workers() + "w" : "", "best st/s", "+sym states");
        for (String series : plan.series()) {
            List<ScalingSeries.Member> members = switch (series) {
                case "engines" -> ScalingSeries.engines(4);
                case "killers" -> ScalingSeries.killers(6);
                case "ptrace" -> ScalingSeries.ptrace(4);
                case "size" -> ScalingSeries.size();
                default -> throw new IllegalArgumentException("unknown series " + series);
            };
            for (ScalingSeries.Member mem : members) {
                Model model = new Model(mem.scenario(), config);
                Limits lim = new Limits(0, plan.timeLimitMillis());
                Measure one = measure("scaling", model, ScaleOptions.SEQUENTIAL.withWorkers(1), lim);
                Measure many = plan.workers() > 1 && one.result().verdict() != Verdict.INCOMPLETE
                    ? measure("scaling", model, ScaleOptions.SEQUENTIAL.withWorkers(plan.workers()), lim) : null;
                Measure sym = mem.scenario().killers() > 1 && one.result().verdict() != Verdict.INCOMPLETE
                    ? measure("scaling", model, ScaleOptions.SEQUENTIAL.withWorkers(1).withSymmetry(true), lim) : null;
                Measure fastest = many != null && many.wallMillis() < one.wallMillis() ? many : one;
                boolean over = one.result().verdict() == Verdict.INCOMPLETE;
                out.printf(Locale.ROOT, "%-8s %3d %6d %11s %12s %9s %9s %10s %11s%s%n", mem.series(), mem.n(), model.actorCount(),
                    (over ? ">" : "") + Numbers.grouped(one.result().stats().states()), Numbers.grouped(one.result().stats().transitions()),
                    over ? overLabel(one) : Numbers.millis(one.wallMillis()),
                    many == null ? "" : Numbers.millis(many.wallMillis()), Numbers.rate(fastest.statesPerSecond()),
                    sym == null ? "" : Numbers.grouped(sym.result().stats().states()),
                    one.result().verdict() == Verdict.VIOLATION ? "   (VIOLATION: " + one.result().counterexample().violation().invariant().name() + ")" : "");
                if (over) break;
                if (fastest.result().verdict() == Verdict.PASS
                    && (largest == null || fastest.result().stats().states() > largest.m.result().stats().states())) {
                    largest = new Row(mem.scenario(), fastest == one ? "1 worker" : plan.workers() + " workers", null, fastest);
                }
            }
        }
        return largest;
    }

    /** The SPIN table (--spin DIR): pan next to checker -w 1; or why it is left out. */
    private void spin() {
        if (plan.spin() == null) return;
        phase("SPIN twin from " + plan.spin().dir());
        try {
            SpinTwin twin = SpinTwin.open(plan.spin().dir(), System.getenv("PATH"));
            try {
                runs += SpinTable.print(out, progress, twin, plan.scenarios(), plan.invariantSetName(), plan.repeat(), plan.timeLimitMillis(),
                    plan.jvms());
            } finally {
                twin.delete();
            }
        } catch (IllegalStateException | java.io.IOException e) {
            out.printf(Locale.ROOT, "%nSPIN comparison not done: %s%n", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The paired runs and the worker curve, each run in a fresh JVM. */
    private void parallel(List<Row> rows) {
        Parallel p = plan.parallel();
        if (p == null || p.pairs() <= 0) return;
        Scenario s = p.scenario();
        long most = -1;
        for (Row r : rows) {
            if (s == null || p.scenario() == null) {
                if (r.m.result().verdict() == Verdict.PASS && r.m.result().stats().states() > most) {
                    most = r.m.result().stats().states();
                    s = r.scenario();
                }
            }
        }
        if (s == null) {
            out.printf(Locale.ROOT, "%npaired runs and worker curve not measured: no scenario of the main table passed%n");
            return;
        }
        phase("paired -w 1 / -w " + plan.workers() + " runs and the worker curve on " + s.name() + " (a JVM of its own per run)");
        try {
            WorkerScaling ws = new WorkerScaling(out, progress, plan.invariantSetName(), plan.timeLimitMillis());
            if (plan.workers() > 1) {
                for (JvmMode m : plan.jvms()) ws.paired(s, plan.workers(), p.pairs(), m);
            } else {
                out.printf(Locale.ROOT, "%npaired runs not measured: -w 1 leaves nothing to pair with -w 1%n");
            }
            ws.curve(s, Runtime.getRuntime().availableProcessors(), p.curveMax(), p.curveRounds());
            runs += ws.runs();
        } catch (java.io.IOException e) {
            out.printf(Locale.ROOT, "%npaired runs and worker curve not measured: %s%n", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why a scaling run stopped: the time limit, or the heap. */
    private String overLabel(Measure m) {
        String why = m.result().incompleteReason();
        return why != null && why.startsWith("out of memory") ? "out of heap" : "> " + Numbers.millis(plan.timeLimitMillis());
    }
}

package utrace.checker.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.bench.Bench;
import utrace.checker.bench.JpfColumn;
import utrace.checker.bench.JvmMode;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.jpf.JpfDriverKind;
import utrace.checker.jpf.JpfEngine;
import utrace.checker.jpf.JpfHome;
import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** `checker bench`: the speed and scale figures of the native engine. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Measure the native engine's speed and scale (tables of figures).",
        "",
        "Measures the native engine on the benchmark scenarios, those of model/scenarios/bench.list, and prints:",
        "- per scenario, 1 and N workers (with identical killers also",
        "  --symmetry): states, transitions, states/s, peak heap, wall and",
        "  CPU time, and the speed-up of N workers;",
        "- the most an ideal partial-order reduction could remove;",
        "- with --engines native,jpf: JPF's time on the same scenarios;",
        "- with --spin DIR: a SPIN twin's pan next to -w 1, states/s ratio;",
        "- paired runs of -w 1 and -w N (A B A B, a JVM each: search time,",
        "  CPU, peak RSS), their medians and the median per-pair speed-up,",
        "  next to C, N independent -w 1 searches at once: what N cores",
        "  give this search with no coordination (but N visited sets);",
        "  the worker curve 1..16 as far as there are cores (fresh JVMs);",
        "- a scaling table: engines 1..4, killers 1..6, ptrace round trips",
        "  0..4 and a size ladder up to the first scenario that does not",
        "  finish within --time-limit.",
        "Figures depend on the machine and its load (printed). Each measured run is announced on stderr (what runs, "
            + "how many so far, its rate); the last line on stdout is the summary with the exit code.",
        ""})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE",
        description = "Measure these scenarios instead of bench.list (repeatable).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = {"-i", "--invariants"}, paramLabel = "SET", defaultValue = "core",
        description = "The invariants checked in every run. Default: ${DEFAULT-VALUE}.")
    String invariants;

    @Option(names = {"-w", "--workers"}, paramLabel = "N",
        description = "The N of the 'N workers' rows, 1 to " + ScaleMixin.MAX_WORKERS + ". Default: all cores.")
    Integer workers;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
        description = "Run each row R times and keep the fastest (less noise). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
        description = "Limit of every measured run, e.g. 60s, 5m (the partial-order bound tables are capped by "
            + "state counts instead: --por-bound-max, 150,000 for the footprint bound). Default: ${DEFAULT-VALUE}.")
    long timeLimit;

    @Option(names = "--engines", paramLabel = "native|jpf", split = ",", defaultValue = "native",
        description = "native, or native,jpf to compare with Java PathFinder where it is installed (JPF_HOME or --jpf-home).")
    List<String> engines = new ArrayList<>();

    @Option(names = "--jpf-driver", paramLabel = "threads|choices", defaultValue = "choices",
        description = "How JPF runs the model for the comparison: choices (JPF picks the next actor; JPF's fastest "
            + "on this model) or threads (one thread per actor). Default: ${DEFAULT-VALUE}.")
    String jpfDriver;

    @Option(names = "--jpf-home", paramLabel = "DIR", description = "The jpf-core directory (overrides JPF_HOME).")
    String jpfHome;

    @Option(names = "--jpf-time-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "300s",
        description = "Limit of every JPF run. Default: ${DEFAULT-VALUE}.")
    long jpfTimeLimit;

    @Option(names = "--series", paramLabel = "SERIES", split = ",", defaultValue = "engines,killers,ptrace,size",
        description = "Scaling series to run: engines, killers, ptrace, size. Default: all four.")
    List<String> series = new ArrayList<>();

    @Option(names = "--no-scaling", description = "Skip the scaling table.")
    boolean noScaling;

    @Option(names = "--por-bound-max", paramLabel = "N", defaultValue = "300000",
        description = "Compute the partial-order bound only for scenarios of at most N states (it holds the whole graph). "
            + "Default: ${DEFAULT-VALUE}.")
    int porBoundMax;

    @Option(names = "--por-rows", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Also measure each scenario with partial-order reduction (default: on; --no-por-rows leaves those "
            + "rows out). Not --por: elsewhere --por switches the reduction on for the one search that runs.")
    boolean por;

    @Option(names = "--pairs", paramLabel = "P", defaultValue = "5",
        description = "Paired runs: -w 1 and -w N alternating (A B A B), a JVM each (--jvm), a first pair not "
            + "counted, then P pairs; medians and the median of the per-pair ratios. With N cores each round also runs C, N "
            + "independent -w 1 searches at once (nothing shared, but N visited sets where B has one): the reference B is "
            + "measured against. Then the worker curve. "
            + "0 leaves both out. "
            + "Default: ${DEFAULT-VALUE}.")
    int pairs;

    @Option(names = "--pair-scenario", paramLabel = "NAME|FILE",
        description = "The scenario of the paired runs and the worker curve. Default: the largest scenario of the "
            + "main table that passed (bench-large).")
    String pairScenario;

    @Option(names = "--curve-max", paramLabel = "N", defaultValue = "16",
        description = "The worker curve goes from 1 to N workers, as far as the machine has cores. Default: "
            + "${DEFAULT-VALUE}.")
    int curveMax;

    @Option(names = "--curve-rounds", paramLabel = "R", defaultValue = "3",
        description = "Rounds of the worker curve (each runs every worker count once; medians). Default: "
            + "${DEFAULT-VALUE}.")
    int curveRounds;

    @Option(names = "--spin", paramLabel = "DIR",
        description = "Also run a SPIN twin of the model (its Promela file and scenarios in DIR, kept outside this repository; "
            + "default: $CHECKER_SPIN_TWIN) next to -w 1: built with spin and gcc in a temporary directory, its pan "
            + "and the checker alternate (--repeat pairs) on the scenarios it knows; states/s of both and their "
            + "ratio. Left out, with the reason, when spin or a C compiler is missing.")
    java.nio.file.Path spinDir;

    @Option(names = "--jvm", paramLabel = "MODE", defaultValue = "both",
        description = "How the SPIN table's and the paired runs' JVMs run the search: 'fresh' (once, timed, as verify: "
            + "the time includes the JIT compiling the search's code as it runs, about a second on bench-large), 'warm' "
            + "(the same search untimed first, until a run spends under 2%% of its time in the JIT, at most 5 runs: the steady "
            + "state, per-state speed as JMH measures it) or 'both' "
            + "(a row or table of each). Default: ${DEFAULT-VALUE}.")
    String jvm;

    @Option(names = {"-q", "--quiet"}, description = ReportOptions.QUIET_HELP)
    boolean quiet;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        if (repeat < 1) throw new UsageException("--repeat must be at least 1, not " + repeat);
        if (porBoundMax < 0) throw new UsageException("--por-bound-max must be 0 or more, not " + porBoundMax);
        int n = workers == null ? Math.min(ScaleOptions.allCores(), ScaleMixin.MAX_WORKERS) : workers;
        ScaleMixin.checkWorkers(n);
        if (!engines.contains("jpf") && Options.given(spec, "--jpf-home", "--jpf-driver", "--jpf-time-limit")) {
            throw new UsageException("--jpf-home, --jpf-driver and --jpf-time-limit apply to --engines native,jpf only");
        }
        for (String e : engines) {
            if (!e.equals("native") && !e.equals("jpf")) throw new UsageException("--engines takes native and jpf, not '" + e + "'");
        }
        for (String s : series) {
            if (!List.of("engines", "killers", "ptrace", "size").contains(s)) {
                throw new UsageException("--series takes engines, killers, ptrace and size, not '" + s + "'");
            }
        }
        InvariantSet set;
        try {
            set = InvariantSet.resolve(invariants);
        } catch (InvariantSetException e) {
            throw new UsageException(e.getMessage());
        }
        List<JvmMode> jvms = switch (jvm) {
            case "fresh" -> List.of(JvmMode.FRESH);
            case "warm" -> List.of(JvmMode.WARM);
            case "both" -> List.of(JvmMode.FRESH, JvmMode.WARM);
            default -> throw new UsageException("--jvm takes fresh, warm or both, not '" + jvm + "'");
        };
        if (pairs < 0) throw new UsageException("--pairs must be 0 or more, not " + pairs);
        if (curveMax < 1) throw new UsageException("--curve-max must be at least 1, not " + curveMax);
        if (curveRounds < 1) throw new UsageException("--curve-rounds must be at least 1, not " + curveRounds);
        Bench.Parallel parallel = new Bench.Parallel(pairs, pairScenario == null ? null : ScenarioArgs.loadOne(pairScenario),
            curveMax, curveRounds);
        JpfColumn jpf = engines.contains("jpf") ? jpf(out) : null;
        Bench.Plan plan = new Bench.Plan(loadScenarios(), set.invariants(), set.name(), n, repeat, timeLimit, !noScaling,
            series, porBoundMax, jpf, por, parallel, spin(), jvms);
        long start = System.nanoTime();
        Bench bench = new Bench(plan, out, quiet ? null : err);
        int code = bench.run();
        out.printf(Locale.ROOT, "%nbench: %d measured run(s) in %.1f s; exit code %d%n", bench.runs(),
            (System.nanoTime() - start) / 1e9, code);
        out.flush();
        return code;
    }

    /** --spin DIR, else CHECKER_SPIN_TWIN, else none. */
    private Bench.Spin spin() {
        if (spinDir != null) return new Bench.Spin(spinDir, "--spin");
        String env = System.getenv("CHECKER_SPIN_TWIN");
        return env == null || env.isBlank() ? null : new Bench.Spin(java.nio.file.Path.of(env), "CHECKER_SPIN_TWIN");
    }

    /** The JPF column, or null with a note saying why it is left out. */
    private JpfColumn jpf(PrintStream out) {
        try {
            JpfHome home = JpfHome.resolve(jpfHome, System.getenv());
            String jdk = JpfEngine.jdkProblem();
            if (jdk != null) {
                out.printf(Locale.ROOT, "JPF comparison not done: %s%n", jdk);
                return null;
            }
            JpfDriverKind driver = JpfDriverKind.byId(jpfDriver);
            if (driver == null) throw new UsageException("--jpf-driver must be threads or choices, not '" + jpfDriver + "'");
            return new JpfColumn(new JpfEngine(home, driver), home.dir().toString(), jpfTimeLimit);
        } catch (JpfHome.JpfNotFoundException e) {
            out.printf(Locale.ROOT, "JPF comparison not done: %s%n", e.getMessage());
            return null;
        }
    }

    private List<Scenario> loadScenarios() {
        return ScenarioArgs.load(scenarios.isEmpty() ? Scenarios.benchNames() : scenarios);
    }
}

package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.explore.Limits;
import utrace.checker.fuzz.FuzzMode;
import utrace.checker.fuzz.FuzzReport;
import utrace.checker.fuzz.FuzzResult;
import utrace.checker.fuzz.Fuzzer;
import utrace.checker.report.Numbers;
import utrace.checker.report.RunReport;
import utrace.invariants.InvariantSet;
import utrace.model.ModelConfig;

/** `checker fuzz`: generated scenarios under every invariant, violations sorted into known findings and new ones. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
    description = {
        "Generate small scenarios, search each under the invariants, and report what is new.",
        "",
        "Each scenario is drawn from the seed (random mode: engines, callbacks, owner calls, tracee steps, "
            + "signals and tracers at random; mutate mode: a shipped scenario with one thing changed), parsed as "
            + "a scenario file is, and searched as `verify --continue` does: after a violation, again without "
            + "that invariant, so that every invariant it breaks is found. Every violation is classified:",
        "  finding N  a finding of docs/findings.md: its invariant, and its mechanism",
        "             seen in the trace (not the message alone)",
        "  scenario   an ordering guard that never holds (the scenario's problem)",
        "  NEW        anything else: its shortest example is shrunk and written to",
        "             --out as a candidate (scenario, trace JSON and text, a line in",
        "             summary.txt). Read it: a kernel finding, a model fidelity",
        "             problem or an over-strict invariant.",
        "",
        "The same seed and options give the same scenarios, table and files, byte for byte; scenario i is "
            + "the same whatever --count is. Progress goes to stderr.",
        "",
        "Examples:",
        "  checker fuzz --seed 1 --count 2000",
        "      both modes, every invariant",
        "  checker fuzz --seed 7 --count 500 --mode mutate",
        "      shipped scenarios, each changed once",
        "  checker fuzz --seed 1 --count 12 -m reap-not-deferred",
        "      self-test: a seeded bug must come out as a new candidate",
        ""})
final class FuzzCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "The seed every scenario is drawn from (any 64-bit integer). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "200",
        description = "How many scenarios to generate and search. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--mode", paramLabel = "random|mutate|both", defaultValue = "both",
        description = "random: scenarios drawn whole; mutate: a shipped scenario (every list but the benchmark's) with "
            + "one change, its stated results dropped; both: the two in turn. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "traces/out/fuzz",
        description = "Where candidates and summary.txt go (files of earlier runs are left alone; summary.txt lists "
            + "this run's). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = {"-i", "--invariants"}, paramLabel = "SET", defaultValue = "all",
        description = "The invariants each scenario is searched under: a shipped set (core, ptrace, ptrace-tests, all), "
            + "a set file or names separated by commas. Default: ${DEFAULT-VALUE}.")
    String invariants;

    @Option(names = {"-m", "--mutation"}, paramLabel = "NAME",
        description = "Switch on a seeded deviation from the series (repeatable; `checker list mutations`): what it "
            + "breaks must come out as new.")
    List<String> mutations = new ArrayList<>();

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "200000", converter = StateCountConverter.class,
        description = "Cut each search at N states (0: no limit). A cut search is listed and makes the exit code 3. "
            + "Default: 200,000 (a generated scenario rarely needs more; a few do, and are listed).")
    long maxStates;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Cut each search after this long, e.g. 10s. Default: none. With it the output depends on the "
            + "machine's speed: runs are reproducible with --max-states only.")
    Long timeLimit;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "text (default): the class table for people. json: one JSON document on stdout "
            + "(schemas/fuzz.schema.json); progress stays on stderr.")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Override public Integer call() throws IOException {
        PrintStream stdout = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + UsageException.shown(format) + "'");
        }
        FuzzMode m = FuzzMode.byId(mode);
        if (m == null) throw new UsageException("--mode must be random, mutate or both, not '" + UsageException.shown(mode) + "'");
        if (count < 1) throw new UsageException("--count must be at least 1, not " + count);
        OutputPaths.checkDir(out, "--out");
        InvariantSet set = ScenarioArgs.invariants(invariants);
        ModelConfig config = PatchOptions.config("all", mutations);
        Fuzzer.Options o = new Fuzzer.Options(seed, count, m, set, config, new Limits(maxStates, timeLimit == null ? 0 : timeLimit));
        boolean text = format.equals("text");
        if (text) FuzzReport.header(stdout, o);
        long t0 = System.nanoTime();
        Fuzzer.Progress progress = progress(err, t0, count, quiet, soFar -> Interrupts.active((reason, verdict, code) -> {
            // a signal: what was found so far, as the other commands report their finished rows
            if (text) FuzzReport.interrupted(stdout, soFar.get(), reason, code);
            else stdout.println(RunReport.render(FuzzReport.json(soFar.get(), verdict, code, reason)));
            stdout.flush();
        }));
        FuzzResult r;
        try {
            r = Fuzzer.run(o, out, progress);
        } catch (IOException | java.io.UncheckedIOException e) {
            Interrupts.clear();
            err.println("checker: cannot write the candidates under " + out + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        Interrupts.clear();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!quiet) {
            err.printf(Locale.ROOT, "[fuzz] %s of %s scenarios in %.1f s (%.1f a second)%n", Numbers.grouped(count),
                Numbers.grouped(count), secs, count / secs);
        }
        int code = r.exitCode();
        if (text) FuzzReport.text(stdout, r);
        else stdout.println(RunReport.render(FuzzReport.json(r, ReportOptions.verdictWord(code))));
        stdout.flush();
        return code;
    }

    /**
     * A line on stderr every two seconds (unless quiet): how far, how fast, how many new classes so far; and
     * {@code started} gets the run's report-so-far when the run begins.
     */
    private static Fuzzer.Progress progress(PrintStream err, long t0, int count, boolean quiet,
                                            java.util.function.Consumer<java.util.function.Supplier<FuzzResult>> started) {
        return new Fuzzer.Progress() {
            long next = t0 + 2_000_000_000L;

            @Override public void started(java.util.function.Supplier<FuzzResult> soFar) {
                started.accept(soFar);
            }

            @Override public void done(int scenarios, int newClasses) {
                if (quiet) return;
                long now = System.nanoTime();
                if (now < next) return;
                next = now + 2_000_000_000L;
                double secs = (now - t0) / 1e9;
                err.printf(Locale.ROOT, "[fuzz] %s of %s scenarios, %.1f a second, %.0f s so far, %d new class(es)%n",
                    Numbers.grouped(scenarios), Numbers.grouped(count), scenarios / secs, secs, newClasses);
            }

            @Override public void note(String what) {
                if (!quiet) err.println("[fuzz] " + what);
            }
        };
    }
}

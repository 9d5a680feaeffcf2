package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.checker.jpf.JpfDriverKind;
import utrace.checker.report.HtmlReport;
import utrace.checker.report.JsonReport;
import utrace.checker.report.RunReport;
import utrace.checker.report.ScenarioRows;
import utrace.checker.report.TextReport;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.ScenarioChecks;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;
import utrace.traces.TextRenderer;

/** `checker verify`: explore scenarios exhaustively against an invariant set. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Explore every interleaving of each scenario and check the invariants in every state.",
        "",
        "Verdicts: PASS (exhaustive, nothing violated), VIOLATION (a shortest counterexample is written as JSON and "
            + "text under --trace-dir and can be replayed), INCOMPLETE (a limit stopped the search: nothing is proven).",
        "",
        "The default breadth-first search gives a shortest trace. --search dfs explores depth-first, then shortens its "
            + "(long) trace, dropping and moving steps while it still violates the same invariant. The output says "
            + "which: 'shortest (breadth-first)', 'shortened from N to M steps (depth-first + minimization)' or, with "
            + "--no-minimize, 'raw depth-first trace'.",
        "",
        "livelock-freedom (in every shipped set) is judged on cycles, not states: once the rest passes, a second, "
            + "depth-first search looks for a loop of steps that never returns to user mode. Its cost is the last line "
            + "of the output; its counterexample is a lasso ('a shortest path of N steps to a cycle, then the cycle's M "
            + "steps'). It runs after exact searches only (not after --bitstate or --hash-compact, which never pass); "
            + "leave livelock-freedom out of -i to skip it.",
        ""})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--invariants"}, paramLabel = "SET",
        description = "A shipped set name (core, ptrace, ptrace-tests, all), a set file, or invariant names separated by "
            + "commas. Default: ${DEFAULT-VALUE}, plus every invariant a scenario of the run names on its 'checks' line "
            + "(with --mutation: core plus the invariant each mutation breaks).",
        defaultValue = "core")
    String invariants;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE",
        description = "A shipped scenario name or a scenario file (repeatable). Default: every scenario of "
            + "model/scenarios/default.list.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = {"-m", "--mutation"}, paramLabel = "NAME",
        description = "Switch on a seeded deviation from the series (repeatable); see `checker list mutations`.")
    List<String> mutations = new ArrayList<>();

    @Option(names = {"-p", "--patches"}, paramLabel = "SELECTION", defaultValue = "all",
        description = PatchOptions.HELP)
    String patches;

    @Option(names = "--memory-model", paramLabel = "sc|weak", defaultValue = "sc", description = MemoryOptions.MODEL_HELP)
    String memoryModel;

    @Option(names = "--without-barrier", paramLabel = "ID", split = ",", description = MemoryOptions.WITHOUT_HELP)
    List<String> withoutBarriers = new ArrayList<>();

    @Option(names = "--max-states", paramLabel = "N", converter = StateCountConverter.class,
        description = "Stop when a state past the first N distinct ones is found, with verdict INCOMPLETE and the "
            + "counts at that point (the same for any --workers). 0 = no limit (the default).",
        defaultValue = "0")
    long maxStates;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Stop each scenario after this long with verdict INCOMPLETE, e.g. 30s, 5m. Default: no time "
            + "limit (leave the option out; 0s is refused).")
    Long timeLimit;

    @Option(names = "--trace-dir", paramLabel = "DIR", description = "Where counterexample traces go. Default: ${DEFAULT-VALUE}.",
        defaultValue = "traces/out")
    Path traceDir;

    @CommandLine.Mixin
    ReportOptions report;

    @Option(names = "--search", paramLabel = "bfs|dfs", defaultValue = "bfs",
        description = "Search order. bfs (default): breadth-first, the trace is a shortest one. dfs: depth-first, keeps "
            + "only the current path (less memory on deep scenarios); its trace is shortened afterwards.")
    String search;

    @Option(names = "--no-minimize",
        description = "With --search dfs: keep the raw depth-first trace instead of shortening it.")
    boolean noMinimize;

    @Option(names = "--full",
        description = "Text traces (.txt) show every step and what it changed. Default: the brief view (calls, "
            + "callbacks, signals, stops and wake-ups; runs of internal steps folded into one line).")
    boolean full;

    @Option(names = "--full-state",
        description = "Text traces (.txt) show every step and the whole state after it (implies --full).")
    boolean fullState;

    @Option(names = "--continue",
        description = "Keep going after a violation: search the scenario again without each invariant found "
            + "violated, until it passes, so that every violated invariant gets its own trace (each a shortest one "
            + "for that invariant under breadth-first search). One result per search.")
    boolean keepGoing;

    @Option(names = "--report", paramLabel = "DIR",
        description = "Also write an HTML report: DIR/index.html (the verdict table) linking one self-contained page "
            + "per trace (what each actor did, message sequence chart, state at each step).")
    Path htmlReport;

    @CommandLine.Mixin
    ScaleMixin scale;

    @CommandLine.Mixin
    SwarmOptions swarm;

    @Option(names = "--engine", paramLabel = "native|jpf", defaultValue = "native",
        description = "native (default): the checker's own search. jpf: Java PathFinder explores the same model (see "
            + "--jpf-driver) as an independent second opinion (needs a jpf-core java-17 build: JPF_HOME or --jpf-home; "
            + "see docs/jpf.md). `checker crosscheck` runs both and compares.")
    String engine;

    @Option(names = "--jpf-home", paramLabel = "DIR", description = "With --engine jpf: the jpf-core directory (overrides JPF_HOME).")
    String jpfHome;

    @Option(names = "--jpf-driver", paramLabel = "auto|threads|choices", defaultValue = "auto",
        description = "With --engine jpf: threads: one Java thread per actor, JPF schedules the threads (its states "
            + "are program states, 6 to 100 times the model's). choices: one thread, JPF chooses the next actor at "
            + "every state (its states stay near the model's). auto (default): threads for scenarios of at most 700 "
            + "native states, choices for larger ones and for the weak memory model.")
    String jpfDriver;

    @Override public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        SearchMode mode = SearchMode.byId(search);
        if (mode == null) throw new UsageException("--search must be bfs or dfs, not '" + UsageException.shown(search) + "'");
        if (noMinimize && mode != SearchMode.DFS) {
            throw new UsageException("--no-minimize applies to --search dfs (breadth-first traces are already shortest)");
        }
        boolean jpf = engine.equals("jpf");
        if (!jpf && Options.given(spec, "--jpf-home", "--jpf-driver")) {
            throw new UsageException("--jpf-home and --jpf-driver apply to --engine jpf only");
        }
        utrace.checker.explore.SwarmMember member = swarmMember(jpf);
        if (member != null) mode = SearchMode.DFS; // a swarm member searches depth-first (its traces are shortened)
        RunOptions opts = new RunOptions(mode, !noMinimize,
            fullState ? TextRenderer.Detail.FULL_STATE : full ? TextRenderer.Detail.FULL : TextRenderer.Detail.BRIEF, keepGoing);
        ScaleOptions scaleOpts = jpf || member != null ? ScaleOptions.SEQUENTIAL : scale.options(mode);
        // Members sharing a directory (N local processes, one NFS share) must not overwrite each other's traces:
        // member K writes under TRACE_DIR/swarm-K.
        if (member != null) traceDir = traceDir.resolve("swarm-" + member.k());
        OutputPaths.checkDir(traceDir, "--trace-dir");
        if (htmlReport != null) OutputPaths.checkDir(htmlReport, "--report");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        OutputPaths.checkApart("--junit", report.junit(), "--report", htmlReport);
        List<Scenario> runScenarios = loadScenarios(err);
        VerifyRequest req = new VerifyRequest(runScenarios, loadInvariants(runScenarios), config(),
            new Limits(maxStates, timeLimit == null ? 0 : timeLimit), traceDir);
        if (jpf) {
            // JPF has its own search: the native engine's search and scale options do not apply.
            if (keepGoing) {
                throw new UsageException("--continue works with the native engine only: JPF stops at the first "
                    + "violation it finds (run `checker verify --continue` without --engine jpf)");
            }
            if (mode != SearchMode.BFS || full || fullState || htmlReport != null
                || Options.given(spec, "--workers", "--symmetry", "--no-symmetry", "--bitstate", "--por", "--no-por")) {
                throw new UsageException("--engine jpf takes none of --search, --no-minimize, --full, --full-state, "
                    + "--report, --workers, --symmetry, --bitstate, --por (they are native-engine options)");
            }
            JpfDriverKind driver = JpfDriverKind.byId(jpfDriver); // null: auto
            if (driver == null && !jpfDriver.equals("auto")) {
                throw new UsageException("--jpf-driver must be auto, threads or choices, not '" + UsageException.shown(jpfDriver) + "'");
            }
            // The weak model's memory actors would be one more thread each: JPF does not finish those in useful time.
            if (req.config().weak() && driver == JpfDriverKind.THREADS) {
                throw new UsageException("--memory-model weak under --engine jpf needs --jpf-driver choices "
                    + "(with one thread per memory actor JPF's states explode)");
            }
            return JpfVerify.run(req, jpfHome, driver, report, out, err);
        }
        if (engine.replace(" ", "").matches("native,jpf|jpf,native")) {
            throw new UsageException("to run both engines and compare them use `checker crosscheck` "
                + "(e.g. checker crosscheck --scenario stop-then-kill --no-gate)");
        }
        if (!engine.equals("native")) throw new UsageException("--engine must be native or jpf, not '" + UsageException.shown(engine) + "'");
        boolean text = report.text();
        // Every native explorer (classic, level by level, depth-first) fingerprints with the same seed.
        long seed = utrace.checker.explore.FastFingerprint.SEED;
        RunReport rep = JsonReport.report(req, opts, seed);
        if (member != null) swarmHeader(rep, member);
        List<String> pending = new ArrayList<>();
        for (Scenario s : req.scenarios()) pending.add(s.name());
        report.armInterrupts(rep, out, "scenario(s)", () -> String.join(", ", pending));
        if (text && member != null) {
            out.printf(Locale.ROOT, "swarm member %d/%d%s, swarm seed %d, member seed %s, %s, bitstate %d MB%n",
                member.k(), member.n(), swarm.source().equals("--swarm") ? "" : " (from " + swarm.source() + ")",
                member.swarmSeed(), utrace.model.State.hex(member.seed()),
                member.depthBound() == 0 ? "no depth bound" : "depth bound " + member.depthBound(), member.bitstateBits() >> 23);
        }
        if (text) TextReport.header(out, req, opts, scaleOpts);
        int nameWidth = TextReport.nameWidth(req);
        VerifyRun.Search engine = member == null
            ? (m, inv, lim, p) -> scaleOpts.explore(opts.search(), m, inv, lim, p)
            : (m, inv, lim, p) -> new utrace.checker.explore.SwarmExplorer(lim, p, member).explore(m, inv);
        List<ScenarioResult> results = VerifyRun.run(req, new VerifyRun.Listener() {
            @Override public void starting(Scenario s) { }

            @Override public ProgressListener progressFor(Scenario s) {
                if (report.quiet()) return ProgressListener.NONE;
                return (states, transitions, depth, queued, ms) -> err.printf(Locale.ROOT,
                    "[%s] %,d states, %,d transitions, depth %d, %,d queued, %.1f s%n",
                    s.name(), states, transitions, depth, queued, ms / 1000.0);
            }

            @Override public void finished(ScenarioResult r) {
                rep.add(ScenarioRows.row(r));
                pending.remove(r.scenario().name());
                if (r.writeError() != null) rep.outputError(r.writeError());
                if (text) TextReport.row(out, r, nameWidth);
            }
        }, opts, scaleOpts, engine);
        if (htmlReport != null) {
            try {
                Path index = HtmlReport.write(htmlReport, req, results, opts);
                if (text) out.printf("report: %s%n", index);
            } catch (java.io.UncheckedIOException e) {
                rep.outputError(e.getMessage());
                err.println("checker: " + e.getMessage());
            }
        }
        Interrupts.clear();
        report.writeJunit(rep, err);
        int code = ReportOptions.withOutputErrors(rep, VerifyRun.exitCode(results));
        if (text) {
            TextReport.summary(out, results, code);
            auditTip(out, code);
        } else {
            out.println(RunReport.render(rep.json(ReportOptions.verdictWord(code), code, null)));
        }
        out.flush();
        return code;
    }

    /**
     * A scenario file of the user's own that passed: the PASS says only that no interleaving broke an invariant.
     * Whether some invariant could have failed there, and whether every result the file states is checked on
     * some path, is `checker audit`'s question; say so once.
     */
    private void auditTip(PrintStream out, int code) {
        if (code != ExitCode.OK || report.quiet()) return;
        List<String> files = new ArrayList<>();
        for (String s : scenarios) if (!Scenarios.isShipped(s)) files.add(s);
        if (files.isEmpty()) return;
        StringBuilder b = new StringBuilder("what a PASS covers: bin/checker audit");
        for (String f : files) b.append(" -s ").append(f);
        out.println(b.append(" (which invariants could fail there, and stated results no path checks)"));
    }

    /** The swarm member this job runs (null without --swarm); a UsageException if the options do not fit. */
    private utrace.checker.explore.SwarmMember swarmMember(boolean jpf) {
        if (!swarm.on()) {
            if (Options.given(spec, "--swarm-seed", "--swarm-depth")) {
                throw new UsageException("--swarm-seed and --swarm-depth apply to --swarm only");
            }
            return null;
        }
        if (jpf) throw new UsageException("--swarm runs the native engine: it takes no --engine jpf");
        if (Options.given(spec, "--workers", "--symmetry", "--no-symmetry", "--por", "--no-por", "--search")) {
            throw new UsageException("--swarm runs one depth-first bitstate search per member: it takes none of --workers, "
                + "--symmetry, --por, --search (--bitstate MB sets the member's table)");
        }
        return swarm.member(scale.swarmBitstateBits(), System.getenv());
    }

    /** What `checker merge` checks (members, seed) and what each member did differently. */
    private void swarmHeader(RunReport rep, utrace.checker.explore.SwarmMember m) {
        com.fasterxml.jackson.databind.node.ObjectNode j = rep.header().putObject("swarm");
        j.put("member", m.k());
        j.put("members", m.n());
        j.put("from", swarm.source());
        j.put("seed", m.swarmSeed());
        j.put("member_seed", utrace.model.State.hex(m.seed()));
        j.put("depth_base", m.depthBase());
        j.put("depth_bound", m.depthBound());
        j.put("bitstate_mb", m.bitstateBits() >> 23);
        rep.property("swarm", m.k() + "/" + m.n() + " seed " + m.swarmSeed());
    }

    private List<Scenario> loadScenarios(PrintStream err) {
        return ScenarioArgs.loadForRun(scenarios.isEmpty() ? Scenarios.shippedNames() : scenarios, report.quiet() ? null : err);
    }

    /**
     * The -i set. Without -i: the core set plus every invariant a scenario of the run names on its 'checks'
     * line (so that `make verify` checks step-detach for what it is about); with --mutation instead core plus
     * the invariant each mutation breaks (six of them break invariants outside core), so that `verify
     * --mutation NAME -s SCENARIO` catches it as listed.
     */
    private InvariantSet loadInvariants(List<Scenario> runScenarios) {
        InvariantSet set = ScenarioArgs.invariants(invariants);
        try {
            ScenarioChecks.validate(runScenarios);
            if (Options.given(spec, "-i", "--invariants")) return set;
            // A mutation run is a self-test that the mutation is caught as `list mutations` says: its set stays
            // core plus what the mutation breaks, so the first invariant reported is the listed one.
            if (mutations.isEmpty()) set = ScenarioChecks.plus(set, runScenarios);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        for (String m : mutations) {
            utrace.model.Mutation mu = utrace.model.Mutation.byId(m);
            if (mu != null) set = set.plus(mu.breaks);
        }
        return set;
    }

    private ModelConfig config() {
        return MemoryOptions.apply(PatchOptions.config(patches, mutations), memoryModel, withoutBarriers);
    }
}

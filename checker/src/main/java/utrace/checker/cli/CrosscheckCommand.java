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
import utrace.checker.explore.ProgressListener;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.checker.jpf.Crosscheck;
import utrace.checker.jpf.CrosscheckTable;
import utrace.checker.jpf.JpfDriverKind;
import utrace.checker.jpf.JpfEngine;
import utrace.checker.jpf.JpfHome;
import utrace.checker.jpf.JpfRow;
import utrace.checker.jpf.JpfRun;
import utrace.checker.report.RunReport;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.ScenarioChecks;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** `checker crosscheck`: the native engine and Java PathFinder on the same rows; their verdicts must agree. */
@Command(name = "crosscheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Run the native engine and JPF on the same rows and compare verdicts.",
        "",
        "Runs the native engine and Java PathFinder (JPF) on the same model and compares their verdicts. The two "
            + "searches are independent (breadth-first over state fingerprints vs. JPF's depth-first search over "
            + "program states with its own state matching): they must agree, and a disagreement means one of them "
            + "has a bug.",
        "",
        "Rows: every default scenario on the full series, every fidelity scenario (every invariant, rows marked "
            + "[fidelity]) and every ptrace-tests scenario (the set 'ptrace-tests', rows marked [ptrace-tests]): both "
            + "must say PASS. Every mutation on the scenario that shows it, every row of the gate's bug matrix, "
            + "weak-memory rows included, and every finding (rows marked [finding]): both must say VIOLATION, of the "
            + "invariant the mutation, row or finding names. A row where both engines agree on another verdict is "
            + "UNEXPECTED and fails the run like a disagreement.",
        "",
        "JPF runs each row with one of two drivers (column 'driver', see --jpf-driver): 'threads', one Java thread "
            + "per actor, on rows of at most --jpf-max-states native states; 'choices', JPF choosing the next actor at "
            + "every state, on the larger and the weak-memory rows. Each JPF violation is confirmed on the native model "
            + "and written as a trace (SCENARIO[+MUTATION].INVARIANT.jpf.json) for `checker replay`.",
        "",
        "Needs a jpf-core java-17 build, run on JDK 17: JPF_HOME or --jpf-home (see docs/jpf.md); without one, "
            + "exit 2.",
        ""})
final class CrosscheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--invariants"}, paramLabel = "SET", defaultValue = "core",
        description = "Invariant set of the default rows (a mutation or gate row checks only the invariant it names). "
            + "Default: ${DEFAULT-VALUE}.")
    String invariants;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME",
        description = "Only the rows of these shipped scenarios (repeatable). Default: all rows.")
    List<String> only = new ArrayList<>();

    @Option(names = "--no-mutations", description = "Leave out the mutation rows.")
    boolean noMutations;

    @Option(names = "--no-gate", description = "Leave out the gate's bug-matrix rows.")
    boolean noGate;

    @Option(names = "--no-findings", description = "Leave out the findings' rows (model/scenarios/findings.list: what "
        + "the checker reports of the seed itself, each checked for the invariant the native search finds broken).")
    boolean noFindings;

    @Option(names = "--no-fidelity", description = "Leave out the fidelity rows (model/scenarios/fidelity.list: the "
        + "edges of documented exceptions, each checked with every invariant; both engines must say PASS).")
    boolean noFidelity;

    @Option(names = "--no-ptrace-tests", description = "Leave out the ptrace-tests rows (model/scenarios/ptrace-tests.list: "
        + "the kernel's ptrace regression tests as scenarios, each checked with the invariant set 'ptrace-tests' as "
        + "`make ptrace-tests` does; both engines must say PASS).")
    boolean noPtraceTests;

    @Option(names = "--jpf-max-states", paramLabel = "N", defaultValue = "700",
        description = "Use the thread driver only on rows whose native search has at most N states (0: every row); "
            + "larger rows get the choice driver (or, with --jpf-driver threads, are skipped). Under the thread driver "
            + "JPF matches program states, 6 to 100 times the model's: stop-then-kill (about 800 native states) takes it about "
            + "73,000 states and 14 min, the choice driver 888 states and about 15 s. Default: ${DEFAULT-VALUE}.")
    long jpfMaxStates;

    @Option(names = "--weak",
        description = "With --jpf-driver threads, also run the gate's weak-memory rows (skipped otherwise: the weak "
            + "model adds memory actors, one thread each, and one such row ran over 8 minutes). auto and choices run "
            + "them with the choice driver anyway.")
    boolean weak;

    @Option(names = "--jpf-driver", paramLabel = "auto|threads|choices", defaultValue = "auto",
        description = "How JPF runs the model. threads: one Java thread per actor (rows over --jpf-max-states are skipped). "
            + "choices: one thread, JPF chooses the next actor at every state (every row). auto: threads up to "
            + "--jpf-max-states native states, choices above. Default: ${DEFAULT-VALUE}.")
    String jpfDriver;

    @Option(names = "--jpf-home", paramLabel = "DIR", description = "The jpf-core directory (overrides JPF_HOME).")
    String jpfHome;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Per row and engine: stop after this long; the row is then not comparable (exit 3).")
    Long timeLimit;

    @Option(names = "--trace-dir", paramLabel = "DIR", defaultValue = "traces/out",
        description = "Where both engines' counterexample traces go. Default: ${DEFAULT-VALUE}.")
    Path traceDir;

    @CommandLine.Mixin
    ReportOptions report;

    @Option(names = "--por", negatable = true, defaultValue = "false", fallbackValue = "true",
        description = "Partial-order reduction in the native searches (default: off; see verify --help).")
    boolean por;

    @Override public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        if (!jpfDriver.equals("auto") && JpfDriverKind.byId(jpfDriver) == null) {
            throw new UsageException("--jpf-driver must be auto, threads or choices, not '" + UsageException.shown(jpfDriver) + "'");
        }
        if (jpfMaxStates < 0) throw new UsageException("--jpf-max-states must be 0 (every row) or more, not " + jpfMaxStates);
        OutputPaths.checkDir(traceDir, "--trace-dir");
        OutputPaths.checkApart("--junit", report.junit(), "--trace-dir", traceDir);
        InvariantSet set = ScenarioArgs.invariants(invariants);
        List<Crosscheck.Row> rows = rows(set);
        JpfHome home = JpfVerify.home(jpfHome, err);
        if (home == null) return ExitCode.USAGE;
        Limits limits = new Limits(0, timeLimit == null ? 0 : timeLimit);
        boolean text = report.text();
        PrintStream textOut = text ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        textOut.printf(Locale.ROOT, "checker crosscheck: %d rows, invariant set '%s'; JPF at %s%n%n", rows.size(), set.name(), home.dir());
        CrosscheckTable.header(textOut);
        RunReport rep = new RunReport("crosscheck", "checker.crosscheck");
        rep.header().put("jpf_home", home.dir().toString());
        rep.header().put("jpf_driver", jpfDriver);
        rep.header().put("jpf_max_states", jpfMaxStates);
        rep.header().set("invariant_set", utrace.checker.report.JsonReport.invariantSet(set));
        rep.property("jpf_home", home.dir().toString());
        List<String> pending = new ArrayList<>();
        for (Crosscheck.Row r : rows) pending.add(r.label());
        report.armInterrupts(rep, out, "row(s)", () -> pending.size() + " row(s)");
        JpfDriverKind fixed = jpfDriver.equals("auto") ? null : JpfDriverKind.byId(jpfDriver);
        JpfEngine threads = new JpfEngine(home, JpfDriverKind.THREADS);
        JpfEngine choices = new JpfEngine(home, JpfDriverKind.CHOICES);
        JpfRun.Progress progress = report.quiet() ? JpfRun.Progress.NONE
            : s -> ms -> err.printf(Locale.ROOT, "[%s] JPF searching, %.0f s%n", s.name(), ms / 1000.0);
        List<Crosscheck.Outcome> outcomes = new ArrayList<>();
        try {
            for (Crosscheck.Row row : rows) {
                VerifyRequest req = new VerifyRequest(List.of(row.scenario()), row.invariants(), row.config(), limits, traceDir);
                ScenarioResult nat = VerifyRun.run(req, new VerifyRun.Listener() {
                    @Override public void starting(Scenario s) { }

                    @Override public ProgressListener progressFor(Scenario s) { return ProgressListener.NONE; }
                }, utrace.checker.run.RunOptions.DEFAULT, utrace.checker.explore.ScaleOptions.SEQUENTIAL.withPor(por)).get(0);
                Crosscheck.Outcome o;
                if (row.config().weak() && fixed == JpfDriverKind.THREADS && !weak) {
                    o = new Crosscheck.Outcome(row, nat, null, "weak memory model under --jpf-driver threads (add --weak to run it)");
                } else if (fixed == JpfDriverKind.THREADS && jpfMaxStates > 0 && nat.result().stats().states() > jpfMaxStates) {
                    o = new Crosscheck.Outcome(row, nat, null, String.format(Locale.ROOT,
                        "the native search has %,d states, more than --jpf-max-states %,d", nat.result().stats().states(), jpfMaxStates));
                } else {
                    boolean small = jpfMaxStates <= 0 || nat.result().stats().states() <= jpfMaxStates;
                    // auto: the thread driver where JPF can afford its program states, the choice driver elsewhere
                    // (large rows, and weak-memory rows whose memory actors would each be one more thread).
                    JpfEngine engine = fixed == JpfDriverKind.CHOICES || fixed == null && (!small || row.config().weak()) ? choices : threads;
                    JpfRow jpf = JpfRun.runOne(engine, req, row.scenario(), progress);
                    o = new Crosscheck.Outcome(row, nat, jpf, null);
                }
                outcomes.add(o);
                pending.remove(row.label());
                rep.add(CrosscheckRows.row(o));
                CrosscheckTable.row(textOut, o);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while JPF was running");
        }
        int code = report.finish(rep, Crosscheck.exitCode(outcomes), out, err);
        CrosscheckTable.summary(textOut, outcomes, code);
        textOut.flush();
        return code;
    }

    private List<Crosscheck.Row> rows(InvariantSet set) throws IOException {
        List<Crosscheck.Row> rows = new ArrayList<>();
        for (String n : Scenarios.shippedNames()) {
            if (!wanted(n)) continue;
            Scenario s = load(n);
            // As verify: without -i a default row checks core plus the invariants its scenario's 'checks' line names.
            rows.add(Crosscheck.defaultRow(s, Options.given(spec, "-i", "--invariants") ? set : ScenarioChecks.plus(set, List.of(s))));
        }
        if (!noMutations) {
            for (Mutation m : Mutation.values()) {
                if (wanted(m.scenario)) rows.add(Crosscheck.mutationRow(m, load(m.scenario), set));
            }
        }
        if (!noGate) {
            for (MatrixRow r : BugMatrix.load()) {
                if (r.broken().startsWith("mutation:") || !wanted(r.scenario())) continue; // mutation rows are above
                rows.add(Crosscheck.gateRow(r.id(), load(r.scenario()), BugMatrix.config(r), r.invariant(), set));
            }
        }
        if (!noFindings) {
            for (String n : Scenarios.findingNames()) {
                if (wanted(n)) rows.add(Crosscheck.findingRow(load(n)));
            }
        }
        if (!noFidelity) {
            for (String n : Scenarios.fidelityNames()) {
                if (wanted(n)) rows.add(Crosscheck.fidelityRow(load(n)));
            }
        }
        if (!noPtraceTests) {
            for (String n : Scenarios.ptraceTestNames()) {
                if (wanted(n)) rows.add(Crosscheck.ptraceTestsRow(load(n)));
            }
        }
        if (rows.isEmpty()) throw new UsageException("no row matches --scenario " + UsageException.shown(String.join(", ", only)));
        return rows;
    }

    private boolean wanted(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    private static Scenario load(String name) throws IOException {
        try {
            return Scenarios.load(name);
        } catch (utrace.model.ScenarioFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

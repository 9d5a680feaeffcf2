package utrace.checker.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import utrace.checker.audit.Audit;
import utrace.checker.audit.Breaker;
import utrace.checker.audit.ScenarioAudit;
import utrace.checker.explore.Limits;
import utrace.checker.explore.Verdict;
import utrace.checker.report.Numbers;
import utrace.checker.report.RunReport;
import utrace.checker.run.ScenarioChecks;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/**
 * `checker audit`: which invariants a scenario's PASS actually backs (some known bug makes them fail there), and which
 * of its stated results no path checks.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
    description = {
        "Show what a PASS covers: which invariants each scenario can fail.",
        "",
        "A scenario passes an invariant when no interleaving violates it. That means something only if the "
            + "scenario reaches what the invariant watches: a scenario with no engine passes report-reap-after-death "
            + "whatever utrace does. audit runs each scenario under every known way to break the series (each "
            + "mutation of `checker list mutations`, and each patch with a model effect switched off alone) and "
            + "lists, per invariant of the set, the breakers under which it fails there. An invariant no breaker "
            + "makes fail on a scenario is 'not shown': its PASS there rests on nothing we can show. Use it on a "
            + "scenario you wrote before trusting its PASS; `verify -s S -m MUTATION` gives the trace of any cell.",
        "",
        "It also names each result the scenario states ('detach -> 0', 'wait -> stopped SIGSTOP', 'parent wait -> "
            + "exited 5') whose call returns on no path of the full series, say one behind a wait that states nothing "
            + "and blocks for good: no invariant ever judged it, and the row fails (exit 1). A wait stated to block "
            + "('wait -> blocks') is no such result.",
        "",
        "Examples:",
        "  checker audit                       every default scenario",
        "  checker audit -s my.scenario -i all one file, every invariant",
        "  checker audit -s waitpid-double-report -i ptrace-tests --no-patches",
        "  checker audit -s report-request-race --weak",
        ""})
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME|FILE",
        description = "A shipped scenario name or a scenario file (repeatable). Default: every scenario of "
            + "model/scenarios/default.list.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = {"-i", "--invariants"}, paramLabel = "SET", defaultValue = "core",
        description = "A shipped set name (core, ptrace, ptrace-tests, all), a set file, or invariant names separated by "
            + "commas: the claims to audit. Default: ${DEFAULT-VALUE}, plus what each scenario's 'checks' line names "
            + "(as verify).")
    String invariants;

    @Option(names = "--no-patches",
        description = "Only the mutations; do not also switch off each patch of the series (about half the time).")
    boolean noPatches;

    @Option(names = "--weak",
        description = "Also remove each barrier of the series alone under the weak memory model (10 more breakers, "
            + "as the gate's barrier rows): the only way to break what the barrier pairs B1-B5 protect. Slower.")
    boolean weak;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "2000000", converter = StateCountConverter.class,
        description = "Cut each search at N states (underscores and k/M/G allowed); a breaker cut short is listed as "
            + "incomplete. Default: 2,000,000.")
    long maxStates;

    @CommandLine.Mixin
    ReportOptions report;

    @Override public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true);
        report.check();
        if (maxStates <= 0) throw new UsageException("--max-states must be at least 1, not " + maxStates);
        InvariantSet set = ScenarioArgs.invariants(invariants);
        List<Scenario> ss = ScenarioArgs.load(scenarios.isEmpty() ? Scenarios.shippedNames() : scenarios);
        try {
            ScenarioChecks.validate(ss);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Audit audit = new Audit(new Limits(maxStates, 0), Breaker.all(!noPatches, weak));
        PrintStream textOut = report.text() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
        RunReport rep = new RunReport("audit", "checker.audit");
        ObjectNode h = rep.header();
        h.put("invariant_set", set.name());
        h.put("breakers", audit.breakers().size());
        rep.property("invariant_set", set.name());
        report.armInterrupts(rep, out, "scenario(s)", null);
        long mutations = audit.breakers().stream().filter(b -> b.label().startsWith("mutation ")).count();
        long patchesOff = audit.breakers().stream().filter(b -> b.label().startsWith("without patch ")).count();
        long barriers = audit.breakers().size() - mutations - patchesOff;
        textOut.printf(Locale.ROOT, "checker audit: what a PASS covers; invariant set '%s' (%d invariants)%s; %d breakers: %d mutations%s%s%n",
            set.name(), set.invariants().size(),
            Options.given(spec, "-i", "--invariants") ? "" : " plus each scenario's 'checks' line", audit.breakers().size(), mutations,
            patchesOff == 0 ? "" : ", " + patchesOff + " patches switched off one at a time",
            barriers == 0 ? "" : ", " + barriers + " barriers removed one at a time (weak memory)");
        long t0 = System.nanoTime();
        List<ScenarioAudit> done = new ArrayList<>();
        Audit.Progress progress = report.quiet() ? Audit.Progress.NONE : (s, k, n) -> {
            if (k % 10 == 0 || k == n) err.printf(Locale.ROOT, "[audit] %s: %d of %d breakers, %.1f s so far%n", s.name(), k, n,
                (System.nanoTime() - t0) / 1e9);
        };
        for (Scenario s : ss) {
            long s0 = System.nanoTime();
            // As verify: without -i, core plus what the scenario's 'checks' line names.
            InvariantSet own = Options.given(spec, "-i", "--invariants") ? set : ScenarioChecks.plus(set, List.of(s));
            ScenarioAudit a = audit.run(s, own.invariants(), progress);
            done.add(a);
            print(textOut, a, own);
            rep.add(row(a, (System.nanoTime() - s0) / 1_000_000));
        }
        summary(textOut, done);
        // A scenario the full series already violates (a finding) has no PASS to be vacuous.
        long vacuous = done.stream().filter(a -> a.baseline() == Verdict.PASS && a.live().isEmpty() && a.incomplete().isEmpty()).count();
        long unchecked = done.stream().filter(ScenarioAudit::hasUnchecked).count();
        long unknown = done.stream().filter(a -> a.baseline() != Verdict.VIOLATION && a.live().isEmpty()
            && (!a.incomplete().isEmpty() || a.baseline() == Verdict.INCOMPLETE)).count();
        int code = vacuous + unchecked > 0 ? ExitCode.VIOLATION : unknown > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
        code = report.finish(rep, code, out, err);
        textOut.printf(Locale.ROOT, "%naudit: %d scenario(s) in %.1f s; %s; exit code %d%n", done.size(), (System.nanoTime() - t0) / 1e9,
            vacuous > 0 ? vacuous + " scenario(s) with no invariant shown able to fail: their PASS shows nothing"
                + (unchecked > 0 ? "; " + unchecked + " with stated results no path checks" : "")
                : unchecked > 0 ? unchecked + " scenario(s) with stated results no path checks: those assertions say nothing"
                : unknown > 0 ? unknown + " scenario(s) undecided: searches cut by --max-states"
                : "every scenario has an invariant shown able to fail", code);
        textOut.flush();
        return code;
    }


    private static void print(PrintStream o, ScenarioAudit a, InvariantSet set) {
        String base = a.baseline() == Verdict.VIOLATION
            ? "VIOLATION on the full series (search stopped at it after " + Numbers.grouped(a.states()) + " states)"
            : a.baseline() + " on the full series, " + Numbers.grouped(a.states()) + " states";
        o.printf(Locale.ROOT, "%n%s: %s; %d of %d invariants (%s) shown able to fail here%n", a.scenario().name(), base,
            a.live().size(), set.invariants().size(), set.name());
        for (Invariant i : set.invariants()) {
            String n = i.name();
            List<String> bs = a.breakersByInvariant().get(n);
            String what;
            if (a.failsOnSeries().contains(n)) what = "VIOLATED on the full series (a finding: see verify -s " + a.scenario().name() + ")";
            else if (bs.isEmpty()) what = "not shown: no known breaker makes it fail here";
            else what = "fails with " + shortList(bs, 3);
            o.printf(Locale.ROOT, "  %-34s %s%n", n, what);
        }
        if (a.hasUnchecked()) {
            o.printf(Locale.ROOT, "  stated results no path checks (the call never returns; the PASS never judged them): %s%n",
                String.join(", ", a.unchecked()));
        }
        if (!a.incomplete().isEmpty()) o.printf(Locale.ROOT, "  cut by --max-states: %s%n", String.join(", ", a.incomplete()));
    }

    private static String shortList(List<String> xs, int max) {
        if (xs.size() <= max) return String.join(", ", xs);
        return String.join(", ", xs.subList(0, max)) + " (+" + (xs.size() - max) + " more)";
    }

    /** Per invariant: on how many of the audited scenarios it is shown able to fail. */
    private static void summary(PrintStream o, List<ScenarioAudit> done) {
        Map<String, Integer> live = new LinkedHashMap<>();
        for (ScenarioAudit a : done) for (String n : a.breakersByInvariant().keySet()) live.putIfAbsent(n, 0);
        for (ScenarioAudit a : done) for (String n : a.live()) live.merge(n, 1, Integer::sum);
        o.printf(Locale.ROOT, "%nper invariant: the audited scenarios (of %d) on which some breaker makes it fail%n", done.size());
        live.forEach((n, k) -> o.printf(Locale.ROOT, "  %-34s %3d%s%n", n, k, k == 0 ? "   <-- on none of these scenarios" : ""));
        List<String> vacuous = new ArrayList<>();
        for (ScenarioAudit a : done) if (a.live().isEmpty() && a.baseline() == Verdict.PASS) vacuous.add(a.scenario().name());
        if (!vacuous.isEmpty()) o.printf(Locale.ROOT, "scenarios whose PASS shows nothing (no invariant of the set can fail there): %s%n",
            String.join(", ", vacuous));
    }

    /** One scenario as a report row: a failure (for CI) when no invariant of the set is shown able to fail on it. */
    private static RunReport.Row row(ScenarioAudit a, long millis) {
        ObjectNode j = RunReport.object();
        j.put("scenario", a.scenario().name());
        j.put("full_series", a.baseline().name());
        j.put("states", a.states());
        ArrayNode live = j.putArray("live");
        a.live().forEach(live::add);
        ArrayNode unshown = j.putArray("not_shown");
        a.unshown().forEach(unshown::add);
        ArrayNode fos = j.putArray("violated_on_full_series");
        a.failsOnSeries().forEach(fos::add);
        ObjectNode by = j.putObject("breakers");
        a.breakersByInvariant().forEach((n, bs) -> {
            ArrayNode arr = by.putArray(n);
            bs.forEach(arr::add);
        });
        ArrayNode inc = j.putArray("incomplete");
        a.incomplete().forEach(inc::add);
        if (a.unchecked() == null) j.putNull("stated_results_unchecked");
        else a.unchecked().forEach(j.putArray("stated_results_unchecked")::add);
        String so = "shown able to fail: " + (a.live().isEmpty() ? "none" : String.join(", ", a.live())) + "\nnot shown: "
            + (a.unshown().isEmpty() ? "none" : String.join(", ", a.unshown())) + "\n";
        if (a.hasUnchecked()) {
            so += "stated results no path checks: " + String.join(", ", a.unchecked()) + "\n";
            return new RunReport.Row(a.scenario().name(), millis, RunReport.Status.FAILURE,
                "stated results no path checks: " + String.join(", ", a.unchecked()), "unchecked", so, j);
        }
        if (!a.live().isEmpty() || a.baseline() == Verdict.VIOLATION) {
            return new RunReport.Row(a.scenario().name(), millis, RunReport.Status.PASS, null, null, so, j);
        }
        if (!a.incomplete().isEmpty() || a.baseline() == Verdict.INCOMPLETE) {
            return new RunReport.Row(a.scenario().name(), millis, RunReport.Status.ERROR, "undecided: searches cut by --max-states",
                "incomplete", so, j);
        }
        return new RunReport.Row(a.scenario().name(), millis, RunReport.Status.FAILURE,
            "no invariant of the set is shown able to fail on this scenario: its PASS shows nothing", "vacuous", so, j);
    }
}

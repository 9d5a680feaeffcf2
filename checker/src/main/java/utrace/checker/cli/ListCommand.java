package utrace.checker.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** `checker list invariants|scenarios|mutations`. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"List what the checker knows: invariants (with statements), shipped scenarios, mutations, patches, "
        + "the model's steps with where their code is in the series, the barriers of the weak memory model and its "
        + "litmus self-tests.", ""})
final class ListCommand implements Callable<Integer> {
    enum What { invariants, scenarios, mutations, patches, steps, barriers, litmus }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = {"-q", "--quiet"}, description = "Names only, one per line (for scripts).")
    boolean quiet;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (quiet) {
            for (String n : names()) out.println(n);
            out.flush();
            return ExitCode.OK;
        }
        switch (what) {
            case invariants:
                for (Invariant i : Invariants.all()) {
                    out.println(i.name());
                    out.println(wrap(i.statement(), "    "));
                    out.println();
                }
                break;
            case scenarios:
                for (String n : Scenarios.shippedNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-26s %s%n", n, s.description());
                }
                out.println();
                out.println("Bug-matrix scenarios (run by `checker gate`, or with --scenario NAME):");
                for (String n : Scenarios.matrixNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-36s %s%n", n, s.description());
                }
                out.println();
                out.println("Findings (violate an invariant on the full series; run with --scenario NAME):");
                for (String n : Scenarios.findingNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-26s %s%n", n, s.description());
                }
                out.println();
                out.println("Fidelity scenarios (pass on the full series; docs/fidelity.md; run with --scenario NAME):");
                for (String n : Scenarios.fidelityNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-38s %s%n", n, s.description());
                }
                out.println();
                out.println("ptrace-tests (the kernel's ptrace regression suite; `make ptrace-tests` runs them with -i ptrace-tests):");
                for (String n : Scenarios.ptraceTestNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-30s %s%n", n, s.description());
                }
                out.println();
                out.println("Bench scenarios (measured by `checker bench`; larger: seconds to minutes; run with --scenario NAME):");
                for (String n : Scenarios.benchNames()) {
                    Scenario s = Scenarios.load(n);
                    out.printf("%-30s %s%n", n, s.description());
                }
                out.println();
                out.println("(shipped in model/scenarios/; any scenario file can be passed with --scenario PATH)");
                break;
            case patches:
                for (utrace.model.Series.Patch p : utrace.model.Series.patches()) {
                    out.printf("%02d  %s%n", p.number(), p.title());
                    out.println(wrap((p.modelEffect() ? "model: " : "no model effect: ") + p.effect(), "    "));
                }
                break;
            case steps:
                StepList.steps(out);
                break;
            case barriers:
                BarrierList.barriers(out);
                break;
            case litmus:
                BarrierList.litmus(out);
                break;
            case mutations:
                for (Mutation m : Mutation.values()) {
                    out.printf("%-40s breaks %s (scenario %s)%n", m.id, m.breaks, m.scenario);
                    out.println(wrap(m.function + ": " + m.description, "    "));
                }
                break;
            default:
                throw new IllegalStateException();
        }
        out.flush();
        return ExitCode.OK;
    }

    private java.util.List<String> names() {
        java.util.List<String> n = new java.util.ArrayList<>();
        switch (what) {
            case invariants: n.addAll(Invariants.names()); break;
            case scenarios: {
                // every shipped scenario once (a ptrace-tests scenario may also be a default one)
                java.util.Set<String> all = new java.util.LinkedHashSet<>(Scenarios.shippedNames());
                all.addAll(Scenarios.matrixNames());
                all.addAll(Scenarios.findingNames());
                all.addAll(Scenarios.fidelityNames());
                all.addAll(Scenarios.ptraceTestNames());
                all.addAll(Scenarios.benchNames());
                n.addAll(all);
                break;
            }
            case steps:
                for (utrace.model.Steps.Entry e : utrace.model.Steps.all()) {
                    n.add(e.actor() + " " + e.info().function() + " " + e.info().ref().seedLine());
                }
                break;
            case mutations: for (Mutation m : Mutation.values()) n.add(m.id); break;
            case patches: for (utrace.model.Series.Patch p : utrace.model.Series.patches()) n.add(String.format("%02d", p.number())); break;
            case barriers: for (utrace.model.Barrier b : utrace.model.Barrier.values()) n.add(b.id); break;
            case litmus: for (utrace.model.Litmus t : utrace.model.Litmus.all()) n.add(t.name()); break;
            default: throw new IllegalStateException();
        }
        return n;
    }

    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String w : text.split(" ")) {
            if (line.length() + w.length() > 96 && line.length() > indent.length()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(w).append(' ');
        }
        return out.append(line.toString().stripTrailing()).toString();
    }
}

package utrace.checker.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** `checker list invariants|scenarios|mutations`. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List what the checker knows: invariants (with statements), shipped scenarios, mutations, patches, "
        + "the model's steps with where their code is in the series, the barriers of the weak memory model and its "
        + "litmus self-tests.")
final class ListCommand implements Callable<Integer> {
    enum What { invariants, scenarios, mutations, patches, steps, barriers, litmus }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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

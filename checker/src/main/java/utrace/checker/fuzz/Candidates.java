package utrace.checker.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import utrace.invariants.Invariant;
import utrace.invariants.Invariants;
import utrace.model.ScenarioParser;
import utrace.traces.TextRenderer;
import utrace.traces.Trace;
import utrace.traces.TraceWriter;

/**
 * Writes one candidate per new class into the output directory: the example
 * scenario shrunk ({@link Shrinker}), with a comment saying where it came
 * from and the generated original; its trace as the project's JSON and as
 * text; and a line in summary.txt. Every file names its neighbours relative
 * to the directory, so the bytes do not depend on where the directory is.
 */
final class Candidates {
    private Candidates() {}

    /** One written candidate. Paths are relative to the output directory. */
    record Candidate(FuzzClass cls, String scenario, String invariant, String message, int steps, int violations,
                     int scenarios, String scenarioFile, String traceJson, String traceText, int shrinkTrials,
                     String foundIn) {}

    static final String SUMMARY = "summary.txt";

    static List<Candidate> write(FuzzTally tally, Fuzzer.Options o, Path dir, Fuzzer.Progress progress) throws IOException {
        List<Candidate> out = new ArrayList<>();
        List<FuzzTally.Entry> fresh = tally.fresh();
        Files.createDirectories(dir);
        for (int k = 0; k < fresh.size(); k++) {
            FuzzTally.Entry e = fresh.get(k);
            FuzzTally.Example x = e.example;
            Invariant inv = Invariants.byName(x.trace().invariant().name());
            // One scenario can hold new classes of several invariants (one each: a search reports an invariant once):
            // the candidate is named after both, so that each has files of its own and the candidates can be
            // verified together.
            String name = candidateName(x.generated().name(), inv.name());
            progress.note(String.format(Locale.ROOT, "shrinking candidate %d of %d (%s)", k + 1, fresh.size(), name));
            String file = name + ".scenario";
            Shrinker.Result sh = Shrinker.shrink(ScenarioDraft.read(x.generated().text(), name), x.trace(), e.cls, inv,
                o.config(), o.limits(), file);
            Trace t = sh.trace();
            Files.writeString(dir.resolve(file), header(e, x, sh, o) + sh.draft().render(), StandardCharsets.UTF_8);
            TraceWriter.writeJson(t, dir.resolve(name + ".json"));
            TraceWriter.writeText(t, dir.resolve(name + ".txt"), TextRenderer.Detail.BRIEF);
            out.add(new Candidate(e.cls, name, inv.name(), t.violation().message(), t.steps().size(), e.violations, e.scenarios,
                file, name + ".json", name + ".txt", sh.trials(), foundIn(x.generated())));
        }
        Files.writeString(dir.resolve(SUMMARY), summary(o, out), StandardCharsets.UTF_8);
        return out;
    }

    /** "r1-16.deadlock-freedom": the generated scenario's name and the invariant, cut to a scenario name's length. */
    static String candidateName(String scenario, String invariant) {
        String n = scenario + "." + invariant;
        return n.length() <= ScenarioParser.MAX_NAME ? n : n.substring(0, ScenarioParser.MAX_NAME);
    }

    static String foundIn(ScenarioSource.Generated g) {
        return g.mutated() ? "shipped scenario " + g.source() + " changed once: " + g.change() : "random scenario " + g.index();
    }

    private static String header(FuzzTally.Entry e, FuzzTally.Example x, Shrinker.Result sh, Fuzzer.Options o) {
        StringBuilder b = new StringBuilder();
        b.append("# checker fuzz candidate: ").append(x.trace().invariant().name()).append(", not a known finding\n");
        b.append("# class: ").append(cut(e.cls.title(), 300)).append('\n');
        b.append("# ").append(e.violations).append(" violation(s) of this class in ").append(e.scenarios)
            .append(" scenario(s) of `checker fuzz ").append(Fuzzer.arguments(o)).append("`; this one is the shortest\n");
        b.append("# found in: ").append(cut(foundIn(x.generated()), 300)).append('\n');
        b.append("# message: ").append(cut(sh.trace().violation().message(), 300)).append('\n');
        b.append("# shrunk by dropping what the violation does not need (").append(sh.trials())
            .append(" smaller scenarios searched); the generated scenario was:\n");
        for (String line : x.generated().text().split("\n")) b.append("#   ").append(line).append('\n');
        b.append("# check it: bin/checker verify -s FILE -i ").append(x.trace().invariant().name())
            .append(o.config().mutations().isEmpty() ? "" : mutations(o)).append('\n');
        return b.toString();
    }

    private static String mutations(Fuzzer.Options o) {
        StringBuilder b = new StringBuilder();
        o.config().mutations().stream().map(m -> m.id).sorted().forEach(m -> b.append(" -m ").append(m));
        return b.toString();
    }

    private static String summary(Fuzzer.Options o, List<Candidate> cs) {
        StringBuilder b = new StringBuilder();
        b.append("# checker fuzz ").append(Fuzzer.arguments(o)).append(": ").append(cs.size())
            .append(" candidate(s), one line each: scenario file, invariant, trace steps, violations of its class "
                + "(scenarios), message\n");
        for (Candidate c : cs) {
            b.append(String.format(Locale.ROOT, "%s  %s  %d steps  %d (%d)  %s%n", c.scenarioFile(), c.invariant(), c.steps(),
                c.violations(), c.scenarios(), cut(c.message(), 300)));
        }
        return b.toString();
    }

    static String cut(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}

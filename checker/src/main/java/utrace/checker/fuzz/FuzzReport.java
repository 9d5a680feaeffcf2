package utrace.checker.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.report.Numbers;
import utrace.checker.report.RunReport;

/**
 * A fuzz run for people (the class table) and for programs (the JSON
 * document, schemas/fuzz.schema.json). Neither holds a time, a rate or an
 * absolute path, so the same seed and options print the same bytes (the
 * JSON envelope's timestamp and hostname aside, which say when and where);
 * how long the run took is said on stderr.
 */
public final class FuzzReport {
    private FuzzReport() {}

    /** The run's first line (text). */
    public static void header(PrintStream out, Fuzzer.Options o) {
        out.printf(Locale.ROOT, "checker fuzz %s: %s scenario(s), invariant set '%s' (%d invariants)%s%n", Fuzzer.arguments(o),
            Numbers.grouped(o.count()), o.invariants().name(), o.invariants().invariants().size(),
            o.config().mutations().isEmpty() ? "" : ", with seeded mutation(s) on");
    }

    /** The class table, the run's counts, the candidates and the exit code. */
    public static void text(PrintStream out, FuzzResult r) {
        counts(out, r.tally);
        if (r.candidates.isEmpty()) {
            out.printf(Locale.ROOT, "nothing new: every violation is a known finding or a scenario problem (summary: %s)%n",
                r.outDir.resolve(Candidates.SUMMARY));
        } else {
            out.printf(Locale.ROOT, "new: %d candidate(s) written to %s (one line each in %s):%n", r.candidates.size(), r.outDir,
                Candidates.SUMMARY);
            for (Candidates.Candidate c : r.candidates) {
                out.printf(Locale.ROOT, "  %s  %s, %d steps: %s%n", c.scenarioFile(), c.invariant(), c.steps(),
                    Candidates.cut(c.message(), 160));
            }
        }
        out.printf(Locale.ROOT, "exit code %d%n", r.exitCode());
    }

    /** What a run stopped by a signal had found: the table and counts so far; no candidate is written then. */
    public static void interrupted(PrintStream out, FuzzResult r, String reason, int code) {
        counts(out, r.tally);
        out.printf(Locale.ROOT, "%ninterrupted: stopped by %s after %s of %s scenarios; no candidate was written (%d new "
                + "class(es) so far); nothing is known of the rest; exit code %d%n", reason, Numbers.grouped(r.tally.generated),
            Numbers.grouped(r.options.count()), r.tally.fresh().size(), code);
    }

    private static void counts(PrintStream out, FuzzTally t) {
        out.printf(Locale.ROOT, "%n%-66s %10s %9s  %s%n", "class", "violations", "scenarios", "example (shortest trace)");
        for (FuzzTally.Entry e : t.entries()) {
            FuzzTally.Example x = e.example;
            out.printf(Locale.ROOT, "%-66s %10s %9s  %s: %s, %d steps%n", column(e.cls.label(), 66),
                Numbers.grouped(e.violations), Numbers.grouped(e.scenarios), x.generated().name(), x.trace().invariant().name(),
                x.steps());
        }
        if (t.entries().isEmpty()) out.println("(no violation)");
        int known = 0;
        int scenario = 0;
        int fresh = 0;
        for (FuzzTally.Entry e : t.entries()) {
            if (e.cls.kind() == FuzzClass.Kind.KNOWN) known += e.violations;
            else if (e.cls.kind() == FuzzClass.Kind.SCENARIO) scenario += e.violations;
            else fresh += e.violations;
        }
        out.printf(Locale.ROOT, "%n%s scenario(s) (%s random, %s mutated): %s passed every invariant, %s violated one or more "
                + "(%s violation(s): %s known findings, %s scenario problems, %s new)%n",
            Numbers.grouped(t.generated), Numbers.grouped(t.random), Numbers.grouped(t.mutated), Numbers.grouped(t.passed),
            Numbers.grouped(t.violating), Numbers.grouped(t.violations), Numbers.grouped(known), Numbers.grouped(scenario),
            Numbers.grouped(fresh));
        if (!t.cuts.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < Math.min(10, t.cuts.size()); i++) {
                FuzzTally.Cut c = t.cuts.get(i);
                names.add(c.scenario() + (c.search() > 1 ? " (search " + c.search() + ")" : ""));
            }
            out.printf(Locale.ROOT, "cut by a limit, nothing known past it: %d search(es): %s%s (%s)%n", t.cuts.size(),
                String.join(", ", names), t.cuts.size() > 10 ? " and " + (t.cuts.size() - 10) + " more" : "", t.cuts.get(0).reason());
        }
        if (!t.refused.isEmpty()) {
            out.printf(Locale.ROOT, "GENERATOR BUG: %d generated scenario(s) refused by the parser, first: %s%n", t.refused.size(),
                t.refused.get(0).message());
        }
    }

    /** {@code s} in a column of {@code width}: cut with "..." to fit. */
    static String column(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    /** The JSON document: the envelope, the run's options and counts, a row per class, the candidates. */
    public static ObjectNode json(FuzzResult r, String verdict) {
        return json(r, verdict, r.exitCode(), null);
    }

    /** As {@link #json(FuzzResult, String)}, for a run a signal stopped ({@code interrupted}: which). */
    public static ObjectNode json(FuzzResult r, String verdict, int exitCode, String interrupted) {
        Fuzzer.Options o = r.options;
        FuzzTally t = r.tally;
        RunReport rep = new RunReport("fuzz", "checker.fuzz");
        ObjectNode h = rep.header();
        h.put("seed", o.seed());
        h.put("count", o.count());
        h.put("mode", o.mode().id());
        ObjectNode set = h.putObject("invariant_set");
        set.put("name", o.invariants().name());
        ArrayNode invs = set.putArray("invariants");
        o.invariants().invariants().forEach(i -> invs.add(i.name()));
        ArrayNode muts = h.putArray("mutations");
        o.config().mutations().stream().map(m -> m.id).sorted().forEach(muts::add);
        h.put("max_states", o.limits().maxStates());
        h.put("time_limit_millis", o.limits().timeLimitMillis());
        h.put("out_dir", r.outDir.toString());
        ObjectNode gen = h.putObject("generated");
        gen.put("random", t.random);
        gen.put("mutated", t.mutated);
        gen.put("passed", t.passed);
        gen.put("violating", t.violating);
        gen.put("violations", t.violations);
        ArrayNode refused = h.putArray("refused");
        for (FuzzTally.Refused x : t.refused) refused.addObject().put("scenario", x.scenario()).put("message", x.message());
        ArrayNode cuts = h.putArray("incomplete");
        for (FuzzTally.Cut c : t.cuts) cuts.addObject().put("scenario", c.scenario()).put("search", c.search()).put("reason", c.reason());
        ArrayNode cs = h.putArray("candidates");
        for (Candidates.Candidate c : r.candidates) {
            ObjectNode j = cs.addObject();
            j.put("class", c.cls().id());
            j.put("scenario", c.scenario());
            j.put("invariant", c.invariant());
            j.put("message", c.message());
            j.put("steps", c.steps());
            j.put("violations", c.violations());
            j.put("scenarios", c.scenarios());
            j.put("scenario_file", c.scenarioFile());
            j.put("trace", c.traceJson());
            j.put("trace_text", c.traceText());
            j.put("shrink_trials", c.shrinkTrials());
            j.put("found_in", c.foundIn());
        }
        for (FuzzTally.Entry e : t.entries()) {
            ObjectNode j = RunReport.object();
            j.put("class", e.cls.id());
            j.put("kind", e.cls.kind().name().toLowerCase(Locale.ROOT));
            if (e.cls.kind() == FuzzClass.Kind.KNOWN) j.put("finding", e.cls.finding());
            j.put("title", e.cls.title());
            j.put("violations", e.violations);
            j.put("scenarios", e.scenarios);
            ObjectNode by = j.putObject("by_invariant");
            e.byInvariant.forEach(by::put);
            ObjectNode ex = j.putObject("example");
            ex.put("scenario", e.example.generated().name());
            ex.put("search", e.example.search());
            ex.put("invariant", e.example.trace().invariant().name());
            ex.put("message", e.example.trace().violation().message());
            ex.put("steps", e.example.steps());
            ex.put("found_in", Candidates.foundIn(e.example.generated()));
            RunReport.Status st = e.cls.kind() == FuzzClass.Kind.NEW ? RunReport.Status.FAILURE : RunReport.Status.PASS;
            rep.add(new RunReport.Row(e.cls.id(), 0, st, null, null, null, j));
        }
        return rep.json(verdict, exitCode, interrupted);
    }
}

package utrace.checker.fuzz;

import utrace.model.Scenario;
import utrace.model.ScenarioParser;

/**
 * A fuzz run: scenario by scenario, generate, parse (strictly, as a file),
 * search under the invariant set as `verify --continue` does, classify every
 * violation. Single-threaded and deterministic: the same seed and options
 * give the same tally on every machine (a --time-limit aside, which depends
 * on the machine's speed).
 */
final class FuzzRun {
    private FuzzRun() {}

    static FuzzTally run(Fuzzer.Options o, Fuzzer.Progress progress) {
        FuzzTally tally = new FuzzTally();
        ScenarioSource source = new ScenarioSource(o.seed(), o.mode());
        for (int i = 0; i < o.count(); i++) {
            ScenarioSource.Generated g = source.get(i);
            tally.generated++;
            if (g.mutated()) tally.mutated++;
            else tally.random++;
            Scenario s;
            try {
                s = ScenarioParser.parseStrict(file(g), g.text());
            } catch (Exception e) {
                tally.refused.add(new FuzzTally.Refused(g.name(), e.getMessage()));
                progress.done(i + 1, tally.fresh().size());
                continue;
            }
            ScenarioSearch.Outcome out = ScenarioSearch.run(s, file(g), o.invariants().invariants(), o.config(), o.limits());
            if (out.passedFirst()) tally.passed++;
            if (!out.violations().isEmpty()) tally.violating++;
            for (ScenarioSearch.Found f : out.violations()) tally.add(g, f.search(), f.trace(), KnownFindings.classify(f.trace()));
            if (out.cut() != null) tally.cuts.add(new FuzzTally.Cut(g.name(), out.cutSearch(), out.cut()));
            progress.done(i + 1, tally.fresh().size());
        }
        return tally;
    }

    /** The file name a generated scenario is parsed (and its trace written) under: the candidate's file name. */
    static String file(ScenarioSource.Generated g) {
        return g.name() + ".scenario";
    }
}

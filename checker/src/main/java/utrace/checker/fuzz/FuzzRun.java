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

    /** Fills {@code tally}, a scenario at a time (under its lock: a signal's report may read it meanwhile). */
    static void run(Fuzzer.Options o, Fuzzer.Progress progress, FuzzTally tally) {
        ScenarioSource source = new ScenarioSource(o.seed(), o.mode());
        for (int i = 0; i < o.count(); i++) {
            ScenarioSource.Generated g = source.get(i);
            Scenario s = null;
            String refused = null;
            try {
                s = ScenarioParser.parseStrict(file(g), g.text());
            } catch (Exception e) {
                refused = e.getMessage();
            }
            ScenarioSearch.Outcome out = s == null ? null
                : ScenarioSearch.run(s, file(g), o.invariants().invariants(), o.config(), o.limits());
            synchronized (tally) {
                tally.generated++;
                if (g.mutated()) tally.mutated++;
                else tally.random++;
                if (out == null) {
                    tally.refused.add(new FuzzTally.Refused(g.name(), refused));
                } else {
                    if (out.passedFirst()) tally.passed++;
                    if (!out.violations().isEmpty()) tally.violating++;
                    for (ScenarioSearch.Found f : out.violations()) tally.add(g, f.search(), f.trace(), KnownFindings.classify(f.trace()));
                    if (out.cut() != null) tally.cuts.add(new FuzzTally.Cut(g.name(), out.cutSearch(), out.cut()));
                }
            }
            progress.done(i + 1, tally.fresh().size());
        }
    }

    /** The file name a generated scenario is parsed (and its trace written) under: the candidate's file name. */
    static String file(ScenarioSource.Generated g) {
        return g.name() + ".scenario";
    }
}

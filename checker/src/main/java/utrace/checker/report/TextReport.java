package utrace.checker.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.FastFingerprint;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.checker.explore.Stats;
import utrace.checker.explore.Verdict;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.model.State;

/** The per-scenario verdict table `checker verify` prints by default. */
public final class TextReport {
    private TextReport() {}

    public static void header(PrintStream out, VerifyRequest req) {
        header(out, req, RunOptions.DEFAULT);
    }

    public static void header(PrintStream out, VerifyRequest req, RunOptions opts) {
        header(out, req, opts, ScaleOptions.SEQUENTIAL);
    }

    /** With {@code scale} other than the classic single-threaded search, the engine line says how it scales. */
    public static void header(PrintStream out, VerifyRequest req, RunOptions opts, ScaleOptions scale) {
        out.printf(Locale.ROOT, "checker verify: %d scenario(s), invariant set '%s' (%d invariants), %s%n",
            req.scenarios().size(), req.invariants().name(), req.invariants().invariants().size(), req.config());
        out.printf(Locale.ROOT, "model: the utrace series with ptrace (see `checker list patches` for what each patch changes)%n");
        String shortening = opts.search() == SearchMode.BFS ? ""
            : opts.minimize() ? "; traces shortened (--no-minimize keeps them raw)" : "; raw traces (--no-minimize)";
        if (scale.classic() || opts.search() != SearchMode.BFS) {
            out.printf(Locale.ROOT, "engine: native %s search, %s64-bit fingerprints (seed %s)%s%n%n",
                opts.search().words, scale.por() && !req.config().weak() ? "partial-order reduction, " : "", State.hex(FastFingerprint.SEED), shortening);
        } else {
            out.printf(Locale.ROOT, "engine: native %s search, level by level, %s, 64-bit fingerprints (seed %s)%n%n",
                opts.search().words, (req.config().weak() ? scale.withPor(false) : scale).describe(), State.hex(FastFingerprint.SEED));
        }
        if (opts.keepGoing()) {
            out.printf(Locale.ROOT, "--continue: after a violation each scenario is searched again without the violated "
                + "invariant, until it passes%n%n");
        }
        out.printf(Locale.ROOT, "%-" + nameWidth(req) + "s %-10s %10s %12s %6s %9s %9s%n",
            "scenario", "verdict", "states", "transitions", "depth", "time", "states/s");
    }

    /** The scenario column: 32 wide, or as wide as the longest name of the run (the rows stay in line). */
    public static int nameWidth(VerifyRequest req) {
        int w = 32;
        for (utrace.model.Scenario s : req.scenarios()) w = Math.max(w, s.name().length());
        return w;
    }

    public static void row(PrintStream out, ScenarioResult r, int nameWidth) {
        ExplorationResult x = r.result();
        Stats s = x.stats();
        out.printf(Locale.ROOT, "%-" + nameWidth + "s %-10s %10s %12s %6d %9s %9s%n", r.scenario().name(), x.verdict(),
            Numbers.grouped(s.states()), Numbers.grouped(s.transitions()), s.maxDepth(), Numbers.millis(s.millis()),
            Numbers.rate(s.statesPerSecond()));
        if (r.continued() != null) out.printf(Locale.ROOT, "    %s%n", continued(r));
        if (s.por()) {
            out.printf(Locale.ROOT, "    partial-order reduction on: %s of %s states fully expanded%s%n",
                Numbers.grouped(s.fullyExpanded()), Numbers.grouped(s.states()), s.porOffAfter() < 0 ? ""
                    : "; switched itself off after " + Numbers.grouped(s.porOffAfter())
                    + " states expanded: it had saved fewer than 1 in 1,000 transitions (it costs more than it saves)");
        }
        if (x.verdict() == Verdict.VIOLATION) {
            out.printf("    %s%n", x.counterexample().violation().describe());
            if (r.traceJson() == null) {
                out.printf("    trace NOT written (%d steps): %s%n", r.traceSteps(), r.writeError());
                return;
            }
            out.printf("    trace: %d steps, %s: %s%n", r.traceSteps(), r.origin().describe(), r.traceJson());
            out.printf("    readable:  %s%n", r.traceText());
            out.printf("    replay:    bin/checker replay %s%n", r.traceJson());
        } else if (x.verdict() == Verdict.INCOMPLETE) {
            out.printf("    INCOMPLETE: %s - nothing is proven for this scenario%n", x.incompleteReason());
        }
    }

    /** What a --continue search checked: "search 2 (--continue): 11 invariants, without sigkill-wins". */
    public static String continued(ScenarioResult r) {
        ScenarioResult.Continued c = r.continued();
        String what = c.checked() + (c.checked() == 1 ? " invariant" : " invariants")
            + (c.without().isEmpty() ? "" : ", without " + String.join(", ", c.without()) + " (reported above)");
        String outcome = r.result().verdict() == Verdict.PASS
            ? (c.without().isEmpty() ? ": all hold" : ": the " + c.checked() + " left hold") : "";
        return "search " + c.search() + " (--continue): " + what + outcome;
    }

    /**
     * Scenario verdicts: a scenario searched several times by --continue counts once, as VIOLATION if any of
     * its searches found one, else as its last search says.
     */
    static Verdict scenarioVerdict(List<ScenarioResult> results, utrace.model.Scenario s) {
        Verdict v = null;
        for (ScenarioResult r : results) {
            if (r.scenario() != s) continue;
            if (r.result().verdict() == Verdict.VIOLATION) return Verdict.VIOLATION;
            v = r.result().verdict();
        }
        return v;
    }

    public static void summary(PrintStream out, List<ScenarioResult> results) {
        summary(out, results, VerifyRun.exitCode(results));
    }

    /** {@code code}: the exit code the run ends with (2 when an output could not be written). */
    public static void summary(PrintStream out, List<ScenarioResult> results, int code) {
        java.util.List<utrace.model.Scenario> scenarios = new java.util.ArrayList<>();
        for (ScenarioResult r : results) if (!scenarios.contains(r.scenario())) scenarios.add(r.scenario());
        long pass = scenarios.stream().filter(sc -> scenarioVerdict(results, sc) == Verdict.PASS).count();
        long viol = scenarios.stream().filter(sc -> scenarioVerdict(results, sc) == Verdict.VIOLATION).count();
        long inc = scenarios.stream().filter(sc -> scenarioVerdict(results, sc) == Verdict.INCOMPLETE).count();
        long violations = results.stream().filter(r -> r.result().verdict() == Verdict.VIOLATION).count();
        boolean continued = results.stream().anyMatch(r -> r.continued() != null);
        long states = results.stream().mapToLong(r -> r.result().stats().states()).sum();
        long ms = results.stream().mapToLong(r -> r.result().stats().millis()).sum();
        // The visited set's memory per stored state, for the scenario with the most states.
        Stats big = results.stream().map(r -> r.result().stats()).max(java.util.Comparator.comparingLong(Stats::states)).orElse(null);
        long bytes = big == null ? 0 : big.visitedBytes();
        long most = big == null ? 0 : big.states();
        // ... and the most working memory (queue or level arenas, parent/actor arrays) any search held.
        long working = results.stream().mapToLong(r -> r.result().stats().workingBytes()).max().orElse(0);
        out.printf(Locale.ROOT, "%n%d PASS, %d VIOLATION, %d INCOMPLETE%s; %s states in %s; visited set %s, "
                + "working memory %s, peak RSS %s; exit code %d%n",
            pass, viol, inc, continued ? " (" + violations + (violations == 1 ? " invariant violated" : " invariants violated, a trace each") + ")" : "",
            Numbers.grouped(states), Numbers.millis(ms),
            visitedSet(bytes, most), Numbers.bytes(working),
            Numbers.bytes(utrace.checker.run.PeakRss.bytes()), code);
        String cycles = cycleSearches(results);
        if (cycles != null) out.println(cycles);
    }

    /**
     * "livelock-freedom's cycle search after the rest passed: 34 scenarios, 26,910 states (13,455 searched, 13,455
     * watched for a loop without progress), 227 ms": what the cycle
     * passes after the searches that passed cost (not in the figures above, which are the main searches'), or null
     * when none ran.
     */
    static String cycleSearches(List<ScenarioResult> results) {
        long n = 0, states = 0, watched = 0, ms = 0;
        String name = null;
        for (ScenarioResult r : results) {
            utrace.checker.explore.CycleSearch.Figures f = r.result().cycles();
            if (f == null) continue;
            n++;
            states += f.states() + f.watched();
            watched += f.watched();
            ms += f.millis();
            name = f.invariant();
        }
        if (n == 0) return null;
        return String.format(Locale.ROOT, "%s's cycle search after the rest passed: %d %s, %s states (%s searched, %s "
                + "watched for a loop without progress), %s", name, n, n == 1 ? "scenario" : "scenarios",
            Numbers.grouped(states), Numbers.grouped(states - watched), Numbers.grouped(watched), Numbers.millis(ms));
    }

    /**
     * The visited set of the largest search: its size, and per stored state once there are enough states
     * for that to mean something (a table starts at a fixed size: 24 states in 1 MB would read "43690 bytes/state").
     */
    static String visitedSet(long bytes, long states) {
        if (states < PER_STATE_FROM) return Numbers.bytes(bytes);
        return String.format(Locale.ROOT, "%s (%.1f bytes/state)", Numbers.bytes(bytes), (double) bytes / states);
    }

    /** The state count from which the summary prints the visited set's bytes per state. */
    static final long PER_STATE_FROM = 100_000;
}

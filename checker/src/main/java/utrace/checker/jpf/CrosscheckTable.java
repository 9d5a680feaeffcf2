package utrace.checker.jpf;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import utrace.checker.explore.Stats;
import utrace.checker.explore.Verdict;

/** The side-by-side table `checker crosscheck` prints: each engine's verdict, state counts and time. */
public final class CrosscheckTable {
    private CrosscheckTable() {}

    private static final String ROW = "%-50s | %-9s %9s %9s | %-7s %-9s %10s %10s %9s | %s%n";

    public static void header(PrintStream out) {
        out.printf(Locale.ROOT, "%-50s | %-29s | %-50s |%n", "", "native (breadth-first)", "JPF (depth-first, state matching)");
        out.printf(Locale.ROOT, ROW, "scenario [+mutation]", "verdict", "states", "time", "driver", "verdict", "new states", "visited",
            "time", "agree");
    }

    public static void row(PrintStream out, Crosscheck.Outcome o) {
        Stats n = o.nativeResult().result().stats();
        if (o.jpf() == null) {
            out.printf(Locale.ROOT, ROW, o.row().label(), o.nativeResult().result().verdict(), JpfReport.grouped(n.states()),
                JpfReport.millis(n.millis()), "-", "-", "-", "-", "-", "skipped");
            out.printf("    JPF not run: %s%n", o.skipped());
            if (o.nativeUnexpected() != null) out.printf("    UNEXPECTED native verdict: %s%n", o.nativeUnexpected());
            return;
        }
        JpfEngine.Result j = o.jpf().result();
        out.printf(Locale.ROOT, ROW, o.row().label(), o.nativeResult().result().verdict(), JpfReport.grouped(n.states()),
            JpfReport.millis(n.millis()), o.jpf().driver().id(), o.jpf().verdictName(), JpfReport.grouped(j.output().newStates()),
            JpfReport.grouped(j.output().visitedStates()), JpfReport.millis(j.millis()), agreeWord(o));
        if (o.nativeResult().result().verdict() == Verdict.VIOLATION || j.verdict() == Verdict.VIOLATION) {
            out.printf("    native: %s%n", describe(o.nativeResult().result().counterexample() == null ? null
                : o.nativeResult().result().counterexample().violation().invariant().name(), o.nativeResult().traceSteps(),
                o.nativeResult().traceJson()));
            out.printf("    JPF:    %s%n", describe(j.counterexample() == null ? null : j.counterexample().violation().invariant().name(),
                j.counterexample() == null ? 0 : j.counterexample().schedule().size(), o.jpf().traceJson()));
        }
        if (o.agreement() == Crosscheck.Agreement.UNEXPECTED) {
            if (o.nativeUnexpected() != null) out.printf("    UNEXPECTED native verdict: %s%n", o.nativeUnexpected());
            if (o.jpfUnexpected() != null) out.printf("    UNEXPECTED JPF verdict: %s%n", o.jpfUnexpected());
        }
        if (j.verdict() == null) out.printf("    JPF ERROR: %s%n", j.error());
        if (j.verdict() == Verdict.INCOMPLETE) out.printf("    JPF INCOMPLETE: %s%n", j.incompleteReason());
        if (o.nativeResult().result().verdict() == Verdict.INCOMPLETE) {
            out.printf("    native INCOMPLETE: %s%n", o.nativeResult().result().incompleteReason());
        }
    }

    private static String describe(String invariant, int steps, Object trace) {
        return invariant == null ? "no violation" : invariant + ", " + steps + "-step trace " + trace;
    }

    private static String agreeWord(Crosscheck.Outcome o) {
        switch (o.agreement()) {
            case AGREE: return "yes";
            case DISAGREE: return "NO";
            case UNEXPECTED: return "UNEXPECTED";
            case SKIPPED: return "skipped";
            default: return "n/a";
        }
    }

    public static void summary(PrintStream out, List<Crosscheck.Outcome> outcomes) {
        summary(out, outcomes, Crosscheck.exitCode(outcomes));
    }

    /** {@code code}: the exit code the run ends with. */
    public static void summary(PrintStream out, List<Crosscheck.Outcome> outcomes, int code) {
        long agree = outcomes.stream().filter(o -> o.agreement() == Crosscheck.Agreement.AGREE).count();
        long disagree = outcomes.stream().filter(o -> o.agreement() == Crosscheck.Agreement.DISAGREE).count();
        long skipped = outcomes.stream().filter(o -> o.agreement() == Crosscheck.Agreement.SKIPPED).count();
        long unexpected = outcomes.stream().filter(o -> o.agreement() == Crosscheck.Agreement.UNEXPECTED).count();
        long na = outcomes.size() - agree - disagree - skipped - unexpected;
        long nStates = outcomes.stream().mapToLong(o -> o.nativeResult().result().stats().states()).sum();
        long nMs = outcomes.stream().mapToLong(o -> o.nativeResult().result().stats().millis()).sum();
        long jStates = outcomes.stream().filter(o -> o.jpf() != null).mapToLong(o -> o.jpf().result().output().newStates()).sum();
        long jMs = outcomes.stream().filter(o -> o.jpf() != null).mapToLong(o -> o.jpf().result().millis()).sum();
        out.printf(Locale.ROOT, "%n%d rows: %d agree, %d disagree, %d unexpected, %d not comparable, %d skipped; native %s states in %s, JPF %s states in %s; exit code %d%n",
            outcomes.size(), agree, disagree, unexpected, na, skipped, JpfReport.grouped(nStates), JpfReport.millis(nMs), JpfReport.grouped(jStates),
            JpfReport.millis(jMs), code);
    }
}

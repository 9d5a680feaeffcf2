package utrace.checker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import utrace.checker.explore.Limits;
import utrace.checker.explore.Verdict;
import utrace.checker.jpf.JpfEngine;
import utrace.checker.report.Numbers;
import utrace.invariants.Invariant;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/**
 * The JPF comparison of checker bench (--engines native,jpf): Java PathFinder
 * runs the same scenarios (with the driver of --jpf-driver, see
 * utrace.checker.jpf.JpfDriverKind), and the table sets its time beside the
 * native engine's single-worker time. JPF's state count is its own (program
 * states), not the model's, so only times and verdicts compare.
 */
public final class JpfColumn {
    private final JpfEngine engine;
    private final String home;
    private final long timeLimitMillis;

    public JpfColumn(JpfEngine engine, String home, long timeLimitMillis) {
        this.engine = engine;
        this.home = home;
        this.timeLimitMillis = timeLimitMillis;
    }

    void table(PrintStream out, List<Scenario> scenarios, List<Bench.Row> rows, ModelConfig config, List<Invariant> invariants) {
        out.printf(Locale.ROOT, "%nJPF (%s, driver '%s'; each run limited to %s) against the native engine on 1 worker:%n", home,
            engine.driver().id(), Numbers.millis(timeLimitMillis));
        out.printf(Locale.ROOT, "%-22s %11s %9s %-11s %11s %10s %9s %9s%n", "scenario", "states", "native", "JPF", "JPF states",
            "JPF st/s", "JPF", "JPF/native");
        for (Scenario s : scenarios) {
            Bench.Row nat = rows.stream().filter(r -> r.scenario() == s && r.scale().workers() == 1 && !r.scale().symmetry())
                .findFirst().orElse(null);
            if (nat == null) continue;
            JpfEngine.Result r;
            try {
                r = engine.run(s, config, invariants, new Limits(0, timeLimitMillis), ms -> { });
            } catch (IOException e) {
                out.printf("%-22s JPF could not run: %s%n", s.name(), e.getMessage());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long nativeMs = Math.max(1, nat.m().wallMillis());
            String verdict = r.verdict() == null ? "ERROR" : r.verdict().name();
            boolean incomplete = r.verdict() == Verdict.INCOMPLETE;
            long jpfStates = r.output() == null ? 0 : r.output().newStates();
            out.printf(Locale.ROOT, "%-22s %11s %9s %-11s %11s %10s %9s %8s%s%n", s.name(), Numbers.grouped(nat.m().result().stats().states()),
                Numbers.millis(nativeMs), verdict, Numbers.grouped(jpfStates),
                Numbers.rate(jpfStates * 1000.0 / Math.max(1, r.millis())), (incomplete ? ">" : "") + Numbers.millis(r.millis()),
                String.format(Locale.ROOT, "%s%.0fx", incomplete ? ">" : "", (double) r.millis() / nativeMs),
                r.error() != null ? "   (" + r.error() + ")" : "");
        }
    }
}

package utrace.checker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import utrace.checker.report.Numbers;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/**
 * bench's SPIN table: on every scenario the twin knows (those of the bench
 * list it has a define for, and the twin's own size-ladder files), its `pan`
 * and `checker -w 1` (one worker, in a JVM of its own: fresh, warm or both,
 * {@link JvmMode}) alternating, R pairs (--repeat), medians; states, search
 * time and states/s of both, and the per-state ratio (checker's states/s over
 * pan's), one row per JVM mode. The twin is a copy of
 * the model at some commit: when the model has changed since, the two state
 * counts differ and only the per-state rate compares (the table says so).
 */
final class SpinTable {
    private SpinTable() {}

    /** Returns the number of measured runs. */
    static int print(PrintStream out, PrintStream progress, SpinTwin twin, List<Scenario> planned, String invariantSet, int pairs,
                     long timeLimitMillis, List<JvmMode> modes) throws IOException, InterruptedException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : planned) if (SpinTwin.DEFINES.containsKey(s.name())) scenarios.add(s);
        for (Path f : twin.ladderFiles()) {
            try {
                Scenario s = Scenarios.load(f.toString());
                if (scenarios.stream().noneMatch(x -> x.name().equals(s.name()))) scenarios.add(s);
            } catch (utrace.model.ScenarioFormatException e) {
                out.printf(Locale.ROOT, "  (twin scenario %s does not parse here, left out: %s)%n", f, e.getMessage());
            }
        }
        out.printf(Locale.ROOT, "%nSPIN twin %s (%s; spin -o2, %s -O2 -DSAFETY -DNOREDUCE, built in a temporary directory):%n"
            + "pan and checker -w 1 (one worker) alternating, %d pair(s) per scenario, medians; search time (pan's own%n"
            + "'elapsed time', checker's search without JVM start-up); ratio = checker states/s over pan states/s (median of%n"
            + "the per-pair ratios); the checker's JVM:%n  %s%n",
            twin.dir(), twin.version(), twin.compiler(), pairs, modeLegend(modes));
        out.printf(Locale.ROOT, "%-22s %11s %9s %10s %-6s %11s %9s %10s %8s %9s%n", "scenario", "pan states", "pan time", "pan st/s",
            "JVM", "chk states", "chk time", "chk st/s", "ratio", "chk RSS");
        if (scenarios.isEmpty()) {
            out.printf(Locale.ROOT, "  none of the scenarios is one the twin knows (%s)%n", String.join(", ", SpinTwin.DEFINES.keySet()));
            return 0;
        }
        ChildJvm jvm = new ChildJvm();
        int runs = 0;
        boolean differ = false;
        for (Scenario s : scenarios) {
            if (progress != null) progress.printf(Locale.ROOT, "[bench] SPIN: building pan for %s ...%n", s.name());
            Path pan;
            try {
                pan = twin.build(s.name(), Math.max(timeLimitMillis, 120_000));
            } catch (IOException e) {
                out.printf(Locale.ROOT, "%-22s not measured: %s%n", s.name(), e.getMessage());
                continue;
            }
            List<SpinTwin.Result> ps = new ArrayList<>();
            List<List<ChildJvm.Result>> byMode = new ArrayList<>();
            for (int m = 0; m < modes.size(); m++) byMode.add(new ArrayList<>());
            for (int i = 0; i < pairs; i++) {
                if (progress != null) progress.printf(Locale.ROOT, "[bench] SPIN: pair %d of %d on %s ...%n", i + 1, pairs, s.name());
                ps.add(twin.run(pan, timeLimitMillis));
                runs++;
                for (int m = 0; m < modes.size(); m++) {
                    byMode.get(m).add(jvm.run(s, invariantSet, 1, false, timeLimitMillis, modes.get(m)));
                    runs++;
                }
            }
            if (ps.stream().anyMatch(SpinTwin.Result::timedOut)) {
                out.printf(Locale.ROOT, "%-22s pan did not finish within %s%n", s.name(), Numbers.millis(timeLimitMillis));
                continue;
            }
            double[] pt = new double[pairs];
            for (int i = 0; i < pairs; i++) pt[i] = ps.get(i).searchSeconds();
            double panSec = WorkerScaling.median(pt);
            long panStates = ps.get(0).states();
            for (int m = 0; m < modes.size(); m++) {
                List<ChildJvm.Result> cs = byMode.get(m);
                double[] ratio = new double[pairs];
                for (int i = 0; i < pairs; i++) ratio[i] = cs.get(i).statesPerSecond() / ps.get(i).statesPerSecond();
                double chkMs = WorkerScaling.medianOf(cs, ChildJvm.Result::searchMillis);
                long chkStates = cs.get(0).states();
                if (panStates != chkStates) differ = true;
                out.printf(Locale.ROOT, "%-22s %11s %9s %10s %-6s %11s %9s %10s %7.2fx %9s%s%n", m == 0 ? s.name() : "",
                    Numbers.grouped(panStates), Numbers.millis((long) (panSec * 1000)), Numbers.rate(panStates / Math.max(0.01, panSec)),
                    modes.get(m).word, Numbers.grouped(chkStates), Numbers.millis((long) chkMs),
                    Numbers.rate(chkStates * 1000.0 / Math.max(1, chkMs)), WorkerScaling.median(ratio),
                    Numbers.bytes((long) WorkerScaling.medianOf(cs, ChildJvm.Result::peakRssBytes)),
                    cs.get(0).verdict().equals("PASS") && ps.get(0).errors() == 0 ? "" : "   (pan errors " + ps.get(0).errors()
                        + ", checker " + cs.get(0).verdict() + ")");
            }
        }
        if (differ) {
            out.printf(Locale.ROOT, "(the twin and the model reach different state counts: the model changed since the twin was "
                + "written; compare the rates per state, not the times)%n");
        }
        return runs;
    }

    private static String modeLegend(List<JvmMode> modes) {
        StringBuilder b = new StringBuilder();
        for (JvmMode m : modes) b.append(b.length() == 0 ? "" : String.format("%n  ")).append(m.word).append(" = ").append(m.phrase());
        return b.toString();
    }
}

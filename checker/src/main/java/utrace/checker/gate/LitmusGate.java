package utrace.checker.gate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import utrace.checker.weak.LitmusRun;
import utrace.model.MemoryModel;

/**
 * The first part of `checker gate --barriers`: the weak memory model's
 * litmus self-tests, each against LKMM's verdict, before the barrier rows
 * are trusted to mean anything.
 */
public final class LitmusGate {
    private LitmusGate() {}

    /** Prints one line per litmus test; true if every verdict is LKMM's. */
    public static boolean print(PrintWriter out) {
        List<LitmusRun.Result> rs = LitmusRun.runAll(MemoryModel.WEAK);
        out.printf(Locale.ROOT, "litmus self-test of the weak memory model (expected: LKMM's verdict)%n");
        out.printf(Locale.ROOT, "%-22s %-48s %-24s %-10s %-10s %6s%n", "test", "LKMM name", "exists", "expected", "got", "states");
        int bad = 0;
        for (LitmusRun.Result r : rs) {
            boolean ok = r.asExpected();
            if (!ok) bad++;
            out.printf(Locale.ROOT, "%-22s %-48s %-24s %-10s %-10s %6d%s%n", r.test().name(), r.test().lkmmName(),
                r.test().existsText(), r.test().lkmmSometimes() ? "Sometimes" : "Never", r.verdict(), r.states(),
                ok ? "" : "   <-- UNEXPECTED");
        }
        out.printf(Locale.ROOT, "%d litmus tests, %d as LKMM says, %d not%n%n", rs.size(), rs.size() - bad, bad);
        return bad == 0;
    }
}

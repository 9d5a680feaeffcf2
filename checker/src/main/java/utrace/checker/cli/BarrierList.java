package utrace.checker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.model.Barrier;
import utrace.model.Litmus;

/** `checker list barriers` and `checker list litmus`: the weak memory model's barriers and self-tests. */
final class BarrierList {
    private BarrierList() {}

    static void barriers(PrintWriter out) {
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow r : BugMatrix.load()) if (BugMatrix.isBarrierRow(r)) rows.add(r);
        for (Barrier b : Barrier.values()) {
            out.printf("%-10s %-10s %-36s pair %s, LKMM shape %s%n", b.id, b.kind.call, b.function, b.pair(), b.pattern);
            out.println(ListCommand.wrap("orders: " + b.orders, "    "));
            for (MatrixRow r : rows) {
                if (r.broken().equals("barrier:" + b.id)) {
                    out.printf("    without it: %s breaks on %s (gate row %s)%n", r.invariant(), r.scenario(), r.id());
                }
            }
        }
        out.println();
        out.println("Use: checker verify --memory-model weak [--without-barrier ID,...]; checker gate --barriers");
    }

    static void litmus(PrintWriter out) {
        for (Litmus t : Litmus.all()) {
            out.printf("%-12s %-40s LKMM: %s%n", t.name(), t.lkmmName(), t.lkmmSometimes() ? "Sometimes" : "Never");
            for (String l : t.program().split("\n")) out.println("    " + l);
        }
    }
}

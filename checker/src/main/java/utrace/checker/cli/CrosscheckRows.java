package utrace.checker.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.jpf.Crosscheck;
import utrace.checker.jpf.JpfReport;
import utrace.checker.report.RunReport;
import utrace.checker.report.ScenarioRows;

/** A crosscheck row as a report row: both engines' results and whether they agree on the expected verdict. */
final class CrosscheckRows {
    private CrosscheckRows() {}

    static RunReport.Row row(Crosscheck.Outcome o) {
        ObjectNode j = RunReport.object();
        j.put("row", o.row().label());
        j.put("kind", o.row().kind().name().toLowerCase(java.util.Locale.ROOT));
        j.put("expected", o.row().expected().name());
        if (o.row().mustBreak() != null) j.put("must_break", o.row().mustBreak());
        j.put("agreement", o.agreement().name());
        j.set("native", ScenarioRows.json(o.nativeResult()));
        if (o.jpf() != null) j.set("jpf", JpfReport.rowJson(o.jpf()));
        if (o.skipped() != null) j.put("skipped", o.skipped());
        StringBuilder so = new StringBuilder();
        String nat = ScenarioRows.systemOut(o.nativeResult());
        if (nat != null) so.append("native: ").append(nat).append('\n');
        if (o.jpf() != null && o.jpf().traceJson() != null) {
            so.append("JPF: trace ").append(o.jpf().traceJson()).append("\nreplay: bin/checker replay ")
                .append(o.jpf().traceJson()).append('\n');
        }
        long ms = o.nativeResult().result().stats().millis() + (o.jpf() == null ? 0 : o.jpf().result().millis());
        String name = o.row().label();
        switch (o.agreement()) {
            case AGREE:
                return new RunReport.Row(name, ms, RunReport.Status.PASS, null, null, so.toString(), j);
            case SKIPPED:
                return new RunReport.Row(name, ms, RunReport.Status.SKIPPED, "JPF not run: " + o.skipped(), null,
                    so.toString(), j);
            case INCOMPARABLE:
                return new RunReport.Row(name, ms, RunReport.Status.ERROR, "not comparable: a limit stopped a search",
                    "incomplete", so.toString(), j);
            case UNEXPECTED: {
                String why = o.nativeUnexpected() != null ? "native: " + o.nativeUnexpected() : "JPF: " + o.jpfUnexpected();
                return new RunReport.Row(name, ms, RunReport.Status.FAILURE, "unexpected verdict; " + why, "unexpected",
                    so.toString(), j);
            }
            default:
                return new RunReport.Row(name, ms, RunReport.Status.FAILURE, "the engines disagree: native "
                    + o.nativeResult().result().verdict() + ", JPF " + o.jpf().verdictName(), "disagree", so.toString(), j);
        }
    }
}

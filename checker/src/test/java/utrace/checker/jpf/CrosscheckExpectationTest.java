package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.checker.run.RunOptions;
import utrace.checker.run.ScenarioResult;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.invariants.InvariantSet;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/**
 * crosscheck's expectation per row kind, checked on the native side (no JPF
 * needed): every default row passes, every mutation and gate row violates
 * the invariant it names, every finding row the invariant its finding breaks first. And the rule itself: agreeing on the wrong verdict
 * fails the row (UNEXPECTED, exit 1), as a disagreement does.
 */
class CrosscheckExpectationTest {
    @TempDir
    Path tmp;

    private static final VerifyRun.Listener QUIET = new VerifyRun.Listener() {
        @Override public void starting(Scenario s) { }

        @Override public ProgressListener progressFor(Scenario s) { return ProgressListener.NONE; }
    };

    private ScenarioResult nativeRun(Crosscheck.Row row) {
        VerifyRequest req = new VerifyRequest(List.of(row.scenario()), row.invariants(), row.config(), Limits.NONE, tmp);
        return VerifyRun.run(req, QUIET, RunOptions.DEFAULT, ScaleOptions.SEQUENTIAL).get(0);
    }

    @Test
    void everyRowsNativeVerdictIsTheOneItsKindRequires() throws Exception {
        InvariantSet core = InvariantSet.shipped("core");
        List<Crosscheck.Row> rows = new ArrayList<>();
        for (String n : Scenarios.shippedNames()) rows.add(Crosscheck.defaultRow(Scenarios.load(n), core));
        for (Mutation m : Mutation.values()) rows.add(Crosscheck.mutationRow(m, Scenarios.load(m.scenario), core));
        for (MatrixRow r : BugMatrix.load()) {
            if (r.broken().startsWith("mutation:")) continue;
            rows.add(Crosscheck.gateRow(r.id(), Scenarios.load(r.scenario()), BugMatrix.config(r), r.invariant(), core));
        }
        for (String n : Scenarios.findingNames()) rows.add(Crosscheck.findingRow(Scenarios.load(n)));
        for (String n : Scenarios.fidelityNames()) rows.add(Crosscheck.fidelityRow(Scenarios.load(n)));
        for (String n : Scenarios.ptraceTestNames()) rows.add(Crosscheck.ptraceTestsRow(Scenarios.load(n)));
        List<String> wrong = new ArrayList<>();
        for (Crosscheck.Row row : rows) {
            Crosscheck.Outcome o = new Crosscheck.Outcome(row, nativeRun(row), null, "no JPF in this test");
            if (o.nativeUnexpected() != null) wrong.add(row.label() + ": " + o.nativeUnexpected());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aFindingTheSeriesNoLongerShowsIsAnUnexpectedRowNotACrash() throws Exception {
        // stop-then-resume passes on the full series with every invariant: as a finding, its race is "gone".
        Crosscheck.Row row = Crosscheck.findingRow(Scenarios.load("stop-then-resume"));
        assertEquals(Crosscheck.Kind.FINDING, row.kind());
        assertTrue(row.label().contains("no longer violates"), row.label());
        assertTrue(row.invariants().invariants().size() > 20, "checks every invariant");
        Crosscheck.Outcome o = new Crosscheck.Outcome(row, nativeRun(row), null, "no JPF");
        assertEquals("expected VIOLATION, got PASS", o.nativeUnexpected());
        assertEquals(Crosscheck.Agreement.UNEXPECTED, o.agreement());
        assertEquals(1, Crosscheck.exitCode(List.of(o)));
    }

    @Test
    void agreeingOnTheWrongVerdictIsUnexpected() throws Exception {
        InvariantSet core = InvariantSet.shipped("core");
        Mutation m = Mutation.values()[0];
        // A mutation row run WITHOUT its mutation passes: both engines saying PASS must not count as agreement.
        Crosscheck.Row mutationRow = Crosscheck.mutationRow(m, Scenarios.load(m.scenario), core);
        Crosscheck.Row withoutMutation = new Crosscheck.Row(mutationRow.label(), mutationRow.scenario(),
            utrace.model.ModelConfig.fullSeries(), mutationRow.invariants(), false, Crosscheck.Kind.MUTATION, m.breaks);
        Crosscheck.Outcome o = new Crosscheck.Outcome(withoutMutation, nativeRun(withoutMutation), null, "no JPF");
        assertNotNull(o.nativeUnexpected());
        assertEquals(Crosscheck.Agreement.UNEXPECTED, o.agreement());
        assertEquals(1, Crosscheck.exitCode(List.of(o)));
        // The same row with its mutation is as expected.
        Crosscheck.Outcome ok = new Crosscheck.Outcome(mutationRow, nativeRun(mutationRow), null, "no JPF");
        assertNull(ok.nativeUnexpected(), ok.nativeResult().result().verdict().name());
        assertEquals(Crosscheck.Agreement.SKIPPED, ok.agreement());
    }
}

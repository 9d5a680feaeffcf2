package utrace.checker.jpf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import utrace.checker.explore.Verdict;
import utrace.checker.run.ScenarioResult;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenario;

/**
 * `checker crosscheck`: the native engine and JPF on the same rows, which
 * must get the same verdict. The rows are every default scenario on the full
 * series (PASS expected) and every mutation on the scenario that shows it
 * (VIOLATION expected). Two violations agree even when they name different
 * invariants (a depth-first and a breadth-first search can meet different
 * bugs first); each engine's trace is still replayed on the native model.
 */
public final class Crosscheck {
    private Crosscheck() {}

    /**
     * One configuration to run under both engines.
     * @param invariants the requested set, plus the invariant a mutation or gate row must break if the set lacks it
     * @param gate true for a row of the gate's bug matrix
     */
    public record Row(String label, Scenario scenario, ModelConfig config, InvariantSet invariants, boolean gate) {}

    /** Both engines' answers for a row; {@code jpf} is null for a row too big for JPF ({@code skipped} says why). */
    public record Outcome(Row row, ScenarioResult nativeResult, JpfRow jpf, String skipped) {
        public Agreement agreement() {
            if (jpf == null) return Agreement.SKIPPED;
            Verdict n = nativeResult.result().verdict();
            Verdict j = jpf.result().verdict();
            if (j == null) return Agreement.DISAGREE; // JPF's answer was unusable: a finding in itself
            if (n == Verdict.INCOMPLETE || j == Verdict.INCOMPLETE) return Agreement.INCOMPARABLE;
            return n == j ? Agreement.AGREE : Agreement.DISAGREE;
        }
    }

    /** SKIPPED rows (too big for JPF) count for nothing. */
    public enum Agreement { AGREE, DISAGREE, INCOMPARABLE, SKIPPED }

    /** A default scenario on the full series. */
    public static Row defaultRow(Scenario s, InvariantSet set) {
        return new Row(s.name(), s, ModelConfig.fullSeries(), set, false);
    }

    /** A mutation on the scenario that shows it, checking also the invariant it breaks. */
    public static Row mutationRow(Mutation m, Scenario s, InvariantSet set) {
        return new Row(s.name() + " +" + m.id, s, ModelConfig.fullSeries().withMutations(EnumSet.of(m)), with(set, m.breaks), false);
    }

    /** A gate row: its broken configuration on its scenario, checking also its invariant. */
    public static Row gateRow(String id, Scenario s, ModelConfig broken, String invariant, InvariantSet set) {
        return new Row(s.name() + " [gate " + id + "]", s, broken, with(set, invariant), true);
    }

    static InvariantSet with(InvariantSet set, String name) {
        for (Invariant i : set.invariants()) if (i.name().equals(name)) return set;
        Invariant extra = Invariants.byName(name);
        if (extra == null) throw new IllegalArgumentException("unknown invariant " + name);
        List<Invariant> all = new ArrayList<>(set.invariants());
        all.add(extra);
        return new InvariantSet(set.name() + "+" + name, List.copyOf(all));
    }

    /** 1 on any disagreement, else 3 if some row could not be compared (a limit), else 0. */
    public static int exitCode(List<Outcome> outcomes) {
        boolean incomparable = false;
        for (Outcome o : outcomes) {
            if (o.agreement() == Agreement.DISAGREE) return 1;
            if (o.agreement() == Agreement.INCOMPARABLE) incomparable = true;
        }
        return incomparable ? 3 : 0;
    }
}

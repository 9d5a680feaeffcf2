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
 * must get the verdict the row's kind requires: every default scenario on
 * the full series (PASS), every mutation on the scenario that shows it and
 * every gate row (VIOLATION of the invariant they name, the only one those
 * rows check, so a depth-first and a breadth-first search cannot meet
 * different bugs first). Each engine's trace is replayed on the native model.
 */
public final class Crosscheck {
    private Crosscheck() {}

    /**
     * What a row is, and so what both engines must say: default, fidelity and ptrace-tests rows PASS, mutation, gate
     * and finding rows VIOLATION.
     */
    public enum Kind { DEFAULT, MUTATION, GATE, FINDING, FIDELITY, PTRACE_TESTS }

    /**
     * One configuration to run under both engines.
     * @param invariants the requested set for a default row; for a mutation or gate row only the invariant it names
     * @param gate true for a row of the gate's bug matrix
     * @param mustBreak the invariant a mutation or gate row must be found violating; null for a default row
     */
    public record Row(String label, Scenario scenario, ModelConfig config, InvariantSet invariants, boolean gate, Kind kind,
                      String mustBreak) {
        public Row(String label, Scenario scenario, ModelConfig config, InvariantSet invariants, boolean gate) {
            this(label, scenario, config, invariants, gate, gate ? Kind.GATE : Kind.DEFAULT, null);
        }

        public Verdict expected() {
            return kind == Kind.DEFAULT || kind == Kind.FIDELITY || kind == Kind.PTRACE_TESTS ? Verdict.PASS : Verdict.VIOLATION;
        }

        /** Null if {@code v} (with {@code invariant} for a violation) is what this row must give, else what is wrong. */
        public String unexpected(Verdict v, String invariant) {
            if (v == null || v == Verdict.INCOMPLETE) return null; // no answer: not comparable, not unexpected
            if (v != expected()) return "expected " + expected() + (mustBreak == null ? "" : " of " + mustBreak) + ", got " + v;
            if (v == Verdict.VIOLATION && mustBreak != null && !mustBreak.equals(invariant)) {
                return "expected a violation of " + mustBreak + ", got one of " + invariant;
            }
            return null;
        }
    }

    /** Both engines' answers for a row; {@code jpf} is null for a row too big for JPF ({@code skipped} says why). */
    public record Outcome(Row row, ScenarioResult nativeResult, JpfRow jpf, String skipped) {
        public Agreement agreement() {
            Verdict n = nativeResult.result().verdict();
            if (jpf == null) return nativeUnexpected() != null ? Agreement.UNEXPECTED : Agreement.SKIPPED;
            Verdict j = jpf.result().verdict();
            if (j == null) return Agreement.DISAGREE; // JPF's answer was unusable: a finding in itself
            if (n == Verdict.INCOMPLETE || j == Verdict.INCOMPLETE) return Agreement.INCOMPARABLE;
            if (n != j) return Agreement.DISAGREE;
            return nativeUnexpected() != null || jpfUnexpected() != null ? Agreement.UNEXPECTED : Agreement.AGREE;
        }

        /** What is wrong with the native verdict for this row's kind; null if it is as expected. */
        public String nativeUnexpected() {
            var x = nativeResult.result();
            return row.unexpected(x.verdict(), x.counterexample() == null ? null : x.counterexample().violation().invariant().name());
        }

        /** As {@link #nativeUnexpected()} for JPF's verdict (null without a JPF run). */
        public String jpfUnexpected() {
            if (jpf == null) return null;
            var j = jpf.result();
            return row.unexpected(j.verdict(), j.counterexample() == null ? null : j.counterexample().violation().invariant().name());
        }
    }

    /**
     * SKIPPED rows (too big for JPF) count for nothing unless the native verdict alone is already unexpected.
     * UNEXPECTED: the engines agree (or JPF did not run) but not on the verdict the row's kind requires.
     */
    public enum Agreement { AGREE, DISAGREE, UNEXPECTED, INCOMPARABLE, SKIPPED }

    /** A default scenario on the full series. */
    public static Row defaultRow(Scenario s, InvariantSet set) {
        return new Row(s.name(), s, ModelConfig.fullSeries(), set, false, Kind.DEFAULT, null);
    }

    /**
     * A fidelity scenario (model/scenarios/fidelity.list: the edge of a documented exception, or an interleaving a
     * model fix opened) on the full series with every invariant: both engines must say PASS, where a checker too
     * eager would report.
     */
    public static Row fidelityRow(Scenario s) {
        return new Row(s.name() + " [fidelity]", s, ModelConfig.fullSeries(), allInvariants(), false, Kind.FIDELITY, null);
    }

    /**
     * A scenario of model/scenarios/ptrace-tests.list (a test of the kernel's ptrace regression suite) on the full
     * series with the invariant set 'ptrace-tests', as `make ptrace-tests` checks it: both engines must say PASS.
     */
    public static Row ptraceTestsRow(Scenario s) {
        return new Row(s.name() + " [ptrace-tests]", s, ModelConfig.fullSeries(), shipped("ptrace-tests"), false,
            Kind.PTRACE_TESTS, null);
    }

    /** A mutation on the scenario that shows it, checking the invariant it breaks. */
    public static Row mutationRow(Mutation m, Scenario s, InvariantSet set) {
        return new Row(s.name() + " +" + m.id, s, ModelConfig.fullSeries().withMutations(EnumSet.of(m)), only(m.breaks), false,
            Kind.MUTATION, m.breaks);
    }

    /**
     * A finding (findings.list) on the full series, checking only the invariant it breaks: the second engine
     * confirms what the first reports of the seed itself.
     */
    public static Row findingRow(Scenario s) {
        String invariant = FindingInvariant.of(s);
        if (invariant == null) {
            // The race is gone from the model (or the scenario changed): both engines run every invariant, and the
            // row reports the PASS it gets as unexpected, with the place to look.
            return new Row(s.name() + " [finding, no longer violates: see docs/findings.md]", s, ModelConfig.fullSeries(),
                allInvariants(), false, Kind.FINDING, null);
        }
        return new Row(s.name() + " [finding]", s, ModelConfig.fullSeries(), only(invariant), false, Kind.FINDING, invariant);
    }

    /** A gate row: its broken configuration on its scenario, checking also its invariant. */
    public static Row gateRow(String id, Scenario s, ModelConfig broken, String invariant, InvariantSet set) {
        return new Row(s.name() + " [gate " + id + "]", s, broken, only(invariant), true, Kind.GATE, invariant);
    }

    /**
     * The set of a mutation or gate row: only the invariant it names, so that both engines must find that
     * violation (with a larger set a search may meet another invariant first, and the row would show nothing).
     */
    static InvariantSet only(String name) {
        Invariant inv = Invariants.byName(name);
        if (inv == null) throw new IllegalArgumentException("unknown invariant " + name);
        return new InvariantSet(name, List.of(inv));
    }

    private static InvariantSet allInvariants() {
        return shipped("all");
    }

    private static InvariantSet shipped(String name) {
        try {
            return InvariantSet.shipped(name);
        } catch (utrace.invariants.InvariantSetException e) {
            throw new IllegalStateException("the shipped set '" + name + "' does not load: " + e.getMessage(), e);
        }
    }

    static InvariantSet with(InvariantSet set, String name) {
        for (Invariant i : set.invariants()) if (i.name().equals(name)) return set;
        Invariant extra = Invariants.byName(name);
        if (extra == null) throw new IllegalArgumentException("unknown invariant " + name);
        List<Invariant> all = new ArrayList<>(set.invariants());
        all.add(extra);
        return new InvariantSet(set.name() + "+" + name, List.copyOf(all));
    }

    /** 1 on any disagreement or unexpected verdict, else 3 if some row could not be compared (a limit), else 0. */
    public static int exitCode(List<Outcome> outcomes) {
        boolean incomparable = false;
        for (Outcome o : outcomes) {
            if (o.agreement() == Agreement.DISAGREE || o.agreement() == Agreement.UNEXPECTED) return 1;
            if (o.agreement() == Agreement.INCOMPARABLE) incomparable = true;
        }
        return incomparable ? 3 : 0;
    }
}

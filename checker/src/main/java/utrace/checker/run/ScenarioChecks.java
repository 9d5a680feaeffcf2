package utrace.checker.run;

import java.util.ArrayList;
import java.util.List;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.Scenario;

/**
 * A scenario's 'checks' line names the invariants it was written to exercise beyond the core set
 * (step-detach: ptrace-step-kept). A run whose set the user did not choose checks them too, so that the
 * default job's PASS of such a scenario is a PASS of what it is about (`checker audit` shows which
 * invariants a scenario can fail at all).
 */
public final class ScenarioChecks {
    private ScenarioChecks() {}

    /**
     * {@code set} plus every invariant a scenario of {@code scenarios} names on its 'checks' line, named
     * "SET+checks" when that adds any; {@code set} itself otherwise.
     *
     * @throws IllegalArgumentException naming the scenario and the name, for a name that is no invariant
     */
    public static InvariantSet plus(InvariantSet set, List<Scenario> scenarios) {
        List<Invariant> all = new ArrayList<>(set.invariants());
        boolean added = false;
        for (Scenario s : scenarios) {
            for (String n : s.checks()) {
                Invariant i = resolve(s, n);
                if (!all.contains(i)) {
                    all.add(i);
                    added = true;
                }
            }
        }
        return added ? new InvariantSet(set.name() + "+checks", List.copyOf(all)) : set;
    }

    /** Refuses a 'checks' line naming no invariant, for a run that does not add them (an explicit set, a mutation run). */
    public static void validate(List<Scenario> scenarios) {
        for (Scenario s : scenarios) for (String n : s.checks()) resolve(s, n);
    }

    private static Invariant resolve(Scenario s, String name) {
        Invariant i = Invariants.byName(name);
        if (i == null) {
            throw new IllegalArgumentException("scenario " + s.name() + (s.file() == null ? "" : " (" + s.file() + ")")
                + ": its 'checks' line names '" + name + "', which is no invariant; known invariants: "
                + String.join(", ", Invariants.names()));
        }
        return i;
    }
}

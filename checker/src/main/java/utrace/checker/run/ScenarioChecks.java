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
            int line = checksLine(s, name);
            String where = s.file() == null ? "scenario " + s.name()
                : s.file() + (line > 0 ? ":" + line : "") + " (scenario " + s.name() + ")";
            throw new IllegalArgumentException(where + ": its 'checks' line names '" + name + "', which is no invariant"
                + utrace.model.Suggest.orKnown(name, Invariants.names(), "known invariants", "checker list invariants"));
        }
        return i;
    }

    /** The line of the scenario's text whose 'checks' names {@code name} (1-based), or 0. */
    private static int checksLine(Scenario s, String name) {
        if (s.source() == null) return 0;
        String[] lines = s.source().split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k].strip();
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            if (l.startsWith("checks") && java.util.Arrays.asList(l.substring(6).trim().split("[\\s,]+")).contains(name)) {
                return k + 1;
            }
        }
        return 0;
    }
}

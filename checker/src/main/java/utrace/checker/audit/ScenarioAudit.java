package utrace.checker.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import utrace.checker.explore.Verdict;
import utrace.model.Scenario;

/**
 * What the audit found for one scenario: its verdict on the full series, and per invariant of the set the
 * breakers under which that invariant fails on it (in {@link Breaker#all} order; empty: none known).
 *
 * @param baseline the scenario's verdict on the full series with the whole set
 * @param failsOnSeries invariants the full series itself violates here (a finding, not a PASS to audit)
 * @param incomplete breakers whose searches a limit cut short (what they would have shown is unknown)
 * @param unchecked on a PASS, the results the scenario states that no path checks ({@link StatedResultsReach});
 *     null when not searched (not a PASS) or when the search was cut before deciding
 */
public record ScenarioAudit(Scenario scenario, Verdict baseline, long states, Map<String, List<String>> breakersByInvariant,
                            List<String> failsOnSeries, List<String> incomplete, List<String> unchecked) {
    public ScenarioAudit {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        breakersByInvariant.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        breakersByInvariant = java.util.Collections.unmodifiableMap(copy);
        failsOnSeries = List.copyOf(failsOnSeries);
        incomplete = List.copyOf(incomplete);
        unchecked = unchecked == null ? null : List.copyOf(unchecked);
    }

    /** A PASS with a stated result no path checks: that assertion says nothing. */
    public boolean hasUnchecked() {
        return unchecked != null && !unchecked.isEmpty();
    }

    /** Invariants some breaker makes fail here: the claims a PASS of this scenario backs. */
    public List<String> live() {
        List<String> out = new ArrayList<>();
        breakersByInvariant.forEach((inv, bs) -> {
            if (!bs.isEmpty() && !failsOnSeries.contains(inv)) out.add(inv);
        });
        return out;
    }

    /** Invariants no known breaker makes fail here: on this scenario their PASS shows nothing. */
    public List<String> unshown() {
        List<String> out = new ArrayList<>();
        breakersByInvariant.forEach((inv, bs) -> {
            if (bs.isEmpty() && !failsOnSeries.contains(inv)) out.add(inv);
        });
        return out;
    }
}

package utrace.checker.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/**
 * What a PASS of a scenario covers (`checker audit`). A scenario passes an invariant when no interleaving
 * violates it; that says something only if the scenario reaches the code the invariant watches. The audit
 * runs the scenario under every known breaker ({@link Breaker}: each mutation, each patch switched off)
 * and collects, per breaker, every invariant of the set it violates (as `verify --continue`: search, drop
 * the violated invariant, search again). An invariant no breaker makes fail on a scenario is reported as
 * not shown there: a PASS of it on that scenario is vacuous as far as anything we know can tell. It also
 * lists the results the scenario states that no path checks ({@link StatedResultsReach}): assertions the
 * PASS never looked at.
 *
 * <p>Searches are the plain breadth-first engine, one thread, no traces written: the audit wants the
 * verdicts, not the paths (`verify -m MUTATION -s SCENARIO` gives the trace of any cell).
 */
public final class Audit {
    /** Told after each breaker of each scenario. */
    public interface Progress {
        Progress NONE = (s, done, total) -> { };

        void breakerDone(Scenario s, int done, int total);
    }

    private final Limits limits;
    private final List<Breaker> breakers;

    public Audit(Limits limits, List<Breaker> breakers) {
        this.limits = limits;
        this.breakers = List.copyOf(breakers);
    }

    public List<Breaker> breakers() { return breakers; }

    public ScenarioAudit run(Scenario s, List<Invariant> invariants, Progress progress) {
        ExplorationResult base = explore(s, ModelConfig.fullSeries(), invariants);
        // a finding: the search just made is the first of the continue-style loop, not made again
        List<String> failsOnSeries = base.verdict() == Verdict.VIOLATION
            ? violated(s, ModelConfig.fullSeries(), invariants, new ArrayList<>(), base) : List.of();
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Invariant i : invariants) by.put(i.name(), new ArrayList<>());
        List<String> incomplete = new ArrayList<>();
        int done = 0;
        for (Breaker b : breakers) {
            List<String> cut = new ArrayList<>();
            for (String inv : violated(s, b.config(), invariants, cut, null)) by.get(inv).add(b.label());
            if (!cut.isEmpty()) incomplete.add(b.label());
            progress.breakerDone(s, ++done, breakers.size());
        }
        List<String> unchecked = null;
        if (base.verdict() == Verdict.PASS) {
            StatedResultsReach.Result reach = StatedResultsReach.search(new Model(s, ModelConfig.fullSeries()), limits.maxStates());
            if (!reach.cut()) unchecked = reach.unreached();
            else incomplete.add("the search for stated results no path checks");
        }
        return new ScenarioAudit(s, base.verdict(), base.stats().states(), by, failsOnSeries, incomplete, unchecked);
    }

    /**
     * Every invariant of {@code invariants} that {@code config} violates on {@code s}: search, drop the one
     * found, search again, until a search passes. A search a limit cut short ends the loop and is noted in
     * {@code cut}. {@code first}, if not null, is the result of the first search, already made.
     */
    private List<String> violated(Scenario s, ModelConfig config, List<Invariant> invariants, List<String> cut,
                                  ExplorationResult first) {
        return violatedInvariants(new Model(s, config), invariants, limits, cut, first);
    }

    /**
     * Every invariant of {@code invariants} that {@code model} violates, in the order the searches find them
     * (plain breadth-first, one thread): search, drop the one found, search again, until a search passes. A
     * search a limit cut short ends the list and its reason goes to {@code cut}. {@code first}, if not null, is
     * the result of the first search, already made. `make pit`'s killer asks the same of each case.
     */
    public static List<String> violatedInvariants(Model model, List<Invariant> invariants, Limits limits, List<String> cut,
                                                  ExplorationResult first) {
        List<Invariant> remaining = new ArrayList<>(invariants);
        List<String> out = new ArrayList<>();
        ExplorationResult next = first;
        while (!remaining.isEmpty()) {
            ExplorationResult r = next != null ? next : new Explorer(limits, ProgressListener.NONE).explore(model, remaining);
            next = null;
            if (r.verdict() == Verdict.INCOMPLETE) {
                cut.add(r.incompleteReason());
                break;
            }
            if (r.verdict() != Verdict.VIOLATION) break;
            String name = r.counterexample().violation().invariant().name();
            out.add(name);
            remaining.removeIf(i -> i.name().equals(name));
        }
        return out;
    }

    private ExplorationResult explore(Scenario s, ModelConfig config, List<Invariant> invariants) {
        return new Explorer(limits, ProgressListener.NONE).explore(new Model(s, config), invariants);
    }
}

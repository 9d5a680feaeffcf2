package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import utrace.traces.Trace;

/**
 * What a fuzz run found, class by class: how many violations and scenarios,
 * per invariant, and one example (the shortest trace; the earliest scenario
 * among equals, so the example does not depend on anything but the seed and
 * the options). New classes keep their example's trace and scenario for the
 * candidate.
 */
final class FuzzTally {
    /** One class's count; {@code example} is its shortest violation so far. */
    static final class Entry {
        final FuzzClass cls;
        int violations;
        int scenarios;
        private int lastIndex = -1;
        final Map<String, Integer> byInvariant = new TreeMap<>();
        Example example;

        Entry(FuzzClass cls) {
            this.cls = cls;
        }
    }

    /** A violation met: in scenario {@code generated}, search {@code search}. */
    record Example(ScenarioSource.Generated generated, int search, Trace trace) {
        int steps() { return trace.steps().size(); }
    }

    /** A search a limit cut: the scenario, which search of it, why. */
    record Cut(String scenario, int search, String reason) {}

    /** A generated scenario the parser refused: a generator bug. */
    record Refused(String scenario, String message) {}

    private final Map<String, Entry> byClass = new LinkedHashMap<>();
    final List<Cut> cuts = new ArrayList<>();
    final List<Refused> refused = new ArrayList<>();
    int generated;
    int random;
    int mutated;
    int passed;
    int violating;
    int violations;

    synchronized void add(ScenarioSource.Generated g, int search, Trace t, FuzzClass cls) {
        Entry e = byClass.computeIfAbsent(cls.id(), k -> new Entry(cls));
        e.violations++;
        if (e.lastIndex != g.index()) {
            e.scenarios++;
            e.lastIndex = g.index();
        }
        e.byInvariant.merge(t.invariant().name(), 1, Integer::sum);
        Example x = new Example(g, search, t);
        if (e.example == null || x.steps() < e.example.steps()) e.example = x;
        violations++;
    }

    /**
     * The classes in table order: the known findings by number, the scenario problems, then the new classes,
     * most violations first (ties by id).
     */
    synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>(byClass.values());
        out.sort(Comparator.comparing((Entry e) -> e.cls.kind().ordinal())
            .thenComparingInt(e -> e.cls.kind() == FuzzClass.Kind.KNOWN ? e.cls.finding() : 0)
            .thenComparingInt(e -> e.cls.kind() == FuzzClass.Kind.NEW ? -e.violations : 0)
            .thenComparing(e -> e.cls.id()));
        return out;
    }

    /**
     * A copy to report from while the run goes on (a signal's handler): the counts as they are, the entries copied.
     */
    synchronized FuzzTally snapshot() {
        FuzzTally t = new FuzzTally();
        for (Entry e : byClass.values()) {
            Entry c = new Entry(e.cls);
            c.violations = e.violations;
            c.scenarios = e.scenarios;
            c.byInvariant.putAll(e.byInvariant);
            c.example = e.example;
            t.byClass.put(e.cls.id(), c);
        }
        t.cuts.addAll(cuts);
        t.refused.addAll(refused);
        t.generated = generated;
        t.random = random;
        t.mutated = mutated;
        t.passed = passed;
        t.violating = violating;
        t.violations = violations;
        return t;
    }

    synchronized List<Entry> fresh() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries()) if (e.cls.kind() == FuzzClass.Kind.NEW) out.add(e);
        return out;
    }
}

package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import utrace.model.Scenarios;

/**
 * The scenarios of a fuzz run: scenario i of seed S is made by its own
 * generator ({@link Pick#forScenario}), so it is the same in every run with
 * that seed and mode whatever the count, and a run is a prefix of a longer one.
 * In mode both, even indexes are random and odd ones mutated.
 */
final class ScenarioSource {
    /**
     * One generated scenario: its text, its name (r for random, m for mutated: seed, index and, mutated,
     * the shipped scenario it comes from), and for a mutant the source and the change.
     */
    record Generated(int index, boolean mutated, String name, String text, String source, String change) {}

    /** Shipped scenarios mutate mode starts from: every list but the benchmark's (too large to fuzz). */
    static final List<String> MUTATE_FROM = sources();

    private final long seed;
    private final FuzzMode mode;

    ScenarioSource(long seed, FuzzMode mode) {
        this.seed = seed;
        this.mode = mode;
    }

    Generated get(int index) {
        boolean mutated = mode == FuzzMode.MUTATE || mode == FuzzMode.BOTH && index % 2 == 1;
        Random rng = Pick.forScenario(seed, index, mutated ? 1 : 0);
        if (!mutated) {
            String name = "r" + seed + "-" + index;
            return new Generated(index, false, name, RandomScenarios.generate(rng, name).render(), null, null);
        }
        String from = Pick.one(rng, MUTATE_FROM);
        String name = "m" + seed + "-" + index + "-" + from;
        if (name.length() > utrace.model.ScenarioParser.MAX_NAME) name = name.substring(0, utrace.model.ScenarioParser.MAX_NAME);
        ScenarioMutator.Mutant m = ScenarioMutator.mutate(rng, ScenarioDraft.read(shippedText(from), name));
        return new Generated(index, true, name, m.draft().render(), from, m.change());
    }

    private static final java.util.Map<String, String> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A shipped scenario's text (read once per run). */
    static String shippedText(String name) {
        return TEXTS.computeIfAbsent(name, ScenarioSource::load);
    }

    private static String load(String name) {
        try {
            return Scenarios.load(name).source();
        } catch (Exception e) {
            throw new IllegalStateException("shipped scenario " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> sources() {
        LinkedHashSet<String> all = new LinkedHashSet<>(Scenarios.shippedNames());
        all.addAll(Scenarios.matrixNames());
        all.addAll(Scenarios.findingNames());
        all.addAll(Scenarios.ptraceTestNames());
        all.addAll(Scenarios.fidelityNames());
        all.removeAll(Scenarios.benchNames());
        return List.copyOf(new ArrayList<>(all));
    }
}

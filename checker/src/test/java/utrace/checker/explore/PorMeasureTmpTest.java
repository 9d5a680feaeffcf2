package utrace.checker.explore;

import java.util.List;
import org.junit.jupiter.api.Test;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.*;

class PorMeasureTmpTest {
    @Test void measure() throws Exception {
        List<Invariant> inv = InvariantSet.resolve("all").invariants();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(Scenarios.benchNames());
        names.addAll(Scenarios.shippedNames());
        for (String n : names) {
            if (n.equals("bench-large")) continue;
            Model m = new Model(Scenarios.load(n), ModelConfig.fullSeries());
            ExplorationResult a = new Explorer(Limits.NONE, ProgressListener.NONE, false).explore(m, inv);
            ExplorationResult b = new Explorer(Limits.NONE, ProgressListener.NONE, true).explore(m, inv);
            System.out.printf("POR %-40s actors=%d full=%d por=%d fullyExpanded=%d factor=%.2f%n", n, m.actorCount(), a.stats().states(), b.stats().states(), b.stats().fullyExpanded(), (double) a.stats().states() / b.stats().states());
        }
    }
}

package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;

/** Swarm members: deterministic per (seed, K), different across K, never PASS, and they find a seeded bug. */
class SwarmExplorerTest {
    private static final long BITS = 1L << 23;

    private static Model model(String scenario, ModelConfig cfg) throws Exception {
        return new Model(Scenarios.load(scenario), cfg);
    }

    private static List<Invariant> core() throws Exception {
        return InvariantSet.resolve("core").invariants();
    }

    @Test
    void theSeedDecidesOrderHashAndBoundAndNothingElse() {
        SwarmMember one = new SwarmMember(1, 4, 7, 100, BITS);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, one.actorOrder(5), "member 1 keeps the index order");
        assertEquals(100, one.depthBound());
        Set<Long> seeds = new HashSet<>();
        Set<String> orders = new HashSet<>();
        for (int k = 1; k <= 8; k++) {
            SwarmMember m = new SwarmMember(k, 8, 7, 100, BITS);
            int[] o = m.actorOrder(6);
            int[] sorted = o.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sorted, "a permutation");
            assertTrue(m.depthBound() >= 50 && m.depthBound() <= 100, "bound in [D/2, D]: " + m.depthBound());
            seeds.add(m.hashSeed());
            orders.add(Arrays.toString(o));
            // The same member of a larger swarm is the same search: K's seed does not depend on N.
            assertEquals(m.seed(), new SwarmMember(k, 16, 7, 100, BITS).seed());
            assertArrayEquals(o, new SwarmMember(k, 16, 7, 100, BITS).actorOrder(6));
        }
        assertEquals(8, seeds.size());
        assertTrue(orders.size() >= 6, "orders mostly differ: " + orders);
        assertNotEquals(new SwarmMember(2, 4, 7, 0, BITS).seed(), new SwarmMember(2, 4, 8, 0, BITS).seed());
        assertEquals(0, new SwarmMember(3, 4, 7, 0, BITS).depthBound(), "no base, no bound");
    }

    @Test
    void aMemberIsDeterministicAndNeverPasses() throws Exception {
        Model m = model("stop-then-resume", ModelConfig.fullSeries());
        for (int k = 1; k <= 3; k++) {
            SwarmMember mem = new SwarmMember(k, 3, 1, 0, BITS);
            ExplorationResult a = new SwarmExplorer(Limits.NONE, ProgressListener.NONE, mem).explore(m, core());
            ExplorationResult b = new SwarmExplorer(Limits.NONE, ProgressListener.NONE, mem).explore(m, core());
            assertEquals(Verdict.INCOMPLETE, a.verdict());
            assertTrue(a.incompleteReason().startsWith("no violation found (probabilistic)"), a.incompleteReason());
            assertEquals(a.stats().states(), b.stats().states());
            assertEquals(a.stats().transitions(), b.stats().transitions());
            assertEquals(a.incompleteReason(), b.incompleteReason());
            // Without a depth bound and with a table this sparse, every member reaches every state.
            ExplorationResult bfs = new Explorer(Limits.NONE, ProgressListener.NONE).explore(m, core());
            assertEquals(bfs.stats().states(), a.stats().states());
        }
    }

    @Test
    void aDepthBoundCutsTheSearch() throws Exception {
        Model m = model("stop-then-resume", ModelConfig.fullSeries());
        ExplorationResult full = new SwarmExplorer(Limits.NONE, ProgressListener.NONE, new SwarmMember(1, 2, 1, 0, BITS)).explore(m, core());
        ExplorationResult cut = new SwarmExplorer(Limits.NONE, ProgressListener.NONE, new SwarmMember(1, 2, 1, 5, BITS)).explore(m, core());
        assertTrue(cut.stats().states() < full.stats().states(), cut.stats() + " vs " + full.stats());
        assertTrue(cut.stats().maxDepth() <= 5, cut.stats().toString());
        assertTrue(cut.incompleteReason().contains("past the depth bound cut"), cut.incompleteReason());
    }

    @Test
    void everyMemberFindsASeededBug() throws Exception {
        Mutation mu = Mutation.byId("reap-not-deferred");
        assertNotNull(mu);
        Model m = model("reap-races-death", ModelConfig.fullSeries().withMutations(Set.of(mu)));
        for (int k = 1; k <= 4; k++) {
            ExplorationResult r = new SwarmExplorer(Limits.NONE, ProgressListener.NONE, new SwarmMember(k, 4, 1, 0, BITS))
                .explore(m, core());
            assertEquals(Verdict.VIOLATION, r.verdict(), "member " + k);
        }
    }
}

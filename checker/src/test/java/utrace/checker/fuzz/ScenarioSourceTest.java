package utrace.checker.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.model.Scenario;
import utrace.model.ScenarioParser;
import utrace.model.Scenarios;

/**
 * The generators make only scenarios the strict parser accepts (a refused one is a generator bug, which
 * `checker fuzz` counts), the same ones for the same seed, and mutants that differ from their source.
 */
class ScenarioSourceTest {
    /** Seeds x scenarios per seed, per mode: 1,200 random and 1,200 mutated texts, about a second. */
    private static final int SEEDS = 300;
    private static final int PER_SEED = 4;

    @Test
    void everyGeneratedScenarioParsesForHundredsOfSeeds() {
        List<String> refused = new ArrayList<>();
        for (FuzzMode mode : List.of(FuzzMode.RANDOM, FuzzMode.MUTATE)) {
            for (long seed = 0; seed < SEEDS; seed++) {
                ScenarioSource src = new ScenarioSource(seed, mode);
                for (int i = 0; i < PER_SEED; i++) {
                    ScenarioSource.Generated g = src.get(i);
                    try {
                        Scenario s = ScenarioParser.parseStrict(g.name() + ".scenario", g.text());
                        assertEquals(g.name(), s.name());
                    } catch (Exception e) {
                        refused.add(e.getMessage() + (g.change() == null ? "" : " [" + g.source() + ": " + g.change() + "]")
                            + "\n" + g.text());
                    }
                }
            }
        }
        assertEquals(List.of(), refused, refused.size() + " generated scenarios refused");
    }

    /**
     * UTRACE_ATTACH_EXCLUSIVE (twenty-sixth round) is in both vocabularies: drawn for some owners' attach, and
     * a mutant's change (the way back, to a plain attach, needs a shipped scenario with an exclusive one:
     * exclusive-attaches-race only; the test above parses them all).
     */
    @Test
    void ownersAttachExclusivelyInBothModes() {
        int random = 0, made = 0;
        ScenarioSource r = new ScenarioSource(5, FuzzMode.RANDOM);
        for (int i = 0; i < 200; i++) if (r.get(i).text().contains(" attach exclusive")) random++;
        ScenarioSource m = new ScenarioSource(5, FuzzMode.MUTATE);
        for (int i = 0; i < 400; i++) {
            ScenarioSource.Generated g = m.get(i);
            if (g.change().endsWith(": 'attach exclusive'")) made++;
        }
        assertTrue(random > 10, random + " of 200 random scenarios have an exclusive attach");
        assertTrue(made > 0, made + " of 400 mutants made an owner's attach exclusive");
    }

    @Test
    void theSameSeedMakesTheSameScenariosAndAnotherSeedOthers() {
        for (FuzzMode mode : FuzzMode.values()) {
            ScenarioSource a = new ScenarioSource(7, mode);
            ScenarioSource b = new ScenarioSource(7, mode);
            ScenarioSource c = new ScenarioSource(8, mode);
            int differ = 0;
            for (int i = 0; i < 20; i++) {
                assertEquals(a.get(i), b.get(i));
                if (!a.get(i).text().replace("7-", "8-").equals(c.get(i).text())) differ++;
            }
            assertTrue(differ > 15, mode + ": seeds 7 and 8 made " + (20 - differ) + " equal scenarios of 20");
        }
    }

    /** Mode both: even indexes random, odd ones mutated, each the same as in its own mode. */
    @Test
    void modeBothInterleavesTheTwo() {
        ScenarioSource both = new ScenarioSource(3, FuzzMode.BOTH);
        ScenarioSource random = new ScenarioSource(3, FuzzMode.RANDOM);
        ScenarioSource mutate = new ScenarioSource(3, FuzzMode.MUTATE);
        for (int i = 0; i < 10; i++) {
            assertEquals(i % 2 == 1, both.get(i).mutated());
            assertEquals((i % 2 == 1 ? mutate : random).get(i), both.get(i));
        }
    }

    @Test
    void aMutantDiffersFromItsSourceAndKeepsNoStatedResults() throws Exception {
        ScenarioSource src = new ScenarioSource(11, FuzzMode.MUTATE);
        for (int i = 0; i < 200; i++) {
            ScenarioSource.Generated g = src.get(i);
            String original = ScenarioDraft.read(Scenarios.load(g.source()).source(), g.name()).render();
            assertNotEquals(original, g.text(), g.change());
            assertTrue(!g.text().contains("->"), g.text());
        }
    }

    /** Reading a shipped scenario and writing it again gives the same scenario (stated results aside). */
    @Test
    void aShippedScenarioSurvivesReadingAndRendering() throws Exception {
        for (String name : ScenarioSource.MUTATE_FROM) {
            Scenario shipped = Scenarios.load(name);
            Scenario again = ScenarioParser.parseStrict(name, ScenarioDraft.read(shipped.source(), shipped.name()).render());
            assertEquals(shipped.engines(), again.engines(), name);
            assertEquals(shipped.tracee(), again.tracee(), name);
            assertEquals(shipped.owners(), again.owners(), name);
            assertEquals(shipped.killerItems(), again.killerItems(), name);
            assertEquals(shipped.killers(), again.killers(), name);
            assertEquals(shipped.handlers(), again.handlers(), name);
            assertEquals(shipped.parent(), again.parent(), name);
            assertEquals(shipped.tracerIsParent(), again.tracerIsParent(), name);
            assertEquals(shipped.ptrace().size(), again.ptrace().size(), name);
        }
    }
}

package utrace.checker.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.lincheck.EachMutation.Verdict;
import utrace.checker.lincheck.LincheckCheck.Mode;
import utrace.checker.lincheck.LincheckCheck.Outcome;
import utrace.invariants.Invariants;
import utrace.model.ModelConfig;
import utrace.model.Mutation;

/**
 * What `checker lincheck --each-mutation` decides without running Lincheck: every mutation (a new one too) has a
 * scenario a plan can be made of, and a decision whether a contract reads what it breaks; a run that holds where a
 * contract reads the mutation is HELD, which fails the run.
 */
class EachMutationTest {
    @Test
    void everyMutationsScenarioMakesAPlanThatKeepsIt() {
        List<String> bad = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            String p = Situations.scenarioProblem(m.scenario, ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            if (p != null) bad.add(m.id + ": " + p);
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyInvariantAMutationBreaksIsReadByAContractOrSaidNotToBe() {
        List<String> undecided = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            assertNotNull(Invariants.byName(m.breaks), m.id + " breaks an unknown invariant " + m.breaks);
            String c = EachMutation.contractFor(m.breaks);
            if (c != null) assertTrue(Contracts.NAMES.contains(c), c);
            if (c == null && !EachMutation.UNREAD.containsKey(m.breaks)) undecided.add(m.id + " breaks " + m.breaks);
            if (c != null) assertFalse(EachMutation.UNREAD.containsKey(m.breaks), m.breaks + " is both read and unread");
        }
        assertEquals(List.of(), undecided, "decide whether a contract reads these invariants: EachMutation.contractFor "
            + "(and ContractsTest's counterexample check then holds it to that), or EachMutation.UNREAD with what it states");
    }

    @Test
    void retriesNameSituationsThatExistAndHoldClaims() {
        for (EachMutation.Retry r : EachMutation.RETRIES.values()) {
            if (r.situation() == null) continue;
            Situation s = r.target();
            assertNotNull(s, r.situation());
            if (r.situation().startsWith("scenario:")) {
                assertNull(Situations.scenarioProblem(r.situation().substring("scenario:".length()),
                    ModelConfig.fullSeries()), r.situation());
            }
            assertTrue(s.expectHolds(), r.situation());
        }
        for (Mutation m : EachMutation.RETRIES.keySet()) assertNotNull(EachMutation.contractFor(m.breaks), m.id);
    }

    @Test
    void aRunThatHoldsWhereAContractReadsTheMutationIsHeldAndUnaccounted() {
        Mutation read = Mutation.DETACH_IGNORES_REPORTING;
        Outcome held = new Outcome(Situations.shippedContracts(List.of(read.scenario)), Mode.MODEL_CHECKING,
            ModelConfig.fullSeries(), false, 1, 10, null, null, null);
        EachMutation.Result r = EachMutation.classify(read, Mode.MODEL_CHECKING, held, null, 10, 1, null);
        assertEquals(Verdict.HELD, r.verdict());
        assertEquals("detach-is-final", r.contract());
        assertFalse(r.verdict().accounted);

        Mutation unread = Mutation.KILL_IGNORES_EXIT_STATE;
        EachMutation.Result u = EachMutation.classify(unread, Mode.MODEL_CHECKING, held, null, 10, 1, null);
        assertEquals(Verdict.NO_CONTRACT, u.verdict());
        assertNull(u.contract());
        assertTrue(u.verdict().accounted);
        assertTrue(u.detail().contains("wait-report-correct"), u.detail());
    }
}

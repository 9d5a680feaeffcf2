package utrace.checker.jpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;

/** `--jpf-driver auto`: which driver each scenario gets (no JPF needed to decide). */
class JpfDriverKindTest {
    private static List<Invariant> core() throws Exception {
        return InvariantSet.shipped("core").invariants();
    }

    @Test
    void aSmallScenarioGetsTheThreadDriver() throws Exception {
        // stop-then-resume: 61 native states
        assertEquals(JpfDriverKind.THREADS, JpfDriverKind.auto(new Model(Scenarios.load("stop-then-resume"),
            ModelConfig.fullSeries()), core(), JpfDriverKind.AUTO_THREADS_MAX_STATES));
    }

    @Test
    void aScenarioOverTheLimitGetsTheChoiceDriver() throws Exception {
        // stop-then-kill: 929 native states, over 700; with a limit of 929 it is small enough
        Model m = new Model(Scenarios.load("stop-then-kill"), ModelConfig.fullSeries());
        assertEquals(JpfDriverKind.CHOICES, JpfDriverKind.auto(m, core(), JpfDriverKind.AUTO_THREADS_MAX_STATES));
        assertEquals(JpfDriverKind.THREADS, JpfDriverKind.auto(m, core(), 929));
        assertEquals(JpfDriverKind.CHOICES, JpfDriverKind.auto(m, core(), 928));
    }

    @Test
    void theWeakMemoryModelAlwaysGetsTheChoiceDriver() throws Exception {
        Model m = new Model(Scenarios.load("stop-then-resume"), ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK));
        assertEquals(JpfDriverKind.CHOICES, JpfDriverKind.auto(m, core(), JpfDriverKind.AUTO_THREADS_MAX_STATES));
    }

    @Test
    void namesRoundTrip() {
        for (JpfDriverKind k : JpfDriverKind.values()) assertEquals(k, JpfDriverKind.byId(k.id()));
        assertNull(JpfDriverKind.byId("auto"));
    }
}

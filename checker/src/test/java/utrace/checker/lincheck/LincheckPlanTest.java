package utrace.checker.lincheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.Scenarios;

/** Plans: one description gives the Lincheck scenario and the model scenario, consistently. */
class LincheckPlanTest {
    private static final String HEADER = "scenario p\nengine E1 preattached events=QUIESCE|DEATH\nengine E2\ntracee syscall exit\n";

    @Test
    void ownerLinesListEachEnginesOperationsInOrderAcrossTheParts() {
        LincheckPlan p = new LincheckPlan("p#1", "p", HEADER,
            List.of(PlannedOp.tracee()),
            List.of(List.of(PlannedOp.control("E1", "DETACH"), PlannedOp.barrier("E1")),
                List.of(PlannedOp.attach("E2"), PlannedOp.setEvents("E2", "REAP")),
                List.of(PlannedOp.kill("SIGKILL"))),
            List.of(PlannedOp.put("E1"), PlannedOp.reap()),
            ModelConfig.fullSeries());
        String text = p.scenarioText();
        assertTrue(text.contains("owner E1 control DETACH; barrier; put\n"), text);
        assertTrue(text.contains("owner E2 attach; set_events REAP\n"), text);
        assertTrue(text.contains("killer SIGKILL\n"), text);
        assertTrue(text.endsWith("parent wait\n"), text);
        assertEquals(3, p.scenario().owners().get(0).size(), "DETACH, barrier, put");

        Model m = new Model(p.scenario(), p.config());
        Map<String, Integer> a = LincheckPlan.actorIndex(m);
        int[][][] layout = p.layout(m);
        assertArrayEquals(new int[] {a.get("tracee")}, layout[0][0]);
        assertArrayEquals(new int[] {a.get("owner E1"), a.get("owner E1")}, layout[1][0]);
        assertArrayEquals(new int[] {a.get("owner E2"), a.get("owner E2")}, layout[1][1]);
        assertArrayEquals(new int[] {a.get("killer")}, layout[1][2]);
        assertArrayEquals(new int[] {a.get("owner E1"), a.get("parent")}, layout[2][0]);
        assertEquals(4, p.toExecutionScenario().getInitExecution().size() + p.toExecutionScenario().getPostExecution().size(),
            "begin(id) and tracee() first, then put and reap");
    }

    @Test
    void anActorsOperationsMustStayOnOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new LincheckPlan("p#1", "p", HEADER, List.of(),
            List.of(List.of(PlannedOp.barrier("E1")), List.of(PlannedOp.barrier("E1"))), List.of(), ModelConfig.fullSeries()));
    }

    /** Every scenario of every list (default, findings, matrix, fidelity, ptrace-tests, bench), once. */
    static List<String> shipped() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(Scenarios.shippedNames());
        all.addAll(Scenarios.findingNames());
        all.addAll(Scenarios.matrixNames());
        all.addAll(Scenarios.fidelityNames());
        all.addAll(Scenarios.ptraceTestNames());
        all.addAll(Scenarios.benchNames());
        return List.copyOf(all);
    }

    /**
     * Any shipped scenario becomes a plan whose model scenario is the same scenario: same actors, scripts, parent
     * (`parent ptrace` was once dropped: the plan of signal-engine-then-ptrace ran with a parent ignoring SIGCHLD),
     * handlers; or, for several identical killers (`killers N`), which a plan cannot give one thread each, a
     * refusal that says so.
     */
    @ParameterizedTest
    @MethodSource("shipped")
    void aShippedScenarioBecomesAPlanWithTheSameActorsAndScripts(String name) throws Exception {
        Scenario s = Scenarios.load(name);
        if (s.killers() > 1) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioPlans.of("x#1", "x", s, ModelConfig.fullSeries()));
            assertTrue(e.getMessage().contains("killers N"), e.getMessage());
            return;
        }
        LincheckPlan p = ScenarioPlans.of("x#1", "x", s, ModelConfig.fullSeries());
        Scenario q = p.scenario();
        assertEquals(null, ScenarioPlans.changed(s, q), name);
        assertEquals(s.engines(), q.engines());
        assertEquals(s.tracee(), q.tracee());
        assertEquals(s.owners(), q.owners());
        assertEquals(s.ptrace(), q.ptrace());
        assertEquals(s.killer(), q.killer());
        assertEquals(s.parent(), q.parent());
        assertEquals(s.tracerIsParent(), q.tracerIsParent());
        assertEquals(s.parentIgnoresSigchld(), q.parentIgnoresSigchld());
        assertEquals(new Model(s, ModelConfig.fullSeries()).initial(), new Model(q, ModelConfig.fullSeries()).initial());
    }

    static List<String> situations() { return Situations.allNames(); }

    /** Property: every seeded plan of every situation is well formed, and the seed alone decides it. */
    @ParameterizedTest
    @MethodSource("situations")
    void plansAreWellFormedAndDeterministic(String name) {
        Situation s = Situations.byName(name);
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 1; i <= 30; i++) {
            LincheckPlan p = s.plan(name + "#" + i, a, ModelConfig.fullSeries());
            LincheckPlan q = s.plan(name + "#" + i, b, ModelConfig.fullSeries());
            assertEquals(p.toString(), q.toString());
            Model m = new Model(p.scenario(), p.config());
            int ops = 0;
            for (int[][] phase : p.layout(m)) for (int[] t : phase) ops += t.length;
            assertEquals(p.allOps().size(), ops);
        }
    }
}

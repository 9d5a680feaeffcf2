package utrace.checker.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.Limits;
import utrace.checker.explore.ProgressListener;
import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.GateResult;
import utrace.checker.gate.GateRun;
import utrace.checker.gate.MatrixRow;
import utrace.invariants.InvariantSet;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenarios;
import utrace.model.Slots;
import utrace.model.State;
import utrace.model.Transition;
import utrace.traces.Trace;
import utrace.traces.TraceReader;

/**
 * Barrier pair B4 (utrace_task_alloc / task_utrace_struct) on the scenarios
 * utrace-alloc-races-ptrace and utrace-alloc-races-exit: what the alloc step
 * buffers, which memory steps each missing barrier allows, and that sc never
 * sees the difference.
 */
class LazyUtraceAllocTest {
    private static final String SCENARIO = "utrace-alloc-races-ptrace";

    @TempDir
    Path dir;

    private static Model model(ModelConfig cfg) throws Exception {
        return new Model(Scenarios.load(SCENARIO), cfg);
    }

    private static ModelConfig weak(Barrier... without) {
        ModelConfig c = ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK);
        return without.length == 0 ? c : c.withoutBarriers(EnumSet.copyOf(List.of(without)));
    }

    private static int actor(Model m, String name) {
        for (int a = 0; a < m.actorCount(); a++) if (m.actorName(a).equals(name)) return a;
        return -1;
    }

    /** The owner's first step: utrace_task_alloc. */
    private static State afterAlloc(Model m) {
        Transition t = m.step(m.initial(), actor(m, "owner E1"), true);
        assertNotNull(t);
        assertEquals("utrace_attach_task", t.info().function());
        return t.after();
    }

    @Test
    void theAllocStepBuffersTheInitThenSmpWmbThenThePointer() throws Exception {
        Model m = model(weak());
        assertEquals("no", m.describe(m.initial()).get("utrace.initialised"), "no struct utrace yet");
        State s = afterAlloc(m);
        assertEquals("utrace.initialised = yes; smp_wmb(); task.utrace = allocated", m.describe(s).get("store_buffer.owner E1"));
        assertEquals("NULL", m.describe(s).get("task.utrace"), "the pointer is still buffered");
        // with the smp_wmb() the pointer cannot pass the init
        assertNull(m.step(s, actor(m, "store buffer owner E1 (reordered)")));
        State flushed = m.step(s, actor(m, "store buffer owner E1")).after();
        assertEquals("yes", m.describe(flushed).get("utrace.initialised"));
        assertEquals("NULL", m.describe(flushed).get("task.utrace"));
    }

    @Test
    void withoutB4WriterThePointerReachesMemoryBeforeTheInit() throws Exception {
        Model m = model(weak(Barrier.B4_WRITER));
        State s = afterAlloc(m);
        assertEquals("utrace.initialised = yes; task.utrace = allocated", m.describe(s).get("store_buffer.owner E1"));
        Transition t = m.step(s, actor(m, "store buffer owner E1 (reordered)"), true);
        assertNotNull(t, "without smp_wmb() the pointer may pass the init");
        assertEquals("allocated", m.describe(t.after()).get("task.utrace"));
        assertEquals("no", m.describe(t.after()).get("utrace.initialised"));
    }

    @Test
    void onlyWithoutB4ReaderDoPtraceAndTheTraceeLoadEarly() throws Exception {
        for (String cpu : List.of("early load ptrace", "early load tracee")) {
            assertEquals(-1, actor(model(weak()), cpu));
            assertEquals(-1, actor(model(weak(Barrier.B4_WRITER)), cpu));
            assertTrue(actor(model(weak(Barrier.B4_READER)), cpu) >= 0, cpu);
        }
        // B2.reader's early load is the tracee's, not ptrace's
        assertEquals(-1, actor(model(weak(Barrier.B2_READER)), "early load ptrace"));
    }

    /** The tracee may load task->utrace early only where its next step reads utrace_flags and then task->utrace. */
    @Test
    void theTraceeLoadsTaskUtraceEarlyOnlyAtAReportHook() throws Exception {
        Model m = new Model(Scenarios.load("utrace-alloc-races-exit"), weak(Barrier.B4_READER));
        int early = actor(m, "early load tracee");
        assertNull(m.step(m.initial(), early), "in user mode there is nothing to load early");
        State atExit = m.step(m.initial(), actor(m, "tracee")).after();
        Transition t = m.step(atExit, early, true);
        assertNotNull(t);
        assertEquals("task.utrace = NULL (loaded early)", m.describe(t.after()).get("early_load.tracee"));
        // utrace_flags has no EXIT: the hook does not go into utrace, the early value goes unused
        Transition hook = m.step(t.after(), actor(m, "tracee"), true);
        assertEquals("none", m.describe(hook.after()).get("early_load.tracee"));
        assertTrue(hook.detail().contains("goes unused"), hook.detail());
    }

    /** Every state sc reaches: the init marker never shows, so sc's states are those of before B4 was modelled. */
    @Test
    void scNeverTellsTheInitFromThePointer() throws Exception {
        Model m = model(ModelConfig.fullSeries());
        assertFalse(m.describe(m.initial()).containsKey("utrace.initialised"));
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> queue = new ArrayDeque<>(List.of(m.initial()));
        seen.add(m.initial());
        boolean allocated = false;
        while (!queue.isEmpty()) {
            State s = queue.poll();
            assertEquals(0, s.get(Slots.UTRACE_UNINIT));
            allocated |= s.get(Slots.UTRACE_ALLOCATED) != 0;
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a);
                if (t != null && seen.add(t.after())) queue.add(t.after());
            }
        }
        assertTrue(allocated, "the owner allocates task->utrace in some state");
        assertEquals(264, seen.size(), "sc states of " + SCENARIO);
    }

    static java.util.stream.Stream<String> otherScenarios() {
        // set-events-syscall-running and reattach-after-put attach the first engine to a running tracee (one making
        // system calls): that allocation is B4's race too
        return WeakModelTest.shippedScenarios().filter(s -> !s.startsWith("utrace-alloc-races-")
            && !s.equals("set-events-syscall-running") && !s.equals("reattach-after-put"));
    }

    /**
     * B4 guards only the first attach's allocation: removing both sides changes no verdict (nor the
     * violated invariant) of the other shipped scenarios, so the early loads add no false alarm.
     */
    @ParameterizedTest(name = "{0}: without B4 the weak model gives the same verdict")
    @MethodSource("otherScenarios")
    void withoutB4OtherScenariosKeepTheirVerdict(String scenario) throws Exception {
        ExplorationResult with = explore(scenario, weak());
        ExplorationResult without = explore(scenario, weak(Barrier.B4_WRITER, Barrier.B4_READER));
        assertEquals(with.verdict(), without.verdict(), () -> scenario + ": " + (without.counterexample() == null ? ""
            : without.counterexample().violation().describe()));
        if (with.counterexample() != null) {
            assertEquals(with.counterexample().violation().invariant().name(), without.counterexample().violation().invariant().name());
        }
    }

    private static ExplorationResult explore(String scenario, ModelConfig cfg) throws Exception {
        return new Explorer(Limits.NONE, ProgressListener.NONE)
            .explore(new Model(Scenarios.load(scenario), cfg), InvariantSet.shipped("all").invariants());
    }

    @Test
    void eachRowsTraceShowsTheReorderingItsMissingBarrierAllows() throws Exception {
        List<MatrixRow> rows = BugMatrix.load().stream().filter(r -> r.id().startsWith("b4-")).toList();
        assertEquals(List.of("b4-writer", "b4-reader", "b4-rmb"), rows.stream().map(MatrixRow::id).toList());
        for (GateResult g : GateRun.run(rows, Limits.NONE, dir)) {
            assertNotNull(g.broken().traceJson(), g.row().id() + ": no violation without " + g.row().broken());
            Trace t = TraceReader.read(g.broken().traceJson());
            List<String> actors = t.steps().stream().map(Trace.Step::actorName).toList();
            Trace.Step last = t.steps().get(t.steps().size() - 1);
            if (g.row().id().equals("b4-rmb")) {
                // the tracee loads task->utrace (NULL) early, the pointer reaches memory, utrace_flags says EXIT
                assertEquals("tracee", last.actorName(), "the violation is utrace_report_exit's task_utrace_struct");
                assertEquals("utrace_report_exit", last.function());
                int early = actors.indexOf("early load tracee");
                int flush = actors.lastIndexOf("store buffer owner E1");
                assertTrue(early >= 0 && flush > early, actors.toString());
                assertTrue(t.steps().get(early).changes().stream().anyMatch(c -> c.newValue().equals("task.utrace = NULL (loaded early)")));
                continue;
            }
            assertEquals("ptrace", last.actorName(), "the violation is ptrace's spin_lock(&utrace->lock)");
            if (g.row().id().equals("b4-writer")) {
                // the pointer's flush passes the init's, which is still buffered at the end
                assertTrue(actors.contains("store buffer owner E1 (reordered)"), actors.toString());
                assertEquals("utrace.initialised = yes", t.finalState().get("store_buffer.owner E1"));
            } else {
                // ptrace loads the struct early, then both stores reach memory in order
                int early = actors.indexOf("early load ptrace");
                int flush = actors.lastIndexOf("store buffer owner E1");
                assertTrue(early >= 0 && flush > early, actors.toString());
                assertEquals("empty", t.finalState().get("store_buffer.owner E1"));
            }
        }
    }
}

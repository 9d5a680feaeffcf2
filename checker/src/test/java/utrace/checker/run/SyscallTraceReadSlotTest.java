package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.Series;

/**
 * Mutation set-syscall-trace-skips-lock keeps its lock-free read of utrace_flags in the tracer's L_WAKE slot,
 * which the wake-up before patch 10 leaves set. The slot is read only under the mutation: without it, a
 * PTRACE_KILL after an earlier resume took the stale value for the mutation's read and skipped its exit_state
 * test (the first build of the twenty-sixth round: ptrace-kill-zombie without patch 10 violated
 * wait-report-correct, and 5 more scenarios changed; the 177 earlier non-bench scenarios now give the same
 * verdicts and states as before the mutation existed, with and without patches 10 and 25).
 */
class SyscallTraceReadSlotTest {
    private static ExplorationResult explore(String scenario, String patches, List<Invariant> invariants, Mutation... ms)
            throws Exception {
        ModelConfig cfg = ModelConfig.fullSeries().withPatches(Series.select(patches))
            .withMutations(ms.length == 0 ? EnumSet.noneOf(Mutation.class) : EnumSet.of(ms[0], ms));
        return new Explorer(Check.LIMITS, ProgressListener.NONE).explore(new Model(Scenarios.load(scenario), cfg), invariants);
    }

    @Test
    void withoutPatch10AKillAfterAResumeStillTestsExitState() throws Exception {
        ExplorationResult r = explore("ptrace-kill-zombie", "without:10", Check.only("wait-report-correct"));
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
        assertEquals(35, r.stats().states());
    }

    @Test
    void theMutationStillShowsItsRaceWithoutPatch10() throws Exception {
        ExplorationResult r = explore("cont-races-engine-syscall-events", "without:10", Check.only("syscall-trace-consistent"),
            Mutation.SET_SYSCALL_TRACE_SKIPS_LOCK);
        assertEquals(Verdict.VIOLATION, r.verdict());
    }
}

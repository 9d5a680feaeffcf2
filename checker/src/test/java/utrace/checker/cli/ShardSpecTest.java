package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** K/N from the option or from the scheduler's environment (CHECKER_SHARD, Slurm arrays, Kubernetes Indexed Jobs). */
class ShardSpecTest {
    private static String kn(String spec, Map<String, String> env) {
        return ShardSpec.resolve(spec, "--shard", env).text();
    }

    @Test
    void givenKnWinsOverTheEnvironment() {
        assertEquals("2/3", kn("2/3", Map.of("CHECKER_SHARD", "1/5", "SLURM_ARRAY_TASK_ID", "0")));
        assertEquals("--shard", ShardSpec.resolve("2/3", "--shard", Map.of()).source());
    }

    @Test
    void checkerShardFirstThenSlurmThenKubernetes() {
        assertEquals("4/5", kn("env", Map.of("CHECKER_SHARD", "4/5", "SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "2")));
        assertEquals("1/2", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_MIN", "0",
            "JOB_COMPLETION_INDEX", "1", "CHECKER_SHARD_COUNT", "2")));
        assertEquals("2/3", kn("env", Map.of("JOB_COMPLETION_INDEX", "1", "CHECKER_SHARD_COUNT", "3")));
    }

    @Test
    void slurmIdsCountFromTheArrayMinimumAndStep() {
        // --array=0-3: ids 0..3 are shards 1..4
        assertEquals("1/4", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertEquals("4/4", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "4")));
        // --array=1-4
        assertEquals("1/4", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4")));
        // --array=10-13
        assertEquals("3/4", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "12", "SLURM_ARRAY_TASK_MIN", "10", "SLURM_ARRAY_TASK_COUNT", "4")));
        // --array=0-15:4: ids 0, 4, 8, 12
        assertEquals("3/4", kn("env", Map.of("SLURM_ARRAY_TASK_ID", "8", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "4",
            "SLURM_ARRAY_TASK_COUNT", "4")));
        assertTrue(ShardSpec.resolve("env", "--shard", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "0",
            "SLURM_ARRAY_TASK_COUNT", "4")).source().startsWith("SLURM_ARRAY_TASK_ID=3"));
    }

    @Test
    void whatCannotBeResolvedIsAUsageError() {
        for (Map<String, String> env : new Map[] {
            Map.of(),
            Map.of("JOB_COMPLETION_INDEX", "0"),
            Map.of("JOB_COMPLETION_INDEX", "3", "CHECKER_SHARD_COUNT", "3"),
            Map.of("JOB_COMPLETION_INDEX", "x", "CHECKER_SHARD_COUNT", "3"),
            Map.of("SLURM_ARRAY_TASK_ID", "1"),
            Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "4"),
            Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "4", "SLURM_ARRAY_TASK_COUNT", "4"),
            Map.of("CHECKER_SHARD", "0/3"),
            Map.of("CHECKER_SHARD", "three"),
        }) {
            UsageException e = assertThrows(UsageException.class, () -> kn("env", env), env.toString());
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
        }
        assertThrows(UsageException.class, () -> kn("1", Map.of()));
        assertThrows(UsageException.class, () -> kn("4/3", Map.of()));
    }
}

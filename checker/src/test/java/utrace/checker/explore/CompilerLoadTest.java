package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/** The search leaves the JIT compiler its cores, and a limited pool still runs every task exactly once. */
class CompilerLoadTest {
    @Test
    void theThreadsLeftAreTheCoresTheCompilerDoesNotUse() {
        assertEquals(1, CompilerLoad.threadsLeft(2, 1.0, 2), "one compiler thread busy on 2 cores: one worker");
        assertEquals(2, CompilerLoad.threadsLeft(2, 0.2, 2), "a quiet compiler: every worker");
        assertEquals(1, CompilerLoad.threadsLeft(2, 3.0, 2), "never fewer than one");
        assertEquals(14, CompilerLoad.threadsLeft(16, 2.0, 16));
        assertEquals(4, CompilerLoad.threadsLeft(16, 0.0, 4), "never more than asked for");
        assertEquals(2, CompilerLoad.threadsLeft(2, 0.5, 2), "half a core busy rounds to none");
    }

    @Test
    void aLimitedPoolRunsEveryTaskOnceOnAtMostThatManyThreads() {
        try (WorkerPool pool = new WorkerPool(4)) {
            for (int limit : new int[] {1, 2, 4, 3, 1, 4}) {
                pool.limit(limit);
                Set<Thread> used = ConcurrentHashMap.newKeySet();
                int[] done = new int[2000];
                pool.run(done.length, i -> {
                    used.add(Thread.currentThread());
                    done[i]++;
                    for (int k = 0; k < 2000; k++) Thread.onSpinWait(); // long enough for helpers to join
                });
                for (int d : done) assertEquals(1, d);
                assertTrue(used.size() <= limit, "limit " + limit + " but " + used.size() + " threads ran tasks");
                if (limit == 1) assertEquals(Set.of(Thread.currentThread()), used);
            }
        }
    }
}

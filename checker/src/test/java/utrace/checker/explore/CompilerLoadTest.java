package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Windows of 50 ms on 2 cores: {@code compileMs[i]} of compile time in window i; the workers chosen after each. */
    private static int[] decisions(int... compileMs) {
        CompilerLoad load = new CompilerLoad(2, 2, null, 0);
        int[] out = new int[compileMs.length];
        long compiled = 0;
        for (int i = 0; i < compileMs.length; i++) {
            compiled += compileMs[i];
            out[i] = load.next((i + 1) * CompilerLoad.WINDOW_NANOS, compiled, 2);
        }
        return out;
    }

    @Test
    void aCompilerBusyInTwoWindowsRunningTakesACore() {
        // a fresh JVM: C2 busy for the whole search, one worker from the second window on
        assertArrayEquals(new int[] {2, 1, 1, 1, 2, 2}, decisions(50, 50, 50, 50, 0, 0));
        // a warm JVM's lone recompile: over before the next level, no worker taken away
        assertArrayEquals(new int[] {2, 2, 2, 2, 2}, decisions(0, 40, 0, 45, 0));
        // busy, a quiet window, busy again: every worker back at once
        assertArrayEquals(new int[] {2, 1, 2, 2, 1}, decisions(50, 50, 0, 50, 50));
    }

    @Test
    void aWindowShorterThanFiftyMillisecondsKeepsTheLastDecision() {
        CompilerLoad load = new CompilerLoad(2, 2, null, 0);
        assertEquals(2, load.next(CompilerLoad.WINDOW_NANOS, 50, 2));
        assertEquals(1, load.next(2 * CompilerLoad.WINDOW_NANOS, 100, 2));
        assertEquals(1, load.next(2 * CompilerLoad.WINDOW_NANOS + 1_000_000, 100, 2), "1 ms later: the same");
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

package utrace.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed set of threads, the caller included: the
 * tasks of one {@link #run} call are handed out in index order through an
 * atomic counter and {@code run} returns when all are done. Which thread runs
 * which task varies; the explorer makes each task's output depend on its index
 * only, so results do not depend on the thread count or timing.
 */
final class WorkerPool implements AutoCloseable {
    private final Thread[] threads;
    private final Object lock = new Object();
    /** Guarded by lock: bumped for each batch; workers wait for a new one. */
    private long generation;
    private boolean closed;
    private IntConsumer task;
    private int taskCount;
    private AtomicInteger next;
    private int running;
    private Throwable failure;
    /** Guarded by lock: threads (the caller included) that take part in the next batches ({@link #limit}). */
    private int participants;
    /** Guarded by lock: workers 1..batchHelpers take part in the current batch. */
    private int batchHelpers;

    WorkerPool(int workers) {
        threads = new Thread[workers - 1];
        participants = workers;
        for (int i = 0; i < threads.length; i++) {
            final int index = i;
            threads[i] = new Thread(() -> loop(index), "checker-worker-" + (i + 1));
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    int workers() { return threads.length + 1; }

    /**
     * From now on at most {@code n} threads (1..workers(), the caller included) run each batch; the others
     * stay asleep. Which threads run a task never changes its result, so this changes speed only.
     */
    void limit(int n) {
        synchronized (lock) {
            participants = Math.max(1, Math.min(workers(), n));
        }
    }

    /** Runs tasks 0..n-1; rethrows the first failure. Small batches run on the caller alone. */
    void run(int n, IntConsumer body) {
        if (n == 0) return;
        int helpers;
        synchronized (lock) {
            helpers = Math.min(threads.length, participants - 1);
        }
        if (helpers == 0 || n == 1) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        synchronized (lock) {
            task = body;
            taskCount = n;
            next = counter;
            running = helpers;
            batchHelpers = helpers;
            failure = null;
            generation++;
            lock.notifyAll();
        }
        Throwable mine = null;
        try {
            drain(body, n, counter);
        } catch (Throwable t) {
            mine = t;
            counter.set(n);
        }
        synchronized (lock) {
            while (running > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the workers", e);
                }
            }
            task = null;
            if (mine == null) mine = failure;
        }
        if (mine instanceof RuntimeException) throw (RuntimeException) mine;
        if (mine instanceof Error) throw (Error) mine;
        if (mine != null) throw new IllegalStateException(mine);
    }

    private static void drain(IntConsumer body, int n, AtomicInteger counter) {
        for (int i = counter.getAndIncrement(); i < n; i = counter.getAndIncrement()) body.accept(i);
    }

    private void loop(int index) {
        long seen = 0;
        while (true) {
            IntConsumer body;
            int n;
            AtomicInteger counter;
            synchronized (lock) {
                while (generation == seen && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                seen = generation;
                if (index >= batchHelpers) continue; // not in this batch (limit): sleep until the next one
                body = task;
                n = taskCount;
                counter = next;
            }
            Throwable t = null;
            try {
                drain(body, n, counter);
            } catch (Throwable x) {
                t = x;
                // Let the others stop early: no task index is left.
                counter.set(n);
            }
            synchronized (lock) {
                if (t != null && failure == null) failure = t;
                running--;
                lock.notifyAll();
            }
        }
    }

    @Override public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}

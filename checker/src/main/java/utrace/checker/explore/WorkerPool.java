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

    WorkerPool(int workers) {
        threads = new Thread[workers - 1];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(this::loop, "checker-worker-" + (i + 1));
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    int workers() { return threads.length + 1; }

    /** Runs tasks 0..n-1; rethrows the first failure. Small batches run on the caller alone. */
    void run(int n, IntConsumer body) {
        if (n == 0) return;
        if (threads.length == 0 || n == 1) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        synchronized (lock) {
            task = body;
            taskCount = n;
            next = counter;
            running = threads.length;
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

    private void loop() {
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

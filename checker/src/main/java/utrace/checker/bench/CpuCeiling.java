package utrace.checker.bench;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * What N threads can get out of this machine at best: N threads of plain arithmetic (four independent
 * multiply/xor chains each, no memory traffic, nothing shared) against one, in alternating rounds. On real cores
 * the ratio is N; where virtual CPUs share a physical core (host hyper-threads) or a neighbour takes cycles it is
 * less, and no search can scale past it. bench prints it next to the paired -w 1 / -w N figure to explain it.
 */
final class CpuCeiling {
    private CpuCeiling() {}

    /** Milliseconds each measurement runs for: long enough for the JIT, short enough for the bench. */
    static final long MILLIS = 250;

    private static volatile long sink;

    /** The median over {@code rounds} of (throughput of {@code threads} threads) / (throughput of one). */
    static double ratio(int threads, int rounds) throws InterruptedException {
        run(1); // JIT warm-up
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double one = run(1);
            r[i] = run(threads) / Math.max(1, one);
        }
        return WorkerScaling.median(r);
    }

    /** The line bench prints. */
    static String line(int threads, int rounds, double ratio) {
        return String.format(Locale.ROOT, "  this machine's ceiling: %d threads of plain arithmetic (no memory, nothing shared) get "
            + "%.2fx one thread's%n  throughput (median of %d alternating rounds); a search cannot scale past it", threads, ratio, rounds);
    }

    /** Loop iterations all {@code threads} threads made in {@link #MILLIS}. */
    private static double run(int threads) throws InterruptedException {
        long[] done = new long[threads];
        CountDownLatch start = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int k = t;
            ts[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                done[k] = spin(MILLIS);
            }, "cpu-ceiling-" + t);
            ts[t].start();
        }
        start.countDown();
        long sum = 0;
        for (int t = 0; t < threads; t++) {
            ts[t].join();
            sum += done[t];
        }
        return sum;
    }

    private static long spin(long millis) {
        long a = 1, b = 2, c = 3, d = 4;
        long n = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 4096; i++) {
                a = a * 6364136223846793005L + 1442695040888963407L;
                b = (b ^ (b >>> 29)) * 0xbf58476d1ce4e5b9L;
                c = c * 0x94d049bb133111ebL + 7;
                d = (d ^ (d >>> 31)) * 0x9e3779b97f4a7c15L;
            }
            n += 4096;
        }
        sink = a ^ b ^ c ^ d;
        return n;
    }
}

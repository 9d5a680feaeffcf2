package utrace.checker.explore;

import java.util.Locale;

/**
 * The search's own memory accounting. Each explorer adds up what it holds
 * (visited set, queue or level arenas, parent and actor arrays for traces)
 * and, before the next large allocation (a table that doubles, a level that
 * is packed), asks whether it still fits in the heap with a margin for what
 * it does not count (transient successors, the JVM's own objects). When it
 * does not, the search stops INCOMPLETE with {@link #hint} instead of running
 * the heap out: an OutOfMemoryError is only the last resort (each explorer
 * catches it as well, with the same outcome).
 */
public final class MemoryBudget {
    /** The share of the heap the counted structures may take: the rest is for what is not counted. */
    static final double SHARE = 0.80;

    private final long maxHeap;

    MemoryBudget(long maxHeap) {
        this.maxHeap = maxHeap;
    }

    /** The budget of this JVM's heap (-Xmx, or what the JVM chose from the machine). */
    static MemoryBudget ofHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory());
    }

    long limit() { return (long) (maxHeap * SHARE); }

    /** True if {@code heldBytes} plus an allocation of {@code nextBytes} about to be made fit the budget. */
    boolean fits(long heldBytes, long nextBytes) {
        return heldBytes + nextBytes <= limit();
    }

    /** The INCOMPLETE reason when the budget is spent after {@code states} states. */
    String exhausted(long states, long heldBytes) {
        return String.format(Locale.ROOT, "memory budget reached after %,d states (%,d MB counted of a %,d MB heap): %s",
            states, heldBytes >> 20, maxHeap >> 20, hint(maxHeap));
    }

    /** The INCOMPLETE reason after an OutOfMemoryError (the last resort). */
    static String outOfMemory(long states) {
        long heap = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, "out of memory after %,d states (%,d MB heap): %s", states, heap >> 20, hint(heap));
    }

    /** What to do about it: more heap (twice this one), or a search that stores less per state. */
    static String hint(long maxHeap) {
        long gb = Math.max(1, (2 * maxHeap + (1L << 30) - 1) >> 30);
        return "give Java more heap (CHECKER_JAVA_OPTS=-Xmx" + gb + "g bin/checker ...), or store less per state "
            + "(--hash-compact, --bitstate), or search less (--max-states N)";
    }

    /** Bytes of a State object with {@code slots} slots (object and int[] headers, compressed pointers). */
    static long stateBytes(int slots) {
        return 16 + 16 + 4L * slots;
    }
}

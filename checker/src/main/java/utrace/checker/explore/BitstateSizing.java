package utrace.checker.explore;

/** Table sizes from an expected state count (--expected-states), for the CLI. */
public final class BitstateSizing {
    private BitstateSizing() {}

    /** Bitstate bits for {@code expectedStates}: {@link BitstateTable#BITS_PER_STATE} each, a power of two. */
    public static long bitsFor(long expectedStates) {
        return BitstateTable.bitsFor(expectedStates);
    }

    /** Hash-compaction slots for {@code expectedStates} at a load of at most 3/4, a power of two. */
    public static long slotsFor(long expectedStates) {
        return HashCompactTable.slotsFor(expectedStates);
    }
}

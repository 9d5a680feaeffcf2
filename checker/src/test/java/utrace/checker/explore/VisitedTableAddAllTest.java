package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VisitedTable#addAll}, the insert phase's batch form, must be {@link VisitedTable#add} on each
 * fingerprint in turn: the same answers, counts, sizes and, for the lossy tables, the same omission
 * estimates to the last bit (LevelExplorer's results must not depend on which of the two ran).
 */
class VisitedTableAddAllTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void exactTableBatchEqualsOneByOne(long seed) {
        sameAsOneByOne(VisitedTable.Exact::new, seed, 40_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void bitstateBatchEqualsOneByOneUpToTheLastBitOfTheEstimate(long seed) {
        // A small table (2^16 bits): it fills, so states are taken for visited ones and the estimate moves.
        sameAsOneByOne(() -> new BitstateTable(1L << 16), seed, 20_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void hashCompactBatchEqualsOneByOneEvenWhenItRefuses(long seed) {
        // 2^12 slots for 20,000 inserts: partitions fill up and refuse states (overflow()).
        sameAsOneByOne(() -> new HashCompactTable(1L << 12), seed, 20_000);
    }

    private static void sameAsOneByOne(Supplier<VisitedTable> table, long seed, int n) {
        VisitedTable single = table.get();
        VisitedTable batch = table.get();
        Random r = new Random(seed);
        long[] pool = new long[n / 2];
        for (int i = 0; i < pool.length; i++) pool[i] = r.nextLong();
        pool[0] = 0; // 0 marks an empty slot in the exact table: it must still be an ordinary member
        int done = 0;
        while (done < n) {
            // One run: 1..200 fingerprints of one partition, drawn with repeats (within and across runs).
            int p = r.nextInt(VisitedTable.PARTITIONS);
            int len = 1 + r.nextInt(200);
            long[] fps = new long[len + 2];
            for (int j = 1; j <= len; j++) {
                long fp = pool[r.nextInt(pool.length)];
                fps[j] = p == 0 && fp == 0 ? 0 : (fp >>> VisitedTable.PARTITION_BITS) | ((long) p << (64 - VisitedTable.PARTITION_BITS));
            }
            boolean[] expected = new boolean[len + 2];
            int expectedAdded = 0;
            for (int j = 1; j <= len; j++) {
                expected[j] = single.add(fps[j]);
                if (expected[j]) expectedAdded++;
            }
            boolean[] fresh = new boolean[len + 2];
            // The run sits inside a larger array, as a partition's run of a slice's grouped candidates.
            int added = batch.addAll(fps, 1, len + 1, fresh);
            assertArrayEquals(expected, fresh, "fresh flags of run at " + done);
            assertEquals(expectedAdded, added, "new states of run at " + done);
            assertEquals(single.size(), batch.size());
            done += len;
        }
        assertTrue(single.size() > 0);
        assertEquals(single.describe(), batch.describe());
        assertEquals(single.overflow(), batch.overflow());
        assertEquals(single.bytes(), batch.bytes());
        if (single instanceof BitstateTable b) {
            BitstateTable a = (BitstateTable) batch;
            assertEquals(Double.doubleToLongBits(b.expectedOmissions()), Double.doubleToLongBits(a.expectedOmissions()));
            assertTrue(b.expectedOmissions() > 0, "the table filled enough to miss states");
        }
        if (single instanceof HashCompactTable h) assertNotNull(h.overflow(), "the table refused states");
    }
}

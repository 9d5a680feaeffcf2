package utrace.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The summary's visited-set figure: bytes per state only where the table is not mostly its initial size. */
class VisitedSetSummaryTest {
    @Test
    void aSmallSearchShowsTheTableSizeNotAMeaninglessPerStateFigure() {
        // 24 states in a 512 KB table used to print "21845.3 bytes/state".
        assertEquals("512 KB", TextReport.visitedSet(512 * 1024, 24));
    }

    @Test
    void aLargeSearchShowsBytesPerState() {
        assertEquals("8 MB (24.9 bytes/state)", TextReport.visitedSet(8L << 20, 336_538));
    }
}

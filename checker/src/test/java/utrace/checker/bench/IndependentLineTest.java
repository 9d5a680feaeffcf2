package utrace.checker.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Run C's line: the share of it B reached, and what it says when B passes it. */
class IndependentLineTest {
    private static ChildJvm.Result run(long searchMillis) {
        return new ChildJvm.Result("PASS", 100, 200, searchMillis, searchMillis, searchMillis + 100, 1 << 20, 3, 20);
    }

    @Test
    void bBelowCIsAShareOfIt() {
        // A 1,600 ms, B 1,000 ms (1.6x), C 1,700 ms for two searches (2 * 1600 / 1700 = 1.88x): B at 85% of C.
        String line = WorkerScaling.independentLine(2, List.of(run(1600)), List.of(run(1000)), List.of(run(1700)));
        assertTrue(line.contains("got 1.88x one search's"), line);
        assertTrue(line.contains("B reached 85% of it (median per pair)"), line);
        assertFalse(line.contains("more, as C holds"), line);
    }

    @Test
    void bAboveCSaysWhyCIsNoBound() {
        // A 1,600 ms, B 850 ms (1.88x), C 2,000 ms (1.6x): B at 118% of C.
        String line = WorkerScaling.independentLine(2, List.of(run(1600)), List.of(run(850)), List.of(run(2000)));
        assertTrue(line.contains("B reached 118% of it (median per pair): more, as C holds 2 visited sets and 2 levels"), line);
    }
}

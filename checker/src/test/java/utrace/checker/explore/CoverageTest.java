package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Holzmann's coverage estimate for bitstate hashing, against values worked out by hand: the omitted fraction is
 * (1/n) * integral_0^n (1 - e^(-k x/m))^k dx; expanding the power binomially, it is
 * 1 + sum_{j=1..k} C(k,j) (-1)^j (1 - e^(-k j n/m)) m / (k j n).
 */
class CoverageTest {
    @Test
    void oneHashAsManyBitsAsStates() {
        // k = 1, m = n: 1 - (1 - e^-1) = e^-1 omitted, coverage 1 - 1/e
        assertEquals(1 - Math.exp(-1), BitstateTable.coverage(1, 1e6, 1e6), 1e-9);
    }

    @Test
    void threeHashes() {
        // k = 3, m = n: 1 - (1 - e^-3) + (1 - e^-6)/2 - (1 - e^-9)/9 = 0.4374502934 omitted
        double omitted = 1 - (1 - Math.exp(-3)) + (1 - Math.exp(-6)) / 2 - (1 - Math.exp(-9)) / 9;
        assertEquals(0.4374502934, omitted, 1e-10);
        assertEquals(1 - omitted, BitstateTable.coverage(3, 1e6, 1e6), 1e-9);
        // k = 3, m = 8n: 1 - (1 - e^-3/8) * 8/3 ... = 0.0085391015 omitted
        double r = 8;
        double om8 = 1 - 3 * (1 - Math.exp(-3 / r)) * r / 3 + 3 * (1 - Math.exp(-6 / r)) * r / 6 - (1 - Math.exp(-9 / r)) * r / 9;
        assertEquals(0.0085391015, om8, 1e-10);
        assertEquals(1 - om8, BitstateTable.coverage(3, 8e6, 1e6), 1e-9);
        // the default table (2^29 bits) holding 10 million states: 4.08e-5 omitted
        assertEquals(1 - 4.0806e-5, BitstateTable.coverage(3, Math.pow(2, 29), 1e7), 1e-9);
    }

    @Test
    void printedRoundedDownNeverAsAFullHundred() {
        assertEquals("99.9959%", BitstateTable.percent(1 - 4.0806e-5));
        assertEquals("99.9999%", BitstateTable.percent(1 - 1e-12));
        assertEquals("100%", BitstateTable.percent(1.0));
        assertEquals(1.0, BitstateTable.coverage(3, 1 << 20, 0), "nothing stored, nothing missed");
    }
}

package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EngineList: engine indices packed three bits each (index + 1), first entry lowest. */
class EngineListTest {
    private static int of(int... es) {
        int l = EngineList.EMPTY;
        for (int e : es) l = EngineList.append(l, e);
        return l;
    }

    private static String fmt(int l) {
        return EngineList.format(l, e -> "E" + (e + 1));
    }

    @Test
    void empty() {
        assertEquals(0, EngineList.size(EngineList.EMPTY));
        assertEquals(-1, EngineList.first(EngineList.EMPTY));
        assertEquals(-1, EngineList.last(EngineList.EMPTY));
        assertEquals(-1, EngineList.next(EngineList.EMPTY, 0));
        assertEquals(-1, EngineList.prev(EngineList.EMPTY, 0));
        assertEquals(-1, EngineList.indexOf(EngineList.EMPTY, 0));
        assertEquals("[]", fmt(EngineList.EMPTY));
        assertEquals(EngineList.EMPTY, EngineList.remove(EngineList.EMPTY, 2));
    }

    @Test
    void appendKeepsOrderAndEngineZeroIsNotEmpty() {
        int l = of(0);
        assertNotEquals(EngineList.EMPTY, l, "engine 0 is stored as 1");
        assertEquals(1, EngineList.size(l));
        l = of(2, 0, 3, 1);
        assertEquals("[E3,E1,E4,E2]", fmt(l));
        assertEquals(4, EngineList.size(l));
        assertEquals(2, EngineList.first(l));
        assertEquals(1, EngineList.last(l));
        assertEquals(3, EngineList.get(l, 2));
    }

    @Test
    void nextAndPrevWalkBothWays() {
        int l = of(2, 0, 3, 1);
        assertEquals(0, EngineList.next(l, 2));
        assertEquals(3, EngineList.next(l, 0));
        assertEquals(1, EngineList.next(l, 3));
        assertEquals(-1, EngineList.next(l, 1), "end of list");
        assertEquals(-1, EngineList.prev(l, 2), "start of list (list_for_each_entry_reverse ends)");
        assertEquals(2, EngineList.prev(l, 0));
        assertEquals(3, EngineList.prev(l, 1));
        assertEquals(-1, EngineList.next(of(0, 1), 3), "not on the list");
        assertEquals(-1, EngineList.prev(of(0, 1), 3));
    }

    @Test
    void removeFromAnyPosition() {
        int l = of(0, 1, 2, 3);
        assertEquals("[E2,E3,E4]", fmt(EngineList.remove(l, 0)));
        assertEquals("[E1,E3,E4]", fmt(EngineList.remove(l, 1)));
        assertEquals("[E1,E2,E3]", fmt(EngineList.remove(l, 3)));
        assertEquals(l, EngineList.remove(l, 5), "absent: unchanged");
        assertEquals(EngineList.EMPTY, EngineList.remove(of(2), 2));
    }

    @Test
    void concatIsListSpliceTail() {
        assertEquals("[E1,E2,E3,E4]", fmt(EngineList.concat(of(0, 1), of(2, 3))));
        assertEquals(of(2, 3), EngineList.concat(EngineList.EMPTY, of(2, 3)));
        assertEquals(of(0, 1), EngineList.concat(of(0, 1), EngineList.EMPTY));
        assertEquals(EngineList.EMPTY, EngineList.concat(EngineList.EMPTY, EngineList.EMPTY));
    }

    @Test
    void formatUsesTheNames() {
        assertEquals("[a,c]", EngineList.format(of(0, 2), e -> String.valueOf((char) ('a' + e))));
    }

    @Test
    void containsAndIndexOf() {
        int l = of(3, 1);
        assertTrue(EngineList.contains(l, 3));
        assertTrue(EngineList.contains(l, 1));
        assertFalse(EngineList.contains(l, 0));
        assertEquals(0, EngineList.indexOf(l, 3));
        assertEquals(1, EngineList.indexOf(l, 1));
    }

    /** Property: every operation agrees with java.util.List on random lists of distinct engines 0..6. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 0xC0FFEE, 20111121})
    void agreesWithAListReference(long seed) {
        Random r = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            Collections.shuffle(pool, r);
            List<Integer> a = new ArrayList<>(pool.subList(0, r.nextInt(8)));
            List<Integer> b = new ArrayList<>(pool.subList(a.size(), a.size() + r.nextInt(7 - a.size() + 1)));
            int la = of(a.stream().mapToInt(Integer::intValue).toArray());
            int lb = of(b.stream().mapToInt(Integer::intValue).toArray());

            assertEquals(a.size(), EngineList.size(la));
            for (int i = 0; i < a.size(); i++) assertEquals(a.get(i), EngineList.get(la, i));
            assertEquals(a.isEmpty() ? -1 : a.get(0), EngineList.first(la));
            assertEquals(a.isEmpty() ? -1 : a.get(a.size() - 1), EngineList.last(la));
            assertEquals(a.toString().replace(" ", ""), EngineList.format(la, Integer::toString));

            for (int e = 0; e < 7; e++) {
                int i = a.indexOf(e);
                assertEquals(i, EngineList.indexOf(la, e));
                assertEquals(i >= 0, EngineList.contains(la, e));
                assertEquals(i < 0 || i + 1 >= a.size() ? -1 : a.get(i + 1), EngineList.next(la, e), "next " + e + " in " + a);
                assertEquals(i <= 0 ? -1 : a.get(i - 1), EngineList.prev(la, e), "prev " + e + " in " + a);
                List<Integer> removed = new ArrayList<>(a);
                removed.remove(Integer.valueOf(e));
                assertEquals(of(removed.stream().mapToInt(Integer::intValue).toArray()), EngineList.remove(la, e));
            }

            List<Integer> ab = new ArrayList<>(a);
            ab.addAll(b);
            int lab = EngineList.concat(la, lb);
            assertEquals(of(ab.stream().mapToInt(Integer::intValue).toArray()), lab, a + " ++ " + b);
            assertEquals(ab.size(), EngineList.size(lab));

            for (int e : b) {
                assertEquals(la, EngineList.remove(EngineList.append(la, e), e), "append then remove of a new entry");
                assertEquals(e, EngineList.last(EngineList.append(la, e)));
            }
        }
    }
}

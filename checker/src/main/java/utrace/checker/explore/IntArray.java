package utrace.checker.explore;

import java.util.Arrays;

/** A growable int array: the parent id of every state, by id ({@link Explorer}, {@link LevelExplorer}), or a stack. */
final class IntArray {
    private int[] a = new int[1024];
    private int n;

    void add(int x) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = x;
    }

    /** Makes room for, and counts, entries up to {@code size} (a level's ids are set out of order). */
    void ensure(int size) {
        if (size > a.length) a = Arrays.copyOf(a, Math.max(size, a.length * 2));
        if (size > n) n = size;
    }

    void set(int i, int x) { a[i] = x; }

    /** Drops the entries from {@code size} on (a depth-first stack's pop). */
    void truncate(int size) { n = size; }

    int get(int i) { return a[i]; }

    long bytes() { return 4L * a.length; }

    /** Entries left before the array doubles. */
    long headroom() { return a.length - n; }
}

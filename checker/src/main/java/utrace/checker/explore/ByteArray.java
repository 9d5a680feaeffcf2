package utrace.checker.explore;

import java.util.Arrays;

/** A growable byte array: the actor that reached every state, by id (actor numbers are far below 128). */
final class ByteArray {
    private byte[] a = new byte[1024];
    private int n;

    void add(byte x) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = x;
    }

    /** Makes room for, and counts, entries up to {@code size} (a level's ids are set out of order). */
    void ensure(int size) {
        if (size > a.length) a = Arrays.copyOf(a, Math.max(size, a.length * 2));
        if (size > n) n = size;
    }

    void set(int i, byte x) { a[i] = x; }

    byte get(int i) { return a[i]; }

    long bytes() { return a.length; }
}

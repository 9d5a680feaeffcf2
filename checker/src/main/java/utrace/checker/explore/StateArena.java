package utrace.checker.explore;

import java.util.Arrays;

import utrace.model.State;

/**
 * Compact storage for the states of one search level: the slots of each
 * state back to back as 16-bit values, with an escape for the rare slot
 * outside [-32767, 32767] (then the marker and the value's two halves). The
 * model's slots are flags, small counters and program counters, so a 91-slot
 * state takes 182 bytes here against about 420 as a {@link State} object with
 * its array, and copying shorts is several times faster than a varint code.
 */
final class StateArena {
    private static final short ESCAPE = Short.MIN_VALUE;

    private short[] buf;
    private int len;
    private int count;
    /** True once a slot needed the escape: until then every state is exactly its slots (fast copy loops). */
    private boolean escaped;

    StateArena(int initialShorts) {
        buf = new short[Math.max(16, initialShorts)];
    }

    int count() { return count; }

    /** Bytes the arena holds (its capacity). */
    long bytes() { return 2L * buf.length; }

    /** Appends {@code s}; returns its offset (states are read back in order with a {@link Reader}). */
    int add(State s) {
        int n = s.size();
        if (len + 3 * n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + 3 * n));
        int start = len;
        short[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            int x = s.get(i);
            if (x > Short.MIN_VALUE && x <= Short.MAX_VALUE) {
                b[p++] = (short) x;
            } else {
                escaped = true;
                b[p++] = ESCAPE;
                b[p++] = (short) (x >>> 16);
                b[p++] = (short) x;
            }
        }
        len = p;
        count++;
        return start;
    }

    /** Appends the slots {@code v} (the allocation-free twin of {@link #add(State)}); returns the offset. */
    int add(int[] v) {
        int n = v.length;
        if (len + 3 * n > buf.length) {
            // Grow only if this state's exact size does not fit (an arena sized for n states of
            // plain slots is then filled to the last short, and trim() has nothing to copy).
            int need = n;
            for (int x : v) if (x <= Short.MIN_VALUE || x > Short.MAX_VALUE) need += 2;
            if (len + need > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + need));
        }
        int start = len;
        short[] b = buf;
        // Common case: every slot fits in a short; then a plain narrowing copy (which the JIT vectorizes).
        boolean fits = true;
        for (int i = 0; i < n && fits; i++) fits = v[i] > Short.MIN_VALUE && v[i] <= Short.MAX_VALUE;
        if (fits) {
            for (int i = 0; i < n; i++) b[start + i] = (short) v[i];
            len = start + n;
            count++;
            return start;
        }
        escaped = true;
        int p = len;
        for (int i = 0; i < n; i++) {
            int x = v[i];
            if (x > Short.MIN_VALUE && x <= Short.MAX_VALUE) {
                b[p++] = (short) x;
            } else {
                escaped = true;
                b[p++] = ESCAPE;
                b[p++] = (short) (x >>> 16);
                b[p++] = (short) x;
            }
        }
        len = p;
        count++;
        return start;
    }

    /** True if some slot of some state here needed the escape (then states are not at fixed strides). */
    boolean escaped() { return escaped; }

    /**
     * Appends the state of {@code slots} slots at {@code offset} of {@code from} (an arena without
     * escapes) with the (slot, value) pairs {@code pairs[start..end)} written over it, each value
     * within a short: a block copy and a patch, no decoding. Returns the offset.
     */
    int addPatched(StateArena from, int offset, int slots, int[] pairs, int start, int end) {
        if (len + slots > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + slots));
        int at = len;
        System.arraycopy(from.buf, offset, buf, at, slots);
        for (int p = start; p < end; p += 2) buf[at + pairs[p]] = (short) pairs[p + 1];
        len = at + slots;
        count++;
        return at;
    }

    /** The state at {@code offset} of an arena without escapes, into {@code v}. */
    void plainAt(int offset, int[] v) {
        short[] b = buf;
        for (int i = 0; i < v.length; i++) v[i] = b[offset + i];
    }

    /** Drops unused capacity once the level is complete. */
    void trim() {
        if (buf.length > len + 64) buf = Arrays.copyOf(buf, len);
    }

    /** Reads states sequentially from an offset. */
    final class Reader {
        private int p;
        private final int slots;

        Reader(int offset, int slots) {
            this.p = offset;
            this.slots = slots;
        }

        State next() {
            int[] v = new int[slots];
            nextInto(v);
            return new State(v);
        }

        /** Reads the next state's slots into {@code v} (no allocation). */
        void nextInto(int[] v) {
            short[] b = buf;
            int q = p;
            if (!escaped) { // no escape anywhere in the arena: a plain widening copy
                for (int i = 0; i < slots; i++) v[i] = b[q + i];
                p = q + slots;
                return;
            }
            for (int i = 0; i < slots; i++) {
                short x = b[q++];
                if (x != ESCAPE) {
                    v[i] = x;
                } else {
                    v[i] = (b[q] << 16) | (b[q + 1] & 0xFFFF);
                    q += 2;
                }
            }
            p = q;
        }

        /** Steps over the next state without building it (LevelExplorer skips the successors already visited). */
        void skip() {
            short[] b = buf;
            int q = p;
            for (int i = 0; i < slots; i++) q += b[q] != ESCAPE ? 1 : 3;
            p = q;
        }
    }
}

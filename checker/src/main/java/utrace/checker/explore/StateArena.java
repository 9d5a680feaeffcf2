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

    StateArena(int initialShorts) {
        buf = new short[Math.max(16, initialShorts)];
    }

    int count() { return count; }

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
                b[p++] = ESCAPE;
                b[p++] = (short) (x >>> 16);
                b[p++] = (short) x;
            }
        }
        len = p;
        count++;
        return start;
    }

    /** Frees the states once nothing will read them again (LevelExplorer's candidates after the finish phase). */
    void release() {
        buf = new short[0];
        len = 0;
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
            short[] b = buf;
            int q = p;
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
            return new State(v);
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

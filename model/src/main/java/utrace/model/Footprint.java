package utrace.model;

import java.util.Arrays;

/**
 * Which bits of which state slots something reads and writes: one step (as
 * recorded by {@link Ctx} when asked), an actor's may-footprint (what any of
 * its remaining steps may touch, {@link Model#mayFootprint}), or what the
 * checked invariants read. Partial-order reduction compares them: two steps
 * whose footprints do not conflict commute.
 *
 * <p>Granularity is (slot, bit mask): has/setBits/clearBits touch only their
 * bits, get/set the whole slot. A write counts even if it leaves the value
 * unchanged (a later write by someone else would still race with it).
 */
public final class Footprint {
    private final int[] read;
    private final int[] write;

    public Footprint(int slots) {
        this.read = new int[slots];
        this.write = new int[slots];
    }

    public int slots() { return read.length; }

    public void clear() {
        Arrays.fill(read, 0);
        Arrays.fill(write, 0);
    }

    public void read(int slot, int bits) { read[slot] |= bits; }

    public void write(int slot, int bits) { write[slot] |= bits; }

    /** Reads and writes the bits (a may-footprint entry for a read-modify-write). */
    public void readWrite(int slot, int bits) {
        read[slot] |= bits;
        write[slot] |= bits;
    }

    /** Slots {@code from} (inclusive) to {@code to} (exclusive), all bits, read and written. */
    public void readWriteRange(int from, int to) {
        for (int s = from; s < to; s++) readWrite(s, -1);
    }

    /** Drops the slot from this footprint (only to build a deliberately wrong table in a test). */
    void forget(int slot) {
        read[slot] = 0;
        write[slot] = 0;
    }

    public int reads(int slot) { return read[slot]; }

    public int writes(int slot) { return write[slot]; }

    public boolean isEmpty() {
        for (int s = 0; s < read.length; s++) if ((read[s] | write[s]) != 0) return false;
        return true;
    }

    /**
     * The first slot where this step and {@code may} (another actor's
     * may-footprint) are dependent: this writes what the other may read or
     * write, or this reads what the other may write; -1 if independent.
     */
    public int conflictWith(Footprint may) {
        for (int s = 0; s < read.length; s++) {
            if ((write[s] & (may.read[s] | may.write[s])) != 0 || (read[s] & may.write[s]) != 0) return s;
        }
        return -1;
    }

    /** The first slot where this writes a bit {@code visible} reads (is visible to the invariants); -1 if none. */
    public int writesInto(Footprint visible) {
        for (int s = 0; s < write.length; s++) if ((write[s] & visible.read[s]) != 0) return s;
        return -1;
    }

    /** The first slot where this reads or writes bits outside {@code may}; -1 if it stays inside. */
    public int outside(Footprint may) {
        for (int s = 0; s < read.length; s++) {
            if ((read[s] & ~may.read[s]) != 0 || (write[s] & ~may.write[s]) != 0) return s;
        }
        return -1;
    }

    /** "read 0x4, written 0x0" for slot {@code s}, for error messages. */
    public String describe(int s) {
        return "read 0x" + Integer.toHexString(read[s]) + ", written 0x" + Integer.toHexString(write[s]);
    }
}

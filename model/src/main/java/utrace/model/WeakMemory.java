package utrace.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The weak memory model: a bounded store buffer per CPU (per actor that makes
 * marked stores) and one early-load slot per CPU whose smp_rmb() was removed.
 * Only the marked accesses (the shared variables of the barrier pairs B1-B5)
 * go through it; everything else stays sequentially consistent.
 *
 * <ul>
 * <li>A marked store ({@link Ctx#store}) goes into the actor's buffer. The
 *     actor's own loads see its buffered values (store forwarding: a step runs
 *     on memory with its own buffer laid over it); other actors read memory.
 *     A later plain store by the same actor to a still-buffered variable goes
 *     behind it in the buffer, so per-variable order (coherence) holds.</li>
 * <li>Memory actors move entries to memory: "store buffer A" flushes the
 *     oldest entry, "store buffer A (reordered)" the next one when it may pass
 *     the oldest (another variable, and no smp_wmb() between them). That is
 *     the store-store reordering LKMM allows without smp_wmb() (PSO-like).</li>
 * <li>smp_mb() ({@link Ctx#fence}) waits until the actor's buffer is empty;
 *     the stores of the same step before it go straight to memory. A
 *     value-returning atomic (test_and_set_bit) counts as smp_mb().</li>
 * <li>smp_wmb() marks the newest buffered store: later stores cannot pass it.</li>
 * <li>Without smp_rmb() the later of two loads may be performed early: the
 *     actor's "early load" memory actor reads it into a prefetch slot while the
 *     actor still stands before the earlier load, and the load then returns that
 *     (possibly stale) value. With smp_rmb() or an address dependency it cannot.</li>
 * <li>Locks are release/acquire: releasing a lock tags the actor's buffered
 *     stores with it, and nobody else may take that lock until they are flushed.</li>
 * </ul>
 *
 * It is not LKMM: no cumulativity beyond what the buffers give, no
 * load-store reordering, no speculation past control dependencies, and only
 * the marked accesses are weak. The litmus self-tests ({@link Litmus}) check
 * that it gives LKMM's verdicts on SB, MP, MP+dependency and R.
 */
final class WeakMemory {
    /** Entries per store buffer: the barrier pairs need at most two stores in flight (ops, flags). */
    static final int CAPACITY = 2;
    private static final int ENTRY = 3;
    private static final int SLOT_MASK = 0xFFF;
    /** No later store may pass this entry: a smp_wmb() follows it. */
    private static final int F_WMB_AFTER = 1 << 12;
    private static final int TAG_SHIFT = 13;

    /** Raised inside a step that must wait for its own store buffer to drain (a smp_mb()). */
    static final class Wait extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Wait() {
            // Not super(null, null, false, false): jpf-core's model of Throwable (java-17 branch) has no such
            // constructor, and the model also runs under Java PathFinder. WAIT is one shared instance, so
            // its stack trace is filled once, at class initialisation, and never again.
            super();
        }
    }

    static final Wait WAIT = new Wait();

    /** Names of the shared variables and their values, for traces. */
    interface Names {
        String var(int slot, int mask);

        String value(int slot, int mask, int value);

        /** The barrier whose pair orders stores of {@code value} to {@code slot}, for the flush's reference; null in litmus tests. */
        Barrier storeBarrier(int slot, int value);

        /** The removed smp_rmb() that lets a load of {@code slot} be performed early; null in litmus tests. */
        Barrier loadBarrier(int slot);
    }

    private final int[] buffer;
    private final int[] prefetch;
    private final int[] lockSlots;
    private final Names names;
    private final int size;

    /**
     * @param buffered per actor: does it make marked stores (gets a store buffer)?
     * @param hoisting per actor: may it perform a load early (its smp_rmb() is removed)?
     * @param lockSlots the lock slots (0 free, else holder + 1) whose release orders buffered stores
     * @param first the first free slot of the state; the buffers and prefetch slots go from there
     */
    WeakMemory(boolean[] buffered, boolean[] hoisting, int[] lockSlots, Names names, int first) {
        this.buffer = new int[buffered.length];
        this.prefetch = new int[buffered.length];
        this.lockSlots = lockSlots.clone();
        this.names = names;
        int next = first;
        for (int a = 0; a < buffered.length; a++) {
            buffer[a] = -1;
            if (buffered[a]) {
                buffer[a] = next;
                next += CAPACITY * ENTRY;
            }
        }
        for (int a = 0; a < hoisting.length; a++) {
            prefetch[a] = -1;
            if (hoisting[a]) {
                prefetch[a] = next;
                next += 2;
            }
        }
        this.size = next;
    }

    /** The state size including the buffers. */
    int size() { return size; }

    /** Actor indices past the kernel actors are the memory actors themselves: no buffer. */
    boolean buffered(int actor) { return actor < buffer.length && buffer[actor] >= 0; }

    boolean hoisting(int actor) { return actor < prefetch.length && prefetch[actor] >= 0; }

    // ---- entries -----------------------------------------------------------------------

    private static int slot(int hdr) { return (hdr & SLOT_MASK) - 1; }

    private int count(int[] v, int actor) {
        int b = buffer[actor];
        if (b < 0) return 0;
        int n = 0;
        while (n < CAPACITY && v[b + n * ENTRY] != 0) n++;
        return n;
    }

    /**
     * The {@code bits} of {@code slot} that {@code actor} reads in {@code s}: memory with the actor's own
     * buffered stores laid over it, oldest first (store forwarding, as {@link #begin} does for a step).
     */
    int seenBy(State s, int actor, int slot, int bits) {
        int value = s.bits(slot, bits);
        if (!buffered(actor)) return value;
        int b = buffer[actor];
        for (int i = 0; i < CAPACITY && s.get(b + i * ENTRY) != 0; i++) {
            int e = b + i * ENTRY;
            if (slot(s.get(e)) != slot) continue;
            int mask = s.get(e + 1);
            value = (value & ~mask) | s.get(e + 2);
        }
        return value & bits;
    }

    /** True if the actor's store buffer is empty. */
    boolean empty(State s, int actor) {
        return !buffered(actor) || s.get(buffer[actor]) == 0;
    }

    // ---- a step of a buffered actor ---------------------------------------------------------

    /** Before the step: lay the actor's own buffered stores over memory (store forwarding). */
    void begin(Ctx c, State before) {
        c.weak = this;
        c.before = before;
        int b = buffer[c.actor];
        if (b < 0) return;
        int n = count(c.v, c.actor);
        for (int i = 0; i < n; i++) {
            int e = b + i * ENTRY;
            int s = slot(c.v[e]);
            int mask = c.v[e + 1];
            c.v[s] = (c.v[s] & ~mask) | c.v[e + 2];
        }
    }

    /** A marked store; Ctx has not yet written the view. */
    void store(Ctx c, int slot, int mask, int value) {
        if (buffer[c.actor] < 0) return;
        // A plain store to the same variable earlier in this step comes first, in program order.
        int cur = c.v[slot] & mask;
        if (cur != forwarded(c, slot, mask)) c.pend(slot, mask, cur);
        c.pend(slot, mask, value & mask);
    }

    /** What the actor's own view held for (slot, mask) before this step's writes: pending, then buffer, then memory. */
    private int forwarded(Ctx c, int slot, int mask) {
        for (int i = c.npend - 1; i >= 0; i--) {
            if (c.pend[i * 4] == slot && c.pend[i * 4 + 1] == mask) return c.pend[i * 4 + 2];
        }
        int b = buffer[c.actor];
        for (int i = count(c.v, c.actor) - 1; i >= 0; i--) {
            int e = b + i * ENTRY;
            if (slot(c.v[e]) == slot && c.v[e + 1] == mask) return c.v[e + 2];
        }
        return c.before.get(slot) & mask;
    }

    /**
     * A full barrier in force: the step waits ({@link #WAIT}) until the stores
     * of earlier steps have drained; this step's stores so far go to memory.
     */
    void fence(Ctx c, Barrier.Kind kind, boolean inForce, String name) {
        if (!inForce) {
            c.note(name + " removed");
            return;
        }
        if (kind != Barrier.Kind.MB || buffer[c.actor] < 0) return;
        if (count(c.v, c.actor) > 0) throw WAIT;
        c.npend = 0;
    }

    /** smp_wmb() in force: no store after this point may pass the newest buffered one. */
    void wmb(Ctx c, boolean inForce, String name) {
        if (!inForce) {
            c.note(name + " removed");
            return;
        }
        if (buffer[c.actor] < 0) return;
        if (c.npend > 0) {
            c.pend[(c.npend - 1) * 4 + 3] |= F_WMB_AFTER;
            return;
        }
        int n = count(c.v, c.actor);
        if (n > 0) c.v[buffer[c.actor] + (n - 1) * ENTRY] |= F_WMB_AFTER;
    }

    /** A load that a removed smp_rmb() no longer orders: it returns the early-loaded value if there is one. */
    int load(Ctx c, int slot) {
        int p = prefetch[c.actor];
        if (p >= 0 && c.v[p] == slot + 1) {
            int val = c.v[p + 1];
            c.v[p] = 0;
            c.v[p + 1] = 0;
            if (c.record) c.note(names.var(slot, -1) + " was loaded early: " + names.value(slot, -1, val));
            return val;
        }
        return c.v[slot];
    }

    /**
     * The step did not perform the load the actor's early load was for (task_utrace_lock found
     * task->utrace NULL and took task_lock instead; a report hook's event was not in utrace_flags):
     * the early-loaded value goes unused.
     */
    void dropEarlyLoad(Ctx c) {
        int p = prefetch[c.actor];
        if (p < 0 || c.v[p] == 0) return;
        if (c.record) c.note("the early load of " + names.var(c.v[p] - 1, -1) + " goes unused");
        c.v[p] = 0;
        c.v[p + 1] = 0;
    }

    /** The newest buffered whole-slot value of {@code slot} in any buffer, else what this step sees. */
    int latest(Ctx c, int slot) {
        for (int a = 0; a < buffer.length; a++) {
            if (a == c.actor || buffer[a] < 0) continue;
            for (int i = count(c.v, a) - 1; i >= 0; i--) {
                int e = buffer[a] + i * ENTRY;
                if (slot(c.v[e]) == slot && c.v[e + 1] == -1) return c.v[e + 2];
            }
        }
        return c.v[slot];
    }

    /** May the actor take {@code lock}? Not while another actor still buffers stores it made before releasing it. */
    boolean acquirable(Ctx c, int lock, boolean free) {
        int bit = lockBit(lock);
        if (bit != 0) c.touchedLocks |= bit;
        if (!free || bit == 0 || c.v[lock] == c.actor + 1) return free;
        for (int a = 0; a < buffer.length; a++) {
            if (a == c.actor || buffer[a] < 0) continue;
            int n = count(c.v, a);
            for (int i = 0; i < n; i++) {
                if (((c.v[buffer[a] + i * ENTRY] >>> TAG_SHIFT) & bit) != 0) return false;
            }
        }
        return true;
    }

    private int lockBit(int lock) {
        for (int i = 0; i < lockSlots.length; i++) if (lockSlots[i] == lock) return 1 << i;
        return 0;
    }

    /**
     * After the step: its marked stores, and plain stores to variables still in
     * its buffer, become buffer entries instead of memory writes. False if the
     * buffer would overflow with older entries still in it (the step waits).
     */
    boolean end(Ctx c, State before) {
        int a = c.actor;
        int b = buffer[a];
        if (b < 0) return true;
        int[] v = c.v;
        int old = count(v, a);
        List<int[]> out = new ArrayList<>(old + c.npend + 2);
        for (int i = 0; i < old; i++) {
            int e = b + i * ENTRY;
            out.add(new int[] {slot(v[e]), v[e + 1], v[e + 2], v[e] & ~SLOT_MASK});
        }
        for (int i = 0; i < c.npend; i++) {
            out.add(new int[] {c.pend[i * 4], c.pend[i * 4 + 1], c.pend[i * 4 + 2], c.pend[i * 4 + 3]});
        }
        // A plain store after the last buffered one of the same variable goes behind it.
        int listed = out.size();
        for (int i = 0; i < listed; i++) {
            int[] x = out.get(i);
            if (lastIndexOf(out, x[0], x[1], listed) != i) continue;
            int cur = v[x[0]] & x[1];
            if (cur != x[2]) out.add(new int[] {x[0], x[1], cur, 0});
        }
        if (out.isEmpty()) return true;
        if (c.record && c.npend > 0) c.note(describeNew(out, old));
        // Memory keeps what it had under buffered bits; the step's view of them lives on in the buffer.
        for (int[] x : out) v[x[0]] = (v[x[0]] & ~x[1]) | (before.get(x[0]) & x[1]);
        if (out.size() > CAPACITY) {
            if (old > 0) return false; // store buffer full: wait for a flush
            while (out.size() > CAPACITY) {
                int[] x = out.remove(0); // the oldest reaches memory at once (a legal order)
                v[x[0]] = (v[x[0]] & ~x[1]) | x[2];
            }
        }
        int released = 0;
        for (int i = 0; i < lockSlots.length; i++) {
            int l = lockSlots[i];
            boolean had = before.get(l) == a + 1 || (c.touchedLocks & (1 << i)) != 0;
            if (had && v[l] != a + 1) released |= 1 << i;
        }
        for (int i = 0; i < CAPACITY; i++) {
            int e = b + i * ENTRY;
            if (i < out.size()) {
                int[] x = out.get(i);
                v[e] = (x[0] + 1) | (x[3] & ~SLOT_MASK) | (released << TAG_SHIFT);
                v[e + 1] = x[1];
                v[e + 2] = x[2];
            } else {
                v[e] = 0;
                v[e + 1] = 0;
                v[e + 2] = 0;
            }
        }
        return true;
    }

    private static int lastIndexOf(List<int[]> l, int slot, int mask, int limit) {
        for (int i = limit - 1; i >= 0; i--) if (l.get(i)[0] == slot && l.get(i)[1] == mask) return i;
        return -1;
    }

    private String describeNew(List<int[]> out, int old) {
        StringBuilder sb = new StringBuilder("store buffer <- ");
        for (int i = old; i < out.size(); i++) {
            int[] x = out.get(i);
            if (i > old) sb.append(", ");
            sb.append(names.var(x[0], x[1])).append(" = ").append(names.value(x[0], x[1], x[2]));
        }
        return sb.toString();
    }

    // ---- the memory actors ---------------------------------------------------------------

    /** May entry {@code k} of the actor's buffer reach memory now? */
    private boolean flushable(int[] v, int actor, int k) {
        int b = buffer[actor];
        if (k >= count(v, actor)) return false;
        int s = slot(v[b + k * ENTRY]);
        for (int j = 0; j < k; j++) {
            int h = v[b + j * ENTRY];
            if (slot(h) == s || (h & F_WMB_AFTER) != 0) return false;
        }
        return true;
    }

    /** Flush entry {@code k} of {@code cpu}'s buffer into memory; the step's label says what. */
    boolean flush(Ctx c, int cpu, int k) {
        int[] v = c.v;
        if (!flushable(v, cpu, k)) return false;
        int b = buffer[cpu];
        int e = b + k * ENTRY;
        int s = slot(v[e]);
        int mask = v[e + 1];
        int val = v[e + 2];
        v[s] = (v[s] & ~mask) | val;
        int n = count(v, cpu);
        for (int i = k; i < n - 1; i++) {
            System.arraycopy(v, b + (i + 1) * ENTRY, v, b + i * ENTRY, ENTRY);
        }
        int last = b + (n - 1) * ENTRY;
        v[last] = 0;
        v[last + 1] = 0;
        v[last + 2] = 0;
        c.at(MemoryActor.flushInfo("flush " + names.var(s, mask) + " = " + names.value(s, mask, val) + " to memory",
            names.storeBarrier(s, val)));
        return true;
    }

    /** The hoisting actor's early load of the load its removed smp_rmb() no longer holds back. */
    boolean loadEarly(Ctx c, int cpu, int slot) {
        int p = prefetch[cpu];
        if (slot < 0 || c.v[p] != 0) return false;
        int val = c.v[slot];
        int b = buffer[cpu];
        for (int i = count(c.v, cpu) - 1; b >= 0 && i >= 0; i--) {
            int e = b + i * ENTRY;
            if (slot(c.v[e]) == slot && c.v[e + 1] == -1) {
                val = c.v[e + 2];
                break;
            }
        }
        c.v[p] = slot + 1;
        c.v[p + 1] = val;
        c.at(MemoryActor.earlyLoadInfo("load " + names.var(slot, -1) + " early (= " + names.value(slot, -1, val) + ")",
            names.loadBarrier(slot)));
        return true;
    }

    boolean prefetchPending(State s, int cpu) {
        return hoisting(cpu) && s.get(prefetch[cpu]) != 0;
    }

    // ---- for traces ----------------------------------------------------------------------------

    /** The buffer's entries, oldest first ("empty" if none). */
    String describeBuffer(State s, int actor) {
        int b = buffer[actor];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < CAPACITY; i++) {
            int h = s.get(b + i * ENTRY);
            if (h == 0) break;
            if (sb.length() > 0) sb.append("; ");
            int sl = slot(h);
            int mask = s.get(b + i * ENTRY + 1);
            sb.append(names.var(sl, mask)).append(" = ").append(names.value(sl, mask, s.get(b + i * ENTRY + 2)));
            if ((h & F_WMB_AFTER) != 0) sb.append("; smp_wmb()");
        }
        return sb.length() == 0 ? "empty" : sb.toString();
    }

    String describePrefetch(State s, int actor) {
        int p = prefetch[actor];
        int h = s.get(p);
        if (h == 0) return "none";
        return names.var(h - 1, -1) + " = " + names.value(h - 1, -1, s.get(p + 1)) + " (loaded early)";
    }
}

package utrace.checker.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The scalable native engine: breadth-first search one level at a time, the
 * work of a level split over worker threads, with optional symmetry reduction
 * ({@link Symmetry}) and bitstate hashing ({@link BitstateTable}).
 *
 * <p>Each level runs in three phases separated by barriers:
 * <ol>
 * <li>expand: workers take slices of the level in order, step every actor
 *     of every state, check the transition and final-state invariants, and
 *     keep each successor with its fingerprint as a candidate;</li>
 * <li>insert: each of the visited set's partitions is filled by one worker,
 *     going through the candidates in level order, so the first discovery in
 *     breadth-first order is the one that counts;</li>
 * <li>finish: the new states get their state invariants checked and are
 *     packed ({@link StateArena}) as the next level.</li>
 * </ol>
 * Every candidate and every check carries a key (position of its parent in
 * the level, actor, kind) that orders it exactly as the single-threaded
 * {@link Explorer} meets it. The violation reported is the one with the
 * smallest key, and the counts at a violation are those with smaller keys,
 * so without reductions the verdict, counts and counterexample are those of
 * {@link Explorer}, whatever the number of workers. With symmetry reduction
 * they are those of the quotient graph, again independent of the number of
 * workers.
 */
public final class LevelExplorer {
    private static final long PROGRESS_EVERY_MILLIS = 2000;
    /** States of a level per work slice: large enough to amortize the hand-out, small enough to balance. */
    static final int SLICE = 256;

    private final Limits limits;
    private final ProgressListener progress;
    private final ScaleOptions opts;

    public LevelExplorer(Limits limits, ProgressListener progress, ScaleOptions opts) {
        this.limits = limits;
        this.progress = progress;
        this.opts = opts;
    }

    public ExplorationResult explore(Model model, List<Invariant> invariants) {
        try (WorkerPool pool = new WorkerPool(opts.workers())) {
            Run run = new Run(model, invariants, pool);
            try {
                return run.run();
            } catch (OutOfMemoryError e) {
                // The level being built is unreachable once run() has thrown, so there is room to report.
                return run.incomplete("out of memory after " + run.visited.size() + " states: give the JVM more heap "
                    + "(CHECKER_JAVA_OPTS=-Xmx8g bin/checker ...) or use --bitstate", run.depth);
            }
        }
    }

    /** One search: the state that the phases share. */
    private final class Run {
        final Model model;
        final InvariantChecker check;
        final WorkerPool pool;
        final int actors;
        final int slots;
        final long start = System.nanoTime();
        final VisitedTable visited;
        final Symmetry symmetry;
        /** Partial-order reduction, or null; and how many states it expanded fully. */
        final PartialOrder po;
        final AtomicLong fullyExpanded = new AtomicLong();
        /** Parent id and actor of every state, by id (ids in breadth-first order, as Explorer's). */
        final IntArray parent = new IntArray();
        final ByteArray via = new ByteArray();
        /** Smallest key of a violation found in the current level. */
        final AtomicLong minKey = new AtomicLong(Long.MAX_VALUE);
        volatile boolean timedOut;
        /** The thread that called explore(): the only one that reports progress. */
        final Thread caller = Thread.currentThread();
        long lastProgress;
        /** The level being expanded and its size (for progress lines). */
        int depth;
        int levelSize;
        long transitions;
        final AtomicLong levelTransitions = new AtomicLong();

        Run(Model model, List<Invariant> invariants, WorkerPool pool) {
            this.model = model;
            this.check = new InvariantChecker(model, invariants);
            this.pool = pool;
            this.actors = model.actorCount();
            this.slots = model.initial().size();
            this.visited = opts.bitstate() ? new BitstateTable(opts.bitstateBits()) : new VisitedTable.Exact();
            this.symmetry = opts.symmetry() ? Symmetry.of(model) : null;
            this.po = opts.por() ? PartialOrder.of(model, invariants) : null;
            if (po != null && symmetry != null && symmetry.groupSize() > 0) {
                throw new IllegalArgumentException("partial-order reduction and symmetry reduction together are not supported");
            }
            if (actors > 31) throw new IllegalArgumentException("at most 31 actors, not " + actors);
        }

        ExplorationResult run() {
            State init = model.initial();
            if (symmetry != null) init = symmetry.canonical(init);
            visited.add(FastFingerprint.of(init));
            parent.add(-1);
            via.add((byte) -1);
            Violation v0 = check.state(init);
            if (v0 != null) return violation(v0, path(0, -1), stats(1, 0, 0));
            StateArena a0 = new StateArena(slots * 2);
            a0.add(init);
            List<Segment> level = List.of(new Segment(a0, 1, new int[] {0}, 0));
            levelSize = 1;
            long levelBase = 0;
            depth = 0;
            while (levelSize > 0) {
                List<Slice> slices = slices(level, levelBase);
                minKey.set(Long.MAX_VALUE);
                levelTransitions.set(0);
                pool.run(slices.size(), i -> expand(slices.get(i)));
                if (timedOut) return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", depth);
                // A level of one slice is done by the caller alone: waking the workers would cost more.
                if (slices.size() == 1) {
                    for (int p = 0; p < VisitedTable.PARTITIONS; p++) insert(slices, p);
                } else {
                    pool.run(VisitedTable.PARTITIONS, p -> insert(slices, p));
                }
                pool.run(slices.size(), i -> finish(slices.get(i)));
                if (minKey.get() != Long.MAX_VALUE) return levelViolation(slices, levelBase, levelSize, depth);
                transitions += levelTransitions.get();
                // Number the new states in level order and record how each was reached.
                long nextBase = levelBase + levelSize;
                long id = nextBase;
                List<Segment> next = new ArrayList<>();
                int pos = 0;
                for (Slice s : slices) {
                    s.newBase = id;
                    id += s.newCount;
                    if (s.newCount > 0) {
                        next.add(new Segment(s.out, s.newCount, s.outOffsets, pos));
                        pos += s.newCount;
                    }
                }
                if (id > Integer.MAX_VALUE) throw new IllegalStateException("more than 2^31 states: state ids are ints");
                parent.ensure((int) id);
                via.ensure((int) id);
                final long base = levelBase;
                pool.run(slices.size(), i -> number(slices.get(i), base));
                levelBase = nextBase;
                levelSize = pos;
                level = next;
                if (levelSize > 0) depth++;
                long elapsed = millis();
                if (limits.maxStates() > 0 && visited.size() >= limits.maxStates() && levelSize > 0) {
                    return incomplete("state limit " + limits.maxStates() + " reached", depth);
                }
                if (limits.timeLimitMillis() > 0 && elapsed >= limits.timeLimitMillis() && levelSize > 0) {
                    return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", depth);
                }
                if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = elapsed;
                    progress.progress(visited.size(), transitions, depth, levelSize, elapsed);
                }
            }
            Stats st = stats(visited.size(), transitions, depth);
            if (opts.bitstate()) {
                return new ExplorationResult(Verdict.INCOMPLETE, st, null, "no violation found (probabilistic): " + visited.describe());
            }
            return new ExplorationResult(Verdict.PASS, st, null, null);
        }

        // ---- phase 1: expand ------------------------------------------------------------------

        void expand(Slice sl) {
            StateArena.Reader in = sl.seg.arena.new Reader(sl.seg.offsets[sl.from / SLICE], slots);
            Candidates out = new Candidates(sl.count * 2 + 4, slots);
            Footprint[] fps = new Footprint[actors];
            sl.cands = out;
            sl.enabled = new int[sl.count];
            long trans = 0;
            states:
            for (int k = 0; k < sl.count; k++) {
                long pos = sl.firstPos + k;
                if (key(pos, 0, 0) > minKey.get()) break; // an earlier violation in this level wins
                if ((k & 63) == 0) {
                    long now = millis();
                    if (limits.timeLimitMillis() > 0 && now >= limits.timeLimitMillis()) {
                        timedOut = true;
                        break;
                    }
                    // Long levels report progress from inside; only the calling thread talks to the listener.
                    if (Thread.currentThread() == caller && now - lastProgress >= PROGRESS_EVERY_MILLIS) {
                        lastProgress = now;
                        progress.progress(visited.size(), transitions + levelTransitions.get(), depth, levelSize, now);
                    }
                }
                State s = in.next();
                boolean progressed = false;
                int mask = 0;
                Transition[] ts = null;
                int ample = -1;
                if (po != null) {
                    ts = po.steps(s, fps);
                    // Proviso: the successor is not in the visited set, which holds exactly the levels
                    // up to this one while a level is expanded (the same states as Explorer's test).
                    ample = po.ample(s, ts, fps, n -> !visited.contains(FastFingerprint.of(n)));
                    if (ample < 0) fullyExpanded.incrementAndGet();
                }
                for (int a = 0; a < actors; a++) {
                    if (ample >= 0 && a != ample) continue;
                    Transition t = ts != null ? ts[a] : model.step(s, a);
                    if (t == null) continue;
                    mask |= 1 << a;
                    trans++;
                    State next = t.after();
                    if (!next.equals(s)) progressed = true;
                    Violation v = check.transition(s, t);
                    if (v != null) {
                        found(sl, key(pos, a, 0), v);
                        sl.enabled[k] = mask;
                        break states;
                    }
                    
                    if (symmetry != null) next = symmetry.canonical(next);
                    // No lookup here: the insert phase finds the states already visited, and one
                    // probe of the (cache-missing) table per successor is cheaper than two.
                    out.add(FastFingerprint.of(next), next, k, a);
                }
                sl.enabled[k] = mask;
                if (!progressed) {
                    Violation v = check.terminal(s);
                    if (v != null) {
                        found(sl, key(pos, actors, 0), v);
                        break;
                    }
                }
            }
            levelTransitions.addAndGet(trans);
            out.bucket();
        }

        /** Records a violation; the smallest key of the level wins. */
        void found(Slice sl, long key, Violation v) {
            if (key < sl.vKey) {
                sl.vKey = key;
                sl.violation = v;
            }
            long cur = minKey.get();
            while (key < cur && !minKey.compareAndSet(cur, key)) cur = minKey.get();
        }

        // ---- phase 2: insert ------------------------------------------------------------------

        void insert(List<Slice> slices, int partition) {
            for (Slice sl : slices) {
                Candidates c = sl.cands;
                if (c == null) continue;
                for (int j = c.partStart[partition]; j < c.partStart[partition + 1]; j++) {
                    int i = c.order[j];
                    c.isNew[i] = visited.add(c.fps[i]);
                }
            }
        }

        // ---- phase 3: finish ------------------------------------------------------------------

        void finish(Slice sl) {
            Candidates c = sl.cands;
            if (c == null) return;
            int news = 0;
            for (int i = 0; i < c.n; i++) if (c.isNew[i]) news++;
            sl.out = new StateArena(news * (slots + 4) + 16);
            sl.outOffsets = new int[(news + SLICE - 1) / SLICE];
            sl.newParent = new int[news];
            sl.newActor = new byte[news];
            int k = 0;
            StateArena.Reader packed = c.arena.new Reader(0, slots);
            for (int i = 0; i < c.n; i++) {
                if (!c.isNew[i]) {
                    packed.skip();
                    continue;
                }
                State st = packed.next();
                long key = key(sl.firstPos + c.parent[i], c.actor[i], 1);
                if (key < minKey.get()) {
                    Violation v = check.state(st);
                    if (v != null) found(sl, key, v);
                }
                int off = sl.out.add(st);
                if (k % SLICE == 0) sl.outOffsets[k / SLICE] = off;
                sl.newParent[k] = c.parent[i];
                sl.newActor[k] = c.actor[i];
                k++;
            }
            sl.newCount = news;
            sl.out.trim();
            sl.cands = c.keepKeysOnly();
        }

        void number(Slice sl, long levelBase) {
            for (int k = 0; k < sl.newCount; k++) {
                parent.set((int) (sl.newBase + k), (int) (levelBase + sl.firstPos + sl.newParent[k]));
                via.set((int) (sl.newBase + k), sl.newActor[k]);
            }
            sl.newParent = null;
            sl.newActor = null;
        }

        // ---- results --------------------------------------------------------------------------

        /**
         * The violation with the smallest key in this level, with the counts the single-threaded
         * search has when it meets it: states and transitions with smaller keys.
         */
        ExplorationResult levelViolation(List<Slice> slices, long levelBase, int levelSize, int depth) {
            long k = minKey.get();
            Slice owner = null;
            for (Slice sl : slices) if (sl.vKey == k) owner = sl;
            long pos = k / 2 / (actors + 1);
            int actor = (int) (k / 2 % (actors + 1));
            boolean stateKind = (k & 1) == 1;
            long newBefore = 0;
            long transBefore = 0;
            for (Slice sl : slices) {
                Candidates c = sl.cands;
                if (c != null) {
                    for (int i = 0; i < c.n; i++) {
                        if (c.isNew[i] && key(sl.firstPos + c.parent[i], c.actor[i], 1) <= k) newBefore++;
                    }
                }
                if (sl.enabled == null) continue;
                for (int j = 0; j < sl.count; j++) {
                    int m = sl.enabled[j];
                    for (int a = 0; a < actors; a++) {
                        if ((m & (1 << a)) != 0 && key(sl.firstPos + j, a, 0) <= k) transBefore++;
                    }
                }
            }
            long id = levelBase + pos;
            List<Integer> schedule = path((int) id, actor < actors ? actor : -1);
            if (stateKind && actor >= actors) throw new IllegalStateException("bad key " + k);
            Stats st = stats(levelBase + levelSize + newBefore, transitions + transBefore, newBefore > 0 ? depth + 1 : depth);
            return violation(owner.violation, schedule, st);
        }

        ExplorationResult incomplete(String why, int depth) {
            return new ExplorationResult(Verdict.INCOMPLETE, stats(visited.size(), transitions, depth), null, why);
        }

        ExplorationResult violation(Violation v, List<Integer> schedule, Stats st) {
            List<Integer> real = symmetry == null ? schedule : symmetry.realSchedule(model, schedule);
            return new ExplorationResult(Verdict.VIOLATION, st, new Counterexample(v, real), null);
        }

        Stats stats(long states, long trans, int depth) {
            return new Stats(states, trans, depth, millis(), visited.bytes(), po == null ? -1 : fullyExpanded.get());
        }

        long millis() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        long key(long pos, int actor, int kind) {
            return (pos * (actors + 1) + actor) * 2 + kind;
        }

        /** The actor schedule from the initial state to state {@code id}, plus {@code lastActor} if >= 0. */
        List<Integer> path(int id, int lastActor) {
            List<Integer> out = new ArrayList<>();
            if (lastActor >= 0) out.add(lastActor);
            for (int cur = id; parent.get(cur) >= 0; cur = parent.get(cur)) out.add((int) via.get(cur));
            Collections.reverse(out);
            return out;
        }

        List<Slice> slices(List<Segment> level, long levelBase) {
            List<Slice> out = new ArrayList<>();
            for (Segment seg : level) {
                for (int from = 0; from < seg.count; from += SLICE) {
                    out.add(new Slice(seg, from, Math.min(SLICE, seg.count - from), seg.firstPos + from));
                }
            }
            return out;
        }
    }

    /** Part of a level: packed states and the byte offset of every SLICE-th. */
    private record Segment(StateArena arena, int count, int[] offsets, int firstPos) {
    }

    /** A slice of a level, one work item of each phase, with what the phases produce for it. */
    private static final class Slice {
        final Segment seg;
        final int from;
        final int count;
        final long firstPos;
        Candidates cands;
        int[] enabled;
        long vKey = Long.MAX_VALUE;
        Violation violation;
        StateArena out;
        int[] outOffsets;
        int[] newParent;
        byte[] newActor;
        int newCount;
        long newBase;

        Slice(Segment seg, int from, int count, long firstPos) {
            this.seg = seg;
            this.from = from;
            this.count = count;
            this.firstPos = firstPos;
        }
    }

    /**
     * The successors of a slice, in the order met. The states are packed (a {@link StateArena}) as soon as
     * they are made, not kept as objects: a level's candidates live from the expand phase to the finish
     * phase, and as State objects (an int[] each, about 300 bytes) they outlived the young generation, so
     * every collection copied them and the heap grew with the workers' combined allocation; packed, they
     * are a few large short[] arrays (132 bytes a state), and the State objects die at once.
     */
    private static final class Candidates {
        int n;
        long[] fps;
        final StateArena arena;
        int[] parent;
        byte[] actor;
        boolean[] isNew;
        /** Candidate indices grouped by visited-set partition (stable), and each group's start. */
        int[] order;
        int[] partStart;

        Candidates(int cap, int slots) {
            fps = new long[cap];
            arena = new StateArena(cap * slots);
            parent = new int[cap];
            actor = new byte[cap];
        }

        void add(long fp, State s, int parentInSlice, int a) {
            if (n == fps.length) {
                int c = n * 2;
                fps = Arrays.copyOf(fps, c);
                parent = Arrays.copyOf(parent, c);
                actor = Arrays.copyOf(actor, c);
            }
            fps[n] = fp;
            arena.add(s);
            parent[n] = parentInSlice;
            actor[n] = (byte) a;
            n++;
        }

        void bucket() {
            isNew = new boolean[n];
            partStart = new int[VisitedTable.PARTITIONS + 1];
            for (int i = 0; i < n; i++) partStart[VisitedTable.partition(fps[i]) + 1]++;
            for (int p = 0; p < VisitedTable.PARTITIONS; p++) partStart[p + 1] += partStart[p];
            int[] fill = Arrays.copyOf(partStart, VisitedTable.PARTITIONS);
            order = new int[n];
            for (int i = 0; i < n; i++) order[fill[VisitedTable.partition(fps[i])]++] = i;
        }

        /** After the finish phase only the keys and new-flags are needed (for counts at a violation). */
        Candidates keepKeysOnly() {
            arena.release();
            fps = null;
            order = null;
            return this;
        }
    }

    /** Growable int array (parent ids). */
    static final class IntArray {
        private int[] a = new int[1024];
        private int n;

        void add(int x) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = x;
        }

        void ensure(int size) {
            if (size > a.length) a = Arrays.copyOf(a, Math.max(size, a.length * 2));
            if (size > n) n = size;
        }

        void set(int i, int x) { a[i] = x; }

        int get(int i) { return a[i]; }
    }

    /** Growable byte array (the actor that reached each state). */
    static final class ByteArray {
        private byte[] a = new byte[1024];
        private int n;

        void add(byte x) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = x;
        }

        void ensure(int size) {
            if (size > a.length) a = Arrays.copyOf(a, Math.max(size, a.length * 2));
            if (size > n) n = size;
        }

        void set(int i, byte x) { a[i] = x; }

        byte get(int i) { return a[i]; }
    }
}

package utrace.checker.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.ScopedInvariants;
import utrace.invariants.Violation;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.Stepper;
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
 * <li>finish: the new states, numbered in level order from the insert
 *     phase's counts, get their state invariants checked, their parent and
 *     actor recorded and are packed ({@link StateArena}) as the next level.</li>
 * </ol>
 * Each task writes its outputs in runs of its own: a slice's arrays and its
 * range of state ids, or in insert a partition's runs of the grouped arrays
 * and its own counters. Two workers storing into one cache line slow each
 * other down however little they share: while the insert phase wrote its
 * flags in candidate order, 2 workers ran it only 1.2-1.5x as fast as 1.
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
    /** States --por expands before it judges whether it pays (see Run.porActive). */
    public static final long POR_PROBE_STATES = 20_000;
    /** The least share of transitions saved, per mille, for --por to keep running after the probe. */
    public static final long POR_MIN_SKIPPED_PER_MILLE = 1;
    private final ScaleOptions opts;

    public LevelExplorer(Limits limits, ProgressListener progress, ScaleOptions opts) {
        this.limits = limits;
        this.progress = progress;
        this.opts = opts;
    }

    public ExplorationResult explore(Model model, List<Invariant> invariants) {
        ExplorationResult r;
        try (WorkerPool pool = new WorkerPool(opts.workers())) {
            Run run = new Run(model, invariants, pool);
            try {
                r = run.run();
            } catch (OutOfMemoryError e) {
                // The level being built is unreachable once run() has thrown, so there is room to report.
                return run.incomplete(MemoryBudget.outOfMemory(run.visited.size()), run.depth);
            }
        }
        // The run's visited set and arenas are garbage by now: the cycle search keeps its own.
        return CycleSearch.afterPass(model, invariants, limits, progress, r);
    }

    /** One search: the state that the phases share. */
    private final class Run {
        final Model model;
        final InvariantChecker check;
        /** The same invariants, each checked only where a step wrote what it reads ({@link ScopedInvariants}). */
        final ScopedInvariants scoped;
        /** Steps in place ({@link Stepper}): everywhere but the weak memory model. */
        final boolean inPlace;
        final WorkerPool pool;
        final int actors;
        final int slots;
        final long start = System.nanoTime();
        final VisitedTable visited;
        final Symmetry symmetry;
        /** Partial-order reduction, or null; and how many states it expanded fully. */
        final PartialOrder po;
        final AtomicLong fullyExpanded = new AtomicLong();
        /**
         * Whether --por still runs: it switches itself off, at a level boundary, once it has expanded
         * POR_PROBE_STATES states and skipped fewer than POR_MIN_SKIPPED_PER_MILLE in a thousand of the
         * transitions (bench-large: 4,931 of 6.7M transitions and 26 of 2.45M states, for 1.3-2.2x the CPU). Full expansion is always a valid choice
         * for a state, so the states after the switch keep the reduction sound; the decision rests on counts
         * only, so every worker count makes it at the same level.
         */
        volatile boolean porActive;
        long porExpanded;
        /** Enabled steps that ample sets left out (the transitions the reduction saved, so far). */
        final AtomicLong porSkipped = new AtomicLong();
        long porOffAfter = -1;
        /** Parent id and actor of every state, by id (ids in breadth-first order, as Explorer's). */
        final IntArray parent = new IntArray();
        final ByteArray via = new ByteArray();
        /** Smallest key of a violation found in the current level. */
        final AtomicLong minKey = new AtomicLong(Long.MAX_VALUE);
        volatile boolean timedOut;
        /** The thread that called explore(): the only one that reports progress. */
        final Thread caller = Thread.currentThread();
        long lastProgress;
        /** The level being expanded: its states, the id of its first, its depth and size (for progress lines). */
        List<Segment> level;
        long levelBase;
        int depth;
        int levelSize;
        long transitions;
        final AtomicLong levelTransitions = new AtomicLong();
        final MemoryBudget budget = MemoryBudget.ofHeap();
        /** The most the search held besides the visited set (level arenas, parent/actor arrays), in bytes. */
        long working;
        /** Leaves the JIT compiler the cores it is using while it compiles the search's code. */
        final CompilerLoad compilerLoad;

        Run(Model model, List<Invariant> invariants, WorkerPool pool) {
            this.model = model;
            this.scoped = new ScopedInvariants(model, invariants);
            this.check = scoped.unscoped();
            this.inPlace = !model.config().weak();
            this.pool = pool;
            this.actors = model.actorCount();
            this.slots = model.initial().size();
            this.visited = opts.bitstate() ? new BitstateTable(opts.bitstateBits())
                : opts.hashCompact() ? new HashCompactTable(opts.compactSlots()) : new VisitedTable.Exact();
            this.symmetry = opts.symmetry() ? Symmetry.of(model) : null;
            this.po = opts.por() ? PartialOrder.of(model, invariants) : null;
            this.porActive = po != null;
            if (po != null && symmetry != null && symmetry.groupSize() > 0) {
                throw new IllegalArgumentException("partial-order reduction and symmetry reduction together are not supported");
            }
            if (actors > 31) throw new IllegalArgumentException("at most 31 actors, not " + actors);
            this.compilerLoad = new CompilerLoad(pool.workers());
        }

        ExplorationResult run() {
            State init = model.initial();
            if (symmetry != null) init = symmetry.canonical(init);
            long initFp = Zobrist.of(init);
            visited.add(initFp);
            parent.add(-1);
            via.add((byte) -1);
            Violation v0 = check.state(init);
            if (v0 != null) return violation(v0, path(0, -1), stats(1, 0, 0));
            StateArena a0 = new StateArena(slots * 2);
            a0.add(init);
            level = List.of(new Segment(a0, 1, new int[] {0}, 0, new long[] {initFp}));
            levelSize = 1;
            levelBase = 0;
            depth = 0;
            while (levelSize > 0) {
                ExplorationResult end = nextLevel();
                if (end != null) return end;
                if (levelSize > 0) depth++;
                long elapsed = millis();
                String full = overBudget(level, levelBase + levelSize);
                if (full != null && levelSize > 0) return incomplete(full, depth);
                if (limits.timeLimitMillis() > 0 && elapsed >= limits.timeLimitMillis() && levelSize > 0) {
                    return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", depth);
                }
                if (elapsed - lastProgress >= PROGRESS_EVERY_MILLIS) {
                    lastProgress = elapsed;
                    progress.progress(visited.size(), transitions, depth, levelSize, elapsed);
                }
            }
            Stats st = stats(visited.size(), transitions, depth);
            if (opts.probabilistic()) {
                return new ExplorationResult(Verdict.INCOMPLETE, st, null, "no violation found (probabilistic): " + visited.describe());
            }
            return new ExplorationResult(Verdict.PASS, st, null, null);
        }

        /**
         * Expands the current level and makes the next one current; returns the search's result if it
         * ends in this level (a violation, the state limit), else null. A method of its own, apart from
         * run()'s loop and its end-of-level checks: the JIT compiled that loop by on-stack replacement,
         * with the branches only the last level takes (no next level) as traps, so the last level threw
         * the compiled loop away, and every later search in the JVM (bench's warm runs) compiled it
         * again. Here no branch waits for the last level; run()'s loop, 89 rounds on bench-large, is
         * too short to be worth compiling.
         */
        ExplorationResult nextLevel() {
            List<Slice> slices = slices(level, levelBase);
            pool.limit(compilerLoad.active(pool.workers()));
            minKey.set(Long.MAX_VALUE);
            levelTransitions.set(0);
            pool.run(slices.size(), i -> expand(slices.get(i)));
            if (timedOut) return incomplete("time limit " + limits.timeLimitMillis() + " ms reached", depth);
            int[][] newByPart = new int[VisitedTable.PARTITIONS][slices.size()];
            // A level of one slice is done by the caller alone: waking the workers would cost more.
            if (slices.size() == 1) {
                for (int p = 0; p < VisitedTable.PARTITIONS; p++) insert(slices, p, newByPart[p]);
            } else {
                pool.run(VisitedTable.PARTITIONS, p -> insert(slices, p, newByPart[p]));
            }
            // Number the new states in level order now, so that finish records how each was reached.
            long nextBase = levelBase + levelSize;
            long id = nextBase;
            for (int i = 0; i < slices.size(); i++) {
                Slice s = slices.get(i);
                s.newBase = id;
                for (int[] counts : newByPart) s.newCount += counts[i];
                id += s.newCount;
            }
            if (id > Integer.MAX_VALUE) throw new IllegalStateException("more than 2^31 states: state ids are ints");
            parent.ensure((int) id);
            via.ensure((int) id);
            final long base = levelBase;
            pool.run(slices.size(), i -> finish(slices.get(i), base));
            // --max-states N: the search holds N states at most. The cut is the first new state past N in
            // breadth-first order; what comes before it counts, as in Explorer, whatever the worker count.
            long cut = stateLimitCut(slices, levelBase + levelSize);
            if (minKey.get() < cut) return levelViolation(slices, levelBase, levelSize, depth, minKey.get(), false);
            if (cut != Long.MAX_VALUE) {
                ExplorationResult r = levelViolation(slices, levelBase, levelSize, depth, cut, true);
                return new ExplorationResult(Verdict.INCOMPLETE, r.stats(), null, "state limit " + limits.maxStates() + " reached");
            }
            if (visited.overflow() != null) return incomplete(visited.overflow(), depth);
            transitions += levelTransitions.get();
            if (po != null) porLevelDone(levelSize);
            List<Segment> next = new ArrayList<>();
            int pos = 0;
            for (Slice s : slices) {
                if (s.newCount > 0) {
                    next.add(new Segment(s.out, s.newCount, s.outOffsets, pos, s.outFps));
                    pos += s.newCount;
                }
            }
            levelBase = nextBase;
            levelSize = pos;
            level = next;
            return null;
        }

        // ---- phase 1: expand ------------------------------------------------------------------

        void expand(Slice sl) {
            StateArena.Reader in = sl.seg.arena.new Reader(sl.seg.offsets[sl.from / SLICE], slots);
            // This thread's reused buffers: the candidates are copied out at their exact size below.
            Candidates out = scratch.get();
            out.reset();
            sl.enabled = new int[sl.count];
            // One stepper per slice (a slice is 256 states): the only allocation of the loop below.
            Stepper st = inPlace ? steppers.get() : null;
            int[] parentValues = inPlace ? st.parentValues() : new int[slots];
            Footprint[] fps = !porActive ? null : new Footprint[actors];
            Held held = !porActive || !inPlace ? null : new Held(actors, slots, po.localCache());
            long trans = 0;
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
                in.nextInto(parentValues);
                long parentFp = sl.seg.fps[sl.from + k];
                int done = !inPlace ? expandCopying(sl, out, st, parentValues, fps, k, pos)
                    : !porActive ? expandInPlace(sl, out, st, k, pos, parentFp)
                    : expandReduced(sl, out, st, k, pos, parentFp, held);
                trans += done & 0xFFFF;
                if (done < 0) break; // a violation: the rest of the slice comes after it
                if ((done & STUCK) != 0 && terminalViolation(sl, parentValues, pos)) break;
            }
            levelTransitions.addAndGet(trans);
            sl.cands = out.copyExact();
            sl.cands.bucket();
        }

        /**
         * The allocation-free expansion of one state (the parent is in {@code st}'s parent buffer):
         * each actor's step runs in place, its successor is fingerprinted from the slots it changed,
         * checked only by the invariants whose read set it wrote, and packed as a candidate.
         * Returns the number of transitions, negative (with the count in the low 16 bits) after a violation,
         * with {@link #STUCK} if no step changed the state.
         */
        int expandInPlace(Slice sl, Candidates out, Stepper st, int k, long pos, long parentFp) {
            st.loaded();
            int[] parent = st.parentValues();
            int[] next = st.values();
            int[] wbits = st.writtenBitsBySlot();
            int moved = 0; // 1 once a step changed the state; an int, so that the result below needs no branch
            int mask = 0;
            int trans = 0;
            for (int a = 0; a < actors; a++) {
                if (!st.step(a)) continue;
                mask |= 1 << a;
                trans++;
                int n = st.writtenCount();
                long fp = parentFp;
                for (int j = 0; j < n; j++) {
                    int slot = st.written(j);
                    fp = Zobrist.update(fp, slot, parent[slot], next[slot]);
                }
                if (moved == 0 && st.changed()) moved = 1;
                long touched = scoped.touched(wbits, st.writtenSlots(), n);
                long checks = scoped.transitionChecks(touched, Obs.kindsOf(st.obs()));
                if (checks != 0) {
                    Violation v = scoped.transition(st.before(), st.transition(a), checks);
                    if (v != null) {
                        found(sl, key(pos, a, 0), v);
                        sl.enabled[k] = mask;
                        st.undo();
                        return trans | 0x8000_0000;
                    }
                }
                if (symmetry != null) {
                    State canon = symmetry.canonical(new State(next.clone()));
                    out.add(Zobrist.of(canon), parent, canon, k, a, ALL_STATE_CHECKS);
                } else {
                    out.add(fp, parent, next, st.writtenSlots(), n, k, a, scoped.stateChecks(touched));
                }
            }
            st.undo();
            sl.enabled[k] = mask;
            return trans | (moved ^ 1) * STUCK;
        }

        /**
         * One state expanded with partial-order reduction, in place: every actor's step is taken and
         * kept aside (fingerprint, checks, changes), and only steps that could form an ample set
         * (enabled, quiet, changing the state, writing nothing visible: {@link PartialOrder#invisible})
         * get their footprints recorded and the other actors' may-footprints computed. Then the ample
         * step alone, or every step, is committed in actor order, as {@link #expandCopying} would.
         */
        int expandReduced(Slice sl, Candidates out, Stepper st, int k, long pos, long parentFp, Held h) {
            st.loaded();
            int[] parent = st.parentValues();
            int[] next = st.values();
            int[] wbits = st.writtenBitsBySlot();
            boolean progressed = false;
            int enabled = 0;
            int candidates = 0;
            for (int a = 0; a < actors; a++) {
                if (!st.step(a)) continue;
                enabled |= 1 << a;
                int n = st.writtenCount();
                int[] log = st.writtenSlots();
                long fp = parentFp;
                int d = 0;
                for (int j = 0; j < n; j++) {
                    int slot = log[j];
                    fp = Zobrist.update(fp, slot, parent[slot], next[slot]);
                    if (next[slot] != parent[slot]) {
                        h.slot[a][d] = slot;
                        h.value[a][d++] = next[slot];
                    }
                }
                h.changes[a] = d;
                h.fp[a] = fp;
                boolean quiet = st.obs().isEmpty();
                if (d > 0) progressed = true;
                long touched = scoped.touched(wbits, log, n);
                long checks = scoped.transitionChecks(touched, Obs.kindsOf(st.obs()));
                h.violation[a] = checks == 0 ? null : scoped.transition(st.before(), st.transition(a), checks);
                h.stateChecks[a] = scoped.stateChecks(touched);
                if (quiet && d > 0 && po.invisible(wbits, log, n)) {
                    candidates |= 1 << a;
                    for (int j = 0; j < n; j++) {
                        h.wslot[a][j] = log[j];
                        h.wbits[a][j] = wbits[log[j]];
                    }
                    h.nw[a] = n;
                }
            }
            st.undo();
            int ample = -1;
            if (candidates != 0) {
                // Proviso: the successor is not in the visited set, which holds exactly the levels
                // up to this one while a level is expanded (the same states as Explorer's test).
                ample = po.ampleInPlace(st, candidates, h.fp, h.wslot, h.wbits, h.nw, h.footprint, h.may,
                    f -> !visited.contains(f));
            }
            if (ample < 0) fullyExpanded.incrementAndGet();
            else porSkipped.addAndGet(Integer.bitCount(enabled) - 1);
            int mask = 0;
            int trans = 0;
            for (int a = 0; a < actors; a++) {
                if ((enabled & (1 << a)) == 0 || ample >= 0 && a != ample) continue;
                mask |= 1 << a;
                trans++;
                if (h.violation[a] != null) {
                    found(sl, key(pos, a, 0), h.violation[a]);
                    sl.enabled[k] = mask;
                    return trans | 0x8000_0000;
                }
                out.addChanges(h.fp[a], h.slot[a], h.value[a], h.changes[a], k, a, h.stateChecks[a]);
            }
            sl.enabled[k] = mask;
            return progressed ? trans : trans | STUCK;
        }

        /**
         * One state expanded through the copying {@link Model#step} (the weak memory model, and
         * partial-order reduction, which records each step's footprint): every check runs.
         */
        int expandCopying(Slice sl, Candidates out, Stepper st, int[] parentValues, Footprint[] fps, int k, long pos) {
            State s = new State(parentValues.clone());
            boolean progressed = false;
            int mask = 0;
            int trans = 0;
            Transition[] ts = null;
            int ample = -1;
            if (porActive) {
                ts = po.steps(s, fps);
                // Proviso: the successor is not in the visited set, which holds exactly the levels
                // up to this one while a level is expanded (the same states as Explorer's test).
                ample = po.ample(s, ts, fps, n -> !visited.contains(Zobrist.of(n)));
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
                    return trans | 0x8000_0000;
                }
                if (symmetry != null) next = symmetry.canonical(next);
                // No lookup here: the insert phase finds the states already visited, and one
                // probe of the (cache-missing) table per successor is cheaper than two.
                out.add(Zobrist.of(next), parentValues, next, k, a, ALL_STATE_CHECKS);
            }
            sl.enabled[k] = mask;
            return progressed ? trans : trans | STUCK;
        }

        /**
         * The terminal checks of a state where no step changed anything (an expansion's result has
         * {@link #STUCK}); true if one fails (recorded, as a transition violation is). Here, once for
         * the three expansions, and not in {@code expandInPlace} itself: breadth-first search meets
         * its first such state deep into the search, long after the JIT compiled the hottest method
         * with this path as a trap, and the trap threw that code away (on bench-large at 1.25 s of a
         * 2.8 s fresh-JVM search: C2 compiled it three times more, twice by on-stack replacement).
         */
        boolean terminalViolation(Slice sl, int[] parentValues, long pos) {
            Violation v = check.terminal(new State(parentValues.clone()));
            if (v == null) return false;
            found(sl, key(pos, actors, 0), v);
            return true;
        }

        /** In an expansion's result: no step changed the state, so {@link #terminalViolation} runs. */
        static final int STUCK = 0x4000_0000;

        /** Per-thread buffers of the expand phase (a worker keeps its own across slices and levels). */
        final ThreadLocal<Candidates> scratch = ThreadLocal.withInitial(() -> new Candidates(4 * SLICE + 4));
        final ThreadLocal<Stepper> steppers = ThreadLocal.withInitial(this::newStepper);

        private Stepper newStepper() { return model.stepper(); }

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

        /**
         * Inserts the level's candidates of one partition, slice by slice, and counts each slice's new
         * states in {@code newCount[slice]}. The outputs are written in partition order (partNew, this
         * partition's own counts array): each worker's stores stay in its own runs, where writing isNew in
         * candidate order had the two workers storing into the same cache lines.
         */
        void insert(List<Slice> slices, int partition, int[] newCount) {
            for (int i = 0; i < slices.size(); i++) {
                Candidates c = slices.get(i).cands;
                if (c == null) continue;
                newCount[i] = visited.addAll(c.partFps, c.partStart[partition], c.partStart[partition + 1], c.partNew);
            }
        }

        // ---- phase 3: finish ------------------------------------------------------------------

        /** Packs a slice's new states and records each one's parent and actor under its id (numbered after insert). */
        void finish(Slice sl, long levelBase) {
            Candidates c = sl.cands;
            if (c == null) return;
            c.isNew = new boolean[c.n];
            for (int j = 0; j < c.n; j++) c.isNew[c.order[j]] = c.partNew[j];
            int news = sl.newCount;
            sl.out = new StateArena(news * slots); // exact unless a slot needs an escape (then it grows)
            sl.outOffsets = new int[(news + SLICE - 1) / SLICE];
            sl.outFps = new long[news];
            int[] buf = new int[slots];
            State view = new State(buf); // a live view of buf for the state checks (never hashed)
            // Candidates are stored as changes to their parent: read the parents again, in order.
            StateArena.Reader parents = sl.seg.arena.new Reader(sl.seg.offsets[sl.from / SLICE], slots);
            int[] par = new int[slots];
            int parentAt = -1;
            int parentBase = (int) (levelBase + sl.firstPos);
            int id = (int) sl.newBase;
            // Parents at fixed strides (no escapes in their arena): a new state is its parent's shorts
            // block-copied and patched with its changes, decoded only if a state check needs it.
            boolean strided = !sl.seg.arena.escaped();
            int sliceStart = sl.seg.offsets[sl.from / SLICE];
            int k = 0;
            for (int i = 0; i < c.n; i++) {
                if (!c.isNew[i]) continue;
                if (strided && c.changesFitShorts(i)) {
                    int parentOffset = sliceStart + c.parent[i] * slots;
                    long key = key(sl.firstPos + c.parent[i], c.actor[i], 1);
                    long which = c.stateChecks[i];
                    if (which != 0 && key < minKey.get()) {
                        sl.seg.arena.plainAt(parentOffset, buf);
                        c.applyDelta(i, buf);
                        Violation v = scoped.state(view, which);
                        if (v != null) found(sl, key, v);
                    }
                    sl.outFps[k] = c.fps[i];
                    int off = sl.out.addPatched(sl.seg.arena, parentOffset, slots, c.delta, c.deltaStart(i), c.deltaEnd[i]);
                    if (k % SLICE == 0) sl.outOffsets[k / SLICE] = off;
                    parent.set(id + k, parentBase + c.parent[i]);
                    via.set(id + k, c.actor[i]);
                    k++;
                    continue;
                }
                if (strided) {
                    sl.seg.arena.plainAt(sliceStart + c.parent[i] * slots, par);
                    parentAt = c.parent[i];
                }
                while (parentAt < c.parent[i]) {
                    parents.nextInto(par);
                    parentAt++;
                }
                System.arraycopy(par, 0, buf, 0, slots);
                c.applyDelta(i, buf);
                long key = key(sl.firstPos + c.parent[i], c.actor[i], 1);
                long which = c.stateChecks[i];
                if (which != 0 && key < minKey.get()) {
                    Violation v = scoped.state(view, which);
                    if (v != null) found(sl, key, v);
                }
                sl.outFps[k] = c.fps[i];
                int off = sl.out.add(buf);
                if (k % SLICE == 0) sl.outOffsets[k / SLICE] = off;
                parent.set(id + k, parentBase + c.parent[i]);
                via.set(id + k, c.actor[i]);
                k++;
            }
            sl.out.trim();
            sl.cands = c.keepKeysOnly();
        }

        // ---- results --------------------------------------------------------------------------

        /**
         * The violation with the smallest key in this level, with the counts the single-threaded
         * search has when it meets it: states and transitions with smaller keys. With {@code limitCut},
         * {@code k} is the key of the first state past --max-states instead, and the result the counts
         * the single-threaded search has when it meets that state (without it), verdict INCOMPLETE.
         */
        ExplorationResult levelViolation(List<Slice> slices, long levelBase, int levelSize, int depth, long k, boolean limitCut) {
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
            if (stateKind && actor >= actors) throw new IllegalStateException("bad key " + k);
            if (limitCut) {
                // The state limit's cut (the state at key k is the first past the limit: not counted).
                return new ExplorationResult(Verdict.INCOMPLETE, stats(levelBase + levelSize + newBefore - 1, transitions + transBefore,
                    newBefore > 1 ? depth + 1 : depth), null, null);
            }
            long id = levelBase + pos;
            List<Integer> schedule = path((int) id, actor < actors ? actor : -1);
            Stats st = stats(levelBase + levelSize + newBefore, transitions + transBefore, newBefore > 0 ? depth + 1 : depth);
            return violation(owner.violation, schedule, st);
        }

        /**
         * The key of the first new state of this level past --max-states, or Long.MAX_VALUE if the level
         * stays within it. {@code before}: the states of the levels before (all within the limit).
         */
        long stateLimitCut(List<Slice> slices, long before) {
            if (limits.maxStates() <= 0) return Long.MAX_VALUE;
            long room = limits.maxStates() - before;
            for (Slice sl : slices) {
                Candidates c = sl.cands;
                if (c == null) continue;
                for (int i = 0; i < c.n; i++) {
                    if (c.isNew[i] && room-- == 0) return key(sl.firstPos + c.parent[i], c.actor[i], 1);
                }
            }
            return Long.MAX_VALUE;
        }

        /**
         * Null if what the search holds fits its memory budget with room for the next level, else why not.
         * Counted: the visited set, the level about to be expanded (and as much again for the next one),
         * the parent/actor arrays with their next doubling, and a successor object per state of the level
         * (the expand phase keeps the level's successors until they are inserted).
         */
        String overBudget(List<Segment> level, long states) {
            long arenas = 0;
            long levelStates = 0;
            for (Segment seg : level) {
                arenas += seg.arena().bytes();
                levelStates += seg.count();
            }
            long held = arenas + parent.bytes() + via.bytes();
            if (held > working) working = held;
            long next = arenas + levelStates * actors * MemoryBudget.stateBytes(slots) / 2
                + (parent.headroom() < levelStates * actors ? 2 * (parent.bytes() + via.bytes()) : 0)
                + visited.growthBytes(levelStates * actors);
            return budget.fits(visited.bytes() + held, next) ? null : budget.exhausted(states, visited.bytes() + held);
        }

        ExplorationResult incomplete(String why, int depth) {
            return new ExplorationResult(Verdict.INCOMPLETE, stats(visited.size(), transitions, depth), null, why);
        }

        ExplorationResult violation(Violation v, List<Integer> schedule, Stats st) {
            List<Integer> real = symmetry == null ? schedule : symmetry.realSchedule(model, schedule);
            return new ExplorationResult(Verdict.VIOLATION, st, new Counterexample(v, real), null);
        }

        /** After a level of {@code expanded} states: count it, and switch --por off if it is not paying. */
        void porLevelDone(long expanded) {
            if (!porActive) {
                fullyExpanded.addAndGet(expanded); // expanded in full since the switch
                return;
            }
            porExpanded += expanded;
            if (porExpanded >= POR_PROBE_STATES && porSkipped.get() * 1000 < transitions * POR_MIN_SKIPPED_PER_MILLE) {
                porActive = false;
                porOffAfter = porExpanded;
            }
        }

        Stats stats(long states, long trans, int depth) {
            return new Stats(states, trans, depth, millis(), visited.bytes(), po == null ? -1 : fullyExpanded.get(), working,
                porOffAfter);
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
    private record Segment(StateArena arena, int count, int[] offsets, int firstPos, long[] fps) {
    }

    /** Every actor's step from one state, kept aside until the reduction has chosen ({@link Run#expandReduced}). */
    private static final class Held {
        final long[] fp;
        final long[] stateChecks;
        final Violation[] violation;
        final int[][] slot;
        final int[][] value;
        final int[] changes;
        final Footprint footprint;
        final MayCache may;
        /** A candidate's written slots and bits (the cheap independence pre-test). */
        final int[][] wslot;
        final int[][] wbits;
        final int[] nw;

        Held(int actors, int slots, MayCache may) {
            this.may = may;
            wslot = new int[actors][slots];
            wbits = new int[actors][slots];
            nw = new int[actors];
            fp = new long[actors];
            stateChecks = new long[actors];
            violation = new Violation[actors];
            slot = new int[actors][slots];
            value = new int[actors][slots];
            changes = new int[actors];
            footprint = new Footprint(slots);
        }
    }

    /** Every invariant's state check (where the reads of a step are not scoped: symmetry, copying steps). */
    private static final long ALL_STATE_CHECKS = -1L;

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
        /** The fingerprints of the states in out, in order (the next level's parents' fingerprints). */
        long[] outFps;
        int newCount;
        long newBase;

        Slice(Segment seg, int from, int count, long firstPos) {
            this.seg = seg;
            this.from = from;
            this.count = count;
            this.firstPos = firstPos;
        }
    }

    /** The successors of a slice in the order met, each fingerprint once ({@link SliceSeen}). */
    private static final class Candidates {
        int n;
        long[] fps;
        /** Each successor as its changes to its parent: (slot, value) pairs, candidate i's end at deltaEnd[i]. */
        int[] delta;
        int deltaLen;
        int[] deltaEnd;
        /** Which invariants' state checks each successor needs ({@link ScopedInvariants#stateChecks}). */
        long[] stateChecks;
        int[] parent;
        byte[] actor;
        boolean[] isNew;
        /** Whether each candidate was new, in the grouped order: the insert phase's output (isNew from finish on). */
        boolean[] partNew;
        /** Candidate indices grouped by visited-set partition (stable), and each group's start. */
        int[] order;
        int[] partStart;
        /**
         * The fingerprints in that grouped order: the insert phase reads each partition's run contiguously,
         * where reading fps through order touched every cache line of fps once per partition (16 times a level).
         */
        long[] partFps;

        /** The slice's fingerprints so far, to keep a repeated successor once (scratch copies only; else null). */
        final SliceSeen seen;

        Candidates(int cap) {
            seen = cap == 0 ? null : new SliceSeen();
            fps = new long[cap];
            delta = new int[cap * 10];
            deltaEnd = new int[cap];
            stateChecks = new long[cap];
            parent = new int[cap];
            actor = new byte[cap];
        }

        /** A successor known as a whole state (copying steps, symmetry): stores its differences to the parent. */
        void add(long fp, int[] parent, State s, int parentInSlice, int a, long checks) {
            if (!seen.add(fp)) return;
            grow();
            for (int i = 0; i < parent.length; i++) {
                int x = s.get(i);
                if (x != parent[i]) pair(i, x);
            }
            add(fp, parentInSlice, a, checks);
        }

        /** A successor that differs from its parent at most in the {@code n} slots of {@code written}. */
        void add(long fp, int[] parent, int[] next, int[] written, int n, int parentInSlice, int a, long checks) {
            if (!seen.add(fp)) return;
            grow();
            for (int j = 0; j < n; j++) {
                int slot = written[j];
                if (next[slot] != parent[slot]) pair(slot, next[slot]);
            }
            add(fp, parentInSlice, a, checks);
        }

        /** A successor given by its changes to the parent: {@code n} (slot, value) pairs. */
        void addChanges(long fp, int[] slots, int[] values, int n, int parentInSlice, int a, long checks) {
            if (!seen.add(fp)) return;
            grow();
            for (int j = 0; j < n; j++) pair(slots[j], values[j]);
            add(fp, parentInSlice, a, checks);
        }

        private void pair(int slot, int value) {
            if (deltaLen + 2 > delta.length) delta = Arrays.copyOf(delta, delta.length * 2);
            delta[deltaLen++] = slot;
            delta[deltaLen++] = value;
        }

        /** Writes candidate {@code i}'s changes into {@code v} (which holds its parent). */
        void applyDelta(int i, int[] v) {
            for (int p = deltaStart(i); p < deltaEnd[i]; p += 2) v[delta[p]] = delta[p + 1];
        }

        int deltaStart(int i) {
            return i == 0 ? 0 : deltaEnd[i - 1];
        }

        /** True if every value candidate {@code i} changes fits the arena's plain shorts. */
        boolean changesFitShorts(int i) {
            for (int p = deltaStart(i) + 1; p < deltaEnd[i]; p += 2) {
                if (delta[p] <= Short.MIN_VALUE || delta[p] > Short.MAX_VALUE) return false;
            }
            return true;
        }

        private void grow() {
            if (n == fps.length) {
                int c = n * 2;
                fps = Arrays.copyOf(fps, c);
                deltaEnd = Arrays.copyOf(deltaEnd, c);
                stateChecks = Arrays.copyOf(stateChecks, c);
                parent = Arrays.copyOf(parent, c);
                actor = Arrays.copyOf(actor, c);
            }
        }

        private void add(long fp, int parentInSlice, int a, long checks) {
            deltaEnd[n] = deltaLen;
            fps[n] = fp;
            stateChecks[n] = checks;
            parent[n] = parentInSlice;
            actor[n] = (byte) a;
            n++;
        }

        void reset() {
            n = 0;
            deltaLen = 0;
            seen.clear();
        }

        /** A copy of exactly the candidates added (the scratch it came from is reused). */
        Candidates copyExact() {
            Candidates c = new Candidates(0);
            c.n = n;
            c.fps = Arrays.copyOf(fps, n);
            c.stateChecks = Arrays.copyOf(stateChecks, n);
            c.parent = Arrays.copyOf(parent, n);
            c.actor = Arrays.copyOf(actor, n);
            c.deltaEnd = Arrays.copyOf(deltaEnd, n);
            c.delta = Arrays.copyOf(delta, deltaLen);
            c.deltaLen = deltaLen;
            return c;
        }

        void bucket() {
            partNew = new boolean[n];
            partStart = new int[VisitedTable.PARTITIONS + 1];
            for (int i = 0; i < n; i++) partStart[VisitedTable.partition(fps[i]) + 1]++;
            for (int p = 0; p < VisitedTable.PARTITIONS; p++) partStart[p + 1] += partStart[p];
            int[] fill = Arrays.copyOf(partStart, VisitedTable.PARTITIONS);
            order = new int[n];
            partFps = new long[n];
            for (int i = 0; i < n; i++) {
                int j = fill[VisitedTable.partition(fps[i])]++;
                order[j] = i;
                partFps[j] = fps[i];
            }
        }

        /** After the finish phase only the keys and new-flags are needed (for counts at a violation). */
        Candidates keepKeysOnly() {
            delta = null;
            deltaEnd = null;
            stateChecks = null;
            fps = null;
            order = null;
            partFps = null;
            partNew = null;
            return this;
        }
    }
}

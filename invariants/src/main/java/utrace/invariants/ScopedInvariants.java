package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The invariants of a search, each checked only where a step could change its
 * verdict: the same first violation as {@link InvariantChecker}, without
 * running every check on every transition.
 *
 * <p>Each invariant declares what its state and transition checks read
 * ({@link Invariant#visible}, the read set partial-order reduction already
 * relies on; PorSoundnessTest checks it against what the checks really read).
 * A step that writes none of those bits leaves them as they were in the
 * parent, so:
 * <ul>
 * <li>the invariant's state check on the successor gives what it gave on the
 *     parent, which passed (else the search would have stopped there): it is
 *     skipped;</li>
 * <li>its transition check is skipped too when the step also makes no
 *     observation of a kind the invariant reads ({@link Invariant#observes})
 *     and the invariant declares that such steps pass
 *     ({@link Invariant#quietStepsPass}); an invariant that does not declare it
 *     is checked on every step;</li>
 * <li>an invariant whose transition check judges observations only
 *     ({@link Invariant#judgesObservationsOnly}) is checked on the steps that make
 *     an observation of a kind it reads, and on no other, whatever they write
 *     (on bench-large, core set: 5.9M transition checks where there were 10.1M).</li>
 * </ul>
 * Invariants that do not override a check (the interface's default returns
 * null) are never asked. Checks run in list order, so the first failure
 * reported is the one {@link InvariantChecker} reports. Which invariants a
 * step touches is a bit mask ({@link #touched}); with more than 64 invariants
 * every step touches all of them (no scoping, still correct).
 */
public final class ScopedInvariants {
    private final Model model;
    private final Invariant[] inv;
    private final InvariantChecker all;
    /** Per slot: the invariants that read some of its bits, and which bits. */
    private final int[][] slotInv;
    private final int[][] slotBits;
    /** Per slot: the union of slotBits (a write outside it touches no invariant: one test). */
    private final int[] slotAny;
    /** Bit i: invariant i overrides checkState / checkTransition / is checked on every transition. */
    private final long stateMask;
    private final long transitionMask;
    private final long alwaysTransition;
    /**
     * Bit i: a step that writes invariant i's read set runs its transition check (transitionMask
     * less the invariants that judge observations only, {@link Invariant#judgesObservationsOnly}).
     */
    private final long writeTriggered;
    /** Per observation kind: the invariants whose transition check reads it ({@link Invariant#observes}). */
    private final long[] kindInv = new long[32];
    private final boolean scoped;
    /** A bit for each invariant (callers may pass -1L: every check). */
    private final long present;

    public ScopedInvariants(Model model, List<Invariant> invariants) {
        this.model = model;
        this.inv = invariants.toArray(new Invariant[0]);
        this.all = new InvariantChecker(model, invariants);
        int slots = model.stateSize();
        this.scoped = inv.length <= 64;
        this.present = inv.length >= 64 ? -1L : (1L << inv.length) - 1;
        int[] count = new int[slots];
        Footprint[] vis = new Footprint[inv.length];
        long st = 0;
        long tr = 0;
        long always = 0;
        long obsOnly = 0;
        for (int i = 0; i < inv.length; i++) {
            vis[i] = new Footprint(slots);
            inv[i].visible(model, vis[i]);
            for (int s = 0; s < slots; s++) if (vis[i].reads(s) != 0) count[s]++;
            if (i < 64) {
                if (overrides(inv[i], "checkState", Model.class, State.class)) st |= 1L << i;
                if (overrides(inv[i], "checkTransition", Model.class, State.class, Transition.class)) {
                    tr |= 1L << i;
                    if (inv[i].judgesObservationsOnly()) obsOnly |= 1L << i;
                    else if (!inv[i].quietStepsPass()) always |= 1L << i;
                    int kinds = inv[i].observes();
                    for (int k = 0; k < 32; k++) if ((kinds >>> k & 1) != 0) kindInv[k] |= 1L << i;
                }
            }
        }
        slotInv = new int[slots][];
        slotBits = new int[slots][];
        slotAny = new int[slots];
        for (int s = 0; s < slots; s++) {
            slotInv[s] = new int[count[s]];
            slotBits[s] = new int[count[s]];
            int k = 0;
            for (int i = 0; i < inv.length; i++) {
                if (vis[i].reads(s) == 0) continue;
                slotInv[s][k] = i;
                slotBits[s][k] = vis[i].reads(s);
                slotAny[s] |= vis[i].reads(s);
                k++;
            }
        }
        this.stateMask = scoped ? st : -1L;
        this.transitionMask = scoped ? tr : -1L;
        this.alwaysTransition = scoped ? always : -1L;
        this.writeTriggered = scoped ? tr & ~obsOnly : -1L;
    }

    /** Does {@code i}'s class (or a superclass below the interface) implement {@code name}? Unknown: yes. */
    private static boolean overrides(Invariant i, String name, Class<?>... params) {
        try {
            return i.getClass().getMethod(name, params).getDeclaringClass() != Invariant.class;
        } catch (ReflectiveOperationException | SecurityException e) {
            return true;
        }
    }

    /** The unscoped checker over the same invariants (terminal checks, and where scoping is off). */
    public InvariantChecker unscoped() { return all; }

    /**
     * The invariants whose read set a step wrote into: bit i for invariant i. {@code wbits}
     * holds the written bits by slot, {@code log} the {@code n} slots written.
     */
    public long touched(int[] wbits, int[] log, int n) {
        if (!scoped) return -1L;
        long t = 0;
        for (int k = 0; k < n; k++) {
            int s = log[k];
            int w = wbits[s];
            if ((w & slotAny[s]) == 0) continue;
            int[] is = slotInv[s];
            int[] bs = slotBits[s];
            for (int j = 0; j < is.length; j++) if ((bs[j] & w) != 0) t |= 1L << is[j];
        }
        return t;
    }

    /**
     * The invariants whose transition check a step must run (0: none): those it touched
     * ({@link #touched}) unless they judge observations only, those that read a kind of
     * observation it made ({@code obsKinds}, {@link Obs#kindsOf}), and those checked on every step.
     */
    public long transitionChecks(long touched, int obsKinds) {
        long t = (touched & writeTriggered) | alwaysTransition;
        for (int k = obsKinds; k != 0; k &= k - 1) t |= kindInv[Integer.numberOfTrailingZeros(k)];
        return t & transitionMask;
    }

    /** The invariants whose state check a successor reached by a step that touched {@code touched} needs. */
    public long stateChecks(long touched) {
        return touched & stateMask;
    }

    /** The first failing transition check among {@code which} ({@link #transitionChecks}), in list order. */
    public Violation transition(State before, Transition t, long which) {
        if (scoped) { // only the set bits, in list order
            for (long w = which & present; w != 0; w &= w - 1) {
                int i = Long.numberOfTrailingZeros(w);
                String msg = inv[i].checkTransition(model, before, t);
                if (msg != null) return new Violation(inv[i], Violation.Kind.TRANSITION, msg);
            }
            return null;
        }
        for (int i = 0; i < inv.length; i++) {
            if (!in(which, i)) continue;
            String msg = inv[i].checkTransition(model, before, t);
            if (msg != null) return new Violation(inv[i], Violation.Kind.TRANSITION, msg);
        }
        return null;
    }

    /** The first failing state check among {@code which} ({@link #stateChecks}), in list order. */
    public Violation state(State s, long which) {
        if (scoped) { // only the set bits, in list order
            for (long w = which & present; w != 0; w &= w - 1) {
                int i = Long.numberOfTrailingZeros(w);
                String msg = inv[i].checkState(model, s);
                if (msg != null) return new Violation(inv[i], Violation.Kind.STATE, msg);
            }
            return null;
        }
        for (int i = 0; i < inv.length; i++) {
            if (!in(which, i)) continue;
            String msg = inv[i].checkState(model, s);
            if (msg != null) return new Violation(inv[i], Violation.Kind.STATE, msg);
        }
        return null;
    }

    private static boolean in(long mask, int i) {
        return i >= 64 || (mask >>> i & 1) != 0;
    }
}

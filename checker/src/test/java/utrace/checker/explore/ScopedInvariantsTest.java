package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.invariants.ScopedInvariants;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Obs;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Stepper;
import utrace.model.Transition;

/**
 * Checking each invariant only where a step wrote what it reads
 * ({@link ScopedInvariants}) skips no check that could fail: on seeded random
 * walks over every shipped, finding and matrix scenario, under the full series,
 * every bug-matrix configuration and every mutation (so that violations occur),
 * with every invariant of the 'all' set, each step's scoped transition check
 * reports exactly what the full {@link InvariantChecker} reports, and every
 * state check it skips gives on the successor what it gave on the parent. A
 * read set declared too small is caught.
 */
class ScopedInvariantsTest {
    record Space(String scenario, ModelConfig config) {
    }

    static List<Space> spaces() {
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        List<Space> out = new ArrayList<>();
        for (String n : names) {
            Set<ModelConfig> cfgs = new LinkedHashSet<>();
            cfgs.add(ModelConfig.fullSeries());
            for (Mutation m : Mutation.values()) if (m.scenario.equals(n)) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            for (MatrixRow r : BugMatrix.load()) if (r.scenario().equals(n)) cfgs.add(BugMatrix.config(r));
            for (ModelConfig c : cfgs) if (!c.weak()) out.add(new Space(n, c));
        }
        return out;
    }

    /**
     * Walks {@code model} at random, comparing scoped with full checking at every step; returns
     * the first difference, or null. {@code counts[0]} counts the steps, {@code counts[1]} the
     * violations the full checker found (so that the walks are known to reach some).
     */
    static String compare(Model model, List<Invariant> invariants, Random rnd, long[] counts) {
        ScopedInvariants scoped = new ScopedInvariants(model, invariants);
        InvariantChecker full = new InvariantChecker(model, invariants);
        Stepper st = model.stepper();
        for (int walk = 0; walk < 12; walk++) {
            State s = model.initial();
            for (int depth = 0; depth < 120; depth++) {
                st.load(s);
                List<State> next = new ArrayList<>();
                for (int a = 0; a < model.actorCount(); a++) {
                    if (!st.step(a)) continue;
                    counts[0]++;
                    State after = new State(st.values().clone());
                    Transition t = new Transition(a, st.info(), null, after, List.copyOf(st.obs()));
                    long touched = scoped.touched(st.writtenBitsBySlot(), st.writtenSlots(), st.writtenCount());
                    Violation want = full.transition(s, t);
                    if (want != null) counts[1]++;
                    long which = scoped.transitionChecks(touched, Obs.kindsOf(t.obs()));
                    Violation got = which == 0 ? null : scoped.transition(s, t, which);
                    if (!same(want, got)) {
                        return model.actorName(a) + "'s step: full check " + text(want) + ", scoped " + text(got);
                    }
                    long states = scoped.stateChecks(touched);
                    for (int i = 0; i < invariants.size(); i++) {
                        if ((states >>> i & 1) != 0) continue;
                        Invariant inv = invariants.get(i);
                        String before = inv.checkState(model, s);
                        String now = inv.checkState(model, after);
                        if (!Objects.equals(before, now)) {
                            return inv.name() + "'s state check is skipped after " + model.actorName(a) + "'s step but changes: "
                                + before + " -> " + now;
                        }
                    }
                    next.add(after);
                }
                if (next.isEmpty()) break;
                s = next.get(rnd.nextInt(next.size()));
            }
        }
        return null;
    }

    static boolean same(Violation a, Violation b) {
        if (a == null || b == null) return a == b;
        return a.invariant() == b.invariant() && a.kind() == b.kind() && a.message().equals(b.message());
    }

    static String text(Violation v) {
        return v == null ? "passes" : v.invariant().name() + ": " + v.message();
    }

    @Test
    void scopedCheckingMatchesFullCheckingOnRandomWalks() throws Exception {
        List<Invariant> all = InvariantSet.resolve("all").invariants();
        Random rnd = new Random(0x5c0_9edL);
        long[] counts = new long[2];
        for (Space sp : spaces()) {
            Model m = new Model(Scenarios.load(sp.scenario()), sp.config());
            String diff = compare(m, all, rnd, counts);
            assertNull(diff, sp.scenario() + " " + sp.config() + ": " + diff);
        }
        assertTrue(counts[0] > 20_000, "steps " + counts[0]);
        assertTrue(counts[1] > 0, "the walks met no violation: nothing was compared where it matters");
    }

    @Test
    void aReadSetDeclaredTooSmallIsCaught() throws Exception {
        // A state check on task->state that declares it reads nothing: scoping then skips it after
        // every step, and the comparison must notice the first step that changes task->state.
        Invariant blind = new Invariant() {
            @Override public String name() { return "blind"; }
            @Override public String statement() { return "task->state stays RUNNING, read without saying so"; }
            @Override public String checkState(Model m, State s) {
                return s.taskState() == utrace.model.TaskState.RUNNING ? null : "task->state changed";
            }
            @Override public void visible(Model m, utrace.model.Footprint v) { }
            @Override public boolean quietStepsPass() { return true; }
        };
        Model m = new Model(Scenarios.load("stop-then-resume"), ModelConfig.fullSeries());
        String found = compare(m, List.of(blind), new Random(1), new long[2]);
        assertNotNull(found, "a blind invariant went unnoticed");
        assertTrue(found.startsWith("blind's state check is skipped"), found);
        // declared honestly, the same check is scoped correctly
        Invariant honest = new Invariant() {
            @Override public String name() { return "honest"; }
            @Override public String statement() { return blind.statement(); }
            @Override public String checkState(Model mm, State s) { return blind.checkState(mm, s); }
            @Override public void visible(Model mm, utrace.model.Footprint v) { v.read(utrace.model.Slots.TASK_STATE, -1); }
            @Override public boolean quietStepsPass() { return true; }
        };
        assertNull(compare(m, List.of(honest), new Random(1), new long[2]));
    }

    /** An invariant that reads one kind of observation but declares another: the steps it misses are caught. */
    @Test
    void anObservationKindLeftUndeclaredIsCaught() throws Exception {
        Model m = new Model(Scenarios.load("stop-then-resume"), ModelConfig.fullSeries());
        String found = compare(m, List.of(apiReturns("misdeclared", Obs.kinds(Obs.Kind.CALLBACK))), new Random(1), new long[2]);
        assertNotNull(found, "an invariant reading API returns but declaring callbacks went unnoticed");
        assertTrue(found.contains("full check misdeclared: ") && found.endsWith("scoped passes"), found);
        assertNull(compare(m, List.of(apiReturns("declared", Obs.kinds(Obs.Kind.API_RETURN))), new Random(1), new long[2]));
    }

    /**
     * A transition check that reads task->state but declares it judges observations only: scoping
     * then skips it on every step without an observation, and the comparison must notice.
     */
    @Test
    void aStateReadDeclaredAsObservationOnlyIsCaught() throws Exception {
        Model m = new Model(Scenarios.load("stop-then-resume"), ModelConfig.fullSeries());
        String found = compare(m, List.of(stateChange("misdeclared", true)), new Random(1), new long[2]);
        assertNotNull(found, "a state-reading transition check declared observation-only went unnoticed");
        assertTrue(found.contains("full check misdeclared: ") && found.endsWith("scoped passes"), found);
        assertNull(compare(m, List.of(stateChange("declared", false)), new Random(1), new long[2]));
    }

    /** Fails on every step that changes task->state (which it declares visible); {@code obsOnly}: what it claims. */
    private static Invariant stateChange(String name, boolean obsOnly) {
        return new Invariant() {
            @Override public String name() { return name; }
            @Override public String statement() { return "task->state never changes"; }
            @Override public String checkTransition(Model mm, State before, Transition t) {
                return t.after().taskState() != before.taskState() ? "task->state changed" : null;
            }
            @Override public void visible(Model mm, utrace.model.Footprint v) { v.read(utrace.model.Slots.TASK_STATE, -1); }
            @Override public boolean quietStepsPass() { return true; }
            @Override public int observes() { return 0; }
            @Override public boolean judgesObservationsOnly() { return obsOnly; }
        };
    }

    /** Fails on every utrace API return; reads no state, and declares {@code kinds} as what it observes. */
    private static Invariant apiReturns(String name, int kinds) {
        return new Invariant() {
            @Override public String name() { return name; }
            @Override public String statement() { return "no utrace call ever returns"; }
            @Override public String checkTransition(Model mm, State before, Transition t) {
                return (Obs.kindsOf(t.obs()) & Obs.kinds(Obs.Kind.API_RETURN)) != 0 ? "an API call returned" : null;
            }
            @Override public void visible(Model mm, utrace.model.Footprint v) { }
            @Override public boolean quietStepsPass() { return true; }
            @Override public int observes() { return kinds; }
        };
    }
}

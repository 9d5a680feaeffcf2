package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.checker.gate.BugMatrix;
import utrace.checker.gate.MatrixRow;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.invariants.InvariantSet;
import utrace.invariants.Invariants;
import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.State;
import utrace.model.Transition;

/**
 * Partial-order reduction is sound here: (1) over the FULL state space of every
 * shipped, finding and matrix scenario under every configuration the gate, the
 * bug matrix and the mutations use, every step stays inside its actor's declared
 * may-footprint (Model.step throws otherwise), the invariants read nothing they do
 * not declare visible, and quiet invisible steps pass every transition check;
 * (2) for every bug-matrix row (both configurations), every mutation row and every
 * default and finding scenario, the verdict and violated invariant are the same with
 * and without the reduction, and the reduced search never visits more states.
 */
class PorSoundnessTest {
    record Case(String scenario, ModelConfig config, String invariant) {
        @Override public String toString() { return scenario + " " + config + (invariant == null ? " all" : " " + invariant); }
    }

    /** Every scenario under the full series, each matrix row (broken) and each mutation aimed at it; sc only. */
    static Stream<Case> spaces() {
        Set<String> names = new LinkedHashSet<>(Scenarios.shippedNames());
        names.addAll(Scenarios.findingNames());
        names.addAll(Scenarios.matrixNames());
        names.addAll(Scenarios.ptraceTestNames());
        List<Case> out = new ArrayList<>();
        for (String n : names) {
            Set<ModelConfig> cfgs = new LinkedHashSet<>();
            cfgs.add(ModelConfig.fullSeries());
            for (Mutation m : Mutation.values()) if (m.scenario.equals(n)) cfgs.add(ModelConfig.fullSeries().withMutations(EnumSet.of(m)));
            for (MatrixRow r : BugMatrix.load()) if (r.scenario().equals(n)) cfgs.add(BugMatrix.config(r));
            for (ModelConfig c : cfgs) if (!c.weak()) out.add(new Case(n, c, null));
        }
        return out.stream();
    }

    /** The gate's and the mutations' rows, each under its broken and its full configuration, with its invariant. */
    static Stream<Case> rows() {
        List<Case> out = new ArrayList<>();
        for (MatrixRow r : BugMatrix.load()) {
            out.add(new Case(r.scenario(), BugMatrix.config(r), r.invariant()));
            out.add(new Case(r.scenario(), ModelConfig.fullSeries(), r.invariant()));
        }
        for (Mutation m : Mutation.values()) {
            out.add(new Case(m.scenario, ModelConfig.fullSeries().withMutations(EnumSet.of(m)), m.breaks));
            out.add(new Case(m.scenario, ModelConfig.fullSeries(), m.breaks));
        }
        for (String n : Scenarios.shippedNames()) out.add(new Case(n, ModelConfig.fullSeries(), null));
        for (String n : Scenarios.findingNames()) out.add(new Case(n, ModelConfig.fullSeries(), null));
        for (String n : Scenarios.ptraceTestNames()) out.add(new Case(n, ModelConfig.fullSeries(), null));
        return out.stream();
    }

    static List<Invariant> invariants(Case c) throws Exception {
        return c.invariant() == null ? InvariantSet.resolve("all").invariants() : List.of(Invariants.byName(c.invariant()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spaces")
    void footprintsAndVisibilityHoldOnTheFullStateSpace(Case c) throws Exception {
        Model model = new Model(Scenarios.load(c.scenario()), c.config());
        assertNull(visibilityProblem(model, InvariantSet.resolve("all").invariants()));
    }

    /**
     * Explores the whole state space recording footprints (Model.step throws if a step leaves its
     * table) and returns the first way an invariant breaks its visibility declaration, or null.
     */
    static String visibilityProblem(Model model, List<Invariant> all) {
        Footprint[] visible = new Footprint[all.size()];
        for (int i = 0; i < all.size(); i++) {
            visible[i] = new Footprint(model.stateSize());
            all.get(i).visible(model, visible[i]);
        }
        Footprint step = new Footprint(model.stateSize());
        Footprint read = new Footprint(model.stateSize());
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        State init = model.initial();
        seen.add(init);
        queue.add(init);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            for (int i = 0; i < all.size(); i++) {
                read.clear();
                all.get(i).checkState(model, State.recording(s, read));
                String p = outside(read, visible[i], all.get(i).name() + " checkState");
                if (p != null) return p;
            }
            for (int a = 0; a < model.actorCount(); a++) {
                Transition t = model.step(s, a, step); // throws "footprint table incomplete"
                if (t == null) continue;
                for (int i = 0; i < all.size(); i++) {
                    Invariant inv = all.get(i);
                    read.clear();
                    Transition rt = new Transition(t.actor(), t.info(), t.detail(), State.recording(t.after(), read), t.obs());
                    String verdict = inv.checkTransition(model, State.recording(s, read), rt);
                    String p = outside(read, visible[i], inv.name() + " checkTransition of " + model.actorName(a));
                    if (p != null) return p;
                    if (t.obs().isEmpty() && step.writesInto(visible[i]) < 0 && inv.quietStepsPass() && verdict != null) {
                        return inv.name() + " fails a quiet invisible step of " + model.actorName(a);
                    }
                }
                if (seen.add(t.after())) queue.add(t.after());
            }
        }
        return null;
    }

    private static String outside(Footprint read, Footprint visible, String what) {
        for (int slot = 0; slot < read.slots(); slot++) {
            int extra = read.reads(slot) & ~visible.reads(slot);
            if (extra != 0) return what + " reads slot " + slot + " bits 0x" + Integer.toHexString(extra) + " it does not declare visible";
        }
        return null;
    }

    /** An invariant that checks what {@code inner} checks but declares that it reads nothing: a wrong declaration. */
    static Invariant blind(Invariant inner) {
        return new Invariant() {
            @Override public String name() { return inner.name(); }
            @Override public String statement() { return inner.statement(); }
            @Override public String checkTransition(Model m, State before, Transition t) { return inner.checkTransition(m, before, t); }
            @Override public String checkState(Model m, State s) { return inner.checkState(m, s); }
            @Override public String checkTerminal(Model m, State s) { return inner.checkTerminal(m, s); }
            @Override public void visible(Model m, Footprint v) { }
            @Override public boolean quietStepsPass() { return true; }
        };
    }

    @Test
    void aWrongVisibilityDeclarationIsCaught() throws Exception {
        Model model = new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
        String p = visibilityProblem(model, List.of(blind(Invariants.byName("no-engine-leak"))));
        assertNotNull(p);
        assertTrue(p.startsWith("no-engine-leak checkState reads slot "), p);
    }

    @Test
    void theReductionReducesWhereTwoActorsAreIndependent() throws Exception {
        // signal-engine-vs-kill: steps that touch only the stepping actor's own block commute with everything
        Model model = new Model(Scenarios.load("signal-engine-vs-kill"), ModelConfig.fullSeries());
        List<Invariant> all = InvariantSet.resolve("all").invariants();
        ExplorationResult full = new Explorer(Limits.NONE, ProgressListener.NONE, false).explore(model, all);
        ExplorationResult por = new Explorer(Limits.NONE, ProgressListener.NONE, true).explore(model, all);
        assertEquals(Verdict.PASS, por.verdict());
        assertTrue(por.stats().states() < full.stats().states(), por.stats().states() + " vs " + full.stats().states());
        assertTrue(por.stats().fullyExpanded() < por.stats().states());
    }

    /**
     * A breadth-first search with a deliberately UNSOUND reduction, the classic mistake: a step
     * counts as independent when it conflicts with no other actor's current step (not with what
     * they may still do), and visibility is ignored. Returns "PASS n" or "V invariant".
     */
    static String unsoundSearch(Model m, List<Invariant> inv, boolean unsound) {
        InvariantChecker check = new InvariantChecker(m, inv);
        int A = m.actorCount(), S = m.stateSize();
        Map<State, Integer> depth = new HashMap<>();
        ArrayDeque<State> q = new ArrayDeque<>();
        depth.put(m.initial(), 0); q.add(m.initial());
        if (check.state(m.initial()) != null) return "V";
        while (!q.isEmpty()) {
            State s = q.poll(); int d = depth.get(s);
            Footprint[] f = new Footprint[A]; Transition[] ts = new Transition[A];
            for (int a = 0; a < A; a++) { f[a] = new Footprint(S); ts[a] = m.step(s, a, f[a]); }
            int ample = -1;
            if (unsound) for (int p = 0; p < A && ample < 0; p++) {
                Transition t = ts[p];
                if (t == null || t.after().equals(s)) continue;
                boolean ok = true;
                for (int o = 0; o < A && ok; o++) if (o != p && ts[o] != null && f[p].conflictWith(f[o]) >= 0) ok = false;
                Integer dj = depth.get(t.after());
                if (ok && (dj == null || dj == d + 1)) ample = p;
            }
            boolean prog = false;
            for (int a = 0; a < A; a++) {
                if (ample >= 0 && a != ample) continue;
                Transition t = ts[a]; if (t == null) continue;
                if (!t.after().equals(s)) prog = true;
                Violation v = check.transition(s, t); if (v != null) return "V " + v.invariant().name();
                if (depth.putIfAbsent(t.after(), d + 1) == null) {
                    q.add(t.after());
                    v = check.state(t.after()); if (v != null) return "V " + v.invariant().name();
                }
            }
            if (!prog) { Violation v = check.terminal(s); if (v != null) return "V " + v.invariant().name(); }
        }
        return "PASS " + depth.size();
    }

    @Test
    void theVerdictComparisonCatchesAnUnsoundReduction() throws Exception {
        // reap-not-deferred: reap_after_death is violated; the naive reduction never reaches the violation
        Model model = new Model(Scenarios.load("reap-races-death"),
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.REAP_NOT_DEFERRED)));
        List<Invariant> inv = List.of(Invariants.byName("reap-after-death"));
        assertEquals("V reap-after-death", unsoundSearch(model, inv, false));
        assertTrue(unsoundSearch(model, inv, true).startsWith("PASS"), "the unsound reduction misses it");
        ExplorationResult por = new Explorer(Limits.NONE, ProgressListener.NONE, true).explore(model, inv);
        assertEquals("VIOLATION reap-after-death", verdict(por), "the real reduction keeps it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sameVerdictWithAndWithoutPor(Case c) throws Exception {
        Model model = new Model(Scenarios.load(c.scenario()), c.config());
        List<Invariant> inv = invariants(c);
        ExplorationResult full = new Explorer(Limits.NONE, ProgressListener.NONE, false).explore(model, inv);
        ExplorationResult por = new Explorer(Limits.NONE, ProgressListener.NONE, true).explore(model, inv);
        assertEquals(verdict(full), verdict(por));
        assertEquals(!c.config().weak(), por.stats().por(), "the reduction runs in sc, not in the weak model");
        if (full.verdict() == Verdict.PASS) assertTrue(por.stats().states() <= full.stats().states());
        for (int workers : new int[] {1, 3}) {
            ExplorationResult level = new LevelExplorer(Limits.NONE, ProgressListener.NONE,
                ScaleOptions.SEQUENTIAL.withWorkers(workers).withPor(true)).explore(model, inv);
            assertEquals(LevelExplorerTest.signature(por), LevelExplorerTest.signature(level), workers + " worker(s) with POR");
        }
        if (por.counterexample() != null) {
            // a counterexample of the reduced search is a real path that violates the same invariant
            ScheduleCheck sc = new ScheduleCheck(model, por.counterexample().violation().invariant());
            assertNotNull(sc.firstViolation(por.counterexample().schedule()), "the reduced search's trace replays");
        }
    }

    private static String verdict(ExplorationResult r) {
        return r.verdict() + (r.counterexample() == null ? "" : " " + r.counterexample().violation().invariant().name());
    }
}

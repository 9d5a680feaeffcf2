package utrace.checker.explore;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Invariants;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.Mutation;
import utrace.model.State;
import utrace.model.Transition;

/**
 * The shortener keeps a legal schedule that violates the same invariant,
 * never lengthens it, never goes below the breadth-first shortest, and on
 * every mutation's depth-first trace reaches the breadth-first length.
 */
class TraceShortenerTest {
    private static final List<String> TABLE = new ArrayList<>();

    /** The depth-first trace of each mutation, shortened to the breadth-first length for the same invariant. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Mutation.class)
    void depthFirstTracesShortenToTheBreadthFirstLength(Mutation mu) {
        Model m = DepthFirstExplorerTest.shipped(mu.scenario, mu);
        Counterexample raw = DepthFirstExplorerTest.dfs(m, ExplorerTest.coreAnd(mu)).counterexample();
        TraceShortener.Result r = TraceShortener.shorten(m, raw);
        Invariant inv = raw.violation().invariant();
        assertSound(m, raw, r);
        int shortest = DepthFirstExplorerTest.bfs(m, List.of(inv)).counterexample().schedule().size();
        TABLE.add(String.format("%-40s %-24s bfs %3d  dfs raw %3d  shortened %3d", mu.id, inv.name(), shortest,
            raw.schedule().size(), r.steps()));
        assertEquals(shortest, r.steps(), "shortened " + raw.schedule() + " to " + r.counterexample().schedule());
    }

    static Stream<Arguments> walks() {
        List<Arguments> out = new ArrayList<>();
        for (Mutation mu : Mutation.values()) for (long seed = 1; seed <= 3; seed++) out.add(Arguments.of(mu, seed));
        return out.stream();
    }

    /**
     * Property: from random violating walks (seeded), the result is legal, violates the same invariant,
     * is no longer than the walk and no shorter than breadth-first search allows; shortening is deterministic.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("walks")
    void randomViolatingWalksShortenSoundly(Mutation mu, long seed) {
        Model m = DepthFirstExplorerTest.shipped(mu.scenario, mu);
        Invariant inv = Invariants.byName(mu.breaks);
        Counterexample walk = randomWalkToViolation(m, inv, new Random(seed));
        if (walk == null) return; // this seed's walks all ended without the violation: nothing to shorten
        TraceShortener.Result r = TraceShortener.shorten(m, walk);
        assertSound(m, walk, r);
        int shortest = DepthFirstExplorerTest.bfs(m, List.of(inv)).counterexample().schedule().size();
        assertTrue(r.steps() >= shortest, "never below the breadth-first shortest " + shortest);
        assertEquals(r.counterexample().schedule(), TraceShortener.shorten(m, walk).counterexample().schedule(), "deterministic");
    }

    @Test
    void aScheduleThatDoesNotViolateIsRefused() {
        Mutation mu = Mutation.DETACH_IGNORES_REPORTING;
        Model m = DepthFirstExplorerTest.shipped(mu.scenario, mu);
        Violation fake = new Violation(Invariants.byName(mu.breaks), Violation.Kind.STATE, "none");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TraceShortener.shorten(m, new Counterexample(fake, List.of(0))));
        assertTrue(e.getMessage().contains("does not violate"), e.getMessage());
    }

    private static void assertSound(Model m, Counterexample raw, TraceShortener.Result r) {
        Counterexample got = r.counterexample();
        assertEquals(raw.violation().invariant(), got.violation().invariant(), "same invariant");
        assertTrue(r.steps() <= raw.schedule().size(), "never longer");
        assertEquals(raw.schedule().size(), r.rawSteps());
        Counterexample again = new ScheduleCheck(m, got.violation().invariant()).firstViolation(got.schedule());
        assertNotNull(again, "legal and violating: " + got.schedule());
        assertEquals(got.schedule(), again.schedule(), "the violation is at its end");
        assertEquals(got.violation().kind(), again.violation().kind());
    }

    /** Up to 200 walks of random enabled steps; the first that violates {@code inv}, or null. */
    private static Counterexample randomWalkToViolation(Model m, Invariant inv, Random rnd) {
        InvariantChecker check = new InvariantChecker(m, List.of(inv));
        for (int w = 0; w < 200; w++) {
            State s = m.initial();
            List<Integer> schedule = new ArrayList<>();
            for (int step = 0; step < 300; step++) {
                List<Transition> enabled = new ArrayList<>();
                for (int a = 0; a < m.actorCount(); a++) {
                    Transition t = m.step(s, a);
                    if (t != null) enabled.add(t);
                }
                if (!m.canProgress(s)) {
                    Violation v = check.terminal(s);
                    if (v != null) return new Counterexample(v, schedule);
                    break;
                }
                Transition t = enabled.get(rnd.nextInt(enabled.size()));
                schedule.add(t.actor());
                Violation v = check.transition(s, t);
                s = t.after();
                if (v == null) v = check.state(s);
                if (v != null) return new Counterexample(v, schedule);
            }
        }
        return null;
    }

    /** The figures for the report: lengths before and after, per mutation. */
    @AfterAll
    static void printTable() {
        if (TABLE.isEmpty()) return;
        System.out.println("trace lengths (core set; the invariant depth-first search hits first):");
        TABLE.stream().sorted().forEach(System.out::println);
    }
}

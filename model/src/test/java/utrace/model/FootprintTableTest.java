package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The may-footprint tables are checked on every step whose footprint is recorded:
 * a complete table passes over a whole state space, and a table missing one entry
 * makes the search fail loudly, naming actor, operation and slot.
 */
class FootprintTableTest {
    private static Model model() throws Exception {
        return new Model(Scenarios.load("detach-sigkill-race"), ModelConfig.fullSeries());
    }

    /** Every step of every reachable state, with its footprint recorded (and so checked). */
    private static long exploreRecording(Model m) {
        Footprint fp = new Footprint(m.stateSize());
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        seen.add(m.initial());
        queue.add(m.initial());
        long steps = 0;
        while (!queue.isEmpty()) {
            State s = queue.poll();
            for (int a = 0; a < m.actorCount(); a++) {
                Transition t = m.step(s, a, fp);
                if (t == null) continue;
                steps++;
                assertEquals(m.step(s, a).after(), t.after(), "recording does not change the step");
                if (seen.add(t.after())) queue.add(t.after());
            }
        }
        return steps;
    }

    @Test
    void theDeclaredTablesCoverEveryStep() throws Exception {
        assertTrue(exploreRecording(model()) > 1000);
    }

    @Test
    void aTableMissingAnEntryIsCaught() throws Exception {
        Model m = model();
        m.omittedFromMay = Slots.SIGPENDING; // the killer's table "forgets" the pending set it writes
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> exploreRecording(m));
        assertTrue(e.getMessage().startsWith("footprint table incomplete: "), e.getMessage());
        assertTrue(e.getMessage().contains("slot " + Slots.SIGPENDING + " "), e.getMessage());
    }

    @Test
    void aStepTouchesWhatItReadsAndWrites() throws Exception {
        Model m = model();
        Footprint fp = new Footprint(m.stateSize());
        int killer = -1;
        for (int a = 0; a < m.actorCount(); a++) if (m.actorRole(a).equals("killer")) killer = a;
        assertNotNull(m.step(m.initial(), killer, fp));
        assertNotEquals(0, fp.writes(Slots.SIGPENDING) & Signals.SIGKILL, "send_signal sets SIGKILL");
        assertNotEquals(0, fp.reads(Slots.LOCK_SIGLOCK), "it asks whether siglock is free");
        assertEquals(0, fp.writes(Slots.ATTACHED) | fp.reads(Slots.ATTACHED), "it never looks at the engine list");
    }
}

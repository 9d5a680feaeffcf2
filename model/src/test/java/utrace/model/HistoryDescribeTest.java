package utrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Traces show the history bits the invariants read, by name (history.task, history.ptrace, history.engine[E]). */
class HistoryDescribeTest {
    @Test
    void everyHistoryBitHasItsName() throws Exception {
        Model m = new Model(Scenarios.load("two-engines-stop-resume"), ModelConfig.fullSeries());
        int[] v = m.initial().copyValues();
        v[Slots.engine(1, Slots.E_GHOST)] = Slots.EG_HELD_STOPPED | Slots.EG_STOP_OWED | Slots.EG_EXAMINING
            | Slots.EG_RAN_SINCE_EXAMINE | Slots.EG_CALLBACK_OWED | Slots.EG_STOP_ASKED | Slots.EG_LET_GO
            | Slots.EG_MASK_BY_CALLBACK | Slots.EG_SIGNAL_OWED;
        v[Slots.G_TASK] = Slots.G_KILLED | Slots.G_CONT_AFTER_STOP | Slots.G_EXAMINING | Slots.G_SIGKILL_UNTAKEN;
        v[Slots.G_PTRACE] = Slots.G_PT_HOLDS | Slots.G_HANDLER_ASKED | Slots.G_SIG_VERDICT;
        Map<String, String> d = m.describe(new State(v));
        assertEquals("held-stopped|stop-owed|stop-asked|ran-since-examine|callback-owed|examining|let-go|mask-by-callback"
            + "|signal-report-owed", d.get("history.engine[E2]"));
        assertEquals("owner-ref", d.get("history.engine[E1]"), "a preattached engine: its owner holds a reference");
        assertEquals("killed|sigcont-after-sigstop|examining|sigkill-untaken", d.get("history.task"));
        assertEquals("holds|handler-report-asked|signal-verdict-owed", d.get("history.ptrace"));
    }

    @Test
    void anUnnamedBitStillShows() throws Exception {
        Model m = new Model(Scenarios.load("two-engines-stop-resume"), ModelConfig.fullSeries());
        int[] v = m.initial().copyValues();
        v[Slots.engine(0, Slots.E_GHOST)] = Slots.EG_STEP_CHOSE << 1; // a bit added to Slots without a name here
        assertEquals("0x400000", m.describe(new State(v)).get("history.engine[E1]"));
    }
}

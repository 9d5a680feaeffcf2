package utrace.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The history exit-stop-holds reads (Slots.EG_EXIT_STOP): the hold report_exit's UTRACE_STOP asks for starts
 * when finish_callback_report applies it, a utrace_control(STOP) keeps it ("@target will remain stopped until
 * another utrace_control() call"), and a control that lets go (RESUME) ends it.
 */
class ExitStopHoldTest {
    private static final String HELD = "engine E1 preattached events=EXIT\ncallback E1 exit=STOP\ntracee syscall\nkiller SIGKILL\n";

    private static boolean exitStop(State s) {
        return s.engineHistory(0, Slots.EG_EXIT_STOP);
    }

    @Test
    void theHoldStartsWhenReportExitsStopIsApplied() {
        Fixture f = Fixture.of(HELD + "owner E1 wait_stopped; control STOP\n", ModelConfig.fullSeries());
        List<Transition> path = Reach.find(f.model, (s, t) -> !exitStop(s) && exitStop(t.after()));
        assertNotNull(path, "report_exit's UTRACE_STOP starts a hold");
        assertEquals("finish_callback_report", path.get(path.size() - 1).info().function(), Reach.show(f.model, path));
    }

    @Test
    void controlStopKeepsTheHoldAndResumeEndsIt() {
        Fixture keep = Fixture.of(HELD + "owner E1 wait_stopped; control STOP\n", ModelConfig.fullSeries());
        assertFalse(Reach.any(keep.model, (s, t) -> exitStop(s) && !exitStop(t.after()) && t.actor() != 0),
            "no step of the owner (control STOP) ends the hold");
        Fixture resume = Fixture.of(HELD + "owner E1 wait_stopped; control RESUME\n", ModelConfig.fullSeries());
        List<Transition> path = Reach.find(resume.model, (s, t) -> exitStop(s) && !exitStop(t.after()));
        assertNotNull(path, "control(RESUME) ends the hold");
        Transition last = path.get(path.size() - 1);
        assertTrue(last.actor() != 0 && last.obs().stream().anyMatch(o -> o.isReturnOf(OwnerOp.Kind.CONTROL)),
            Reach.show(resume.model, path));
    }
}

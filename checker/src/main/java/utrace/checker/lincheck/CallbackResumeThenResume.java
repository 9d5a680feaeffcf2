package utrace.checker.lincheck;

import java.util.List;
import java.util.Random;

import utrace.model.ModelConfig;

/**
 * utrace.h: "if @engine returned %UTRACE_STOP then @current stays stopped unless @engine returns different from a
 * following callback". E1's report_quiesce says STOP and its report_exit, in the same pass, RESUME: E1 lets go of
 * the stop. E2's report_quiesce says STOP too, so the tracee sleeps, rightly, until E2's owner resumes it; then
 * nothing holds it and it exits (contract deadlock-freedom: the model's judgement of a final state, which counts an
 * engine's ENGINE_STOP only while its last word was UTRACE_STOP). The mutation callback-resume-keeps-stop declares
 * exit-stop-then-resume, a findings scenario that breaks deadlock-freedom on the full series too (finding 1: with
 * E1 alone the stale ENGINE_STOP in utrace_flags puts the tracee to sleep for good), where neither Lincheck nor the
 * native explorer can tell the mutation apart; here the full series passes every invariant (`checker verify -i
 * all` on the same scenario: 48 states) and the mutation breaks no-lost-wakeup and deadlock-freedom. Not in the
 * default run: `--each-mutation` runs it for that mutation, `--situation callback-resume-then-resume` by name.
 */
final class CallbackResumeThenResume implements Situation {
    @Override public String name() { return "callback-resume-then-resume"; }

    @Override public String claim() {
        return "a callback's RESUME after its own STOP lets go of the stop: once the other engine's owner resumes the "
            + "tracee, nothing holds it (deadlock-freedom)";
    }

    @Override public Class<?> specification() { return null; }

    @Override public boolean expectHolds() { return true; }

    @Override public LincheckPlan plan(String id, Random rnd, ModelConfig config) {
        String header = "scenario lincheck-callback-resume-then-resume\n"
            + "description E1's report_quiesce says STOP, its report_exit RESUME; E2 stops the tracee too, and E2's "
            + "owner resumes it.\n"
            + "engine E1 preattached events=QUIESCE|EXIT\n"
            + "callback E1 quiesce=STOP exit=RESUME\n"
            + "engine E2 preattached events=QUIESCE\n"
            + "callback E2 quiesce=STOP\n"
            + "tracee exit\n";
        return new LincheckPlan(id, name(), header, List.of(),
            List.of(List.of(PlannedOp.tracee()), List.of(PlannedOp.waitStopped("E2"), PlannedOp.control("E2", "RESUME"))),
            List.of(), config);
    }
}

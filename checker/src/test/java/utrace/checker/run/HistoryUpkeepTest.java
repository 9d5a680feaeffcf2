package utrace.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariants;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.ScenarioParser;

/**
 * The history bits the invariants read must follow the kernel: these scenarios pass every invariant on the full
 * series, and each fails (a false violation) when the model forgets one upkeep of the history (issue 16's twentieth
 * round, the PIT triage: removing the history upkeep in ptrace_signal, prepare_signal or the ptracer's request
 * return survived every shipped scenario; on these, each removal makes a false violation).
 */
class HistoryUpkeepTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // ptrace_signal for SIGSTOP is a stop request: a SIGCONT after it cancels it (G_CONT_AFTER_STOP cleared there)
        "cont-sigstop-then-sigcont | tracee traceme\\nptrace cont SIGSTOP\\nkiller SIGCONT\\nparent ptrace",
        // prepare_signal for SIGSTOP after a SIGCONT: the stop comes last and stands
        "sigcont-then-sigstop | engine E1 preattached\\ntracee\\nkiller SIGCONT SIGSTOP",
        // 'wait until SIGSTOP' passes the tracee's own SIGQUIT on once (the loop's signal is reset when it returns)
        "attach-wait-until-past-signal | tracee raise SIGQUIT\\nptrace attach; wait until SIGSTOP"})
    void passesEveryInvariant(String name, String body) throws Exception {
        Model m = new Model(ScenarioParser.parse(name, "scenario " + name + "\n" + body.replace("\\n", "\n") + "\n"),
            ModelConfig.fullSeries());
        ExplorationResult r = new Explorer(Check.LIMITS, ProgressListener.NONE).explore(m, Invariants.all());
        assertEquals(Verdict.PASS, r.verdict(), () -> r.counterexample().violation().describe());
    }
}

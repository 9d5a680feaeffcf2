package utrace.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * utrace_get_signal()'s end (patch 01) and get_signal_to_deliver() after patch 19: "We express the chosen action
 * to the signals code in terms of a representative signal whose default action does it. Our caller uses our
 * return value (signr) to decide what to do, but uses info->si_signo as the signal number to report"; and "Always
 * call ptrace_signal() if signal != SIGKILL, no matter whether this signal comes from utrace or not". The model
 * once died as for SIGKILL on UTRACE_SIGNAL_TERM (and CORE): exit status SIGKILL, and no ptrace_signal stop
 * (docs/fidelity.md, the fifteenth round).
 */
class RepresentativeSignalTest {
    private static final String TERM_ENGINE = "engine E1 preattached events=SIGNAL_TERM\n";

    @Test
    void eachDispositionHasTheSeedsRepresentative() {
        Ctx c = Fixture.of(TERM_ENGINE + "handler SIGCONT return\ntracee\n", ModelConfig.fullSeries()).ctx(0);
        assertEquals(Signals.SIGTERM, TraceeSignal.representative(c, TraceeSignal.SIG_TERM, Signals.SIGUSR2));
        assertEquals(Signals.SIGQUIT, TraceeSignal.representative(c, TraceeSignal.SIG_CORE, Signals.SIGTRAP));
        assertEquals(Signals.SIGSTOP, TraceeSignal.representative(c, TraceeSignal.SIG_STOP, Signals.SIGSTOP));
        // DELIVER: "signr = info->si_signo"; SIG_DFL with a default of ignore falls through to the ignored case
        assertEquals(Signals.SIGUSR2, TraceeSignal.representative(c, TraceeSignal.SIG_DELIVER, Signals.SIGUSR2));
        assertEquals(Signals.SIGCONT, TraceeSignal.representative(c, TraceeSignal.SIG_DELIVER, Signals.SIGCONT),
            "SIGCONT has a handler in this scenario: it runs");
        Ctx dfl = Fixture.of(TERM_ENGINE + "tracee\n", ModelConfig.fullSeries()).ctx(0);
        assertEquals(0, TraceeSignal.representative(dfl, TraceeSignal.SIG_DELIVER, Signals.SIGCONT));
        assertEquals(0, TraceeSignal.representative(dfl, TraceeSignal.SIG_DELIVER, 0), "a report pass with no signal");
        assertEquals(0, TraceeSignal.representative(dfl, TraceeSignal.SIG_IGN, Signals.SIGUSR2));
        assertEquals(0, TraceeSignal.representative(dfl, TraceeSignal.SIG_REPORT, 0));
    }

    /** Untraced: do_group_exit(info->si_signo): killed by the signal dequeued, not by SIGTERM (nor SIGKILL). */
    @Test
    void anUntracedChildDiesOfTheSignalItselfNotOfTheRepresentative() {
        Runs r = Runs.of(TERM_ENGINE + "tracee raise SIGUSR2\nptrace wait\nparent ptrace\n");
        assertEquals(Set.of("killed SIGUSR2"), r.reports(Obs.WAITER_TRACER));
        // UTRACE_SIGNAL_CORE: representative SIGQUIT, death (and the core dump, not modelled) by SIGTRAP
        Runs core = Runs.of("engine E1 preattached events=SIGNAL_CORE\ntracee raise SIGTRAP\nptrace wait\nparent ptrace\n");
        assertEquals(Set.of("killed SIGTRAP"), core.reports(Obs.WAITER_TRACER));
    }

    /** Without an engine's pass utrace_get_signal returns signr itself ("return signr" before the pass). */
    @Test
    void withoutAPassThereIsNoRepresentative() {
        Runs r = Runs.of("engine E1 preattached events=SIGNAL\ntracee raise SIGUSR2\nptrace wait\nparent ptrace\n");
        assertEquals(Set.of("killed SIGUSR2"), r.reports(Obs.WAITER_TRACER));
    }

    /** Traced: ptrace_signal(signr) with the representative: exit_code, so the tracer's wait, is SIGTERM (reportsOf: request index). */
    @Test
    void aTracerSeesTheRepresentativeInPtraceSignalsStop() {
        String body = TERM_ENGINE + "tracee traceme raise SIGUSR2\nparent ptrace\nptrace wait; cont SIG; wait\n";
        Runs same = Runs.of(body.replace("SIG;", "SIGTERM;"));
        assertEquals(Set.of("stopped SIGTERM"), same.reportsOf(0));
        // ptrace_signal: "if (signr != info->si_signo) info->si_signo = signr": passed back, SIGTERM is the death
        assertEquals(Set.of("killed SIGTERM"), same.reportsOf(2));
        Runs real = Runs.of(body.replace("SIG;", "SIGUSR2;"));
        assertEquals(Set.of("stopped SIGTERM"), real.reportsOf(0));
        assertEquals(Set.of("killed SIGUSR2"), real.reportsOf(2));
        Runs core = Runs.of("engine E1 preattached events=SIGNAL_CORE\ntracee traceme raise SIGTRAP\nparent ptrace\n"
            + "ptrace wait; cont SIGTRAP; wait\n");
        assertEquals(Set.of("stopped SIGQUIT"), core.reportsOf(0));
        assertEquals(Set.of("killed SIGTRAP"), core.reportsOf(2));
        for (Obs o : core.observations) {
            assertFalse(o.kind() == Obs.Kind.PTRACE_STOP && o.code() == Obs.PTRACE_STOP_STEP_TRAP, "a raised SIGTRAP is no step trap");
        }
    }

    /** A handled SIGCONT an engine lets through runs its handler (return_ka is the handler, not SIG_DFL). */
    @Test
    void aHandledSigcontRunsItsHandlerAfterThePass() {
        Runs r = Runs.of("engine E1 preattached events=SIGNAL\nhandler SIGCONT exit 7\ntracee raise SIGCONT\nptrace wait\nparent ptrace\n");
        assertEquals(Set.of("exited 7"), r.reports(Obs.WAITER_TRACER));
    }

    @Test
    void theMutationExitsWithTheRepresentative() {
        Runs r = Runs.of(TERM_ENGINE + "tracee raise SIGUSR2\nptrace wait\nparent ptrace\n",
            ModelConfig.fullSeries().withMutations(EnumSet.of(Mutation.GET_SIGNAL_EXITS_WITH_REPRESENTATIVE)));
        assertEquals(Set.of("killed SIGTERM"), r.reports(Obs.WAITER_TRACER));
    }

    /** ptrace-step-kept's label: only the SIGTRAP tracehook_report_syscall_exit forced is a step trap. */
    @Test
    void onlyTheForcedSigtrapIsAStepTrap() {
        Runs raised = Runs.of("tracee traceme raise SIGTRAP\nptrace wait\nparent ptrace\n");
        boolean signalStop = false;
        for (Obs o : raised.observations) {
            assertFalse(o.kind() == Obs.Kind.PTRACE_STOP && o.code() == Obs.PTRACE_STOP_STEP_TRAP, "raise(SIGTRAP) is no step trap");
            signalStop |= o.kind() == Obs.Kind.PTRACE_STOP && o.code() == Obs.PTRACE_STOP_SIGNAL;
        }
        assertTrue(signalStop, "the raised SIGTRAP is reported in a signal-delivery stop");
        Runs stepped = Runs.of("tracee traceme raise SIGSTOP syscall exit 3\nptrace wait; singlestep; wait; cont; wait\nparent ptrace\n");
        boolean stepTrap = false;
        for (Obs o : stepped.observations) stepTrap |= o.kind() == Obs.Kind.PTRACE_STOP && o.code() == Obs.PTRACE_STOP_STEP_TRAP;
        assertTrue(stepTrap, "the single-step trap after the stepped system call is labelled a step trap");
        assertEquals(Set.of("stopped SIGTRAP"), stepped.reportsOf(2));
    }
}

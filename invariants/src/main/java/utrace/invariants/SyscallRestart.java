package utrace.invariants;

import java.util.List;

import utrace.model.Footprint;
import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.TraceeOp;
import utrace.model.Transition;

/**
 * What a program sees of a system call a signal interrupted: the kernel's restart contract (x86 do_signal and
 * handle_signal; errno.h: the ERESTART* codes "should never be seen by user programs"). A read() (-ERESTARTSYS) is
 * run again whether or not a handler ran (the model's handlers are installed with signal(), so SA_RESTART); a
 * pause() (-ERESTARTNOHAND) returns -EINTR once a handler ran and is run again otherwise. A stop, a signal the
 * tracer cancels or a UTRACE_INTERRUPT report is no handler: the call goes on, unseen (ptrace-tests
 * eintr-on-attach: "Syscall should be restarted"). Judged on what the tracee did (a handler frame set up, the call
 * restarted, what it returned), not on the kernel's own bookkeeping of the return value.
 */
final class SyscallRestart extends ObservationCheck {
    SyscallRestart() {
        super("syscall-restart",
            "a system call interrupted by a signal never returns -ERESTARTSYS or -ERESTARTNOHAND to the program "
            + "(errno.h: \"should never be seen by user programs\"); it returns -EINTR only when a handler ran for "
            + "the signal and the call may not be restarted after one (pause(): -ERESTARTNOHAND; read() with a "
            + "handler installed by signal(), SA_RESTART, is restarted); otherwise it is restarted (x86 do_signal: "
            + "\"Restart the system call - no handlers present\"): PTRACE_ATTACH's SIGSTOP, a stop, a signal the "
            + "tracer cancels, a UTRACE_INTERRUPT report end no call (ptrace-tests eintr-on-attach).");
    }

    @Override public String checkTransition(Model m, State before, Transition t) {
        List<Obs> obs = t.obs();
        for (int k = 0; k < obs.size(); k++) { // indexed: no iterator per check
            Obs o = obs.get(k);
            if (o.kind() != Obs.Kind.SYSCALL_RESULT) continue;
            boolean pause = o.code() == TraceeOp.Kind.PAUSE.ordinal();
            String call = pause ? "pause()" : "read()";
            boolean handler = o.aux() == 1;
            if (o.ret() == Obs.SYSCALL_ERESTART) {
                return call + " returned " + (pause ? "-ERESTARTNOHAND" : "-ERESTARTSYS")
                    + " to the program: do_signal neither restarted it nor turned it into -EINTR";
            }
            if (o.ret() == Obs.SYSCALL_EINTR && !(pause && handler)) {
                return call + " returned -EINTR " + (handler ? "after a handler installed with SA_RESTART: it must be restarted"
                    : "although no handler ran for the signal that woke it: it must be restarted");
            }
            if (o.ret() == Obs.SYSCALL_RESTARTED && pause && handler) {
                return "pause() was restarted after its handler ran: it must return -EINTR (-ERESTARTNOHAND), or it "
                    + "never returns";
            }
        }
        return null;
    }

    /** What checkTransition reads besides observations: nothing. */
    @Override public void visible(Model m, Footprint v) {
    }

    /** Observations checkTransition reads. */
    @Override public int observes() { return Obs.kinds(Obs.Kind.SYSCALL_RESULT); }
}

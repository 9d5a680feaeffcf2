package utrace.model;

import java.util.List;

/**
 * Something a step did that invariants over transitions look at: a callback
 * into an engine, an engine-API call returning, or the tracee entering user
 * mode.
 */
public record Obs(Kind kind, int engine, int code, int ret, int aux) {
    public enum Kind {
        CALLBACK, API_RETURN, USER_ENTRY,
        /** the tracee entered a ptrace stop; code = why (PTRACE_STOP_*) */
        PTRACE_STOP,
        /** ptrace asked for syscall stops (PTRACE_SYSCALL/SYSEMU) but this syscall entry makes none */
        PTRACE_SYSCALL_MISSED,
        /** the tracee goes on after a stop (woken, or it decided not to sleep) */
        STOP_LEFT,
        /** a ptrace request returned; code = PtraceOp ordinal, aux = its request's index + 1 (0: the inner PTRACE_CONT of 'wait until') */
        PTRACE_RETURN,
        /** a CPU used the struct utrace at task->utrace and it was not there (pair B4); code = STRUCT_NULL or STRUCT_UNINIT */
        UTRACE_STRUCT_INVALID,
        /** the tracee dequeued a signal; code = the signal, aux = task->jobctl at that moment */
        DEQUEUE,
        /** a wait() returned; code = the {@link WaitResult}, ret = the waiter (WAITER_*), aux = its request's index */
        WAIT_REPORT,
        /**
         * utrace_maybe_reap()'s teardown took a live engine off the list (ops = NULL); code = its flags at that
         * moment, aux = 1 if its report_reap was made
         */
        ENGINE_REAPED,
        /** the tracee, woken from a stop at syscall entry (not killed), goes on to attempt the system call */
        SYSCALL_ATTEMPTED_AFTER_STOP,
        /**
         * the tracee passed an event's utrace hook without a report pass: code = the event ({@link Events} bit; a
         * signal's SIGNAL_* event when utrace_get_signal acts on it unreported)
         */
        EVENT_UNREPORTED,
        /** utrace_prepare_examine() returned 0 to the owner of engine {@code engine} */
        EXAMINE_PREPARED,
        /** start_report() began a report pass for an event: code = the event ({@link Events} bit) */
        REPORT_STARTED,
        /** do_signal_stop() put the tracee to sleep in TASK_STOPPED (a group stop) */
        GROUP_STOP,
        /**
         * a sleeping system call (read, pause) a signal woke was settled: code = its TraceeOp.Kind ordinal, ret =
         * SYSCALL_EINTR, SYSCALL_ERESTART or SYSCALL_RESTARTED, aux = 1 if a handler frame was set up for the signal
         */
        SYSCALL_RESULT,
        /** release_task() began on the tracee (its utrace_release_task): code = the tracee's exit_state then */
        TASK_RELEASED,
        /**
         * a callback's own utrace_control or utrace_set_events on its engine returned (a scenario's
         * "+control:ACTION" or "+set_events:EVENTS"): as API_RETURN, but made by the tracee inside the callback, so
         * that the contracts and invariants about owners' calls do not read it as one
         */
        SELF_CALL_RETURN
    }

    /** The call returned -EINTR to the program. */
    public static final int SYSCALL_EINTR = 1;
    /** The call's -ERESTARTSYS / -ERESTARTNOHAND reached the program (errno.h: "should never be seen by user programs"). */
    public static final int SYSCALL_ERESTART = 2;
    /** do_signal / handle_signal restarted the call (regs->ip -= 2): the program runs it again. */
    public static final int SYSCALL_RESTARTED = 3;

    /** A sleeping call of kind {@code op} was settled with {@code result}; {@code handler}: a handler frame was set up. */
    public static Obs syscallResult(TraceeOp.Kind op, int result, boolean handler) {
        return new Obs(Kind.SYSCALL_RESULT, -1, op.ordinal(), result, handler ? 1 : 0);
    }

    private static final Obs GROUP_STOP_ENTERED = new Obs(Kind.GROUP_STOP, -1, 0, 0, 0);

    /** The tracee entered a group stop (a shared immutable instance). */
    public static Obs groupStop() {
        return GROUP_STOP_ENTERED;
    }

    private static final Obs SYSCALL_ENTRY_STARTED = new Obs(Kind.REPORT_STARTED, -1, Events.SYSCALL_ENTRY, 0, 0);
    private static final Obs SYSCALL_EXIT_STARTED = new Obs(Kind.REPORT_STARTED, -1, Events.SYSCALL_EXIT, 0, 0);

    /** A report pass for {@code event} began (immutable: the system call passes share one each). */
    public static Obs reportStarted(int event) {
        if (event == Events.SYSCALL_ENTRY) return SYSCALL_ENTRY_STARTED;
        if (event == Events.SYSCALL_EXIT) return SYSCALL_EXIT_STARTED;
        return new Obs(Kind.REPORT_STARTED, -1, event, 0, 0);
    }

    public static Obs examinePrepared(int e) {
        return new Obs(Kind.EXAMINE_PREPARED, e, 0, 0, 0);
    }

    private static final Obs SYSCALL_ENTRY_UNREPORTED = new Obs(Kind.EVENT_UNREPORTED, -1, Events.SYSCALL_ENTRY, 0, 0);
    private static final Obs SYSCALL_EXIT_UNREPORTED = new Obs(Kind.EVENT_UNREPORTED, -1, Events.SYSCALL_EXIT, 0, 0);
    private static final Obs EXIT_UNREPORTED = new Obs(Kind.EVENT_UNREPORTED, -1, Events.EXIT, 0, 0);

    /** A hook passed with no report pass (a system call's or do_exit's: shared immutable instances, every plain syscall makes one). */
    public static Obs eventUnreported(int event) {
        if (event == Events.SYSCALL_ENTRY) return SYSCALL_ENTRY_UNREPORTED;
        if (event == Events.SYSCALL_EXIT) return SYSCALL_EXIT_UNREPORTED;
        if (event == Events.EXIT) return EXIT_UNREPORTED;
        return new Obs(Kind.EVENT_UNREPORTED, -1, event, 0, 0);
    }

    /** A signal utrace_get_signal dequeued and acts on unreported: aux = the signal (the invariant derives its event). */
    public static Obs signalUnreported(int event, int signr) {
        return new Obs(Kind.EVENT_UNREPORTED, -1, event, 0, signr);
    }

    public static Obs syscallAttemptedAfterStop() {
        return new Obs(Kind.SYSCALL_ATTEMPTED_AFTER_STOP, -1, 0, 0, 0);
    }

    public static Obs engineReaped(int e, int flags, boolean reportReapMade) {
        return new Obs(Kind.ENGINE_REAPED, e, flags, 0, reportReapMade ? 1 : 0);
    }

    public static Obs taskReleased(int exitState) {
        return new Obs(Kind.TASK_RELEASED, -1, exitState, 0, 0);
    }

    /** The ptrace tracer's wait (also the real parent's, with 'parent ptrace'). */
    public static final int WAITER_TRACER = 0;
    /** The real parent's wait ('parent wait'). */
    public static final int WAITER_PARENT = 1;

    public static Obs waitReport(int result, int waiter, int index) {
        return new Obs(Kind.WAIT_REPORT, -1, result, waiter, index);
    }

    public static final int PTRACE_STOP_SYSCALL = 1;
    public static final int PTRACE_STOP_SIGNAL = 2;
    public static final int PTRACE_STOP_STEP_TRAP = 3;
    /** do_jobctl_trap(): the CLD_STOPPED trap of a group stop (JOBCTL_TRAP_STOP) */
    public static final int PTRACE_STOP_GROUP = 4;
    /** tracehook_signal_handler(): ptrace_notify(SIGTRAP) as a stepping tracee enters a signal handler */
    public static final int PTRACE_STOP_HANDLER_STEP = 5;

    /** A callback for {@code event} (an {@link Events} bit) into engine {@code e}; live = its real ops. */
    public static Obs callback(int e, int event, int action, boolean live) {
        return new Obs(Kind.CALLBACK, e, event, action, live ? 1 : 0);
    }

    /**
     * A report_signal callback (or report_quiesce standing in for it) into engine {@code e}, made with the signal
     * action {@code signalAction} in its @action argument ({@link #SIGNAL_REPORT}, {@link #SIGNAL_HANDLER}, ...):
     * aux keeps live in bit 0 and the action, plus one, above it.
     */
    public static Obs signalCallback(int e, int event, int action, boolean live, int signalAction) {
        return new Obs(Kind.CALLBACK, e, event, action, (live ? 1 : 0) | (signalAction + 1) << 1);
    }

    /** enum utrace_signal_action as a callback's @action argument carries it (the model's subset). */
    public static final int SIGNAL_DELIVER = 0;
    public static final int SIGNAL_IGN = 1;
    public static final int SIGNAL_TERM = 2;
    public static final int SIGNAL_STOP = 3;
    /** UTRACE_SIGNAL_REPORT: a report before any pending signal is dequeued */
    public static final int SIGNAL_REPORT = 4;
    /** UTRACE_SIGNAL_HANDLER: the report right after a signal handler's setup */
    public static final int SIGNAL_HANDLER = 5;
    public static final int SIGNAL_CORE = 6;

    /**
     * The signal action normal delivery takes for a signal reported as {@code event} (utrace_get_signal: "From the
     * signal number and sigaction, determine what normal delivery would do"): DELIVER for a handler (SIGNAL), else
     * the default's. For judges, which must not ask the model's own choice (a mutation's target).
     */
    public static int normalSignalAction(int event) {
        switch (event) {
            case Events.SIGNAL: return SIGNAL_DELIVER;
            case Events.SIGNAL_IGN: return SIGNAL_IGN;
            case Events.SIGNAL_STOP: return SIGNAL_STOP;
            case Events.SIGNAL_CORE: return SIGNAL_CORE;
            default: return SIGNAL_TERM;
        }
    }

    /** The signal action a report_signal callback got in @action, or -1 for any other callback. */
    public int signalAction() { return kind == Kind.CALLBACK ? (aux >> 1) - 1 : -1; }

    /** The name utrace.h gives a signal action ({@link #signalAction()}). */
    public static String signalActionName(int a) {
        switch (a) {
            case SIGNAL_DELIVER: return "UTRACE_SIGNAL_DELIVER";
            case SIGNAL_IGN: return "UTRACE_SIGNAL_IGN";
            case SIGNAL_TERM: return "UTRACE_SIGNAL_TERM";
            case SIGNAL_STOP: return "UTRACE_SIGNAL_STOP";
            case SIGNAL_REPORT: return "UTRACE_SIGNAL_REPORT";
            case SIGNAL_HANDLER: return "UTRACE_SIGNAL_HANDLER";
            case SIGNAL_CORE: return "UTRACE_SIGNAL_CORE";
            default: return "signal action " + a;
        }
    }

    public static Obs selfCallReturn(int e, OwnerOp.Kind op, int ret, int arg) {
        return new Obs(Kind.SELF_CALL_RETURN, e, op.ordinal(), ret, arg);
    }

    public static Obs apiReturn(int e, OwnerOp.Kind op, int ret, int arg) {
        return new Obs(Kind.API_RETURN, e, op.ordinal(), ret, arg);
    }

    public static Obs userEntry() {
        return new Obs(Kind.USER_ENTRY, -1, 0, 0, 0);
    }

    public static Obs ptraceStop(int why, int signr) {
        return new Obs(Kind.PTRACE_STOP, -1, why, 0, signr);
    }

    public static Obs ptraceSyscallMissed() {
        return new Obs(Kind.PTRACE_SYSCALL_MISSED, -1, 0, 0, 0);
    }

    public static Obs stopLeft() {
        return new Obs(Kind.STOP_LEFT, -1, 0, 0, 0);
    }

    public static Obs ptraceReturn(PtraceOp op, int ret, int requestPlusOne) {
        return new Obs(Kind.PTRACE_RETURN, -1, op.ordinal(), ret, requestPlusOne);
    }

    /** task->utrace was read as NULL. */
    public static final int STRUCT_NULL = 0;
    /** task->utrace was set, but the struct's initialisation was not visible. */
    public static final int STRUCT_UNINIT = 1;

    /** A CPU used the struct utrace at task->utrace, which was {@link #STRUCT_NULL} or {@link #STRUCT_UNINIT}. */
    public static Obs utraceStructInvalid(int why) {
        return new Obs(Kind.UTRACE_STRUCT_INVALID, -1, why, 0, 0);
    }

    public static Obs dequeue(int signr, int jobctl) {
        return new Obs(Kind.DEQUEUE, -1, signr, 0, jobctl);
    }

    /** Every kind's bit ({@link #kindsOf}): what an invariant that does not say which kinds it reads observes. */
    public static final int ALL_KINDS = (1 << Kind.values().length) - 1;

    /** The bit mask of the given kinds (bit = ordinal). */
    public static int kinds(Kind... ks) {
        int m = 0;
        for (Kind k : ks) m |= 1 << k.ordinal();
        return m;
    }

    /** The kinds among {@code obs}, as a bit mask (indexed: no iterator per transition). */
    public static int kindsOf(List<Obs> obs) {
        int m = 0;
        for (int i = 0; i < obs.size(); i++) m |= 1 << obs.get(i).kind.ordinal();
        return m;
    }

    public boolean liveCallback() { return kind == Kind.CALLBACK && (aux & 1) == 1; }

    public boolean isReturnOf(OwnerOp.Kind op) { return kind == Kind.API_RETURN && code == op.ordinal(); }

    /** A return of {@code op}, by an owner or by a callback on its own engine. */
    public boolean isAnyReturnOf(OwnerOp.Kind op) {
        return (kind == Kind.API_RETURN || kind == Kind.SELF_CALL_RETURN) && code == op.ordinal();
    }
}

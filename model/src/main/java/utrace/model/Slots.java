package utrace.model;

/**
 * Where each variable lives in a state's {@code int[]}. The fixed part is the
 * task, its locks and {@code struct utrace}; then one block per engine; then
 * one block per actor (program counter and locals). History ("ghost")
 * variables that invariants read are kept in their own slots, separate from
 * the kernel variables the code under test reads.
 */
public final class Slots {
    private Slots() {}

    // struct task_struct
    public static final int TASK_STATE = 0;
    public static final int EXIT_STATE = 1;
    /** task->pending: the signals sent to this thread (tkill, raise, PTRACE_ATTACH's SIGSTOP, SIGKILL's complete_signal). */
    public static final int SIGPENDING = 2;
    public static final int TIF = 3;
    public static final int UTRACE_FLAGS = 4;
    /** task->utrace != NULL (lazily allocated by the first attach, patch 02). */
    public static final int UTRACE_ALLOCATED = 5;
    /** signal->flags: SIGNAL_STOP_STOPPED and SIGNAL_GROUP_EXIT matter here. */
    public static final int SIGNAL_FLAGS = 6;
    // locks: 0 = free, else holder's actor index + 1
    public static final int LOCK_UTRACE = 7;
    public static final int LOCK_SIGLOCK = 8;
    public static final int LOCK_TASKLIST = 9;
    public static final int LOCK_TASK = 10;
    // struct utrace
    public static final int ATTACHED = 11;
    public static final int ATTACHING = 12;
    /** utrace->reporting: engine index + 1, 0 = NULL. */
    public static final int REPORTING = 13;
    public static final int RESUME = 14;
    /** death, reap, pending_attach, vfork_stop, signal_handler bits. */
    public static final int UBITS = 15;
    // history
    public static final int G_TASK = 16;
    public static final int G_ATTACH_COUNT = 17;
    /** attach sequence number + 1 of the last engine called in the current report pass. */
    public static final int G_PASS_LAST = 18;
    /** number of times the tracee scheduled out voluntarily (nvcsw, 8 bits: TraceeStop.countSwitch), for wait_task_inactive. */
    public static final int NCSW = 19;
    /** task->ptrace: PT_PTRACED, PT_SYSCALL_TRACE (patch 22), PT_SINGLE_STEP/BLOCK (patch 26). */
    public static final int PTRACE = 20;
    /**
     * task->exit_code, as the kernel encodes it: the signal number of a ptrace
     * stop (0 once the tracer's wait() collected it; the signal ptrace_resume or
     * ptrace_detach passed), or do_exit()'s status ((code &lt;&lt; 8) for exit(code),
     * the signal number for a fatal signal).
     */
    public static final int EXIT_CODE = 21;
    /**
     * History of what ptrace asked for and whether it holds the tracee (G_PT_* bits), and of what the tracee owes in
     * signal delivery (G_STEP_TRAP, G_HANDLER_ASKED, G_SIG_VERDICT): G_TASK's sixteen bits are all taken.
     */
    public static final int G_PTRACE = 22;
    /**
     * 1 while the struct utrace that task->utrace points to (or will point to)
     * is not known initialised: utrace_task_alloc's spin_lock_init,
     * INIT_LIST_HEAD and resume = UTRACE_RESUME have not reached memory
     * (barrier pair B4). Only the weak memory model sets it: there it starts at
     * 1 when no engine is preattached (utrace_task_alloc of patch 01 allocates at the first attach).
     * Under sc the init and the publication of task->utrace are one atomic
     * step, so nobody can see one without the other and the slot stays 0
     * (sc states, and the corpus' fingerprints, are as before).
     */
    public static final int UTRACE_UNINIT = 23;
    /**
     * task->jobctl: the JOBCTL_* bits below. utrace_get_signal() reads them
     * from patch 09 on (JOBCTL_STOP_PENDING; JOBCTL_PENDING_MASK from 20).
     */
    public static final int JOBCTL = 24;
    /** signal->shared_pending: the signals sent to the thread group (kill()). */
    public static final int SHARED_PENDING = 25;
    /** History for the wait invariants (GW_* bits): which stop or exit some waiter is owed a report of. */
    public static final int G_WAIT = 26;
    /** History: the {@link WaitResult} the owed stop or exit carries (what a wait must report). */
    public static final int G_WAIT_STATUS = 27;
    /**
     * History: signals owed delivery (signal-delivered): passed by the tracer in a stop that honours
     * the data argument (signal-delivery or syscall stop), or sent to a ptraced task. Cleared when the
     * tracee takes the signal (dequeue_signal, or ptrace_signal's signr), when prepare_signal flushes it,
     * and at do_exit.
     */
    public static final int G_SIG_OWED = 28;
    /** task->real_parent: 0 the scenario's parent, {@link #PARENT_INIT} after the tracer that was the parent exited. */
    public static final int REAL_PARENT = 29;
    public static final int GLOBALS = 30;

    // per engine, at engineBase(e) + ...
    public static final int E_OPS = 0;
    public static final int E_FLAGS = 1;
    public static final int E_REF = 2;
    public static final int E_GHOST = 3;
    /**
     * events of the owner's last utrace_set_events() that returned 0 (valid while EG_MASK_VALID), or that
     * returned -EINPROGRESS, marked with {@link #E_MASK_AFTER_BARRIER}.
     */
    public static final int E_MASK = 4;
    /**
     * In E_MASK (which never holds ENGINE_STOP, bit 14): the mask came from a utrace_set_events() that returned
     * -EINPROGRESS. Without EG_MASK_VALID it is promised once utrace_barrier() returns 0 ("utrace_barrier()
     * waits until there is no chance an unwanted callback can be in progress"); with EG_MASK_VALID that
     * happened. Kept in E_MASK's slot so the slot stays within 15 bits (StateArena's fast path).
     */
    public static final int E_MASK_AFTER_BARRIER = 1 << 14;
    /** attach order: 0 is the first engine attached. */
    public static final int E_SEQ = 5;
    public static final int ENGINE_SLOTS = 6;

    public static int engine(int e, int field) {
        return GLOBALS + e * ENGINE_SLOTS + field;
    }

    // UBITS
    public static final int U_DEATH = 1;
    public static final int U_REAP = 2;
    public static final int U_PENDING_ATTACH = 4;
    public static final int U_VFORK_STOP = 8;
    public static final int U_SIGNAL_HANDLER = 16;

    public static final int SIGNAL_STOP_STOPPED = 1;
    /** complete_signal() of SIGKILL or of a fatal signal nobody traces: the group is exiting (signal_group_exit()); never cleared. */
    public static final int SIGNAL_GROUP_EXIT = 2;
    /**
     * signal->group_exit_code, kept beside the flags: the number of the fatal signal whose group exit this is,
     * 0 for SIGKILL's (the common case, so SIGKILL's states read as before patch 04's fast path was modelled).
     */
    public static final int SIGNAL_GROUP_EXIT_SIG_SHIFT = 2;
    public static final int SIGNAL_GROUP_EXIT_SIG = 31 << SIGNAL_GROUP_EXIT_SIG_SHIFT;

    // task->jobctl bits (include/linux/sched.h of 3.1; the model's own values).
    // JOBCTL_STOP_SIGMASK is not kept: SIGSTOP is the model's only stop signal.
    // JOBCTL_STOP_CONSUME is not kept either: in the model's single-threaded
    // group do_signal_stop() sets it and task_participate_group_stop()
    // consumes it under the same siglock hold.
    /** dequeue_signal() took a stop signal; SIGCONT and SIGKILL clear it so do_signal_stop() gives up. */
    public static final int JOBCTL_STOP_DEQUEUED = 1;
    /** this task must join the group stop (do_signal_stop, or __ptrace_unlink of a stopped group). */
    public static final int JOBCTL_STOP_PENDING = 2;
    /** a ptrace trap into TASK_TRACED is due: PTRACE_ATTACH of a stopped task, or a ptraced do_signal_stop. */
    public static final int JOBCTL_TRAP_STOP = 4;
    /** set only by ptrace_trap_notify() for PT_SEIZED tracees; the model has no PTRACE_SEIZE, so it stays 0. */
    public static final int JOBCTL_TRAP_NOTIFY = 8;
    public static final int JOBCTL_TRAP_MASK = JOBCTL_TRAP_STOP | JOBCTL_TRAP_NOTIFY;
    /** PTRACE_ATTACH of a stopped task waits (wait_on_bit) until the tracee has moved into its trap. */
    public static final int JOBCTL_TRAPPING = 16;
    /** what recalc_sigpending() and get_signal_to_deliver() act on before any signal (patch 20). */
    public static final int JOBCTL_PENDING_MASK = JOBCTL_STOP_PENDING | JOBCTL_TRAP_MASK;

    // task->ptrace bits
    public static final int PT_PTRACED = 1;
    public static final int PT_SYSCALL_TRACE = 2;
    public static final int PT_SINGLE_STEP = 4;
    public static final int PT_SINGLE_BLOCK = 8;

    // G_PTRACE history bits: what the tracer's last request asked for
    public static final int G_PT_ASKED_SYSCALL = 1;
    public static final int G_PT_ASKED_SYSEMU = 2;
    public static final int G_PT_ASKED_STEP = 4;
    /** the tracee sleeps in (or is entering) a ptrace stop that the tracer has not resumed */
    public static final int G_PT_HOLDS = 8;
    /** utrace's last finish_resume_report (or callback) enabled stepping for an engine */
    public static final int G_UTRACE_STEP = 16;
    /**
     * The SIGTRAP pending (or dequeued and not yet reported, delivered or dropped) is the single-step trap
     * tracehook_report_syscall_exit() forced (force_sig_info): ptrace_signal's stop for it is a step trap
     * (ptrace-step-kept). A SIGTRAP raised, kill()ed or sent by ptrace_report_syscall's send_sig is not.
     */
    public static final int G_STEP_TRAP = 32;
    /**
     * The tracer has passed exit_ptrace() (its 'exit'): nobody will end a ptrace stop now, and, as in 3.1,
     * __ptrace_unlink() left TIF_SINGLESTEP and TIF_SYSCALL_EMU alone (only PTRACE_DETACH's ptrace_disable()
     * clears them; an exiting tracer cannot touch a running tracee's registers).
     */
    public static final int G_PT_TRACER_EXITED = 64;
    /**
     * History (handler-report-made): a report pass delivering a signal to its handler ended in an action other than
     * UTRACE_RESUME (an engine wanted to stop or step), so the handler's setup is owed a report_signal with
     * UTRACE_SIGNAL_HANDLER before the tracee is back in user mode: utrace_get_signal, "If an engine wanted to stop
     * or step, then make sure we do another report after signal handler setup"; utrace.h, the HANDLER report "is
     * also implicitly requested by %UTRACE_SINGLESTEP or %UTRACE_BLOCKSTEP into the signal delivery". Set where the
     * pass's action is read (apart from the kernel's own test), cleared where the report pass that takes the setup
     * begins, where get_signal_to_deliver() begins again with no setup made (the signal went elsewhere), at the
     * return to user mode and when utrace_reset() leaves no engine. In G_PTRACE, whose history bits concern steps
     * too, because G_TASK's sixteen bits are all taken (SlotRangeTest).
     */
    public static final int G_HANDLER_ASKED = 128;
    /**
     * History (signal-action-honoured): a signal utrace_get_signal dequeued for a report_signal pass awaits the
     * action its engines leave it: set where the pass begins, cleared where an engine answers UTRACE_SIGNAL_IGN (its
     * choice), where get_signal_to_deliver acts on it (a handler, the default action, the representative's, or
     * ptrace_signal's report), and where it is dropped because its own default is to ignore it (SIGCONT). Only one
     * signal is in a pass at a time, so one bit; the signal is the pass's.
     */
    public static final int G_SIG_VERDICT = 256;
    /**
     * History (handler-report-made): a signal handler was set up that is owed its UTRACE_SIGNAL_HANDLER report:
     * the delivery asked for it (G_HANDLER_ASKED), or the tracee was single-stepping, ptrace's step too
     * (utrace_signal_handler: "If we're already stepping, make sure we do a report_signal"). Set at the setup (apart
     * from utrace_signal_handler's body, which a bug may get wrong), cleared where utrace_get_signal's report pass
     * that takes the setup begins, at the return to user mode (judged there) and when utrace_reset() leaves no
     * engine. Unlike G_HANDLER_ASKED it outlives a report before dequeuing that calls no engine.
     */
    public static final int G_HANDLER_OWED = 512;

    // G_TASK history bits
    public static final int G_KILLED = 1;
    public static final int G_DEATH_WILL_REPORT = 2;
    public static final int G_DEATH_BEGAN = 4;
    public static final int G_DEATH_DONE = 8;
    public static final int G_REAP_BEGAN = 16;
    public static final int G_TORN_DOWN = 32;
    public static final int G_PASS_ACTIVE = 64;
    public static final int G_PASS_REVERSE = 128;
    /**
     * a SIGCONT was sent after the last stop request, and no SIGKILL since: that stop is cancelled (sigcont-ends-stop).
     * A stop request is a SIGSTOP sent (killer, PTRACE_ATTACH, send_sig) or a ptrace_signal stop for another signal,
     * from which the tracer may pass SIGSTOP (it sets JOBCTL_STOP_DEQUEUED, which a later SIGCONT clears).
     */
    public static final int G_CONT_AFTER_STOP = 256;
    /**
     * Some engine's owner is between a utrace_prepare_examine() that succeeded and its
     * utrace_finish_examine(): the tracee's steps are then noted (EG_RAN_SINCE_EXAMINE). The OR of
     * the engines' EG_EXAMINING, kept so that the tracee's step, the model's hottest, tests one slot.
     */
    public static final int G_EXAMINING = 512;
    /**
     * Since the current syscall-entry report pass began, a callback of it returned UTRACE_REPORT or
     * UTRACE_INTERRUPT, or an owner's utrace_control(REPORT or INTERRUPT) returned 0. utrace.h, @report_syscall_entry:
     * after a UTRACE_STOP there, "another @report_syscall_entry callback will follow after @current resumes if
     * %UTRACE_REPORT or %UTRACE_INTERRUPT was returned by some callback or passed to utrace_control()"
     * (callback-promised). Cleared when a syscall-entry pass begins, and when utrace_reset() leaves no engine.
     */
    public static final int G_RESUMED_ASKED = 1024;
    /**
     * The last choice before the tracee's return to user mode was a step (engine-step-kept): a pass that called a
     * live engine chose UTRACE_SINGLESTEP or BLOCKSTEP (its strongest non-STOP return), or an owner's
     * utrace_control(SINGLESTEP or BLOCKSTEP) returned 0, with no REPORT or INTERRUPT pending. utrace.h: "If there
     * are more callbacks made to any engine before returning to user mode, then the resume action is chosen only by
     * the last set of callbacks". Cleared where a pass begins (every pass chooses again), where a pending REPORT or
     * INTERRUPT is taken or asked for, at the return to user mode, and when utrace_reset() leaves no engine.
     */
    public static final int G_STEP_OWED = 2048;
    /**
     * A SIGKILL was sent and the tracee has not dequeued it since (exit-stop-holds: a new SIGKILL ends report_exit's
     * hold). Set and cleared with SIGKILL's bit in task->pending on the full series, so it adds no state; it is
     * history so that the invariant does not take the kernel's own pending set, which a broken dequeue gets wrong.
     */
    public static final int G_SIGKILL_UNTAKEN = 4096;
    /**
     * A signal handler was set up while an engine was attached (tracehook_signal_handler() called
     * utrace_signal_handler()) and no report has taken the setup yet (signal-report-action): cleared where
     * utrace_get_signal's report before dequeuing takes it, where utrace_resume() drops it ("there was a signal
     * handler setup done but no report_signal following it"), at the return to user mode, and when utrace_reset()
     * leaves no engine (an engine attached later never returned the UTRACE_SIGNAL_DELIVER that set the handler up).
     * It shadows utrace->signal_handler, so that the invariant does not take the flag a broken utrace gets wrong.
     */
    public static final int G_HANDLER_SET_UP = 8192;
    /**
     * The report_signal pass under way took a handler setup (G_HANDLER_SET_UP): its callbacks are the report right
     * after the setup, UTRACE_SIGNAL_HANDLER (utrace.h: it "serves in lieu of any %UTRACE_SIGNAL_REPORT callback").
     * Bit 14: G_TASK stays within the 16 bits StateArena stores without its escape path (SlotRangeTest).
     */
    public static final int G_HANDLER_PASS = 16384;
    public static final int G_HANDLER_ALL = G_HANDLER_SET_UP | G_HANDLER_PASS;

    // G_WAIT history bits
    /** the tracee is in (or entering) a ptrace stop with a nonzero exit_code its tracer has not collected */
    public static final int GW_STOP_UNREPORTED = 1;
    /** the tracee died while ptraced: its tracer is owed the exit report */
    public static final int GW_EXIT_TRACER = 2;
    /** the tracee died (and is not ptraced, or the tracer handed it back): its waiting real parent is owed the exit */
    public static final int GW_EXIT_PARENT = 4;
    /** PTRACE_ATTACH found the task in a group stop: the tracer is owed the group-stop trap (JOBCTL_TRAP_STOP) */
    public static final int GW_TRAP_OWED = 8;
    /** the current ptrace stop is a signal-delivery stop (ptrace_signal): PTRACE_CONT's signal is delivered */
    public static final int GW_STOP_SIGNAL = 16;
    /** the current ptrace stop is a syscall stop (ptrace_report_syscall): PTRACE_CONT's signal is sent with send_sig */
    public static final int GW_STOP_SYSCALL = 32;

    // REAL_PARENT values
    public static final int PARENT_INIT = 1;

    // E_GHOST history bits
    public static final int EG_DETACH_RETURNED_ZERO = 1;
    public static final int EG_IN_CALLBACK = 2;
    public static final int EG_DEATH_CALLED = 4;
    public static final int EG_DEATH_RETURNED = 8;
    public static final int EG_DEATH_DETACHED = 16;
    public static final int EG_REAP_CALLED = 32;
    public static final int EG_HELD_STOPPED = 64;
    /** E_MASK holds a 0-returning utrace_set_events() from the owner, not undone by a later call. */
    public static final int EG_MASK_VALID = 128;
    public static final int EG_ATTACHED_IN_PASS = 256;
    public static final int EG_OWNER_REF = 512;
    public static final int EG_WANTED_DEATH = 1024;
    public static final int EG_FREED = 2048;
    /**
     * utrace_control(STOP) returned -EINPROGRESS to this engine's owner while the engine had
     * UTRACE_EVENT(QUIESCE), and no callback has been made to it since: utrace.h promises "A
     * @report_quiesce or @report_signal callback will be made soon" (stop-einprogress-means-callback,
     * docs/findings.md finding 8). The owner's next utrace_control() call and a detach end the promise.
     */
    public static final int EG_STOP_OWED = 4096;
    /**
     * This engine's report_exit returned UTRACE_STOP (set when finish_callback_report applies it), and
     * since then its owner's utrace_control() has not let go (any action but STOP, unless -EINVAL) nor has
     * it detached: utrace.h, @report_exit, "Returning UTRACE_STOP here keeps @current stopped
     * before it cleans up its state and dies" (exit-stop-holds).
     */
    public static final int EG_EXIT_STOP = 8192;
    /**
     * This engine's owner is between a utrace_prepare_examine() that succeeded and its utrace_finish_examine().
     * Bit 17, above the 16-bit range StateArena copies fast (as ran-since-examine and callback-owed are): only
     * scenarios that examine set it, and EG_STOP_ASKED, which every callback's UTRACE_STOP sets, has bit 14.
     */
    public static final int EG_EXAMINING = 131072;
    /**
     * The tracee took a step (it was scheduled) since this engine's utrace_prepare_examine(): then
     * utrace_finish_examine() must not return 0 (PATCHES.md guarantee 10, examine-means-unscheduled). A
     * ghost, so that the invariant does not rest on the model's switch count, which is what it checks.
     */
    public static final int EG_RAN_SINCE_EXAMINE = 32768;
    /**
     * A callback to this engine was promised while the tracee sat in a utrace stop, and none has been made
     * since: utrace_set_events() returned 0 to the owner with QUIESCE newly set ("if %UTRACE_EVENT(%QUIESCE)
     * is included in @events, then a @report_quiesce callback will be made when @target resumes"), or
     * utrace_control(REPORT or INTERRUPT) returned 0 ("If @target had been stopped, then there will be a
     * callback before it resumes running normally"). A report_quiesce or report_signal to the engine ends
     * it, and so does a utrace_set_events() that drops QUIESCE (callback-promised).
     */
    public static final int EG_CALLBACK_OWED = 65536;
    /**
     * As EG_CALLBACK_OWED, for utrace_control(INTERRUPT) to an engine whose ops have report_signal: what it is owed
     * is a report_signal ("ensures that @target will make a @report_signal callback before it resumes or delivers
     * signals"), and a report_quiesce does not end it (callback-promised). Bit 20: only scenarios that interrupt a
     * stopped tracee set it.
     */
    public static final int EG_SIGNAL_OWED = 1 << 20;
    /**
     * This engine's callback returned UTRACE_STOP (set when finish_callback_report applies it) and the engine
     * still asks for the stop: live, with ENGINE_STOP (cleared with them, as EG_HELD_STOPPED is). utrace.h:
     * "Only %UTRACE_STOP is "sticky"--if @engine returned %UTRACE_STOP then @current stays stopped unless
     * @engine tells it otherwise" (stop-is-sticky: no return to user mode before then, unless killed).
     */
    public static final int EG_STOP_ASKED = 16384;
    /**
     * This engine's last word let the tracee go (utrace_control() with an action other than STOP or DETACH, or a
     * callback that returned other than UTRACE_STOP: "reversing the effect of a previous %UTRACE_STOP"), yet its
     * ENGINE_STOP is still set. Never set on the full series, which clears ENGINE_STOP in the same step
     * (clear_engine_wants_stop); kept only while ENGINE_STOP stays (the stop ghosts' upkeep), so it adds no state.
     * no-lost-wakeup: a tracee asleep for good in utrace_stop held by no engine whose last word was STOP is a hang.
     * Bit 18.
     */
    public static final int EG_LET_GO = 262144;
    /**
     * E_MASK (with EG_MASK_VALID) came from the engine's own callback: a utrace_set_events() on itself (target ==
     * current) that returned 0, whose promise set-events-errors holds as it holds the owner's. Only scenarios whose
     * callbacks call utrace_set_events set it. Bit 19.
     */
    public static final int EG_MASK_BY_CALLBACK = 524288;
    /**
     * engine-step-kept: this engine is one the step owed (G_STEP_OWED) is owed to: its callback returned
     * UTRACE_SINGLESTEP or BLOCKSTEP in the pass that chose the step, or its utrace_control(SINGLESTEP or BLOCKSTEP)
     * asked for it. Outside a pass set only while G_STEP_OWED is (a pass marks its engines as they answer, and its
     * end keeps the marks only if it chooses the step), cleared with it; a detach clears the engine's, and the debt
     * ends when no engine it is owed to is left (a detached engine is owed nothing: fuzz seed 36's false alarm,
     * twenty-seventh round). Bit 21 (bit 20 is EG_SIGNAL_OWED).
     */
    public static final int EG_STEP_CHOSE = 1 << 21;
}

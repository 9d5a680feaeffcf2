package utrace.model;

import java.util.Locale;

/**
 * Small, named deviations from the seed. Each one re-opens a race the
 * series closes, and some invariant must catch it: they are the checker's
 * self-test. {@code breaks} names that invariant and {@code scenario} a
 * shipped scenario on which the checker finds it.
 */
public enum Mutation {
    REAP_NOT_DEFERRED("utrace_maybe_reap",
        "release_task reaps at once even while DEATH/QUIESCE are still set (the death report is pending or running)",
        "reap-after-death", "reap-races-death"),
    REAP_SKIPS_REPORT("utrace_maybe_reap",
        "the teardown loop clears engine->flags before it tests UTRACE_EVENT(REAP), so no engine gets its report_reap",
        "reap-after-death", "reap-races-death"),
    REAP_DURING_DEATH_REPORT("utrace_maybe_reap",
        "release_task reaps while utrace->death is set: report_reap can overtake a running report_death",
        "nothing-after-reap", "reap-races-death"),
    GET_SIGNAL_INTERCEPTS_SIGKILL("utrace_get_signal",
        "utrace_get_signal shows SIGKILL to engines like any signal, so report_signal can swallow it",
        "sigkill-wins", "signal-engine-vs-kill"),
    UTRACE_STOP_IGNORES_FATAL_SIGNAL("utrace_stop",
        "utrace_stop does not check __fatal_signal_pending() under siglock before sleeping in TASK_TRACED",
        "sigkill-wins", "stop-then-kill"),
    UTRACE_STOP_GIVES_UP_ON_GROUP_EXIT("utrace_stop",
        "utrace_stop also treats SIGNAL_GROUP_EXIT as fatal, so a thread dying of a SIGKILL it already dequeued does not "
            + "stop for report_exit's UTRACE_STOP",
        "exit-stop-holds", "sigkill-held-at-exit"),
    UTRACE_STOP_GIVES_UP_ON_ANY_SIGNAL("utrace_stop",
        "utrace_stop tests signal_pending() instead of __fatal_signal_pending(): any pending signal, not only SIGKILL, "
            + "makes it return without sleeping, so an engine's UTRACE_STOP does not hold a tracee with a signal queued",
        "stop-is-sticky", "stop-while-signal-pending"),
    UTRACE_STOP_FORGETS_RESUME_ACTION("utrace_stop",
        "utrace_stop does not record the pass's resume action (\"Ensure a reporting pass when we're resumed\": "
            + "utrace->resume = action and TIF_NOTIFY_RESUME), so the step another engine chose in the pass that "
            + "stopped is lost when the stop ends",
        "engine-step-kept", "stop-and-step-in-one-pass"),
    FINISH_REPORT_SKIPS_NOTIFY("finish_report",
        "finish_report writes utrace->resume but sets neither TIF_NOTIFY_RESUME nor TIF_SIGPENDING, so nothing brings "
            + "the tracee back to act on the step or report its callbacks chose",
        "report-not-lost", "syscall-exit-asks-for-step"),
    RESUME_REPORT_SKIPS_STEP("finish_resume_report",
        "finish_resume_report does not act on UTRACE_SINGLESTEP or BLOCKSTEP (no user_enable_single_step()): the "
            + "tracee goes back to user mode without the step its last callbacks (or utrace_control) chose",
        "engine-step-kept", "syscall-exit-asks-for-step"),
    SIGKILL_IGNORES_PF_EXITING("complete_signal",
        "complete_signal starts a group exit (group_exit_code SIGKILL) for a task already past exit_signals(), so "
            + "a task that called exit(0) and is killed as a zombie is reported 'killed SIGKILL'",
        "wait-report-correct", "bench-small"),
    RESET_IGNORES_OTHER_STOPPERS("utrace_reset",
        "utrace_reset leaves ENGINE_STOP out of the recomputed flags, so one engine's resume wakes a task another engine holds",
        "stop-is-sticky", "two-engines-stop-resume"),
    RESUME_STOPS_WITHOUT_QUIESCE("utrace_resume",
        "utrace_resume goes straight into utrace_stop for ENGINE_STOP and skips the report_quiesce pass that "
            + "utrace_control(STOP)'s -EINPROGRESS promised",
        "stop-einprogress-means-callback", "stop-then-resume"),
    CONTROL_STOP_IGNORES_DO_STOP("utrace_control",
        "utrace_control(STOP) ignores utrace_do_stop()'s answer and returns 0 for a running task",
        "stop-zero-means-stopped", "two-engines-stop-resume"),
    DETACH_IGNORES_REPORTING("utrace_control",
        "utrace_control(DETACH) does not look at utrace->reporting, so it returns 0 while a callback is running",
        "detach-is-final", "detach-during-callback"),
    FINISH_CALLBACK_CLEARS_REPORTING_EARLY("finish_callback",
        "finish_callback clears utrace->reporting before applying the callback's return value",
        "barrier-means-quiet", "barrier-races-callback"),
    BARRIER_ESRCH_WHILE_DETACHING("get_utrace_lock",
        "get_utrace_lock answers utrace_barrier -ESRCH, as it answers the other calls, for an engine marked detached "
            + "but still on the list, so utrace_barrier stops waiting while the target may be in an old callback to it "
            + "(\"In the latter case, utrace_barrier() still works, since the target might be in the middle of an old "
            + "callback\")",
        "barrier-means-quiet", "detach-during-callback"),
    FINISH_EXAMINE_SKIPS_RECHECK("utrace_finish_examine",
        "utrace_finish_examine returns 0 whenever the engine still wants the stop, without comparing the task's state "
            + "and wait_task_inactive()'s switch count with what utrace_prepare_examine saw, so a SIGKILL wake-up in "
            + "between goes unnoticed",
        "examine-means-unscheduled", "examine-vs-sigkill"),
    SET_EVENTS_IGNORES_EXIT_STATE("utrace_set_events",
        "utrace_set_events does not test exit_state (under tasklist_lock) when it newly sets DEATH or QUIESCE, so it "
            + "returns 0 for a task already past exit_notify, whose death report was decided without the new flags",
        "set-events-errors", "set-events-races-exit"),
    SET_EVENTS_IGNORES_REPORTING("utrace_set_events",
        "utrace_set_events does not look at utrace->reporting after its smp_mb() when it clears events of a running "
            + "task, so it returns 0 while the target is in a callback to the engine whose flags it read before: a "
            + "callback the caller has just disabled is made after the 0",
        "set-events-errors", "barrier-races-callback"),
    SET_EVENTS_EINPROGRESS_KEEPS_OLD_FLAGS("utrace_set_events",
        "utrace_set_events backs out when it sees a callback to the engine in progress: it returns -EINPROGRESS with "
            + "the engine's old flags put back, so the owner's utrace_barrier(), which 'waits until there is no chance "
            + "an unwanted callback can be in progress', is followed by callbacks the call disabled",
        "set-events-errors", "set-events-then-barrier"),
    SET_EVENTS_EINPROGRESS_ON_ADD("utrace_set_events",
        "utrace_set_events looks at utrace->reporting even when @events only adds bits, so it returns -EINPROGRESS "
            + "during a callback to the engine where the comment says \"If @events only sets new bits that were not set "
            + "before on @engine, then -%EINPROGRESS will never be returned\"",
        "set-events-errors", "set-events-adds-during-callback"),
    GET_UTRACE_LOCK_MISSES_DETACHED_OPS("get_utrace_lock",
        "get_utrace_lock tests only for a fully detached engine (ops NULL), not for one marked detached "
            + "(&utrace_detached_ops, still on the list): utrace_set_events and utrace_control on it go through",
        "set-events-errors", "detach-then-set-events"),
    SET_EVENTS_IGNORES_DEATH("utrace_set_events",
        "utrace_set_events does not check utrace->death, so clearing DEATH during report_death returns 0",
        "set-events-errors", "set-events-races-death"),
    CONTROL_IGNORES_EXIT_STATE("utrace_control",
        "utrace_control does not test exit_state (utrace_control_dead): on a dead task STOP returns -EINPROGRESS, a "
            + "stop that can never come, and RESUME or REPORT return 0, where the comment says \"If @target is already "
            + "dead (@target->exit_state nonzero), all actions except %UTRACE_DETACH fail with -%ESRCH\"",
        "control-errors", "control-races-exit"),
    CONTROL_REPORT_SKIPS_RESUME("utrace_control",
        "utrace_control(REPORT, SINGLESTEP or BLOCKSTEP) clears the engine's stop but neither lowers utrace->resume "
            + "nor sets TIF_NOTIFY_RESUME, so a stopped tracee it wakes resumes without the report pass UTRACE_REPORT "
            + "promises (\"there will be a callback before it resumes running normally\")",
        "callback-promised", "report-while-stopped"),
    CONTROL_INTERRUPT_SKIPS_RESUME("utrace_control",
        "utrace_control(INTERRUPT) clears the engine's stop but neither sets utrace->resume to UTRACE_INTERRUPT nor "
            + "TIF_SIGPENDING, so a stopped tracee it wakes returns to user mode without the report_signal it promises "
            + "(\"there will be a @report_signal callback before it resumes\")",
        "callback-promised", "interrupt-while-stopped"),
    SYSCALL_ENTRY_REPORTS_FORWARD("utrace_report_syscall_entry",
        "the syscall-entry pass walks ->attached in attach order (REPORT_CALLBACKS without _reverse), so the engine "
            + "attached last no longer sees the system call first",
        "attach-ordering", "two-engines-syscall-entry"),
    SYSCALL_ENTRY_SKIPS_RESUMED_REPORT("do_report_syscall_entry",
        "after the stop, the branch for utrace->resume <= UTRACE_REPORT falls through to 'return 0' (as the seed's mail "
            + "reads: its 'return UTRACE_SYSCALL_RESUMED;' was lost), so the system call runs without the repeat report",
        "callback-promised", "report-while-stopped"),
    CONTROL_RESUME_KEEPS_STOP("utrace_control",
        "utrace_control(UTRACE_RESUME) returns 0 but does not clear_engine_wants_stop(): ENGINE_STOP stays, "
            + "utrace_reset() sees an engine that still wants the stop and does not wake the tracee (\"Just let @target "
            + "continue running normally, reversing the effect of a previous %UTRACE_STOP\")",
        "no-lost-wakeup", "stop-then-resume"),
    CONTROL_STEP_KEEPS_STOP("utrace_control",
        "utrace_control(SINGLESTEP, BLOCKSTEP or REPORT) returns 0 but does not clear_engine_wants_stop(): ENGINE_STOP "
            + "stays, utrace_reset() sees an engine that still wants the stop and does not wake the tracee (\"like "
            + "%UTRACE_RESUME\", which reverses \"the effect of a previous %UTRACE_STOP\")",
        "no-lost-wakeup", "stop-then-step"),
    RESET_SKIPS_SPLICE("utrace_reset",
        "utrace_reset() does not splice_attaching() first: it recomputes utrace_flags from ->attached alone, so the "
            + "events an engine still on ->attaching has asked for are dropped and its hooks pass unreported",
        "events-reported", "reset-while-attaching"),
    START_CALLBACK_SKIPS_REREAD("start_callback",
        "start_callback() does not re-read engine->flags after report_quiesce (\"Now we set it again ... before "
            + "re-examining engine->flags, which could have been changed synchronously by ->report_quiesce\"): it "
            + "calls the event's callback on the flags it read before, although the engine's report_quiesce has just "
            + "disabled that event with utrace_set_events()",
        "set-events-errors", "quiesce-drops-own-event"),
    FINISH_CALLBACK_IGNORES_DETACHED_OPS("finish_callback_report",
        "finish_callback_report() no longer treats an engine whose ops utrace_control() set to utrace_detached_ops "
            + "during its callback like UTRACE_DETACH (\"If utrace_control() was used, treat that like UTRACE_DETACH "
            + "here\"): the callback's return value is applied to the detached engine, and report->detaches is not "
            + "set, so no utrace_reset() takes the engine off the list",
        "deadlock-freedom", "callback-detaches-itself"),
    FINISH_EXAMINE_IGNORES_SWITCH_COUNT("utrace_finish_examine",
        "utrace_finish_examine() compares the task's state with utrace_prepare_examine()'s but not "
            + "wait_task_inactive()'s switch count (\"if (unlikely(ncsw != exam->ncsw)) ret = -EAGAIN\", seed line "
            + "3139), so a tracee that ran and went back to sleep in the same state passes as unscheduled",
        "examine-means-unscheduled", "examine-across-group-stops"),
    SYSEMU_RUNS_SYSCALL_BODY("syscall_trace_enter",
        "syscall_trace_enter() does not return -1 for TIF_SYSCALL_EMU: under PTRACE_SYSEMU the system call the tracer "
            + "emulates runs as well (raise() sends its signal, exit() exits)",
        "wait-report-correct", "sysemu-skips-body"),
    GET_SIGNAL_DROPS_RESUME_ACTION("utrace_get_signal",
        "utrace_get_signal() takes utrace->resume but hands finish_resume_report() a report whose action is still "
            + "UTRACE_RESUME (\"report.action = resume\" is gone, seed line 2810): the UTRACE_SINGLESTEP or BLOCKSTEP "
            + "an engine asked for is dropped (\"We only got here to process utrace->resume\")",
        "engine-step-kept", "signal-step-then-ptrace-cont"),
    DEATH_FLAG_NEVER_CLEARED("utrace_maybe_reap",
        "utrace_maybe_reap() does not clear utrace->death after the report_death pass (\"After we unlock with this "
            + "flag clear, any competing utrace_control/utrace_set_events calls know that we've finished our "
            + "callbacks\", seed line 1889): a detach after report_death returned still gets -EALREADY, as if the "
            + "callback were running",
        "control-errors", "detach-after-death-report"),
    CALLBACK_DETACH_SKIPS_RESET("finish_callback_report",
        "finish_callback_report() marks the engine detached but does not set report->detaches (seed line 2334), so "
            + "finish_report() calls no utrace_reset(): the detached engine stays on ->attached, and its owner's "
            + "utrace_barrier() waits for it for good",
        "deadlock-freedom", "callback-detach-then-barrier"),
    SIGNAL_PASS_LEAVES_REPORTING("utrace_get_signal",
        "utrace_get_signal()'s report_signal loop skips an engine that wants neither the signal's event nor QUIESCE "
            + "without setting utrace->reporting back to NULL (seed line 2901): the engine's owner's utrace_barrier() "
            + "sees a callback in progress that never ends",
        "deadlock-freedom", "signal-pass-skips-engine-then-barrier"),
    REAP_KEEPS_UTRACE_FLAGS("utrace_maybe_reap",
        "the reap's teardown does not clear task->utrace_flags (\"utrace_add_engine() checks ->utrace_flags != 0\", "
            + "seed line 1906): an attach after release_task skips the EXIT_DEAD test and puts an engine on a reaped "
            + "task, where it never gets report_reap",
        "no-engine-leak", "attach-races-reap-teardown"),
    ADD_ENGINE_BACKOFF_KEEPS_FLAGS("utrace_add_engine",
        "utrace_add_engine() backs off from an EXIT_DEAD task with -ESRCH but leaves the UTRACE_EVENT(REAP) it set in "
            + "utrace_flags (\"target->utrace_flags = 0\" is gone, seed line 1351): the next attach sees utrace_flags "
            + "!= 0, skips the test and attaches to the reaped task",
        "no-engine-leak", "two-attaches-race-reap"),
    ADD_ENGINE_BACKOFF_RETURNS_ZERO("utrace_add_engine",
        "utrace_add_engine() backs off from an EXIT_DEAD task (utrace_flags = 0, the engine on no list) but returns 0 "
            + "instead of -ESRCH (\"ret = -ESRCH\" lost, seed line 1341): utrace_attach_task hands the owner an engine "
            + "that will never get a callback (make pit: the survivor no invariant noticed)",
        "attach-errors", "two-attaches-race-reap"),
    SELF_CONTROL_SKIPS_QUIESCE_CHECK("utrace_control",
        "a callback's own utrace_control(REPORT, SINGLESTEP or BLOCKSTEP) on an engine without UTRACE_EVENT(QUIESCE) is "
            + "not refused with -EINVAL: the sanity check is skipped when the tracee calls it on itself, and the step it "
            + "asks for is set up with no follow-up callback to rely on (make pit: a survivor while no invariant read a "
            + "callback's own return)",
        "control-errors", "callback-control-without-quiesce"),
    CALLBACK_DETACH_SKIPS_LOCK("finish_callback_report",
        "finish_callback_report() marks the engine detached for a callback's UTRACE_DETACH without taking "
            + "utrace->lock (\"By holding the lock here, we make sure that utrace_barrier() (really "
            + "get_utrace_lock()) sees the effect of this detach\", seed line 2319): the detach lands inside an "
            + "owner's utrace_control(), between its get_utrace_lock() and its body, which then acts on a detached "
            + "engine",
        "control-errors", "callback-detach-vs-control"),
    SIGKILL_KEEPS_GROUP_STOP("complete_signal",
        "complete_signal()'s group exit for SIGKILL does not end the group stop (\"signal->flags = SIGNAL_GROUP_EXIT\" "
            + "leaves SIGNAL_STOP_STOPPED set): when the tracer lets go, __ptrace_unlink() finds a group stop in effect, "
            + "sets JOBCTL_STOP_PENDING again, and the SIGKILLed child stops in TASK_STOPPED",
        "sigkill-wins", "sigkill-ends-group-stop"),
    FATAL_DEQUEUE_LEAVES_SIGKILL("get_signal_to_deliver",
        "get_signal_to_deliver()'s fatal path (fatal_signal_pending(): dequeue only SIGKILL, then do_group_exit) does "
            + "not take SIGKILL off task->pending: utrace_stop() sees it still pending and lets the dying thread through "
            + "the UTRACE_STOP its engine's report_exit returned",
        "exit-stop-holds", "sigkill-then-exit-stop"),
    KILLED_SCHEDULE_KEEPS_TRACED("ptrace_stop",
        "ptrace_stop()'s schedule() returns at once for a task with SIGKILL pending (signal_pending_state() in "
            + "TASK_TRACED, which has TASK_WAKEKILL) but leaves its state TASK_TRACED instead of TASK_RUNNING: the dying "
            + "tracee looks stopped, and the tracer's wait reports a stop that never happened",
        "wait-reports-once", "kill-before-step-stop"),
    CALLBACK_RESUME_KEEPS_STOP("finish_callback_report",
        "a callback that returns other than UTRACE_STOP does not clear_engine_wants_stop(): an ENGINE_STOP set by an "
            + "earlier UTRACE_STOP survives the engine's own word to go on, and the tracee stops for good at its next "
            + "report (\"if @engine returned %UTRACE_STOP then @current stays stopped unless @engine returns different "
            + "from a following callback\")",
        "no-lost-wakeup", "callback-resume-then-resume"),
    PREPARE_EXAMINE_IGNORES_ENGINE_STOP("utrace_prepare_examine",
        "utrace_prepare_examine() skips its engine_wants_stop() test and returns 0 for a tracee some other stop holds "
            + "(a group stop): the owner examines a thread its engine does not keep stopped (\"Returns ... -%EINVAL if "
            + "%UTRACE_STOP was not used\")",
        "examine-means-unscheduled", "examine-group-stopped"),
    SET_EVENTS_SKIPS_UTRACE_FLAGS("utrace_set_events",
        "utrace_set_events() stores the engine's new flags but does not add them to target->utrace_flags, so the "
            + "hooks, which test only utrace_flags, pass the new events by until some utrace_reset() recomputes it "
            + "(\"This call enables @events callbacks to be made as soon as @engine becomes eligible\")",
        "events-reported", "set-events-adds-during-callback"),
    GET_SIGNAL_SKIPS_REPORT("utrace_get_signal",
        "utrace_get_signal() dequeues a signal an engine asked to see (UTRACE_EVENT(SIGNAL*)) and acts on it without "
            + "the report_signal pass, as if no engine wanted it",
        "events-reported", "signal-engine-vs-kill"),
    CALLBACK_DETACH_KEEPS_OPS("finish_callback_report",
        "a callback's UTRACE_DETACH return is taken as UTRACE_RESUME: engine->ops is not set to utrace_detached_ops, so "
            + "the engine that asked to be detached (\"@UTRACE_DETACH: Detach my engine\") goes on getting callbacks",
        "detach-is-final", "callback-detaches"),
    ADD_ENGINE_SKIPS_PENDING_ATTACH("utrace_add_engine",
        "utrace_add_engine() puts the new engine on ->attaching but does not set utrace->pending_attach, so "
            + "start_report() does not splice it: an engine attached to a running task and given its events misses the "
            + "reports that begin afterwards (\"This call enables @events callbacks to be made as soon as @engine "
            + "becomes eligible for any callbacks\")",
        "events-reported", "attach-during-report"),
    SIGNAL_EVENT_BY_NUMBER("utrace_get_signal",
        "the signal's event is chosen by its number (SIGUSR1: SIGNAL, any other: SIGNAL_TERM), not from its sigaction "
            + "and default action as utrace_get_signal does (\"From the signal number and sigaction, determine what normal "
            + "delivery would do\"): an engine that asks for SIGNAL_CORE does not see SIGQUIT",
        "events-reported", "signal-engine-sees-sigquit"),
    EXIT_SKIPS_SYSCALL_ENTRY("syscall_trace_enter",
        "exit() goes straight to do_group_exit, past syscall_trace_enter: exit_group is a system call, but an engine that "
            + "wants SYSCALL_ENTRY gets no report_syscall_entry for it and PTRACE_SYSCALL no entry stop (strace's "
            + "\"exit_group(42) = ?\"); the model did this until issue 16's fourteenth round",
        "events-reported", "syscall-engine-sees-exit-group"),
    SIGNAL_HANDLER_SKIPS_NOTIFY("utrace_signal_handler",
        "after a handler's setup utrace_signal_handler sets utrace->signal_handler but not TIF_NOTIFY_RESUME: nothing "
            + "brings the tracee through utrace_resume to clear the flag (\"Clear the flag before we get to user so it "
            + "doesn't confuse us later\"), and the next report an engine asks for (UTRACE_REPORT or UTRACE_INTERRUPT) is a "
            + "stale UTRACE_SIGNAL_HANDLER",
        "report-not-lost", "signal-handler-flag-cleared"),
    SIGNAL_REPORT_IGNORES_HANDLER("utrace_get_signal",
        "the report before dequeuing reads no utrace->signal_handler: a report_signal right after a signal handler's "
            + "setup gets UTRACE_SIGNAL_REPORT, never UTRACE_SIGNAL_HANDLER, so an engine that stepped into the handler "
            + "cannot tell its report from one it asked for (utrace.h: \"It's %UTRACE_SIGNAL_HANDLER instead when "
            + "signal handler setup just finished\")",
        "signal-report-action", "engine-steps-into-handler"),
    SIGNAL_REPORT_RESULT_UNSET("utrace_get_signal",
        "the report before dequeuing does not set \"report.result = utrace->signal_handler ? UTRACE_SIGNAL_HANDLER : "
            + "UTRACE_SIGNAL_REPORT\": report.result stays 0, UTRACE_SIGNAL_DELIVER, and a report_signal with no signal "
            + "is told a signal is about to be delivered",
        "signal-report-action", "engine-steps-into-handler"),
    RESET_KEEPS_SIGNAL_HANDLER("utrace_reset",
        "utrace_reset() leaving no engine does not clear utrace->signal_handler: an engine attached before the "
            + "tracee is back in user mode gets a UTRACE_SIGNAL_HANDLER report for a handler set up before it came",
        "signal-report-action", "handler-step-then-new-engine"),
    RESUME_KEEPS_SIGNAL_HANDLER("utrace_resume",
        "utrace_resume() does not clear utrace->signal_handler (\"Clear the flag before we get to user so it doesn't "
            + "confuse us later\"): a report an engine asks for after the handler began to run is a stale "
            + "UTRACE_SIGNAL_HANDLER",
        "signal-report-action", "interrupt-after-handler"),
    HANDLER_DELIVERY_NOT_INTERRUPTED("utrace_get_signal",
        "a signal delivered to its handler keeps the engines' UTRACE_STOP or step instead of turning it into "
            + "UTRACE_INTERRUPT (\"If an engine wanted to stop or step, then make sure we do another report after "
            + "signal handler setup\"): no report_signal follows the setup, utrace_resume() drops "
            + "utrace->signal_handler, and an engine that stepped into the handler never gets the "
            + "UTRACE_SIGNAL_HANDLER report its step asked for",
        "handler-report-made", "engine-steps-into-handler"),
    GET_SIGNAL_DROPS_CORE("utrace_get_signal",
        "utrace_get_signal's switch on the engines' signal action has no case for UTRACE_SIGNAL_CORE, so a "
            + "core-dumping signal (SIGQUIT) the engines left alone gets no representative and is ignored: the task "
            + "goes on as if the signal never came",
        "signal-action-honoured", "signal-engine-sees-sigquit"),
    SIGNAL_RESULT_ALWAYS_DELIVER("utrace_get_signal",
        "the report_signal pass for a dequeued signal starts from UTRACE_SIGNAL_DELIVER whatever the sigaction says: "
            + "an engine is told a SIG_DFL SIGQUIT goes to a handler; get_signal_to_deliver still takes the default "
            + "action, so only what the engine is told is wrong (utrace.h: \"From the signal number and sigaction, "
            + "determine what normal delivery would do\")",
        "signal-action-honoured", "signal-engine-sees-sigquit"),
    CONTROL_LETS_REPORT_WITHOUT_QUIESCE("utrace_control",
        "the sanity check before get_utrace_lock() starts at UTRACE_SINGLESTEP instead of UTRACE_REPORT: "
            + "utrace_control(REPORT) from an engine without QUIESCE returns 0, though no report_quiesce will ever "
            + "follow (utrace.h: \"it returns -%EINVAL if @engine lacks %UTRACE_EVENT(%QUIESCE)\")",
        "control-errors", "control-without-quiesce"),
    GET_SIGNAL_CALLS_QUIESCE("utrace_get_signal",
        "utrace_get_signal's pass calls every engine's report_quiesce, as if none had report_signal (the \"if "
            + "(ops->report_signal)\" test lost): an engine that asked UTRACE_INTERRUPT of a stopped tracee gets a "
            + "report_quiesce, never the report_signal INTERRUPT promises (utrace.h: \"a @report_signal callback "
            + "before it resumes\")",
        "callback-promised", "interrupt-after-handler"),
    SIGNAL_HANDLER_IGNORES_STEPPING("utrace_signal_handler",
        "utrace_signal_handler ignores its stepping argument (\"If we're already stepping, make sure we do a "
            + "report_signal\"): a handler set up while the tracer single-steps into it gets no UTRACE_INTERRUPT, so "
            + "the engines' report_signal with UTRACE_SIGNAL_HANDLER never comes and the handler runs unreported",
        "handler-report-made", "ptrace-steps-into-handler-engine"),
    HANDLER_STEP_SKIPS_TRAP("tracehook_signal_handler",
        "a tracee stepped into a signal handler makes no ptrace_notify(SIGTRAP): the handler runs before the tracer "
            + "sees the step's stop (ptrace-tests step-into-handler; the model did this until issue 16's fourteenth round)",
        "wait-report-correct", "step-into-handler"),
    SET_EVENTS_SKIPS_TIF_SYSCALL_TRACE("utrace_set_events",
        "utrace_set_events does not set TIF_SYSCALL_TRACE when the first engine asks for a system-call event, so a "
            + "running tracee passes its next system calls' hooks unreported (\"This call enables @events callbacks to be "
            + "made as soon as @engine becomes eligible\")",
        "events-reported", "set-events-syscall-running"),
    SET_SYSCALL_TRACE_SKIPS_LOCK("ptrace_set_syscall_trace",
        "ptrace_set_syscall_trace does not take patch 25's task_utrace_lock but keeps its test: PTRACE_CONT (or "
            + "PTRACE_DETACH) reads task_utrace_flags, an owner's utrace_set_events then asks for a system-call event and "
            + "sets TIF_SYSCALL_TRACE, and ptrace clears the flag the engine needs (patch 25's second race)",
        "syscall-trace-consistent", "cont-races-engine-syscall-events"),
    CONTROL_INTERRUPT_SKIPS_WAKEUP("utrace_control",
        "utrace_control(UTRACE_INTERRUPT) on a running target sets utrace->resume but not signal_wake_up(): no "
            + "TIF_SIGPENDING, and the tracee settles in user mode with the report_signal it was promised never made",
        "report-not-lost", "interrupt-running"),
    FINISH_STOP_SKIPS_UNLOCK_WAIT("utrace_finish_stop",
        "utrace_finish_stop does not spin_unlock_wait(&utrace->lock) for a SIGKILLed task (\"make sure we do nothing "
            + "until the tracer drops utrace->lock\"): the dying tracee starts its lock-free report_exit pass while the "
            + "owner's utrace_control(DETACH), which saw it stopped, is taking its engine off ->attached",
        "detach-is-final", "detach-while-sigkill-wakes"),
    SYSCALL_ENTRY_IGNORES_SIGKILL("do_report_syscall_entry",
        "after the stop at syscall entry, the fatal_signal_pending() test is gone: a tracee SIGKILL woke from that stop "
            + "goes on with the system call instead of UTRACE_SYSCALL_ABORT (\"Don't let the system call actually proceed\")",
        "sigkill-wins", "stop-then-kill"),
    ADD_ENGINE_EXCLUSIVE_UNLOCKED("utrace_add_engine",
        "utrace_add_engine tests UTRACE_ATTACH_EXCLUSIVE (find_matching_engine) before taking utrace->lock, not under "
            + "it: two exclusive attaches racing both find no engine and both attach (\"Attempting to attach a second "
            + "(matching) engine fails with -EEXIST\")",
        "attach-errors", "exclusive-attaches-race"),
    ADD_ENGINE_SPLICES_IMMEDIATELY("utrace_add_engine",
        "utrace_add_engine puts the new engine straight on ->attached instead of ->attaching",
        "attach-ordering", "attach-during-report"),
    ADD_ENGINE_IGNORES_EXIT_DEAD("utrace_add_engine",
        "utrace_add_engine does not back off when exit_state == EXIT_DEAD, attaching to a task release_task has passed",
        "no-engine-leak", "attach-races-reap"),
    UTRACE_STOP_KEEPS_LOCK("utrace_stop",
        "utrace_stop goes to sleep still holding utrace->lock",
        "deadlock-freedom", "stop-then-resume"),
    DEQUEUE_CLEARS_SIGPENDING("dequeue_signal",
        "dequeue_signal clears TIF_SIGPENDING instead of recalc_sigpending(), forgetting other pending signals",
        "no-signal-loss", "signal-loss"),
    WAKEUP_USES_TRACED_BIT("utrace_wakeup",
        "utrace_wakeup still wakes __TASK_TRACED although utrace_stop sleeps in TASK_UTRACED (patch 15 without its utrace_wakeup hunk)",
        "no-lost-wakeup", "stop-then-resume"),
    GROUP_STOP_IGNORES_SIGKILL("do_signal_stop",
        "do_signal_stop stops the group although it is exiting (no signal_group_exit() test), and schedule() sleeps in "
            + "TASK_STOPPED with SIGKILL pending (as the model did before issue 13)",
        "sigkill-wins", "signal-engine-stop-then-kill"),
    PHANTOM_WAIT_REPORT("wait_task_stopped",
        "the tracer's wait() reports a ptrace stop but does not clear task->exit_code, so the same stop is reported again",
        "wait-reports-once", "waitpid-double-report"),
    ATTACH_IGNORES_GROUP_STOP("ptrace_attach",
        "PTRACE_ATTACH of a task in a group stop neither sets JOBCTL_TRAP_STOP nor wakes it: it never moves into the trap its tracer waits for",
        "wait-liveness", "stop-attach-then-wait"),
    SIGCONT_DOES_NOT_WAKE("prepare_signal",
        "SIGCONT ends the group stop (SIGNAL_STOP_STOPPED, JOBCTL_STOP_PENDING) but does not wake_up_state(t, __TASK_STOPPED)",
        "wait-liveness", "stopped-detach-sleeping-3x"),
    SIGCONT_KEEPS_STOP_PENDING("prepare_signal",
        "SIGCONT ends the group stop and wakes the task but leaves JOBCTL_STOP_PENDING set (the stop __ptrace_unlink "
            + "reinstated when the tracer detached from a stopped group): the woken task stops again at its next "
            + "get_signal_to_deliver (ptrace-tests stopped-detach-sleeping-3x: the detached child is still stopped "
            + "after SIGCONT)",
        "sigcont-ends-stop", "stopped-detach-sleeping-3x"),
    UNLINK_DROPS_GROUP_STOP("__ptrace_unlink",
        "__ptrace_unlink does not reinstate JOBCTL_STOP_PENDING when the group is stopped (as before 3.1's job-control "
            + "rework): the tracer detaches and the tracee, woken from its ptrace stop, runs although its group is "
            + "stopped (ptrace-tests attach-wait-on-stopped and stopped-detach-sleeping-3x: 3.x leaves the detached "
            + "child stopped)",
        "group-stop-holds", "attach-wait-on-stopped"),
    TRACED_SIGNAL_DROPPED("send_signal",
        "a signal sent to a TASK_TRACED tracee is dropped instead of waiting in its pending set until the tracer resumes it",
        "signal-delivered", "signal-loss"),
    AUTOREAP_WHILE_PTRACED("exit_notify",
        "a ptraced task whose parent ignores SIGCHLD is reaped at exit (autoreap) before its tracer collected or released it",
        "traced-zombie-released", "reparent-zombie"),
    DETACH_DROPS_SIGNAL("ptrace_detach",
        "PTRACE_DETACH does not store its data argument in task->exit_code: the signal the tracer passes on detach is lost",
        "wait-report-correct", "detach-parting-signal"),
    // The bugs the kernel's ptrace regression suite was written for (ptrace-tests, docs/ptrace-tests.md):
    // each re-opens one on the scenario that ports its test, so that scenario's PASS is shown to mean something.
    STEP_KEPT_AFTER_DETACH("ptrace_stop",
        "a tracee woken by PTRACE_DETACH keeps TIF_SINGLESTEP (patch 28's hunk without its user_disable_single_step): "
            + "the detached task goes on single-stepping (ptrace-tests step-detach: PTRACE_DETACH after a finished "
            + "PTRACE_SINGLESTEP)",
        "ptrace-step-kept", "step-detach"),
    PTRACE_STOP_IN_TASK_STOPPED("ptrace_stop",
        "ptrace_stop sleeps in TASK_STOPPED, the state of a job-control stop, instead of TASK_TRACED (ptrace-tests "
            + "state-tracing-stop: a tracing stop shown as 'T (stopped)', fixed by 464763cf)",
        "wait-report-correct", "state-tracing-stop"),
    TRACED_GROUP_STOP_UNTRAPPED("do_signal_stop",
        "a ptraced task joins a group stop in TASK_STOPPED like an untraced one, with the stop signal in exit_code as "
            + "before 3.1 (finish_stop) and no JOBCTL_TRAP_STOP trap into TASK_TRACED: waitpid reports the stop, then "
            + "PTRACE_DETACH's ptrace_check_attach finds no traced tracee (ptrace-tests ptrace-on-job-control-stopped: "
            + "PTRACE_DETACH failed with ESRCH on the utrace-patched 2.6.20-1.3045.fc7)",
        "ptrace-return-as-stated", "ptrace-on-job-control-stopped"),
    SIGKILL_SKIPS_WAKEKILL("complete_signal",
        "TASK_WAKEKILL is ignored: SIGKILL's signal_wake_up(t, 0) wakes only TASK_INTERRUPTIBLE sleepers and "
            + "schedule() sleeps in a stop with SIGKILL pending, so a ptrace-stopped tracee sleeps through it "
            + "(ptrace-tests detach-can-signal: after SIGKILLing the attached, stopped children, waitpid(-1, "
            + "WNOHANG) reports none). The scenario's WNOHANG wait, ordered after tracee:zombie for the test's "
            + "sleep(2), then never starts (guard-liveness); before that split wait-report-correct misread it as a wait "
            + "that blocks for good",
        "sigkill-wins", "detach-can-signal"),
    UTRACE_SIGNAL_SKIPS_PTRACE("get_signal_to_deliver",
        "a signal the engines' report_signal pass let through (utrace_hook_signal returned it) goes straight to its "
            + "action, not to ptrace_signal(): patch 19 undone (\"Always call ptrace_signal() if signal != SIGKILL, no "
            + "matter whether this signal comes from utrace or not ... ptrace acts as if it is the last attached engine\"), "
            + "so the tracer never sees it in a signal-delivery stop",
        "wait-report-correct", "signal-engine-then-ptrace"),
    GET_SIGNAL_EXITS_WITH_REPRESENTATIVE("get_signal_to_deliver",
        "a death utrace_get_signal() expressed by a representative signal (SIGTERM for UTRACE_SIGNAL_TERM) exits with "
            + "that signal, do_group_exit(signr), not with info->si_signo (\"Our caller uses our return value (signr) "
            + "to decide what to do, but uses info->si_signo as the signal number to report\"): a child whose SIGUSR2 "
            + "an engine lets through is reported killed by SIGTERM",
        "wait-report-correct", "signal-term-engine-exit-status"),
    PASSED_SIGNAL_SKIPS_HANDLER("ptrace_signal",
        "a signal the tracer passes at a signal-delivery stop takes its default action, not the installed handler "
            + "(ptrace-tests sa-resethand-on-cont-signal: on 2.6.23-0.170.rc5.git1.fc8 PTRACE_CONT with SIGUSR1 "
            + "killed the child instead of running its SA_RESETHAND handler)",
        "wait-report-correct", "sa-resethand-on-cont-signal"),
    BLOCKED_SIGNAL_DELIVERED("ptrace_signal",
        "a signal the tracer passes at a signal-delivery stop is acted on although the tracee blocks it, instead of "
            + "being requeued (\"If the (new) signal is now blocked, requeue it\"): ptrace-tests "
            + "ptrace_cont-defeats-sigblock, \"signal was blocked but it still killed tracee!\"",
        "wait-report-correct", "ptrace-cont-defeats-sigblock"),
    BLOCKED_SIGNAL_DROPPED("ptrace_signal",
        "a blocked signal the tracer passes at a signal-delivery stop is dropped (ptrace_signal returns 0) instead of "
            + "requeued: once the tracee unblocks it there is nothing to deliver (ptrace-tests "
            + "ptrace_cont-defeats-sigblock: the last waitpid sees exit 42, not the SIGUSR1 stop)",
        "signal-delivered", "ptrace-cont-defeats-sigblock"),
    DEQUEUE_IGNORES_BLOCKED("dequeue_signal",
        "dequeue_signal() takes the next pending signal whether or not the task blocks it (next_signal() without "
            + "the mask): a blocked SIGUSR1 the tracer passed and ptrace_signal requeued is taken at once and reported "
            + "in a signal-delivery stop (ptrace-tests ptrace_cont-defeats-sigblock: waitpid sees SIGUSR1 where the "
            + "second SIGSTOP was due)",
        "wait-report-correct", "ptrace-cont-defeats-sigblock"),
    UNBLOCK_SKIPS_RECALC("set_current_blocked",
        "sigprocmask() writes task->blocked but does not recalc_sigpending(): a queued signal it unblocks does not set "
            + "TIF_SIGPENDING, and the task returns to user mode with it pending (ptrace-tests "
            + "ptrace_cont-defeats-sigblock: \"Tracee unblocks pending SIGUSR1 and immediately has it raised\")",
        "no-signal-loss", "ptrace-cont-defeats-sigblock"),
    STOP_SIGNAL_KEEPS_SIGCONT("prepare_signal",
        "a stop signal does not remove SIGCONT from the queues (\"This is a stop signal. Remove SIGCONT from all "
            + "queues\"), so PTRACE_ATTACH's SIGSTOP is collected after a SIGCONT pending before it",
        "wait-report-correct", "attach-flushes-sigcont"),
    EXIT_PTRACE_DISCARDS_SIGNAL("exit_ptrace",
        "the tracer's exit clears the exit_code of a tracee in a signal-delivery stop: the uncollected signal is "
            + "dropped instead of delivered once the tracee is untraced",
        "signal-delivered", "tracer-exit-delivers-signal"),
    // Survivors of the mutation audit of the ptrace, signal and job-control half (issue 16): edits no
    // earlier scenario caught, each with a small scenario whose stated results (or the invariant named)
    // catch it.
    ATTACH_IGNORES_PTRACED("ptrace_attach",
        "PTRACE_ATTACH does not refuse a task that is already ptraced (\"if (task->ptrace) goto unlock_tasklist\" "
            + "with retval -EPERM is gone): the tracer's second attach to its stopped tracee returns 0 and sends "
            + "another SIGSTOP",
        "ptrace-return-as-stated", "reattach-eperm"),
    RESUME_KEEPS_SYSEMU("ptrace_resume",
        "a resume request other than PTRACE_SYSEMU leaves TIF_SYSCALL_EMU set (\"else "
            + "clear_tsk_thread_flag(child, TIF_SYSCALL_EMU)\" is gone): after PTRACE_SYSEMU, PTRACE_CONT still "
            + "stops the tracee at its next system call's entry",
        "syscall-trace-consistent", "sysemu-then-cont"),
    DETACH_KEEPS_SYSEMU("ptrace_disable",
        "PTRACE_DETACH leaves TIF_SYSCALL_EMU set (x86 ptrace_disable(): \"clear_tsk_thread_flag(child, "
            + "TIF_SYSCALL_EMU)\" is gone): the task detached at a PTRACE_SYSEMU stop takes the next system call's "
            + "entry as a syscall stop again",
        "syscall-trace-consistent", "sysemu-then-detach"),
    SINGLEBLOCK_SKIPS_BLOCK_STEP("ptrace_resume",
        "PTRACE_SINGLEBLOCK does not set PT_SINGLE_BLOCK (patch 26), so ptrace_stop (patch 28) enables no stepping "
            + "when the tracee resumes: it goes back to user mode without TIF_SINGLESTEP and its next system call "
            + "ends with no step trap",
        "ptrace-step-kept", "singleblock-traps-at-syscall-exit"),
    DETACH_KEEPS_IGNORED_ZOMBIE("__ptrace_detach",
        "__ptrace_detach leaves a traced zombie a zombie although its real parent ignores SIGCHLD (do_notify_parent() "
            + "returned true: \"Mark it as in the process of being reaped\", EXIT_DEAD, is gone): a tracer that exits "
            + "without waiting for its tracee's exit leaves a zombie nobody will ever reap",
        "traced-zombie-released", "tracer-exit-releases-zombie"),
    KILL_IGNORES_EXIT_STATE("ptrace_request",
        "PTRACE_KILL of a traced zombie goes on to ptrace_resume(child, request, SIGKILL) (\"if (child->exit_state) "
            + "/* already dead */ return 0;\" is gone), which stores exit_code = SIGKILL in the zombie: the tracer's "
            + "wait reports killed SIGKILL for a child that exited by itself",
        "wait-report-correct", "ptrace-kill-zombie"),
    GROUP_TRAP_DELIVERS_DATA("do_jobctl_trap",
        "the data of the request that ends a group-stop trap is taken as a signal to deliver, as at a "
            + "signal-delivery stop; 3.1's do_jobctl_trap (not PT_SEIZED) sets \"current->exit_code = 0\" after "
            + "ptrace_stop: PTRACE_CONT with SIGUSR1 from the trap runs the SIGUSR1 handler",
        "wait-report-correct", "group-trap-ignores-data"),
    GROUP_TRAP_SKIPS_GROUP_STOP("ptrace_stop",
        "a CLD_STOPPED trap does not participate in the group stop (\"if (why == CLD_STOPPED && (current->jobctl & "
            + "JOBCTL_STOP_PENDING)) gstop_done = task_participate_group_stop(current)\" is gone): JOBCTL_STOP_PENDING "
            + "stays set, and the tracee its tracer continues from the trap traps again instead of running on",
        "wait-report-correct", "traced-group-stop-once"),
    SYSCALL_STOP_SIGNAL_SHARED("ptrace_report_syscall",
        "the signal the tracer passes at a syscall stop goes to the shared queue, as kill() would send it, not with "
            + "\"send_sig(current->exit_code, current, 1)\" to task->pending: dequeue_signal reads task->pending "
            + "first, so a private SIGUSR2 the tracee raised is reported before the passed SIGUSR1",
        "wait-report-correct", "syscall-stop-signal-order"),
    SYSCALL_STOP_DROPS_SIGNAL("ptrace_report_syscall",
        "the signal the tracer passes at a syscall stop is dropped: ptrace_report_syscall clears exit_code without "
            + "\"send_sig(current->exit_code, current, 1)\" (\"this isn't the same as continuing with a signal, but "
            + "it will do for normal use\"), so the tracee never takes it",
        "signal-delivered", "syscall-stop-signal-order"),
    SIGCONT_IGNORED_WHILE_PTRACED("sig_ignored",
        "sig_ignored() drops a SIGCONT (SIG_DFL, default action ignore) sent to a ptraced task as it does for an "
            + "untraced one (\"Tracers may want to know about even ignored signals\": the !t->ptrace test is gone): "
            + "the tracer never sees the SIGCONT's signal-delivery stop",
        "signal-delivered", "sigcont-cancels-passed-sigstop"),
    CLEAR_STOP_PENDING_KEEPS_DEQUEUED("task_clear_jobctl_pending",
        "clearing JOBCTL_STOP_PENDING leaves JOBCTL_STOP_DEQUEUED set (\"if (mask & JOBCTL_STOP_PENDING) mask |= "
            + "JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED\" is gone): a SIGCONT that arrives while the tracee sits in "
            + "its SIGSTOP signal-delivery stop does not cancel the stop the tracer passes back, and the group stops "
            + "after the SIGCONT",
        "sigcont-ends-stop", "sigcont-cancels-passed-sigstop"),
    SIGNAL_STOP_IGNORES_DEQUEUED("do_signal_stop",
        "do_signal_stop starts a group stop without testing JOBCTL_STOP_DEQUEUED (\"if (!likely(current->jobctl & "
            + "JOBCTL_STOP_DEQUEUED) || unlikely(signal_group_exit(sig))) return false\" without its first half): a "
            + "SIGCONT since the SIGSTOP was dequeued does not cancel the stop, and the group stops after the SIGCONT",
        "sigcont-ends-stop", "sigcont-cancels-passed-sigstop"),
    SIGKILL_KEEPS_JOBCTL_PENDING("complete_signal",
        "SIGKILL's complete_signal does not task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK): the JOBCTL_TRAP_STOP "
            + "that PTRACE_ATTACH of a stopped child set survives the SIGKILL, and the dying child still enters the "
            + "group-stop trap: the tracer's wait after the kill reports a SIGSTOP stop, not the death",
        "wait-report-correct", "attach-stopped-kill-then-wait"),
    CLEAR_PENDING_KEEPS_TRAPPING("task_clear_jobctl_pending",
        "task_clear_jobctl_pending() does not call task_clear_jobctl_trapping() (\"If clearing of @mask leaves no "
            + "stop or trap pending, this function calls task_clear_jobctl_trapping()\"): a SIGKILL that drops the "
            + "JOBCTL_TRAP_STOP PTRACE_ATTACH set for a stopped child leaves JOBCTL_TRAPPING set, and the attach waits "
            + "on the bit for good",
        "deadlock-freedom", "attach-stopped-vs-sigkill"),
    GROUP_STOP_SKIPS_STOPPED_FLAG("task_participate_group_stop",
        "the completed group stop does not set SIGNAL_STOP_STOPPED (\"sig->flags = SIGNAL_STOP_STOPPED\"): when the "
            + "tracer detaches, __ptrace_unlink sees no group stop in effect and reinstates no JOBCTL_STOP_PENDING, "
            + "so the detached child of a stopped group runs on and exits",
        "wait-report-correct", "detach-stays-stopped"),
    NEXT_SIGNAL_IGNORES_SYNCHRONOUS("next_signal",
        "next_signal() takes the lowest-numbered pending signal without taking the synchronous ones first (\"it "
            + "contains the synchronous signals that need to be dequeued first\": SYNCHRONOUS_MASK, SIGTRAP among "
            + "them): a single-step's SIGTRAP is reported after a SIGINT raised in the stepped system call",
        "wait-report-correct", "step-trap-before-sigint"),
    TRACEME_IGNORES_EXITING_PARENT("ptrace_traceme",
        "PTRACE_TRACEME does not test whether the real parent is exiting (\"Check PF_EXITING to ensure "
            + "->real_parent has not passed exit_ptrace()\"): the child is traced by a tracer that is gone, and its "
            + "SIGSTOP leaves it in a ptrace stop nobody will end, never the group stop the scenario's SIGCONT waits for",
        "guard-liveness", "traceme-after-parent-exit"),
    PTRACE_SIGNAL_SKIPS_STOP_DEQUEUED("ptrace_signal",
        "ptrace_signal() does not set JOBCTL_STOP_DEQUEUED (\"We do not check sig_kernel_stop(signr) but set this "
            + "marker unconditionally because we do not know whether debugger will change signr\"): a SIGUSR1 stop "
            + "the tracer turns into SIGSTOP makes no group stop",
        "wait-report-correct", "cont-sigstop-for-other-signal"),
    PTRACE_STOP_SKIPS_RECALC("ptrace_stop",
        "ptrace_stop() does not recalc_sigpending_tsk() once the tracee is woken (\"Queued signals ignored us while "
            + "we were stopped for tracing. So check for any that we should take before resuming user mode\"): "
            + "complete_signal set no TIF_SIGPENDING on the TASK_TRACED tracee, so a signal sent during a syscall "
            + "stop is still queued when it returns to user mode",
        "no-signal-loss", "signal-during-syscall-stop"),
    UNLINK_KICKS_ONLY_TRACED("__ptrace_unlink",
        "__ptrace_unlink kicks the child only when it is TASK_TRACED, not when it reinstated JOBCTL_STOP_PENDING "
            + "(\"if (child->jobctl & JOBCTL_STOP_PENDING || task_is_traced(child))\" without its first "
            + "half): a tracee running when its tracer exits from a "
            + "stopped group is not made to stop, and returns to user mode",
        "group-stop-holds", "tracer-exit-restops-running"),
    PARENT_REAPS_PTRACED_ZOMBIE("wait_consider_task",
        "the real parent's wait reaps a zombie that is still ptraced (\"A zombie ptracee is only visible to its "
            + "ptracer\": \"if (likely(!ptrace) && unlikely(p->ptrace))\" is gone): it is released under its tracer, "
            + "which never collects the exit",
        "traced-zombie-released", "tracer-wait-hands-back-zombie"),
    ZOMBIE_STATUS_IGNORES_GROUP_EXIT("wait_task_zombie",
        "wait_task_zombie reports p->exit_code even when a group exit began (\"status = (p->signal->flags & "
            + "SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code : p->exit_code\" without its first half): a child that "
            + "called exit(42) and was sent SIGKILL before exit_signals() is reported exited 42, not killed SIGKILL",
        "wait-report-correct", "exit-killed-before-pf-exiting"),
    DETACH_RELEASES_WAITED_ZOMBIE("__ptrace_detach",
        "__ptrace_detach marks a traced zombie EXIT_DEAD and releases it although do_notify_parent() returned false "
            + "(the real parent does not ignore SIGCHLD): the tracer's exit takes the zombie from the parent, whose "
            + "wait then never returns",
        "wait-report-correct", "tracer-exit-hands-back-zombie"),
    PTRACE_DETACH_RELEASES_PARENTS_ZOMBIE("__ptrace_detach",
        "__ptrace_detach returns true (\"dead\": the caller releases it) for a traced zombie it hands back to its real "
            + "parent, which stays EXIT_ZOMBIE (its final \"return false\" made true): release_task runs on a task the "
            + "parent's wait will release again (make pit: the Ptracer mutant no invariant noticed)",
        "traced-zombie-released", "tracer-exit-hands-back-zombie"),
    ATTACH_IGNORES_EXIT_STATE("ptrace_attach",
        "PTRACE_ATTACH does not refuse a zombie (\"if (unlikely(task->exit_state)) goto unlock_tasklist\" with "
            + "retval -EPERM is gone): the attach to an exited child returns 0 and makes it a ptraced zombie",
        "ptrace-return-as-stated", "attach-zombie-eperm"),
    WAIT_ZOMBIE_HANDS_BACK_OWN_CHILD("wait_task_zombie",
        "wait_task_zombie hands a traced zombie back to its real parent (ptrace_unlink, do_notify_parent, EXIT_ZOMBIE "
            + "again) also when the tracer is that parent (\"traced = ptrace_reparented(p)\" ignored): the tracer's "
            + "wait reports its own child's exit and leaves the zombie, so its next wait reports the exit again "
            + "instead of failing with ECHILD",
        "wait-report-correct", "tracer-reaps-own-child"),
    WAIT_ZOMBIE_RELEASES_PARENTS_CHILD("wait_task_zombie",
        "wait_task_zombie of a traced zombie that is not the tracer's own child releases it (no ptrace_unlink + "
            + "do_notify_parent, no \"p->exit_state = EXIT_ZOMBIE\"): the real parent, which does not ignore SIGCHLD, "
            + "never gets its child's exit and its wait never returns",
        "wait-report-correct", "tracer-wait-hands-back-zombie"),
    WAIT_ZOMBIE_KEEPS_IGNORED_ZOMBIE("wait_task_zombie",
        "wait_task_zombie hands a traced zombie back to its real parent although do_notify_parent() says that parent "
            + "ignores SIGCHLD (the zombie is left EXIT_ZOMBIE instead of released): after the tracer collected the "
            + "exit, a zombie is left that nobody will ever reap",
        "traced-zombie-released", "tracer-wait-releases-ignored-zombie"),
    EXIT_PTRACE_SKIPS_RELEASE("exit_ptrace",
        "exit_ptrace does not release_task() the traced zombies __ptrace_detach marked EXIT_DEAD (its ptrace_dead list "
            + "is dropped): the zombie is never reaped, and the engines attached to it never get report_reap or their "
            + "detach",
        "no-engine-leak", "tracer-exit-reaps-zombie-engine"),
    DETACH_SKIPS_RELEASE("ptrace_detach",
        "ptrace_detach does not release_task() a child __ptrace_detach found already killed and marked EXIT_DEAD "
            + "(\"if (unlikely(dead)) release_task(child)\" is gone): the engines attached to it are never reaped",
        "no-engine-leak", "detach-races-sigkill-release"),
    KILL_SKIPS_CHECK_ATTACH("ptrace_check_attach",
        "PTRACE_KILL's ptrace_check_attach(child, ignore_state) lets the request through for a child the caller no "
            + "longer traces (\"if (child->ptrace && child->parent == current)\" is gone): PTRACE_KILL after "
            + "PTRACE_DETACH returns 0, not ESRCH",
        "ptrace-return-as-stated", "kill-after-detach-esrch"),
    EXIT_SKIPS_REPORT("utrace_report_exit",
        "do_exit passes UTRACE_HOOK(current, EXIT, report_exit(&code)) without the report although an engine asks for "
            + "EXIT: no report_exit, so an engine's UTRACE_STOP from it never holds the dying thread",
        "events-reported", "sigkill-held-at-exit"),
    REAP_DEFERS_ONLY_FOR_DEATH("utrace_maybe_reap",
        "release_task's utrace_maybe_reap defers the teardown only while UTRACE_EVENT(DEATH) is set, not QUIESCE "
            + "(\"if (target->utrace_flags & _UTRACE_DEATH_EVENTS)\" with DEATH alone): the reap tears down an engine "
            + "whose report_quiesce of the death report is still to come or under way",
        "nothing-after-reap", "reap-races-death-quiesce"),
    WAIT_ZOMBIE_SKIPS_EXIT_DEAD("wait_task_zombie",
        "the real parent's wait reaps the zombie without \"xchg(&p->exit_state, EXIT_DEAD)\": the task it releases "
            + "stays EXIT_ZOMBIE, so utrace_add_engine's EXIT_DEAD test (the B3 pair with utrace_release_task) lets "
            + "an engine attach after release_task, and it is never reaped",
        "no-engine-leak", "attach-races-reap"),
    TKILL_QUEUES_SHARED("do_tkill",
        "tkill() queues its signal on signal->shared_pending, as kill() does, not on task->pending "
            + "(do_send_specific's send_signal(sig, info, p, 0)): dequeue_signal, which takes task->pending first, then "
            + "takes a lower-numbered kill()ed signal before it",
        "wait-report-correct", "tkill-before-shared-signal"),
    REAP_SKIPS_UTRACE_LOCK("utrace_maybe_reap",
        "release_task's utrace_maybe_reap sets utrace->reap and takes the lists without spin_lock(&utrace->lock): "
            + "it runs in the middle of a utrace_control() that holds the lock",
        "lock-discipline", "detach-races-death"),
    SEND_SKIPS_SIGLOCK("send_signal",
        "a killer's kill()/tkill() queues its signal without lock_task_sighand(): it runs in the middle of "
            + "utrace_get_signal()'s siglock hold",
        "lock-discipline", "signal-engine-vs-kill"),
    READ_RETURNS_EINTR("read",
        "a read() woken by a signal returns -EINTR instead of -ERESTARTSYS (the inotify bug ptrace-tests eintr-on-attach "
            + "was written for, 3.2.1-3.fc16): PTRACE_ATTACH's SIGSTOP, cancelled by the tracer, ends the child's read, "
            + "and it exits instead of sleeping on until its SIGALRM",
        "syscall-restart", "eintr-on-attach"),
    SIGNAL_SKIPS_RESTART("do_signal",
        "x86 do_signal() without \"Restart the system call - no handlers present\": when get_signal_to_deliver() returns "
            + "no signal (a stop the tracer or SIGCONT ended, a signal the tracer cancelled, a UTRACE_INTERRUPT report), "
            + "the interrupted call's -ERESTARTSYS reaches the program",
        "syscall-restart", "read-restarts-after-sigstop"),
    HANDLER_RESTARTS_NOHAND("handle_signal",
        "x86 handle_signal() restarts -ERESTARTNOHAND like -ERESTARTNOINTR instead of returning -EINTR: pause() is "
            + "restarted after its handler ran, so it never returns",
        "syscall-restart", "pause-returns-after-handler"),
    FINISH_REPORT_INTERRUPT_NOTIFIES("finish_report",
        "finish_report() sets TIF_NOTIFY_RESUME for every resume action, UTRACE_INTERRUPT too (not TIF_SIGPENDING): a "
            + "callback's INTERRUPT at system call entry does not interrupt the call, which sleeps (\"work in progress "
            + "will be interrupted as if by %SIGSTOP\")",
        "report-not-lost", "entry-interrupt-then-read"),
    SLEEP_TESTS_BEFORE_STATE("wait_event_interruptible",
        "read() tests signal_pending() before set_current_state(TASK_INTERRUPTIBLE), not after: a signal_wake_up in "
            + "between finds the task running and wakes nobody, and the task then sleeps with the signal pending (the "
            + "textbook lost wake-up; the model's sleep is one step only because the kernel's order makes it safe)",
        "no-lost-wakeup", "signal-races-read-sleep"),
    READ_BUSY_WAITS("wait_event_interruptible",
        "read() waits without set_current_state(TASK_INTERRUPTIBLE): schedule() returns at once to a task still "
            + "TASK_RUNNING, so the call spins in the kernel testing signal_pending() for ever instead of sleeping; "
            + "no state is final (the switch count moves), so only a search for cycles sees it",
        "livelock-freedom", "read-sleeps-not-spins"),
    NOTIFY_RESUME_NOT_CLEARED("do_notify_resume",
        "the exit to user mode calls tracehook_notify_resume for TIF_NOTIFY_RESUME without clearing the flag first "
            + "(clear_thread_flag): the flag stays set, so the exit path finds it again after every utrace_resume and "
            + "never reaches user mode (the report passes, if any, repeat for ever)",
        "livelock-freedom", "stop-then-resume"),
    FATAL_SIGNAL_QUEUED("complete_signal",
        "complete_signal() has no fast group exit for a fatal signal nobody traces (\"This signal will be fatal to the "
            + "whole group\"; patch 04's tracehook_consider_fatal_signal finds no SIGNAL_TERM/CORE engine and no ptrace): "
            + "the signal is only queued, so an engine watching QUIESCE gets report_signal for it and can swallow it",
        "sigkill-wins", "fatal-signal-unwatched"),
    WANTS_SIGNAL_SKIPS_UTRACED("wants_signal",
        "wants_signal() treats a task asleep in utrace_stop (__TASK_UTRACED) as stopped or traced, although "
            + "task_is_stopped_or_traced() tests __TASK_STOPPED and __TASK_TRACED only: a fatal signal nobody traces is "
            + "only queued for a task an engine holds, and the task sleeps on instead of dying",
        "wait-report-correct", "fatal-signal-ends-utrace-stop");

    public final String id;
    public final String function;
    public final String description;
    public final String breaks;
    public final String scenario;

    Mutation(String function, String description, String breaks, String scenario) {
        this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.function = function;
        this.description = description;
        this.breaks = breaks;
        this.scenario = scenario;
    }

    public static Mutation byId(String id) {
        for (Mutation m : values()) if (m.id.equals(id)) return m;
        return null;
    }
}

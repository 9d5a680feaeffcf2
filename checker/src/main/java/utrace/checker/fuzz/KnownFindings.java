package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import utrace.traces.Trace;

/**
 * The known-finding filter: which violation is a finding of docs/findings.md
 * (1-19) met again, which is a scenario problem, and which is new.
 *
 * <p>The rule (docs/cli.md, "checker fuzz"): a violation is finding N only when
 * <em>both</em> its invariant is one finding N breaks <em>and</em> the trace
 * shows finding N's mechanism, read from the steps and states the way
 * findings.md tells it (the stale ENGINE_STOP bit, the DETACH between
 * exit_notify and utrace_report_death, the SIGCONT between the SIGSTOP's
 * dequeue and the re-set of JOBCTL_STOP_DEQUEUED, ...). The invariant alone
 * would hide a second bug behind a first (a seeded mutation that breaks
 * no-lost-wakeup is no finding 1 unless the bit is stale); the message alone
 * is a sentence that other causes share. Each rule below says which part of
 * the trace it reads and why.
 *
 * <p>A scenario problem is a deadlock whose every stuck actor waits on an
 * ordering guard that never holds ("after tracee:traced never holds"): the
 * generated scenario asked for an order that cannot happen. It is recognised
 * by that message shape whichever invariant reports it, deadlock-freedom now
 * or an invariant of its own (one is being split out of deadlock-freedom),
 * by any invariant whose name mentions guards, and in wait-liveness's report
 * of a tracer's wait that never started because its own guard never holds.
 *
 * <p>Everything else is new. Its class is its invariant and its message
 * with engine names, signals, numbers and actions made generic, so that one
 * unknown problem met in fifty scenarios is one class.
 */
final class KnownFindings {
    private KnownFindings() {}

    static final FuzzClass F1 = FuzzClass.known(1, "a stale ENGINE_STOP in utrace_flags: the tracee sleeps with no engine holding it");
    static final FuzzClass F2 = FuzzClass.known(2, "utrace_reset cancels a ptrace single-step");
    static final FuzzClass F4 = FuzzClass.known(4, "utrace_set_events on a zombie cancels its reap");
    static final FuzzClass F5 = FuzzClass.known(5, "a SIGCONT during an engine's report of SIGSTOP is lost");
    static final FuzzClass F6 = FuzzClass.known(6, "ptrace requests fail with -ESRCH while an engine holds the ptrace-stopped tracee");
    static final FuzzClass F7 = FuzzClass.known(7, "a DETACH before utrace_report_death takes the lock lets release_task reap first");
    static final FuzzClass F8 = FuzzClass.known(8, "STOP returns -EINPROGRESS, then the tracee stops without the callback");
    static final FuzzClass F10 = FuzzClass.known(10, "utrace_barrier returns -ESRCH while the death or reap report is running");
    static final FuzzClass F11 = FuzzClass.known(11, "utrace_set_events' promise of a report_quiesce for a stopped tracee is not kept");
    static final FuzzClass F12 = FuzzClass.known(12, "an engine attached during utrace_get_signal misses that signal's report");
    static final FuzzClass F13 = FuzzClass.known(13, "a callback's UTRACE_STOP dropped by a pass that skips start_callback's ENGINE_STOP test");
    static final FuzzClass F14 = FuzzClass.known(14, "utrace_barrier waits on a detached engine whose report was consumed or is held up");
    static final FuzzClass F15 = FuzzClass.known(15, "UTRACE_INTERRUPT without QUIESCE: accepted, and no report_signal follows");
    static final FuzzClass F16 = FuzzClass.known(16, "PTRACE_ATTACH waits for the trap as long as an engine's stop holds the tracee");
    static final FuzzClass F17 = FuzzClass.known(17, "PTRACE_KILL of a running, single-stepped tracee leaves the step on (patch 28)");
    static final FuzzClass F18 = FuzzClass.known(18, "ptrace's resume disables an engine's step, and no callback lets it reassert it (patch 28)");
    static final FuzzClass F19 = FuzzClass.known(19, "utrace_get_signal's explicit report applies UTRACE_RESUME and disables a step");
    static final FuzzClass F20 = FuzzClass.known(20, "finish_report's unlocked test lets a step overwrite UTRACE_INTERRUPT: no report_signal");
    static final FuzzClass F21 = FuzzClass.known(21, "another engine's utrace_control resets a stopped tracee and disables an engine's step");

    /** Every class a known-finding rule can give, in the findings' order (for the docs and the table). */
    static final List<FuzzClass> KNOWN = List.of(F1, F2, F4, F5, F6, F7, F8, F10, F11, F12, F13, F14, F15, F16, F17, F18, F19, F20, F21, FuzzClass.GUARD);

    /** The class of the violation {@code t} shows. */
    static FuzzClass classify(Trace t) {
        TraceFacts f = new TraceFacts(t);
        String inv = f.invariant();
        List<String> problems = f.problems();
        if (inv.contains("guard") || !problems.isEmpty() && problems.stream().allMatch(KnownFindings::guardProblem)
            || waitBehindItsGuard(f)) {
            return FuzzClass.GUARD;
        }
        FuzzClass known = known(f, inv, problems);
        return known != null ? known : FuzzClass.fresh(inv, normalise(inv, problems));
    }

    private static FuzzClass known(TraceFacts f, String inv, List<String> problems) {
        switch (inv) {
            case "deadlock-freedom": return deadlock(f, problems);
            case "no-lost-wakeup":
            case "sigkill-wins":
                return staleStop(f) ? F1 : null;
            case "ptrace-step-kept":
                if (f2(f)) return F2;
                return f17(f) ? F17 : null;
            case "ptrace-request-not-spurious": return f6(f) ? F6 : null;
            case "engine-step-kept":
                if (f2Shape(f)) return F2;
                if (f18(f)) return F18;
                if (f19(f)) return F19;
                return f21(f) ? F21 : null;
            case "sigcont-ends-stop":
            case "wait-liveness":
                return f5(f) ? F5 : null;
            case "stop-einprogress-means-callback": return f8(f) ? F8 : null;
            case "barrier-means-quiet": return f10(f) ? F10 : null;
            case "callback-promised": return promise(f);
            case "events-reported": return f12(f) ? F12 : null;
            case "stop-is-sticky": return f13(f) ? F13 : null;
            case "no-engine-leak":
                if (f4(f)) return F4;
                return f7(f) ? F7 : null;
            case "attached-list-quiescent":
            case "reap-after-death":
            case "nothing-after-reap":
            case "detach-is-final":
            case "attach-ordering":
                return f7(f) ? F7 : null;
            default: return null;
        }
    }

    /** A stuck actor that waits on an ordering guard ("after tracee:traced never holds"). */
    static boolean guardProblem(String problem) {
        return problem.contains("never holds");
    }

    private static final Pattern GUARDED_WAIT = Pattern.compile("^ptrace's wait.* after (killer|tracee):(\\w+) waits for good");

    /**
     * wait-liveness judges a tracer blocked at a wait, and a wait that never started because its ordering guard
     * never holds is blocked there too (the fifteenth round's fuzzer met 'wait after killer:1' behind a killer
     * whose own guard, 'after tracee:stopped', never held: the kernel's stop was owed, the tracer never asked).
     * In a final state nothing moves, so the guard is read from that state: a killer guard holds once the
     * killer sent K signals, a tracee guard while the tracee is in that state.
     */
    static boolean waitBehindItsGuard(TraceFacts f) {
        if (!f.invariant().equals("wait-liveness")) return false;
        Matcher m = GUARDED_WAIT.matcher(f.message());
        if (!m.find()) return false;
        Map<String, String> end = f.end();
        if (m.group(1).equals("killer")) {
            int sent = 0;
            for (int i = 0; i < f.size(); i++) if (f.by(i, "killer") && f.detail(i).startsWith("send ")) sent++;
            return sent < Integer.parseInt(m.group(2));
        }
        switch (m.group(2)) {
            case "stopped": return !TraceFacts.has(end.get("task.state"), "STOPPED");
            case "traced": return !TraceFacts.has(end.get("task.state"), "TRACED") && !TraceFacts.has(end.get("task.state"), "UTRACED");
            case "zombie": return !"ZOMBIE".equals(end.get("task.exit_state"));
            case "sleeping": return !"INTERRUPTIBLE".equals(end.get("task.state"));
            default: return false;
        }
    }

    /**
     * deadlock-freedom lists one problem per stuck actor. Guard problems are the scenario's; every other one
     * must be explained by a finding (the tracee asleep on a stale bit: 1; an owner's utrace_barrier spinning
     * on a detached engine: 14), else the deadlock is new. PTRACE_ATTACH waiting for the trap of a tracee that
     * sleeps on finding 1's stale bit is that sleep's consequence (the tracee never reaches its trap), so it is
     * explained when the tracee's own problem is finding 1's. Waiting for a tracee a live engine's stop really
     * holds (ENGINE_STOP in that engine's flags, the tracee still UTRACED) is finding 16 (the sixteenth round's
     * fuzzer reported it as new, D2). The first explained problem names the class.
     */
    private static FuzzClass deadlock(TraceFacts f, List<String> problems) {
        boolean traceeOnStaleBit = false;
        for (String p : problems) traceeOnStaleBit |= staleSleep(f, p);
        FuzzClass first = null;
        for (String p : problems) {
            if (guardProblem(p)) continue;
            FuzzClass c = null;
            if (staleSleep(f, p)) c = F1;
            if (p.startsWith(ATTACH_TRAPPING) && traceeOnStaleBit) c = F1;
            else if (p.startsWith(ATTACH_TRAPPING) && heldByEngine(f)) c = F16;
            Matcher m = BARRIER.matcher(p);
            if (m.matches() && "utrace_detached_ops".equals(f.end().get("engine[" + m.group(1) + "].ops"))) c = F14;
            if (c == null) return null;
            if (first == null) first = c;
        }
        return first;
    }

    private static final String ATTACH_TRAPPING = "PTRACE_ATTACH waits for JOBCTL_TRAPPING, which nobody clears";

    /** Finding 16: the tracee sleeps UTRACED with ENGINE_STOP in a live engine's own flags (a stop really asked for). */
    private static boolean heldByEngine(TraceFacts f) {
        Map<String, String> s = f.end();
        if (!TraceFacts.has(s.get("task.state"), "UTRACED") || !TraceFacts.has(s.get("task.jobctl"), "TRAPPING")) return false;
        for (String e : TraceFacts.enginesWithOps(s, Set.of("live"))) {
            if (TraceFacts.has(s.get("engine[" + e + "].flags"), "ENGINE_STOP")) return true;
        }
        return false;
    }

    /** A deadlock problem that is finding 1: the tracee asleep in utrace_stop, no engine wanting it, the bit stale. */
    private static boolean staleSleep(TraceFacts f, String problem) {
        return problem.startsWith("tracee sleeps in utrace_stop") && problem.contains("no engine wants it stopped") && staleStop(f);
    }

    /**
     * An owner's utrace_barrier that never returns: under way ("cannot finish"), or, when its ordering guard let
     * it begin only after the tracee slept, never past its first retry ("cannot start 'utrace_barrier'"): the
     * first get_utrace_lock() already answers -ERESTARTSYS (fuzz --seed 25 --mode both, issue 16's twenty-first
     * round: DETACH; barrier after tracee:stopped).
     */
    private static final Pattern BARRIER = Pattern.compile("owner (E\\d+) cannot (?:finish: utrace_barrier|start 'utrace_barrier'.*)");

    /**
     * Finding 1: the tracee sleeps in utrace_stop (TASK_UTRACED) with ENGINE_STOP set in task->utrace_flags
     * while no live engine has it in its own flags: the summary bit only utrace_reset() clears is stale.
     */
    static boolean staleStop(TraceFacts f) {
        Map<String, String> s = f.end();
        if (!TraceFacts.has(s.get("task.state"), "UTRACED") || !TraceFacts.has(s.get("task.utrace_flags"), "ENGINE_STOP")) return false;
        for (String e : TraceFacts.enginesWithOps(s, Set.of("live"))) {
            if (TraceFacts.has(s.get("engine[" + e + "].flags"), "ENGINE_STOP")) return false;
        }
        return true;
    }

    /**
     * Finding 2: the step that last took TIF_SINGLESTEP away is utrace_reset's wake-up of a utrace stop (it
     * clears UTRACED from the task's state in the same step), not a ptrace request, and ptrace had asked for
     * the step (PT_SINGLE_STEP or PT_SINGLE_BLOCK) when it ran.
     */
    private static boolean f2(TraceFacts f) {
        return f.message().contains("ptrace asked for a single-step") && f2Shape(f);
    }

    /**
     * Finding 2's mechanism: the step was last taken away by a wake-up from a utrace stop (utrace_reset's
     * user_disable_single_step) while ptrace single-steps. An engine's step is lost with it: patch 27's
     * finish_resume_report leaves stepping to ptrace while PT_SINGLE_STEP is set (fuzz --seed 15 --mode mutate).
     */
    private static boolean f2Shape(TraceFacts f) {
        int i = f.last(0, f.size(), k -> f.cleared(k, "task.tif", "SINGLESTEP"));
        if (i < 0 || f.by(i, "ptrace") || !f.cleared(i, "task.state", "UTRACED")) return false;
        String pt = f.before(i).get("task.ptrace");
        return TraceFacts.has(pt, "PT_SINGLE_STEP") || TraceFacts.has(pt, "PT_SINGLE_BLOCK");
    }

    /**
     * Finding 17: stepping left on with nobody asking, and the ptrace request that last took PT_SINGLE_STEP (or
     * PT_SINGLE_BLOCK: checker fuzz --seed 10 --mode mutate met PTRACE_SINGLEBLOCK then PTRACE_KILL) away
     * was a ptrace_resume (PTRACE_KILL's) on a tracee that was not in a ptrace stop: since patch 28 only
     * ptrace_stop() disables stepping, after a wake-up the running tracee never has.
     */
    private static boolean f17(TraceFacts f) {
        if (!f.message().contains("single-stepping although neither ptrace nor an engine asks")) return false;
        int i = f.last(0, f.size(), k -> f.by(k, "ptrace") && f.function(k).equals("ptrace_resume")
            && (f.cleared(k, "task.ptrace", "PT_SINGLE_STEP") || f.cleared(k, "task.ptrace", "PT_SINGLE_BLOCK")));
        return i >= 0 && !TraceFacts.has(f.before(i).get("task.state"), "TRACED");
    }

    /**
     * Finding 18: the step an engine asked for was taken away last by ptrace, in the tracee's ptrace_stop() after
     * a resume without PT_SINGLE_STEP (patch 28) or, before patch 28, in the tracer's ptrace_resume(); the
     * TIF_NOTIFY_RESUME patch 28 sets brings a utrace_resume() with utrace->resume at UTRACE_RESUME, which makes no
     * callback, so nothing enables it again. The step was owed before that clear, and no choice came after it.
     */
    private static boolean f18(TraceFacts f) {
        int i = owedStepTakenAt(f);
        if (i < 0) return false;
        return f.by(i, "tracee") ? f.function(i).equals("ptrace_stop")
            : f.by(i, "ptrace") && f.function(i).equals("ptrace_resume");
    }

    /** The step that last cleared TIF_SINGLESTEP, if the step was owed (history.task step-owed) before it; else -1. */
    private static int owedStepTakenAt(TraceFacts f) {
        int i = f.last(0, f.size(), k -> f.cleared(k, "task.tif", "SINGLESTEP"));
        int owed = f.last(0, f.size(), k -> f.set(k, "history.task", "step-owed"));
        return i >= 0 && owed >= 0 && owed <= i ? i : -1;
    }

    /**
     * Finding 19: the step was last taken away by the tracee's finish_resume_report right after a
     * utrace_get_signal explicit report that read utrace->resume as UTRACE_RESUME (entered for a pending attach or
     * signal_handler), the step owed before it.
     */
    private static boolean f19(TraceFacts f) {
        int i = owedStepTakenAt(f);
        if (i < 1 || !f.by(i, "tracee") || !f.function(i).equals("finish_resume_report")) return false;
        int explicit = f.last(0, i, k -> f.by(k, "tracee"));
        return explicit >= 0 && f.detail(explicit).contains("resume was RESUME");
    }

    /**
     * Finding 21: the owed step was last taken away by an owner's utrace_control on a stopped tracee: it resets,
     * and utrace_reset's user_disable_single_step (resume == UTRACE_RESUME) runs before utrace_wakeup (which puts
     * a group-stopped task back in TASK_STOPPED within the same step).
     * The engine the step was owed to is still attached (its own detach ends the debt).
     */
    private static boolean f21(TraceFacts f) {
        int i = owedStepTakenAt(f);
        if (i < 0 || !f.function(i).equals("utrace_control") || f.by(i, "tracee") || f.by(i, "ptrace")) return false;
        String state = f.before(i).get("task.state");
        return TraceFacts.has(state, "STOPPED") || TraceFacts.has(state, "UTRACED");
    }

    /**
     * Finding 4: a utrace_set_events that returned 0 on a task past exit_notify (exit_state set) put DEATH or
     * QUIESCE back into utrace_flags, after utrace_reset had left only REAP there: release_task then leaves
     * the reap to a death report that is over.
     */
    private static boolean f4(TraceFacts f) {
        return f.first(0, f.size(), i -> f.function(i).equals("utrace_set_events") && f.detail(i).endsWith("returns 0")
            && !"0".equals(f.before(i).get("task.exit_state"))
            && (f.set(i, "task.utrace_flags", "DEATH") || f.set(i, "task.utrace_flags", "QUIESCE"))) >= 0;
    }

    /**
     * Finding 5: the tracee dequeued SIGSTOP for a report_signal pass; a SIGCONT sent during that pass cleared
     * JOBCTL_STOP_DEQUEUED; utrace_get_signal then set it again and do_signal_stop stopped the group.
     */
    private static boolean f5(TraceFacts f) {
        if (f.invariant().equals("wait-liveness") && !f.message().contains("SIGCONT")) return false;
        int stop = f.last(0, f.size(), i -> f.by(i, "tracee") && f.function(i).equals("utrace_get_signal")
            && f.detail(i).startsWith("SIGSTOP: do_signal_stop"));
        if (stop < 0) return false;
        int pass = f.last(0, stop, i -> f.by(i, "tracee") && f.detail(i).startsWith("report_signal pass for"));
        if (pass < 0 || !f.detail(pass).equals("report_signal pass for SIGSTOP")) return false;
        return f.first(pass + 1, stop, i -> f.detail(i).contains("SIGCONT") && f.cleared(i, "task.jobctl", "STOP_DEQUEUED")) >= 0;
    }

    /**
     * Finding 6: a ptrace request failed with -ESRCH while the tracee was TRACED|UTRACED: wait_task_inactive's
     * locked re-check compares the state with == (patch 13 changed only the busy-wait).
     */
    private static boolean f6(TraceFacts f) {
        Matcher m = Pattern.compile("-ESRCH although the tracee is in its ptrace stop \\(([A-Z|]+)\\)").matcher(f.message());
        return m.find() && TraceFacts.has(m.group(1), "TRACED") && TraceFacts.has(m.group(1), "UTRACED");
    }

    /**
     * Finding 7: after exit_notify decided the death report (history: death-will-report) and before
     * utrace_report_death set utrace->death, a utrace_control took DEATH and QUIESCE out of utrace_flags
     * (utrace_reset on a dead task keeps only REAP): release_task no longer defers the reap.
     */
    private static boolean f7(TraceFacts f) {
        return f.first(0, f.size(), i -> f.function(i).equals("utrace_control")
            && TraceFacts.has(f.before(i).get("history.task"), "death-will-report") && "0".equals(f.before(i).get("utrace.death"))
            && (f.cleared(i, "task.utrace_flags", "DEATH") || f.cleared(i, "task.utrace_flags", "QUIESCE"))
            && !TraceFacts.has(f.after(i).get("task.utrace_flags"), "DEATH")
            && !TraceFacts.has(f.after(i).get("task.utrace_flags"), "QUIESCE")) >= 0;
    }

    /** The steps of a report pass already under way, up to its utrace_stop: no new entry into the kernel's hooks. */
    private static final Set<String> IN_PASS = Set.of("start_callback", "REPORT_CALLBACKS", "finish_callback",
        "finish_callback_report", "finish_report", "finish_report_reset", "finish_resume_report", "utrace_stop");

    /**
     * Finding 8: the engine's utrace_control(STOP) returned -EINPROGRESS while the tracee was already inside a
     * report pass headed for utrace_stop (after its callbacks, or between its report_quiesce and the flags'
     * re-read): every tracee step from the return to the sleep belongs to that pass (no return to user mode,
     * no new hook), so the report the -EINPROGRESS promised cannot come before the stop.
     */
    private static boolean f8(TraceFacts f) {
        String e = f.engineAfter("utrace_stop for ");
        if (e == null) return false;
        int ret = f.last(0, f.size(), i -> f.by(i, "owner " + e) && f.detail(i).contains("utrace_control STOP returns -EINPROGRESS"));
        int sleep = f.last(0, f.size(), i -> f.by(i, "tracee") && f.set(i, "task.state", "UTRACED"));
        if (ret < 0 || sleep < ret) return false;
        return f.first(ret + 1, sleep, i -> f.by(i, "tracee") && !IN_PASS.contains(f.function(i)) && !getSignalPassStep(f, i)) < 0;
    }

    /**
     * A step of utrace_get_signal's own report pass (its callback, or its action on the engines' disposition),
     * not its entry (which takes utrace->resume under the lock): checker fuzz --seed 12 met finding 8's -EINPROGRESS
     * while that pass ran.
     */
    private static boolean getSignalPassStep(TraceFacts f, int i) {
        return f.function(i).equals("utrace_get_signal") && !f.label(i).startsWith("lock; splice_attaching");
    }

    /**
     * Finding 10: utrace_barrier returned -ESRCH while a callback to the engine could still run, and the reap
     * was under way (utrace->reap set): get_utrace_lock answers -ESRCH for utrace->reap before utrace_barrier
     * looks at utrace->reporting.
     */
    private static boolean f10(TraceFacts f) {
        if (!f.message().contains("returned -ESRCH")) return false;
        int b = f.last(0, f.size(), i -> f.function(i).equals("utrace_barrier") && f.detail(i).contains("returns -ESRCH"));
        return b >= 0 && "1".equals(f.before(b).get("utrace.reap"));
    }

    /**
     * callback-promised: which call made the promise decides. Finding 11: utrace_set_events added QUIESCE while
     * the tracee was stopped. Finding 15: utrace_control(INTERRUPT) from an engine without QUIESCE, whether the
     * tracee was stopped (no callback at all) or running (no report_signal: a report with no signal needs QUIESCE).
     */
    private static FuzzClass promise(TraceFacts f) {
        String e = f.engineAfter("report_signal to ");
        if (e == null) return null;
        String ghost = "history.engine[" + e + "]";
        // callback-owed (a stopped tracee's promise), or signal-report-owed (INTERRUPT's report_signal, stopped or not)
        int owed = f.last(0, f.size(), i -> f.set(i, ghost, "callback-owed") || f.set(i, ghost, "signal-report-owed"));
        if (owed < 0) return null;
        if (f.function(owed).equals("utrace_set_events")) return F11;
        // the owner's call, or the engine's own from its callback ("callback calls utrace_control:INTERRUPT on itself")
        boolean interrupt = f.function(owed).equals("utrace_control") && f.detail(owed).contains("utrace_control INTERRUPT")
            || f.detail(owed).contains("utrace_control:INTERRUPT on itself");
        if (interrupt && !TraceFacts.has(f.before(owed).get("engine[" + e + "].flags"), "QUIESCE")) return F15;
        // Finding 20: finish_report's locked write put a weaker action over the INTERRUPT after it was asked
        if (interrupt && f.first(owed + 1, f.size(), i -> f.function(i).equals("finish_report") && overwrites(f.change(i, "utrace.resume"))) >= 0) {
            return F20;
        }
        return null;
    }

    /** A change of utrace->resume from UTRACE_INTERRUPT to a weaker action (finding 20's lost INTERRUPT). */
    private static boolean overwrites(Trace.Change c) {
        return c != null && c.oldValue().equals("INTERRUPT") && !c.newValue().equals("INTERRUPT") && !c.newValue().equals("STOP");
    }

    /**
     * Finding 12: the tracee's get_signal_to_deliver read utrace->pending_attach, the engine was attached, and
     * only then did utrace_get_signal read utrace_flags and begin the signal's report pass without splicing it.
     */
    private static boolean f12(TraceFacts f) {
        String e = f.engineAfter("began with ");
        if (e == null || !f.message().contains("left on ->attaching")) return false;
        int pass = f.last(0, f.size(), i -> f.by(i, "tracee") && f.detail(i).startsWith("report_signal pass for"));
        int read = f.last(0, Math.max(pass, 0), i -> f.by(i, "tracee") && f.function(i).equals("get_signal_to_deliver"));
        return pass >= 0 && read >= 0
            && f.first(read + 1, pass, i -> f.by(i, "owner " + e) && f.function(i).equals("utrace_add_engine")) >= 0;
    }

    /**
     * Finding 13: after the callback of an engine returned UTRACE_STOP, a pass took the report finish_report
     * asked for (utrace->resume REPORT or INTERRUPT back to RESUME, in utrace_resume or utrace_get_signal) while
     * that engine had no QUIESCE, without applying its ENGINE_STOP: utrace_resume's REPORT case and
     * utrace_get_signal's early return skip start_callback when no engine has QUIESCE, and utrace_get_signal's
     * loop skips an engine that wants neither QUIESCE nor the event. The engine lacks QUIESCE somewhere from that
     * pass's start to the end: it may ask for QUIESCE only after the pass skipped it (checker fuzz --seed 38,
     * random 1055), or drop it while the pass runs, before utrace_get_signal's loop reads its flags (random 669).
     */
    private static boolean f13(TraceFacts f) {
        String e = f.engineAfter("a callback of ");
        if (e == null) return false;
        int stop = f.last(0, f.size(), i -> f.by(i, "tracee") && f.detail(i).contains("(" + e + ") returns STOP"));
        if (stop < 0) return false;
        int pass = f.first(stop + 1, f.size(), i -> f.by(i, "tracee")
            && (f.function(i).equals("tracehook_notify_resume") || f.function(i).equals("utrace_get_signal"))
            && (f.cleared(i, "utrace.resume", "REPORT") || f.cleared(i, "utrace.resume", "INTERRUPT")));
        if (pass < 0) return false;
        for (int i = pass; i <= f.size(); i++) {
            if (!TraceFacts.has(f.before(i).get("engine[" + e + "].flags"), "QUIESCE")) return true;
        }
        return false;
    }

    /** An engine name, a signal, an errno, a number, an action, a callback or API name: made generic. */
    static String normalise(String invariant, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            if (guardProblem(p)) continue;
            String m = p.replaceAll("\\bE\\d+\\b", "E#")
                .replaceAll("\\bSIG[A-Z0-9]+\\b", "SIG#")
                .replaceAll("-E[A-Z]+\\b", "-ERRNO")
                .replaceAll("\\b\\d+\\b", "#")
                .replaceAll("UTRACE_[A-Z]+", "UTRACE_#")
                .replaceAll("\\b(STOP|RESUME|REPORT|INTERRUPT|DETACH|SINGLESTEP|BLOCKSTEP)\\b", "ACTION")
                .replaceAll("report_[a-z_]+", "report_#");
            if (!out.contains(m)) out.add(m);
        }
        java.util.Collections.sort(out);
        String joined = String.join("; ", out);
        return joined.length() > 200 ? joined.substring(0, 200) : joined;
    }
}

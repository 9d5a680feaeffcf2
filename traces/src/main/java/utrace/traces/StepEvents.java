package utrace.traces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each step of a trace did that a reader follows the story by: engine
 * API calls and ptrace requests made and returned, callbacks into engines,
 * signals sent and delivered, stops and wake-ups, the tracee's system calls,
 * its return to user mode and its death, and the weak memory model's store
 * buffer flushes. A step with none of these is internal (taking a lock,
 * start_callback's bookkeeping...): the brief view folds it.
 *
 * <p>Everything is read from the trace alone, as the model records it: the
 * step's role and detail, the variables it changed, and the program counters
 * in the state before it (an owner's "pc.owner E1" names the call it is in,
 * e.g. "utrace_control STOP"; the tracer's names the request,
 * "PTRACE_SINGLESTEP"). So traces written by older builds read too, and no
 * model code is involved.
 */
final class StepEvents {
    enum Kind {
        /** An API call or ptrace request starts (and does not return in the same step). */
        CALL,
        /** A call returns: {@code subject} the call, {@code result} what it returned. */
        RETURN,
        /** Something done once with no result: a system call, kill(), release_task(), return to user mode, death. */
        ACTION,
        /** A call into an engine's ops: {@code subject} "report_quiesce(E1)", {@code result} its return value. */
        CALLBACK,
        /** A signal queued for the tracee by another actor: {@code subject} the signal. */
        SIGNAL_SENT,
        /** The tracee dequeued a signal: {@code subject} the signal. */
        SIGNAL_DELIVERED,
        /** The tracee goes to sleep: {@code subject} the function, {@code result} the task state. */
        STOP,
        /** Another actor changed the sleeping tracee's state (woke it, or cleared one of its stop bits). */
        WAKE,
        /** The tracee runs again after a stop (schedule() returned). */
        RUNS,
        /** The weak memory model: a store buffer flushed, or a load performed early. */
        MEMORY
    }

    /**
     * @param target the lane an arrow for this event goes to: the tracee's actor name, "engine E1", or "" for none
     */
    record Event(Kind kind, String text, String subject, String result, String target) {}

    /**
     * One step's story.
     *
     * @param operation for an owner, the tracer or a killer: the call the step belongs to
     *     ("utrace_control(E1, STOP)", "PTRACE_CONT", "kill(SIGKILL)"); "" for others
     */
    record Story(Trace.Step step, String operation, List<Event> events) {
        boolean internal() {
            return events.isEmpty();
        }
    }

    private StepEvents() {}

    static final String TRACEE = "tracee";
    private static final Pattern RETURNS = Pattern.compile("(?:^|; )(?:utrace_\\S+(?: [A-Z_|]+| exclusive)?|PTRACE_[A-Z]+) returns (\\S+?)(?:;|$)");
    private static final Pattern TRACEE_CALL = Pattern.compile("(system call(?:: ([^;]+))?|exit\\(\\d*\\))");
    private static final Pattern WAITPID = Pattern.compile("(?:^|; )waitpid\\(\\) = ([^;]+?)(?:;|$)");
    private static final Pattern SENT = Pattern.compile("(?:^|; )send (SIG[A-Z0-9]+|sig#\\d+)");
    private static final Pattern SELF_CALL = Pattern.compile("callback calls (utrace_[a-z_]+)(?: ([A-Z_|]+))? on itself: (\\S+?)(?:;|$)");
    private static final Pattern SIGNALS = Pattern.compile("SIG[A-Z0-9]+|sig#\\d+");
    /** A barrier the weak model runs without (--without-barrier): "smp_mb() [B1.reader] removed". */
    private static final Pattern REMOVED_BARRIER = Pattern.compile("(?:^|; )([^;]*\\[B\\d\\.\\w+\\] removed)");

    /** One story per step, in order. */
    static List<Story> of(Trace t) {
        List<Map<String, String>> states = TraceStates.lenient(t);
        String tracee = traceeName(t);
        List<Story> out = new ArrayList<>(t.steps().size());
        // Whether an actor's current call has already had a step (so this one does not start it).
        Set<String> inCall = new LinkedHashSet<>();
        for (Trace.Step s : t.steps()) {
            Map<String, String> before = states.get(s.index() - 1);
            Map<String, String> after = states.get(s.index());
            List<Event> events = new ArrayList<>();
            String operation = "";
            switch (s.role()) {
                case "owner":
                case "ptrace": {
                    String pc = before.getOrDefault("pc." + s.actorName(), "");
                    operation = s.role().equals("owner") ? ownerCall(pc, engineOf(s.actorName())) : ptraceCall(pc);
                    // The model's examine is the debugger's two calls: utrace_prepare_examine, then utrace_finish_examine.
                    if (s.function().equals("utrace_finish_examine")) operation = "utrace_finish_examine(" + engineOf(s.actorName()) + ")";
                    boolean starts = inCall.add(s.actorName());
                    String result = returned(s);
                    if (result == null && s.function().equals("utrace_prepare_examine") && s.detail().startsWith("prepared")) {
                        result = "0";
                    }
                    if (result != null) {
                        inCall.remove(s.actorName());
                        events.add(new Event(Kind.RETURN, operation + " = " + result, operation, result, ""));
                    } else if (starts && !operation.isEmpty()) {
                        events.add(new Event(Kind.CALL, operation + " \u2026", operation, "", ""));
                    }
                    break;
                }
                case "killer": {
                    Matcher m = SENT.matcher(s.detail());
                    if (m.find()) {
                        operation = "kill(" + m.group(1) + ")";
                        events.add(new Event(Kind.SIGNAL_SENT, operation, m.group(1), "", tracee));
                    }
                    break;
                }
                case "parent":
                    if (s.function().equals("wait_task_zombie")) {
                        // what waitpid reported ("exited 0", "killed SIGKILL"); older traces do not say
                        Matcher w = WAITPID.matcher(s.detail());
                        String got = w.find() ? w.group(1) : "the zombie, now EXIT_DEAD";
                        events.add(new Event(Kind.RETURN, "wait() = " + got, "wait()", got, ""));
                    } else if (s.function().equals("utrace_release_task")) {
                        events.add(new Event(Kind.ACTION, "release_task()", "release_task()", "", ""));
                    }
                    break;
                case "tracee":
                    tracee(s, before, after, events);
                    break;
                case "memory":
                    events.add(new Event(Kind.MEMORY, s.label(), s.label(), "", ""));
                    break;
                default:
                    break;
            }
            for (Callbacks.Call c : Callbacks.of(s)) {
                String call = (c.detachedOps() ? "utrace_detached_ops: " : "") + c.callback() + "(" + c.engine()
                    + (c.signalAction().isEmpty() ? "" : ", " + c.signalAction()) + ")";
                String result = action(c.returns());
                events.add(new Event(Kind.CALLBACK, call + (result.isEmpty() ? "" : " = " + result), call, result,
                    "engine " + c.engine()));
            }
            if (!s.role().equals("tracee")) othersEffects(s, before, after, tracee, events);
            Matcher removed = REMOVED_BARRIER.matcher(s.detail());
            while (removed.find()) events.add(new Event(Kind.MEMORY, removed.group(1), removed.group(1), "", ""));
            out.add(new Story(s, operation, Collections.unmodifiableList(events)));
        }
        return out;
    }

    /** The tracee's own events: its system calls, stops, signals dequeued, return to user mode, exit. */
    private static void tracee(Trace.Step s, Map<String, String> before, Map<String, String> after, List<Event> events) {
        String d = s.detail();
        if (s.function().equals("user mode")) {
            Matcher call = TRACEE_CALL.matcher(d);
            if (call.find()) {
                // "system call", or the one the model acts out: "system call: raise(SIGQUIT)"; "exit()", "exit(42)"
                String what = call.group(2) != null ? call.group(2) : call.group(1);
                events.add(new Event(Kind.ACTION, what, what, "", ""));
            }
        }
        if (s.label().startsWith("schedule() returns")) {
            events.add(new Event(Kind.RUNS, "runs again: leaves " + s.function(), s.function(), "", ""));
        }
        Matcher self = SELF_CALL.matcher(d);
        while (self.find()) {
            String call = self.group(1) + "(" + (self.group(2) == null ? "" : self.group(2)) + ")";
            events.add(new Event(Kind.RETURN, call + " = " + self.group(3) + " (from the callback)", call, self.group(3), ""));
        }
        // dequeue_signal takes from task->pending first, then signal->shared_pending (where kill() queues)
        for (String queue : QUEUES) {
            for (String sig : removed(before.get(queue), after.get(queue))) {
                events.add(new Event(Kind.SIGNAL_DELIVERED, "dequeues " + sig, sig, "", ""));
            }
        }
        String was = before.get("task.state");
        String now = after.get("task.state");
        if ("RUNNING".equals(was) && now != null && !now.equals("RUNNING")) {
            events.add(new Event(Kind.STOP, "sleeps in " + s.function() + " (" + now + ")", s.function(), now, ""));
        }
        String exitWas = before.get("task.exit_state");
        String exitNow = after.get("task.exit_state");
        if (exitNow != null && !exitNow.equals(exitWas)) {
            events.add(new Event(Kind.ACTION, "exit_state = EXIT_" + exitNow, "exit_state", exitNow, ""));
        }
        if (s.function().equals("do_exit") && s.label().equals("TASK_DEAD")) {
            events.add(new Event(Kind.ACTION, "dies (TASK_DEAD)", "TASK_DEAD", "", ""));
        }
        if (d.contains("return to user mode")) events.add(new Event(Kind.ACTION, "returns to user mode", "user mode", "", ""));
    }

    /** What another actor did to the tracee: signals queued (other than a killer's, told by its detail), its task state. */
    private static void othersEffects(Trace.Step s, Map<String, String> before, Map<String, String> after, String tracee,
                                      List<Event> events) {
        if (!s.role().equals("killer")) {
            for (String queue : QUEUES) {
                for (String sig : removed(after.get(queue), before.get(queue))) {
                    events.add(new Event(Kind.SIGNAL_SENT, "sends " + sig, sig, "", tracee));
                }
            }
        }
        String was = before.get("task.state");
        String now = after.get("task.state");
        if (was != null && now != null && !was.equals(now) && !was.equals("RUNNING")) {
            String text = now.equals("RUNNING") ? "wakes the tracee (" + was + " \u2192 RUNNING)"
                : "tracee: " + was + " \u2192 " + now;
            events.add(new Event(Kind.WAKE, text, was, now, tracee));
        }
    }

    /** The two pending sets a trace shows: the task's own and the thread group's shared one (kill()). */
    private static final List<String> QUEUES = List.of("task.pending", "signal.shared_pending");

    /** The signals in set {@code a} ("{SIGSTOP,SIGKILL}") that are not in set {@code b}. */
    static List<String> removed(String a, String b) {
        if (a == null || b == null || a.equals(b)) return List.of();
        List<String> out = new ArrayList<>();
        Set<String> inB = new LinkedHashSet<>();
        Matcher mb = SIGNALS.matcher(b);
        while (mb.find()) inB.add(mb.group());
        Matcher ma = SIGNALS.matcher(a);
        while (ma.find()) if (!inB.contains(ma.group())) out.add(ma.group());
        return out;
    }

    /** The result a call's last step reports ("utrace_control STOP returns 0"), or null if it did not return here. */
    private static String returned(Trace.Step s) {
        // The tracer's wait() returns what waitpid reports ("stopped SIGSTOP", "killed SIGPIPE", "nothing").
        Matcher w = WAITPID.matcher(s.detail());
        if (w.find()) return w.group(1);
        Matcher m = RETURNS.matcher(s.detail());
        if (m.find()) return m.group(1);
        // The debugger's wait for a stop (not an API call) ends with "tracee is UTRACED" or "tracee is dead".
        if (s.function().equals("debugger wait") && s.detail().startsWith("tracee is ")) return s.detail().substring(10);
        return null;
    }

    /** A callback's return value as the kernel spells it: "STOP|UTRACE_SIGNAL_IGN" -> "UTRACE_STOP|UTRACE_SIGNAL_IGN". */
    static String action(String returns) {
        if (returns.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (String p : returns.split("\\|")) parts.add(p.startsWith("UTRACE_") ? p : "UTRACE_" + p);
        return String.join("|", parts);
    }

    /**
     * An owner's call, from its program counter as the model names it (Owner.where: "utrace_control STOP",
     * "utrace_set_events QUIESCE|DEATH", "utrace_examine", "utrace_wait_stopped", "done"), as a call
     * with its engine and argument.
     */
    static String ownerCall(String pc, String engine) {
        if (pc.isEmpty() || pc.equals("done")) return "";
        int space = pc.indexOf(' ');
        String fn = space < 0 ? pc : pc.substring(0, space);
        String arg = space < 0 ? "" : pc.substring(space + 1);
        switch (fn) {
            case "utrace_wait_stopped": return "wait for a stop";
            case "utrace_attach":
                fn = "utrace_attach_task";
                if (arg.equals("exclusive")) arg = "UTRACE_ATTACH_EXCLUSIVE";
                break;
            case "utrace_put": fn = "utrace_engine_put"; break;
            case "utrace_examine": fn = "utrace_prepare_examine"; break;
            default: break;
        }
        return fn + "(" + engine + (arg.isEmpty() ? "" : ", " + arg) + ")";
    }

    /** Whether a returned call ends its script operation (utrace_prepare_examine returning 0 goes on to utrace_finish_examine). */
    static boolean endsOperation(String call, String result) {
        return !(call.startsWith("utrace_prepare_examine(") && result.equals("0"));
    }

    /** The tracer's request, from its program counter (Ptracer.where: "PTRACE_CONT", "PTRACE_WAIT", "done"). */
    static String ptraceCall(String pc) {
        switch (pc) {
            case "":
            case "done": return "";
            case "PTRACE_WAIT": return "wait()";
            case "PTRACE_EXIT": return "exit_ptrace()";
            default: return pc;
        }
    }

    /** "owner E1" -> "E1". */
    static String engineOf(String ownerName) {
        return ownerName.startsWith("owner ") ? ownerName.substring(6) : ownerName;
    }

    /** The tracee's actor name (the actor of role tracee; "tracee" in every model so far). */
    static String traceeName(Trace t) {
        for (Trace.Step s : t.steps()) if (s.role().equals("tracee")) return s.actorName();
        return TRACEE;
    }

    /**
     * Steps grouped into runs: a run is one shown step, or consecutive internal steps (the brief view folds
     * those); step {@code keep} (the last one: the violation is about it) is shown even if internal.
     */
    static List<List<Story>> runs(List<Story> stories, int keep) {
        List<List<Story>> out = new ArrayList<>();
        List<Story> folded = new ArrayList<>();
        for (Story st : stories) {
            if (st.internal() && st.step().index() != keep) {
                folded.add(st);
                continue;
            }
            if (!folded.isEmpty()) {
                out.add(folded);
                folded = new ArrayList<>();
            }
            out.add(List.of(st));
        }
        if (!folded.isEmpty()) out.add(folded);
        return out;
    }

    /** "… 3 internal steps of tracee: start_callback, finish_callback" for a folded run. */
    static String foldedText(List<Story> run) {
        Map<String, Set<String>> byActor = new java.util.LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Story st : run) {
            byActor.computeIfAbsent(st.step().actorName(), k -> new LinkedHashSet<>()).add(st.step().function());
            counts.merge(st.step().actorName(), 1, Integer::sum);
        }
        String steps = run.size() == 1 ? "1 internal step" : run.size() + " internal steps";
        if (byActor.size() == 1) {
            String actor = byActor.keySet().iterator().next();
            return "\u2026 " + steps + " of " + actor + ": " + String.join(", ", byActor.get(actor));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : byActor.entrySet()) {
            parts.add(e.getKey() + " " + counts.get(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")");
        }
        return "\u2026 " + steps + ": " + String.join("; ", parts);
    }
}

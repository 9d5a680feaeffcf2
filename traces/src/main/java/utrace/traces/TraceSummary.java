package utrace.traces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import utrace.model.OwnerOp;
import utrace.model.PtraceOp;
import utrace.model.Scenario;
import utrace.model.ScenarioParser;
import utrace.model.Signals;
import utrace.model.TraceeOp;

/**
 * The per-actor summary a counterexample opens with, as Lincheck opens with
 * each thread's operations and results: for every actor, in its program
 * order, the engine API calls and ptrace requests it made and what each
 * returned, the callbacks the tracee made and what they returned, the
 * signals sent and dequeued, stops and wake-ups; calls still running at the
 * end and calls of the scenario's script never started are listed too.
 * Derived from the trace alone ({@link StepEvents}, plus the scenario text
 * the trace embeds for the calls never started), so it is written into new
 * JSON traces for tools and recomputed, not read, when a trace is loaded.
 */
public final class TraceSummary {
    private TraceSummary() {}

    /** One actor's line-up. */
    @JsonPropertyOrder({"actor", "role", "calls"})
    public record Actor(
            @JsonProperty("actor") String actor,
            @JsonProperty("role") String role,
            @JsonProperty("calls") List<Entry> calls) {
        public Actor {
            calls = List.copyOf(calls);
        }
    }

    /**
     * One call or event. {@code status}: "returned" (a call and its result), "running" (started,
     * not returned when the trace ends), "not started" (in the scenario's script, never reached),
     * "done" (an event with no result: a callback without a return value, a signal, a stop).
     * {@code steps} is [first, last] (one element for a one-step event, empty if not started).
     */
    @JsonPropertyOrder({"kind", "call", "result", "status", "steps", "text"})
    public record Entry(
            @JsonProperty("kind") String kind,
            @JsonProperty("call") String call,
            @JsonProperty("result") @JsonInclude(JsonInclude.Include.NON_EMPTY) String result,
            @JsonProperty("status") String status,
            @JsonProperty("steps") List<Integer> steps,
            @JsonProperty("text") String text) {
        public Entry {
            steps = List.copyOf(steps);
        }

        /** "[3-4]", "[7]", "[-]". */
        public String stepRange() {
            if (steps.isEmpty()) return "[-]";
            return "[" + steps.get(0) + (steps.size() > 1 ? "-" + steps.get(steps.size() - 1) : "") + "]";
        }
    }

    public static final String RETURNED = "returned";
    public static final String RUNNING = "running";
    public static final String NOT_STARTED = "not started";
    public static final String DONE = "done";

    /** Every actor of the trace, in the model's actor order (actors that never step included). */
    public static List<Actor> of(Trace t) {
        List<StepEvents.Story> stories = StepEvents.of(t);
        Scenario scenario = parse(t);
        Map<String, String> last = t.finalState();
        List<Actor> out = new ArrayList<>();
        for (String name : TraceActors.actors(t)) {
            String role = role(t, name);
            List<StepEvents.Story> mine = new ArrayList<>();
            for (StepEvents.Story st : stories) if (st.step().actorName().equals(name)) mine.add(st);
            List<Entry> entries;
            switch (role) {
                case "owner":
                case "ptrace":
                    entries = calls(mine);
                    notStarted(entries, operations(entries), scriptOf(scenario, role, name), last.get("pc." + name), role, name);
                    break;
                default:
                    entries = events(mine, role.equals("tracee"));
                    break;
            }
            if (role.equals("killer")) killerRest(entries, scenario, last.get("pc." + name));
            if (role.equals("parent") && entries.stream().noneMatch(e -> e.call().equals("wait()"))) {
                entries.add(0, new Entry("call", "wait()", "", RUNNING, List.of(), "wait(): not returned (no zombie to reap)"));
            }
            if (role.equals("tracee")) traceeEnd(entries, t, scenario);
            out.add(new Actor(name, role, entries));
        }
        return out;
    }

    /** Owners and the tracer: one entry per call, from its first step to the step it returned in. */
    private static List<Entry> calls(List<StepEvents.Story> mine) {
        List<Entry> out = new ArrayList<>();
        String call = null;
        int first = 0;
        for (StepEvents.Story st : mine) {
            int i = st.step().index();
            if (call == null) {
                call = st.operation();
                first = i;
            }
            for (StepEvents.Event e : st.events()) {
                if (e.kind() != StepEvents.Kind.RETURN) continue;
                out.add(new Entry("call", call, e.result(), RETURNED, span(first, i), call + " = " + e.result()));
                call = null;
            }
        }
        if (call != null) {
            int lastStep = mine.get(mine.size() - 1).step().index();
            out.add(new Entry("call", call, "", RUNNING, span(first, lastStep), call + ": not returned"));
        }
        return out;
    }

    /**
     * Everyone else: one entry per event (the tracee's callbacks, stops, signals; a killer's kill(); the parent's
     * wait() and report_reap). What others do to the tracee's state (wake-ups) is the tracee's story, told in the
     * interleaving, not a call of theirs.
     */
    private static List<Entry> events(List<StepEvents.Story> mine, boolean tracee) {
        List<Entry> out = new ArrayList<>();
        for (StepEvents.Story st : mine) {
            for (StepEvents.Event e : st.events()) {
                if (!tracee && e.kind() == StepEvents.Kind.WAKE) continue;
                boolean hasResult = e.kind() == StepEvents.Kind.RETURN
                    || (e.kind() == StepEvents.Kind.CALLBACK && !e.result().isEmpty());
                String call = e.kind() == StepEvents.Kind.SIGNAL_SENT && !st.operation().isEmpty() ? st.operation() : e.subject();
                out.add(new Entry(kindName(e.kind()), call, hasResult ? e.result() : "", hasResult ? RETURNED : DONE,
                    List.of(st.step().index()), e.text()));
            }
        }
        return out;
    }

    /** How many of the script's operations the entries cover (a started one included). */
    private static int operations(List<Entry> entries) {
        int n = 0;
        for (Entry e : entries) if (!e.status().equals(RETURNED) || StepEvents.endsOperation(e.call(), e.result())) n++;
        return n;
    }

    /** The script's calls after the ones the trace shows; if the script is unknown, the call the final state is in. */
    private static void notStarted(List<Entry> entries, int started, List<String> script, String finalPc, String role, String name) {
        if (script != null) {
            for (int k = started; k < script.size(); k++) {
                entries.add(new Entry("call", script.get(k), "", NOT_STARTED, List.of(), script.get(k) + ": not started"));
            }
            return;
        }
        boolean running = !entries.isEmpty() && entries.get(entries.size() - 1).status().equals(RUNNING);
        String call = role.equals("owner") ? StepEvents.ownerCall(finalPc == null ? "" : finalPc, StepEvents.engineOf(name))
            : StepEvents.ptraceCall(finalPc == null ? "" : finalPc);
        if (!running && !call.isEmpty()) entries.add(new Entry("call", call, "", NOT_STARTED, List.of(), call + ": not started"));
    }

    /** A killer's signals not sent yet. */
    private static void killerRest(List<Entry> entries, Scenario scenario, String finalPc) {
        List<String> rest = new ArrayList<>();
        if (scenario != null) {
            List<Integer> sigs = scenario.killer();
            for (int k = entries.size(); k < sigs.size(); k++) rest.add(Signals.name(sigs.get(k)));
        } else if (finalPc != null && finalPc.startsWith("send ")) {
            rest.add(finalPc.substring(5));
        }
        for (String sig : rest) {
            entries.add(new Entry("signal sent", "kill(" + sig + ")", "", NOT_STARTED, List.of(), "kill(" + sig + "): not sent"));
        }
    }

    /** Where the tracee is when the trace ends, and its scripted system calls never made. */
    private static void traceeEnd(List<Entry> entries, Trace t, Scenario scenario) {
        if (scenario != null) {
            int made = 0;
            for (Entry e : entries) if (e.call().equals("system call") || e.call().equals("exit()")) made++;
            List<TraceeOp> script = scenario.tracee();
            for (int k = made; k < script.size(); k++) {
                String call = script.get(k) == TraceeOp.EXIT ? "exit()" : "system call";
                entries.add(new Entry("action", call, "", NOT_STARTED, List.of(), call + ": not reached"));
            }
        }
        Map<String, String> last = t.finalState();
        String state = last.get("task.state");
        String pc = last.get("pc." + StepEvents.traceeName(t));
        if ("DEAD".equals(last.get("task.exit_state")) && pc != null && pc.contains("TASK_DEAD")) return;
        String where = state != null && !state.equals("RUNNING")
            ? "asleep (" + state + ")" + (pc == null ? "" : " in " + pc.substring(0, Math.max(0, pc.indexOf(':'))))
            : pc == null ? "" : "at " + pc;
        if (!where.isEmpty()) entries.add(new Entry("end", "at the end", where, RUNNING, List.of(), "at the end: " + where));
    }

    private static List<String> scriptOf(Scenario scenario, String role, String name) {
        if (scenario == null) return null;
        List<String> out = new ArrayList<>();
        if (role.equals("ptrace")) {
            for (PtraceOp op : scenario.ptrace()) out.add(StepEvents.ptraceCall(op.request()));
            return out;
        }
        String engine = StepEvents.engineOf(name);
        int e = scenario.engineIndex(engine);
        if (e < 0) return null;
        for (OwnerOp op : scenario.owners().get(e)) {
            String call = StepEvents.ownerCall("utrace_" + op, engine);
            out.add(op.kind() == OwnerOp.Kind.EXAMINE ? call + ", utrace_finish_examine(" + engine + ")" : call);
        }
        return out;
    }

    private static Scenario parse(Trace t) {
        try {
            return ScenarioParser.parse("scenario.source", t.scenario().source());
        } catch (Exception e) {
            return null; // a trace whose scenario this build cannot parse: the summary lists what happened only
        }
    }

    /** An actor's role: from its steps, else from its name as the model names actors. */
    static String role(Trace t, String name) {
        for (Trace.Step s : t.steps()) if (s.actorName().equals(name)) return s.role();
        if (name.equals("tracee")) return "tracee";
        if (name.startsWith("owner ")) return "owner";
        if (name.startsWith("killer")) return "killer";
        if (name.equals("parent")) return "parent";
        if (name.equals("ptrace")) return "ptrace";
        if (name.startsWith("store buffer") || name.startsWith("early load")) return "memory";
        return "";
    }

    private static String kindName(StepEvents.Kind k) {
        if (k == StepEvents.Kind.RETURN || k == StepEvents.Kind.CALL) return "call";
        if (k == StepEvents.Kind.RUNS) return "runs again";
        return k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static List<Integer> span(int first, int last) {
        return first == last ? List.of(first) : List.of(first, last);
    }

    /** The summary as text lines: "  tracee     [5]   report_quiesce(E1) = UTRACE_STOP". */
    static List<String> lines(List<Actor> actors, int width) {
        int nameW = 0;
        int stepW = 0;
        for (Actor a : actors) {
            nameW = Math.max(nameW, a.actor().length());
            for (Entry e : a.calls()) stepW = Math.max(stepW, e.stepRange().length());
        }
        List<String> out = new ArrayList<>();
        String indent = "  ";
        for (Actor a : actors) {
            if (a.calls().isEmpty()) {
                out.add(indent + TextWrap.pad(a.actor(), nameW) + "  (no step)");
                continue;
            }
            boolean first = true;
            for (Entry e : a.calls()) {
                String lead = indent + TextWrap.pad(first ? a.actor() : "", nameW) + "  " + TextWrap.pad(e.stepRange(), stepW) + " ";
                List<String> wrapped = TextWrap.wrap(e.text(), Math.max(30, width - lead.length()));
                out.add(lead + wrapped.get(0));
                for (int k = 1; k < wrapped.size(); k++) out.add(" ".repeat(lead.length() + 2) + wrapped.get(k));
                first = false;
            }
        }
        return out;
    }

    static Map<String, Actor> byName(List<Actor> actors) {
        Map<String, Actor> m = new LinkedHashMap<>();
        for (Actor a : actors) m.put(a.actor(), a);
        return m;
    }
}

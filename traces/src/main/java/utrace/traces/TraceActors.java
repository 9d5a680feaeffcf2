package utrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who appears in a trace, from the trace alone. Every actor of the model has
 * a program counter "pc.NAME" in the state (Model.describe lists them in
 * actor order), so actors that never step are known too; every engine has
 * "engine[NAME].ops".
 */
final class TraceActors {
    private TraceActors() {}

    private static final Pattern ENGINE = Pattern.compile("engine\\[(\\w+)]\\.ops");

    /** Actor names in the model's actor order. */
    static List<String> actors(Trace t) {
        List<String> out = new ArrayList<>();
        for (String var : t.finalState().keySet()) if (var.startsWith("pc.")) out.add(var.substring(3));
        // A trace whose state lacks a program counter still shows every actor that steps.
        Map<Integer, String> stepping = new TreeMap<>();
        for (Trace.Step s : t.steps()) stepping.putIfAbsent(s.actor(), s.actorName());
        for (String name : stepping.values()) if (!out.contains(name)) out.add(name);
        return out;
    }

    /** Engine names in the model's engine order. */
    static List<String> engines(Trace t) {
        List<String> out = new ArrayList<>();
        for (String var : t.finalState().keySet()) {
            Matcher m = ENGINE.matcher(var);
            if (m.matches()) out.add(m.group(1));
        }
        for (Trace.Step s : t.steps()) {
            for (Callbacks.Call c : Callbacks.of(s)) if (!out.contains(c.engine())) out.add(c.engine());
        }
        return out;
    }
}

package utrace.checker.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as the fuzzer edits it: the statements of the text format
 * (docs/scenario-format.md), each kept as the words the format writes, so that
 * a generator or a mutation can add, drop or replace one item and {@link
 * #render()} writes the file again. It knows the format's layout, not what it
 * means: the project's ScenarioParser is the judge of every rendered text
 * (a text it refuses is a generator bug, which the fuzzer counts).
 *
 * <p>Stated results ({@code wait -> stopped SIGSTOP}, {@code parent wait ->
 * exited 0}, {@code attach -> 0}) and the {@code description}, {@code
 * follows} and {@code checks} lines are not kept: a changed scenario is
 * another program, and its parent test's assertions are not about it (h3's
 * throwaway fuzzer kept them, and 625 of its reports were those assertions
 * failing on mutated scenarios: noise).
 */
final class ScenarioDraft {
    /** An engine line: its name, whether preattached, and its events= words (empty: none written). */
    static final class Engine {
        final String name;
        boolean preattached;
        final List<String> events = new ArrayList<>();

        Engine(String name, boolean preattached) {
            this.name = name;
            this.preattached = preattached;
        }

        Engine copy() {
            Engine e = new Engine(name, preattached);
            e.events.addAll(events);
            return e;
        }
    }

    String name;
    final List<Engine> engines = new ArrayList<>();
    /** Per engine name: callback event (quiesce, signal, ...) to its spec (STOP, RESUME+IGN, ...), in the order written. */
    final Map<String, LinkedHashMap<String, String>> callbacks = new LinkedHashMap<>();
    /** The tracee's steps: "syscall", "raise SIGUSR1", "exit 3", ... */
    final List<String> tracee = new ArrayList<>();
    /** The text after each 'handler': "SIGUSR1 exit 3". */
    final List<String> handlers = new ArrayList<>();
    /** Per engine name: the owner's calls ("attach", "control DETACH after killer:1"). */
    final Map<String, List<String>> owners = new LinkedHashMap<>();
    /** The tracer's requests, or null without a 'ptrace' line. */
    List<String> ptrace;
    /** The killer's signals, each with its guard ("SIGKILL", "tkill:SIGCONT after ptrace:1"). */
    final List<String> killer = new ArrayList<>();
    /** How many identical killers: 1 for a 'killer' line, N for 'killers N'. */
    int killers = 1;
    /** The text after 'parent' ("wait", "ptrace", "ptrace sigchld=ignore"), or null. */
    String parent;

    ScenarioDraft(String name) {
        this.name = name;
    }

    /** A deep copy (mutations and the shrinker change copies). */
    ScenarioDraft copy() {
        ScenarioDraft d = new ScenarioDraft(name);
        for (Engine e : engines) d.engines.add(e.copy());
        callbacks.forEach((k, v) -> d.callbacks.put(k, new LinkedHashMap<>(v)));
        d.tracee.addAll(tracee);
        d.handlers.addAll(handlers);
        owners.forEach((k, v) -> d.owners.put(k, new ArrayList<>(v)));
        d.ptrace = ptrace == null ? null : new ArrayList<>(ptrace);
        d.killer.addAll(killer);
        d.killers = killers;
        d.parent = parent;
        return d;
    }

    Engine engine(String n) {
        for (Engine e : engines) if (e.name.equals(n)) return e;
        return null;
    }

    /** The scenario text, one statement a line, in a fixed order. */
    String render() {
        StringBuilder b = new StringBuilder();
        b.append("scenario ").append(name).append('\n');
        for (Engine e : engines) {
            b.append("engine ").append(e.name);
            if (e.preattached) b.append(" preattached");
            if (!e.events.isEmpty()) b.append(" events=").append(String.join("|", e.events));
            b.append('\n');
        }
        for (Engine e : engines) {
            Map<String, String> cb = callbacks.get(e.name);
            if (cb == null || cb.isEmpty()) continue;
            b.append("callback ").append(e.name);
            cb.forEach((ev, spec) -> b.append(' ').append(ev).append('=').append(spec));
            b.append('\n');
        }
        b.append("tracee");
        for (String s : tracee) b.append(' ').append(s);
        b.append('\n');
        for (String h : handlers) b.append("handler ").append(h).append('\n');
        for (Engine e : engines) {
            List<String> ops = owners.get(e.name);
            if (ops != null && !ops.isEmpty()) b.append("owner ").append(e.name).append(' ').append(String.join("; ", ops)).append('\n');
        }
        if (ptrace != null && !ptrace.isEmpty()) b.append("ptrace ").append(String.join("; ", ptrace)).append('\n');
        if (!killer.isEmpty()) {
            b.append(killers > 1 ? "killers " + killers + " " : "killer ").append(String.join(" ", killer)).append('\n');
        }
        if (parent != null) b.append("parent ").append(parent).append('\n');
        return b.toString();
    }

    /**
     * Reads a scenario text the strict parser accepts (a shipped scenario) into a draft named {@code newName}.
     * Only the layout is read; stated results and description lines are dropped (see the class comment).
     */
    static ScenarioDraft read(String text, String newName) {
        ScenarioDraft d = new ScenarioDraft(newName);
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) continue;
            String[] kv = line.split("\\s+", 2);
            String rest = kv.length > 1 ? kv[1].trim() : "";
            switch (kv[0].toLowerCase(Locale.ROOT)) {
                case "engine": {
                    String[] w = rest.split("\\s+");
                    Engine e = new Engine(w[0], false);
                    for (int i = 1; i < w.length; i++) {
                        if (w[i].equals("preattached")) e.preattached = true;
                        else if (w[i].startsWith("events=")) for (String ev : w[i].substring(7).split("[|,]")) e.events.add(ev);
                    }
                    d.engines.add(e);
                    break;
                }
                case "callback": {
                    String[] w = rest.split("\\s+");
                    LinkedHashMap<String, String> cb = d.callbacks.computeIfAbsent(w[0], k -> new LinkedHashMap<>());
                    for (int i = 1; i < w.length; i++) {
                        String[] ev = w[i].split("=", 2);
                        cb.put(ev[0].toLowerCase(Locale.ROOT), ev[1]);
                    }
                    break;
                }
                case "tracee": d.tracee.addAll(traceeSteps(rest)); break;
                case "handler": d.handlers.add(rest); break;
                case "owner": {
                    String[] w = rest.split("\\s+", 2);
                    List<String> ops = new ArrayList<>();
                    for (String op : w[1].split(";")) ops.add(op.trim().replaceAll("\\s+", " "));
                    d.owners.put(w[0], ops);
                    break;
                }
                case "ptrace": {
                    d.ptrace = new ArrayList<>();
                    for (String r : rest.split(";")) d.ptrace.add(withoutStatedResult(r));
                    break;
                }
                case "killer": d.killer.addAll(killerItems(rest)); break;
                case "killers": {
                    String[] w = rest.split("\\s+", 2);
                    d.killers = Integer.parseInt(w[0]);
                    d.killer.addAll(killerItems(w[1]));
                    break;
                }
                case "parent": d.parent = withoutStatedResult(rest); break;
                default: break; // scenario, description, follows, checks: not kept
            }
        }
        return d;
    }

    /** "raise SIGUSR1 syscall exit 3" as ["raise SIGUSR1", "syscall", "exit 3"]. */
    static List<String> traceeSteps(String rest) {
        List<String> out = new ArrayList<>();
        if (rest.isEmpty()) return out;
        String[] w = rest.split("\\s+");
        for (int i = 0; i < w.length; i++) {
            boolean takesArg = w[i].equals("raise") || w[i].equals("kill") || w[i].equals("block") || w[i].equals("unblock");
            boolean exitCode = w[i].equals("exit") && i + 1 < w.length && w[i + 1].matches("[0-9]+");
            if ((takesArg || exitCode) && i + 1 < w.length) {
                out.add(w[i] + " " + w[i + 1]);
                i++;
            } else {
                out.add(w[i]);
            }
        }
        return out;
    }

    /** "SIGSTOP SIGKILL after ptrace:2" as ["SIGSTOP", "SIGKILL after ptrace:2"]. */
    static List<String> killerItems(String rest) {
        List<String> out = new ArrayList<>();
        String[] w = rest.trim().split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("after") && i + 1 < w.length && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " after " + w[++i]);
            } else {
                out.add(w[i]);
            }
        }
        return out;
    }

    private static String withoutStatedResult(String s) {
        int arrow = s.indexOf("->");
        return (arrow >= 0 ? s.substring(0, arrow) : s).trim().replaceAll("\\s+", " ");
    }
}

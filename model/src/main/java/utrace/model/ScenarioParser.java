package utrace.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the plain-text scenario format (documented in docs/scenario-format.md):
 * <pre>
 * scenario detach-races-death
 * description The owner detaches while the tracee dies.
 * engine E1 preattached events=QUIESCE|DEATH|REAP
 * callback E1 death=RESUME quiesce=RESUME
 * tracee exit
 * owner E1 control DETACH; put
 * killer SIGKILL
 * parent wait
 * </pre>
 * Every error names {@code file:line} and what was expected.
 */
public final class ScenarioParser {
    public static final int MAX_ENGINES = 4;

    private final String file;
    private String name;
    private String description = "";
    private String follows = "";
    private final List<EngineSpec> engines = new ArrayList<>();
    private final Map<String, Map<Integer, CallbackSpec>> callbacks = new LinkedHashMap<>();
    private List<TraceeOp> tracee;
    private final Map<String, List<OwnerOp>> owners = new LinkedHashMap<>();
    private final List<Integer> killer = new ArrayList<>();
    private int killers;
    private List<PtraceOp> ptrace;
    private boolean parent;

    private ScenarioParser(String file) { this.file = file; }

    public static Scenario parseFile(Path path) throws IOException, ScenarioFormatException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "scenario file not found");
        }
        return parse(path.toString(), text);
    }

    public static Scenario parse(String file, String text) throws ScenarioFormatException {
        return new ScenarioParser(file).run(text);
    }

    private Scenario run(String text) throws ScenarioFormatException {
        String[] lines = text.split("\n", -1);
        int lastLine = 1;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) continue;
            lastLine = lineNo;
            String[] kv = line.split("\\s+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String rest = kv.length > 1 ? kv[1].trim() : "";
            switch (key) {
                case "scenario": name = requireWord(lineNo, rest, "a scenario name after 'scenario'"); break;
                case "description": description = rest; break;
                case "follows": follows = rest; break;
                case "engine": engine(lineNo, rest); break;
                case "callback": callback(lineNo, rest); break;
                case "tracee": traceeLine(lineNo, rest); break;
                case "owner": owner(lineNo, rest); break;
                case "killer": killerLine(lineNo, rest); break;
                case "killers": killersLine(lineNo, rest); break;
                case "ptrace": ptraceLine(lineNo, rest); break;
                case "parent":
                    if (!rest.equals("wait")) throw err(lineNo, "expected 'parent wait', got 'parent " + rest + "'");
                    parent = true;
                    break;
                default:
                    throw err(lineNo, "unknown keyword '" + kv[0]
                        + "'; expected one of: scenario, description, follows, engine, callback, tracee, owner, ptrace, killer, killers, parent");
            }
        }
        if (name == null) throw err(1, "missing 'scenario NAME' line");
        if (tracee == null) throw err(lastLine, "missing 'tracee ...' line (the tracee's life, e.g. 'tracee syscall exit')");
        if (engines.isEmpty()) throw err(lastLine, "a scenario needs at least one 'engine NAME ...' line");
        List<EngineSpec> finalEngines = new ArrayList<>();
        List<List<OwnerOp>> ownerScripts = new ArrayList<>();
        for (EngineSpec e : engines) {
            Map<Integer, CallbackSpec> cb = callbacks.getOrDefault(e.name(), Map.of());
            finalEngines.add(new EngineSpec(e.name(), e.preattached(), e.events(), Map.copyOf(cb)));
            ownerScripts.add(List.copyOf(owners.getOrDefault(e.name(), List.of())));
        }
        return new Scenario(name, description, follows, List.copyOf(finalEngines), List.copyOf(tracee),
            List.copyOf(ownerScripts), ptrace == null ? List.of() : List.copyOf(ptrace), List.copyOf(killer), killers, parent, text, file);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private ScenarioFormatException err(int line, String msg) {
        return new ScenarioFormatException(file, line, msg);
    }

    private String requireWord(int line, String rest, String what) throws ScenarioFormatException {
        if (rest.isEmpty() || rest.contains(" ")) throw err(line, "expected " + what);
        return rest;
    }

    private void engine(int line, String rest) throws ScenarioFormatException {
        String[] words = rest.split("\\s+");
        if (rest.isEmpty()) throw err(line, "expected 'engine NAME [preattached] [events=EV|EV...]'");
        String ename = words[0];
        if (engineNamed(ename) >= 0) throw err(line, "engine '" + ename + "' is declared twice");
        if (engines.size() == MAX_ENGINES) throw err(line, "at most " + MAX_ENGINES + " engines per scenario");
        boolean pre = false;
        int events = 0;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.equals("preattached")) pre = true;
            else if (w.startsWith("events=")) events = parseEvents(line, w.substring(7));
            else throw err(line, "unexpected '" + w + "'; expected 'preattached' or 'events=EV|EV...'");
        }
        engines.add(new EngineSpec(ename, pre, events, Map.of()));
    }

    private int engineNamed(String n) {
        for (int i = 0; i < engines.size(); i++) if (engines.get(i).name().equals(n)) return i;
        return -1;
    }

    private String knownEngine(int line, String n) throws ScenarioFormatException {
        if (engineNamed(n) < 0) {
            List<String> names = new ArrayList<>();
            for (EngineSpec e : engines) names.add(e.name());
            throw err(line, "unknown engine '" + n + "'; declare it first with 'engine " + n + " ...' (known: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        return n;
    }

    private int parseEvents(int line, String spec) throws ScenarioFormatException {
        int mask = 0;
        for (String part : spec.split("[|,]")) {
            if (part.trim().isEmpty()) continue; // not isBlank(): JPF's String model lacks it
            int ev = Events.parseOne(part);
            if (ev < 0) throw err(line, "unknown event '" + part + "'; expected one of " + Events.knownNames());
            mask |= ev;
        }
        return mask;
    }

    private static final Map<String, Integer> CALLBACK_EVENTS = Map.of(
        "quiesce", Events.QUIESCE, "reap", Events.REAP, "exit", Events.EXIT, "death", Events.DEATH,
        "syscall_entry", Events.SYSCALL_ENTRY, "syscall_exit", Events.SYSCALL_EXIT, "signal", Events.SIGNAL);

    private void callback(int line, String rest) throws ScenarioFormatException {
        String[] words = rest.split("\\s+");
        if (rest.isEmpty() || words.length < 2) throw err(line, "expected 'callback ENGINE event=ACTION ...'");
        String ename = knownEngine(line, words[0]);
        Map<Integer, CallbackSpec> map = callbacks.computeIfAbsent(ename, k -> new LinkedHashMap<>());
        for (int i = 1; i < words.length; i++) {
            String[] ev = words[i].split("=", 2);
            Integer bit = CALLBACK_EVENTS.get(ev[0].toLowerCase(Locale.ROOT));
            if (bit == null || ev.length != 2) {
                throw err(line, "expected event=ACTION with event one of " + String.join(", ", new java.util.TreeSet<>(CALLBACK_EVENTS.keySet()))
                    + ", got '" + words[i] + "'");
            }
            map.put(bit, callbackSpec(line, ev[1]));
        }
    }

    private CallbackSpec callbackSpec(int line, String spec) throws ScenarioFormatException {
        String[] parts = spec.split("\\+");
        int action = Actions.parse(parts[0]);
        if (action < 0) throw err(line, "unknown action '" + parts[0] + "'; expected one of " + Actions.knownNames());
        boolean ign = false;
        CallbackSpec.SelfCall self = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equalsIgnoreCase("IGN")) ign = true;
            else if (p.equalsIgnoreCase("DELIVER")) ign = false;
            else if (p.startsWith("set_events:")) self = new CallbackSpec.SelfCall(CallbackSpec.SelfCallKind.SET_EVENTS, parseEvents(line, p.substring(11)));
            else if (p.startsWith("control:")) {
                int a = Actions.parse(p.substring(8));
                if (a < 0) throw err(line, "unknown action in '" + p + "'; expected one of " + Actions.knownNames());
                self = new CallbackSpec.SelfCall(CallbackSpec.SelfCallKind.CONTROL, a);
            } else {
                throw err(line, "unknown callback modifier '+" + p + "'; expected +IGN, +DELIVER, +set_events:EV|EV or +control:ACTION");
            }
        }
        return new CallbackSpec(action, ign, self);
    }

    private void traceeLine(int line, String rest) throws ScenarioFormatException {
        if (tracee != null) throw err(line, "a second 'tracee' line; put the whole life on one line");
        tracee = new ArrayList<>();
        if (rest.isEmpty()) return;
        for (String w : rest.split("\\s+")) {
            TraceeOp op = null;
            for (TraceeOp t : TraceeOp.values()) if (t.word.equals(w)) op = t;
            if (op == null) throw err(line, "unknown tracee step '" + w + "'; expected 'syscall' or 'exit'");
            if (!tracee.isEmpty() && tracee.get(tracee.size() - 1) == TraceeOp.EXIT) {
                throw err(line, "nothing can follow 'exit' in the tracee's life");
            }
            tracee.add(op);
        }
    }

    private void owner(int line, String rest) throws ScenarioFormatException {
        String[] kv = rest.split("\\s+", 2);
        if (rest.isEmpty() || kv.length < 2) throw err(line, "expected 'owner ENGINE call; call; ...'");
        String ename = knownEngine(line, kv[0]);
        if (owners.containsKey(ename)) throw err(line, "a second 'owner " + ename + "' line; put all its calls on one line");
        List<OwnerOp> ops = new ArrayList<>();
        for (String call : kv[1].split(";")) {
            String c = call.trim();
            if (c.isEmpty()) continue;
            String[] w = c.split("\\s+");
            switch (w[0]) {
                case "attach": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.ATTACH, 0)); break;
                case "barrier": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.BARRIER, 0)); break;
                case "examine": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.EXAMINE, 0)); break;
                case "put": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.PUT, 0)); break;
                case "wait_stopped": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.WAIT_STOPPED, 0)); break;
                case "set_events":
                    if (w.length != 2) throw err(line, "expected 'set_events EV|EV...'");
                    ops.add(new OwnerOp(OwnerOp.Kind.SET_EVENTS, parseEvents(line, w[1])));
                    break;
                case "control": {
                    if (w.length != 2) throw err(line, "expected 'control ACTION' with ACTION one of " + Actions.knownNames());
                    int a = Actions.parse(w[1]);
                    if (a < 0) throw err(line, "unknown action '" + w[1] + "'; expected one of " + Actions.knownNames());
                    ops.add(new OwnerOp(OwnerOp.Kind.CONTROL, a));
                    break;
                }
                default:
                    throw err(line, "unknown engine call '" + w[0] + "'; expected attach, set_events, control, barrier, examine, put or wait_stopped");
            }
        }
        owners.put(ename, ops);
    }

    private void noArg(int line, String[] w) throws ScenarioFormatException {
        if (w.length != 1) throw err(line, "'" + w[0] + "' takes no argument");
    }

    private void ptraceLine(int line, String rest) throws ScenarioFormatException {
        if (ptrace != null) throw err(line, "a second 'ptrace' line; put all requests on one line");
        ptrace = new ArrayList<>();
        for (String call : rest.split(";")) {
            String c = call.trim();
            if (c.isEmpty()) continue;
            PtraceOp op = PtraceOp.parse(c);
            if (op == null) {
                throw err(line, "unknown ptrace request '" + c
                    + "'; expected attach, wait, cont, syscall, singlestep, singleblock, sysemu, detach or exit");
            }
            ptrace.add(op);
        }
        if (ptrace.isEmpty()) throw err(line, "expected 'ptrace attach; wait; cont ...'");
    }

    /** 'killers N SIG...': N identical killer processes, each sending the signals in order (N from 2 to 8). */
    private void killersLine(int line, String rest) throws ScenarioFormatException {
        String[] w = rest.split("\\s+", 2);
        int n;
        try {
            n = Integer.parseInt(w[0]);
        } catch (NumberFormatException e) {
            throw err(line, "expected 'killers N SIGNAL...' with N from 2 to 8, got 'killers " + rest + "'");
        }
        if (n < 2 || n > 8) throw err(line, "expected 'killers N SIGNAL...' with N from 2 to 8 (one killer: 'killer SIGNAL...')");
        killerLine(line, w.length > 1 ? w[1].trim() : "");
        killers = n;
    }

    private void killerLine(int line, String rest) throws ScenarioFormatException {
        if (!killer.isEmpty()) throw err(line, "a second 'killer' line; list all signals on one line");
        killers = 1;
        if (rest.isEmpty()) throw err(line, "expected 'killer SIGNAL...' with SIGKILL, SIGSTOP, SIGCONT or SIGUSR1");
        for (String w : rest.split("\\s+")) {
            int sig = Signals.parse(w);
            if (sig == 0) throw err(line, "unknown signal '" + w + "'; expected SIGKILL, SIGSTOP, SIGCONT or SIGUSR1");
            killer.add(sig);
        }
    }
}

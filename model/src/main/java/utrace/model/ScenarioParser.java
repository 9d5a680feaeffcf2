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
 * The ptrace-tests scenarios add the tracee's {@code traceme}, {@code raise
 * SIG}, {@code kill SIG}, {@code block SIG} / {@code unblock SIG} (sigprocmask) and {@code exit CODE}, {@code handler SIG ACTION},
 * requests with a signal ({@code cont SIGQUIT}, {@code detach SIGPIPE}),
 * {@code wait nohang}, {@code wait until SIG}, expected wait results
 * ({@code wait -> stopped SIGSTOP}), ordering guards ({@code after ptrace:2},
 * {@code after tracee:stopped}), {@code tkill:SIG}, {@code parent ptrace} and what the
 * real parent's wait returns ({@code parent wait -> exited 42}).
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
    private List<PtraceRequest> ptrace;
    private final List<KillerSend> killerItems = new ArrayList<>();
    private boolean parent;
    private boolean tracerIsParent;
    private boolean parentIgnoresSigchld = true;
    /** What 'parent wait -> RESULT|...' states the parent's wait returns. */
    private final List<Integer> parentExpect = new ArrayList<>();
    private final Map<Integer, SignalHandler> handlers = new LinkedHashMap<>();
    /** Guards by line, checked once the whole file is read (they may name an actor declared further down). */
    private final List<int[]> guardLines = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();
    private int traceeLine = 1;
    private final Map<String, Integer> engineLines = new LinkedHashMap<>();
    private final Map<String, Integer> callbackLines = new LinkedHashMap<>();
    /** Events an engine asks for after attaching (owner set_events, a callback's +set_events). */
    private final Map<String, Integer> askedLater = new LinkedHashMap<>();
    private final List<String> checks = new ArrayList<>();

    /**
     * Whether the checks of what a scenario means are made (an idle tracee, an engine never attached, a
     * callback for an event its engine never asks for): on for files and shipped scenarios, off for the
     * fixtures of unit tests, which set such states up on purpose.
     */
    private final boolean strict;

    private ScenarioParser(String file, boolean strict) {
        this.file = file;
        this.strict = strict;
    }

    /** Longest scenario name: it becomes part of trace file names. */
    public static final int MAX_NAME = 80;
    /** Longest line read; a longer one is refused without being repeated in the message. */
    public static final int MAX_LINE = 1000;

    public static Scenario parseFile(Path path) throws IOException, ScenarioFormatException {
        if (Files.isDirectory(path)) throw new ScenarioFormatException(path.toString(), 0, "is a directory, not a scenario file");
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new ScenarioFormatException(path.toString(), 0, "not a regular file (a scenario is a text file)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "scenario file not found");
        }
        return parseStrict(path.toString(), TextFiles.decode(path.toString(), bytes, "a scenario"));
    }

    /** The syntax only: what unit tests and replayed traces need. */
    public static Scenario parse(String file, String text) throws ScenarioFormatException {
        return new ScenarioParser(file, false).run(TextFiles.withoutBom(text));
    }

    /** The syntax and what the scenario means (files, shipped scenarios). */
    public static Scenario parseStrict(String file, String text) throws ScenarioFormatException {
        return new ScenarioParser(file, true).run(TextFiles.withoutBom(text));
    }

    private Scenario run(String text) throws ScenarioFormatException {
        String[] lines = text.split("\n", -1);
        int lastLine = 1;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].length() > MAX_LINE) {
                throw err(lineNo, "line of " + lines[i].length() + " characters; at most " + MAX_LINE + " (is this a scenario file?)");
            }
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) continue;
            lastLine = lineNo;
            String[] kv = line.split("\\s+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String rest = kv.length > 1 ? kv[1].trim() : "";
            switch (key) {
                case "scenario":
                    if (name != null) throw err(lineNo, "a second 'scenario' line; a file holds one scenario (the first is '" + name + "')");
                    name = scenarioName(lineNo, rest);
                    break;
                case "description": description = rest; break;
                case "follows": follows = rest; break;
                case "engine": engine(lineNo, rest); break;
                case "callback": callback(lineNo, rest); break;
                case "tracee": traceeLine(lineNo, rest); break;
                case "owner": owner(lineNo, rest); break;
                case "killer": killerLine(lineNo, rest); break;
                case "killers": killersLine(lineNo, rest); break;
                case "ptrace": ptraceLine(lineNo, rest); break;
                case "parent": parentLine(lineNo, rest); break;
                case "handler": handlerLine(lineNo, rest); break;
                case "checks": checksLine(lineNo, rest); break;
                default:
                    throw err(lineNo, "unknown keyword '" + kv[0]
                        + "'; expected one of: scenario, description, follows, engine, callback, tracee, owner, ptrace, killer, killers, parent, handler, checks");
            }
        }
        if (name == null) throw err(1, "missing 'scenario NAME' line");
        if (tracee == null) throw err(lastLine, "missing 'tracee ...' line (the tracee's life, e.g. 'tracee syscall exit')");
        if (engines.isEmpty() && ptrace == null) {
            throw err(lastLine, "a scenario needs at least one 'engine NAME ...' line (or a 'ptrace ...' line)");
        }
        checkGuards();
        if (tracerIsParent && ptrace == null) throw err(lastLine, "'parent ptrace' needs a 'ptrace ...' line (the tracer that is the parent)");
        if (strict) meaning();
        for (TraceeOp op : tracee) {
            if (op.kind() == TraceeOp.Kind.TRACEME && !tracerIsParent) {
                throw err(lastLine, "'traceme' makes the tracee's real parent its tracer: add 'parent ptrace'");
            }
        }
        List<EngineSpec> finalEngines = new ArrayList<>();
        List<List<OwnerOp>> ownerScripts = new ArrayList<>();
        for (EngineSpec e : engines) {
            Map<Integer, CallbackSpec> cb = callbacks.getOrDefault(e.name(), Map.of());
            finalEngines.add(new EngineSpec(e.name(), e.preattached(), e.events(), Map.copyOf(cb)));
            ownerScripts.add(List.copyOf(owners.getOrDefault(e.name(), List.of())));
        }
        return new Scenario(name, description, follows, List.copyOf(finalEngines), List.copyOf(tracee),
            List.copyOf(ownerScripts), ptrace == null ? List.of() : List.copyOf(ptrace), List.copyOf(killer), killers, parent, text, file,
            List.copyOf(killerItems), tracerIsParent, parentIgnoresSigchld, Map.copyOf(handlers), List.copyOf(checks),
            List.copyOf(parentExpect));
    }

    /**
     * 'checks NAME[,NAME...]': the invariants this scenario was written to exercise beyond the core set. The
     * model does not know invariants; the checker resolves the names (and refuses unknown ones) and adds them
     * to a run whose set was not given (`verify` without -i: core plus these).
     */
    private void checksLine(int lineNo, String rest) throws ScenarioFormatException {
        if (rest.isEmpty()) throw err(lineNo, "'checks' needs invariant names, e.g. 'checks ptrace-step-kept,wait-report-correct'");
        for (String n : rest.split("[,\\s]+")) {
            if (!n.matches("[a-z][a-z0-9-]*")) throw err(lineNo, "'" + n + "' is not an invariant name (see `checker list invariants`)");
            if (checks.contains(n)) throw err(lineNo, "invariant " + n + " named twice");
            checks.add(n);
        }
    }

    /** The checks of what the scenario means (strict mode). */
    private void meaning() throws ScenarioFormatException {
        if (tracee.isEmpty() && ptrace == null && killer.isEmpty()) {
            throw err(traceeLine, "the tracee does nothing: give its life ('tracee syscall exit'), or a 'ptrace' or "
                + "'killer' line that acts on it");
        }
        for (EngineSpec e : engines) {
            boolean attaches = false;
            for (OwnerOp o : owners.getOrDefault(e.name(), List.of())) if (o.kind() == OwnerOp.Kind.ATTACH) attaches = true;
            // PTRACE_ATTACH attaches ptrace's engine, declared like any other
            if (ptrace != null) for (PtraceRequest r : ptrace) if (r.op() == PtraceOp.ATTACH) attaches = true;
            if (!e.preattached() && !attaches) {
                throw err(engineLines.get(e.name()), "engine '" + e.name() + "' is never attached: add 'preattached', an "
                    + "'owner " + e.name() + " attach; ...' line or a 'ptrace attach; ...' line");
            }
            Integer later = askedLater.get(e.name());
            int asked = e.events() | (later == null ? 0 : later);
            for (Map.Entry<Integer, CallbackSpec> cb : callbacks.getOrDefault(e.name(), Map.of()).entrySet()) {
                // report_signal is made for any UTRACE_EVENT(SIGNAL*) the engine asks for
                int wants = cb.getKey() == Events.SIGNAL ? Events.SIGNAL_ALL : cb.getKey();
                if ((asked & wants) == 0) {
                    throw err(callbackLines.get(e.name()), "callback for " + eventWord(cb.getKey()) + ", but engine '"
                        + e.name() + "' never asks for that event (events=" + Events.names(asked) + "); add it to its events");
                }
            }
        }
    }

    /** A scenario name: it names trace files, so letters, digits, '.', '_', '+', '-' only, at most MAX_NAME. */
    private String scenarioName(int line, String rest) throws ScenarioFormatException {
        String n = requireWord(line, rest, "a scenario name after 'scenario'");
        if (n.length() > MAX_NAME) throw err(line, "a scenario name of " + n.length() + " characters; at most " + MAX_NAME);
        boolean ok = Character.isLetterOrDigit(n.charAt(0)) && n.charAt(0) < 128;
        for (int i = 0; i < n.length() && ok; i++) {
            char c = n.charAt(i);
            ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '+' || c == '-');
        }
        if (!ok) {
            throw err(line, "scenario name '" + shown(n) + "': use letters, digits, '.', '_', '+' and '-', starting with "
                + "a letter or digit (the name becomes part of trace file names)");
        }
        return n;
    }

    /** User text as an error message repeats it: control characters visible, cut at 60 characters. */
    static String shown(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append("\\x").append(c < 0x10 ? "0" : "").append(Integer.toHexString(c));
            else b.append(c);
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }

    private void askLater(String engine, int events) {
        Integer before = askedLater.get(engine);
        askedLater.put(engine, (before == null ? 0 : before) | events);
    }

    private static String eventWord(int bit) {
        for (Map.Entry<String, Integer> e : CALLBACK_EVENTS.entrySet()) if (e.getValue() == bit) return e.getKey();
        return Integer.toString(bit);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private ScenarioFormatException err(int line, String msg) {
        return new ScenarioFormatException(file, line, msg);
    }

    private String requireWord(int line, String rest, String what) throws ScenarioFormatException {
        if (rest.isEmpty()) throw err(line, "expected " + what);
        if (rest.split("\\s+").length > 1) throw err(line, "expected " + what + ": one word, got '" + shown(rest) + "'");
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
        engineLines.put(ename, line);
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
        if (spec.isEmpty()) throw err(line, "expected events after 'events=' (EV|EV..., or 0 for none)");
        for (String part : spec.split("[|,]", -1)) {
            if (part.trim().isEmpty()) throw err(line, "an empty event in '" + shown(spec) + "'; expected EV|EV... (or 0 for none)");
            if (!part.trim().equals(part.trim().toUpperCase(Locale.ROOT))) {
                throw err(line, "event '" + shown(part.trim()) + "': events are written in capitals ('"
                    + part.trim().toUpperCase(Locale.ROOT) + "'); expected one of " + Events.knownNames());
            }
            int ev = Events.parseOne(part);
            if (ev < 0) throw err(line, "unknown event '" + shown(part) + "'; expected one of " + Events.knownNames());
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
        callbackLines.putIfAbsent(ename, line);
        Map<Integer, CallbackSpec> map = callbacks.computeIfAbsent(ename, k -> new LinkedHashMap<>());
        for (int i = 1; i < words.length; i++) {
            String[] ev = words[i].split("=", 2);
            Integer bit = CALLBACK_EVENTS.get(ev[0].toLowerCase(Locale.ROOT));
            if (bit == null || ev.length != 2) {
                throw err(line, "expected event=ACTION with event one of " + String.join(", ", new java.util.TreeSet<>(CALLBACK_EVENTS.keySet()))
                    + ", got '" + words[i] + "'");
            }
            CallbackSpec cs = callbackSpec(line, ev[1]);
            if (cs.selfCall() != null && cs.selfCall().kind() == CallbackSpec.SelfCallKind.SET_EVENTS) {
                askLater(ename, cs.selfCall().arg());
            }
            map.put(bit, cs);
        }
    }

    private CallbackSpec callbackSpec(int line, String spec) throws ScenarioFormatException {
        String[] parts = spec.split("\\+", -1);
        int action = Actions.parse(parts[0]);
        if (action < 0) throw err(line, "unknown action '" + parts[0] + "'; expected one of " + Actions.knownNames());
        boolean ign = false;
        CallbackSpec.SelfCall self = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) throw err(line, "an empty modifier after '+' in '" + shown(spec) + "'; expected +IGN, +DELIVER, +set_events:EV|EV or +control:ACTION");
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
        traceeLine = line;
        if (rest.isEmpty()) return;
        String[] w = rest.split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if (!tracee.isEmpty() && tracee.get(tracee.size() - 1).kind() == TraceeOp.Kind.EXIT) {
                throw err(line, "nothing can follow 'exit' in the tracee's life");
            }
            switch (w[i]) {
                case "syscall": tracee.add(TraceeOp.SYSCALL); break;
                case "traceme": tracee.add(new TraceeOp(TraceeOp.Kind.TRACEME, 0)); break;
                case "read": tracee.add(new TraceeOp(TraceeOp.Kind.READ, 0)); break;
                case "pause": tracee.add(new TraceeOp(TraceeOp.Kind.PAUSE, 0)); break;
                case "raise":
                case "kill": {
                    int sig = i + 1 < w.length ? Signals.parse(w[i + 1]) : 0;
                    if (sig == 0) {
                        throw err(line, "expected a signal after '" + w[i] + "' (" + Signals.knownNames() + ")");
                    }
                    if (sig == Signals.SIGALRM) {
                        throw err(line, "the tracee cannot " + w[i] + " SIGALRM here: it stands for alarm()'s timer, "
                            + "which only a killer sends ('killer SIGALRM ...')");
                    }
                    tracee.add(new TraceeOp(w[i].equals("raise") ? TraceeOp.Kind.RAISE : TraceeOp.Kind.KILL, sig));
                    i++;
                    break;
                }
                case "block":
                case "unblock": {
                    int sig = i + 1 < w.length ? Signals.parse(w[i + 1]) : 0;
                    if (sig == 0) {
                        throw err(line, "expected a signal after '" + w[i] + "' (" + Signals.knownNames() + ")");
                    }
                    if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) {
                        // sys_rt_sigprocmask: sigdelsetmask(&new_set, sigmask(SIGKILL)|sigmask(SIGSTOP))
                        throw err(line, Signals.name(sig) + " cannot be blocked (sigprocmask() silently leaves it out of the mask)");
                    }
                    if (sig == Signals.SIGALRM) {
                        throw err(line, "SIGALRM cannot be blocked here: it stands for alarm()'s timer (only a killer sends it)");
                    }
                    if (sig == Signals.SIGTRAP) {
                        // force_sig_info() of the step trap unblocks it and resets its handler: not modelled
                        throw err(line, "SIGTRAP cannot be blocked here: the single-step trap is forced (force_sig_info "
                            + "unblocks it and resets its handler), which the model does not do");
                    }
                    tracee.add(new TraceeOp(w[i].equals("block") ? TraceeOp.Kind.BLOCK : TraceeOp.Kind.UNBLOCK, sig));
                    i++;
                    break;
                }
                case "exit": {
                    int code = 0;
                    if (i + 1 < w.length && w[i + 1].matches("[0-9]+")) {
                        code = Integer.parseInt(w[++i]);
                        if (code > 255) throw err(line, "exit code " + code + " out of range (0-255)");
                    }
                    tracee.add(new TraceeOp(TraceeOp.Kind.EXIT, code));
                    break;
                }
                default:
                    throw err(line, "unknown tracee step '" + w[i] + "'; expected syscall, traceme, read, pause, raise SIG, kill SIG, block SIG, unblock SIG or exit [CODE]");
            }
        }
    }

    /**
     * 'parent wait [-> RESULT|RESULT...]' (a separate parent reaps; what its wait() returns, if stated) or
     * 'parent ptrace [sigchld=ignore]' (the tracer is the real parent).
     */
    private void parentLine(int line, String rest) throws ScenarioFormatException {
        if (parent || tracerIsParent) throw err(line, "a second 'parent' line; the tracee has one parent");
        String expectText = null;
        int arrow = rest.indexOf("->");
        if (arrow >= 0) {
            expectText = rest.substring(arrow + 2).trim();
            rest = rest.substring(0, arrow).trim();
        }
        String[] w = rest.split("\\s+");
        if (w[0].equals("wait") && w.length == 1) {
            parent = true;
            parentIgnoresSigchld = false;
            if (expectText != null) parentWaitExpect(line, expectText);
        } else if (expectText != null) {
            throw err(line, "only 'parent wait' states a result ('parent wait -> exited 42'); the tracer's waits state theirs "
                + "on the 'ptrace' line");
        } else if (w[0].equals("ptrace") && (w.length == 1 || (w.length == 2 && w[1].equals("sigchld=ignore")))) {
            tracerIsParent = true;
            parentIgnoresSigchld = w.length == 2;
        } else {
            throw err(line, "expected 'parent wait' or 'parent ptrace [sigchld=ignore]', got 'parent " + rest + "'");
        }
    }

    /**
     * The results 'parent wait -> ...' states: waitpid(pid, &status, 0) without WUNTRACED or WNOHANG reports only
     * the child's exit ('exited CODE', 'killed SIG'), or never returns ('blocks').
     */
    private void parentWaitExpect(int line, String text) throws ScenarioFormatException {
        for (String alt : text.split("\\|", -1)) {
            int r = WaitResult.parse(alt);
            int kind = WaitResult.kind(r);
            if (r < 0 || kind != WaitResult.EXITED && kind != WaitResult.KILLED && kind != WaitResult.BLOCKS) {
                throw err(line, "expected the parent's wait result after '->' (exited CODE, killed SIG or blocks: it waits "
                    + "without WUNTRACED or WNOHANG), got '" + alt.trim() + "'");
            }
            parentExpect.add(r);
        }
    }

    /** 'handler SIG return|reraise|exit CODE|default'. */
    private void handlerLine(int line, String rest) throws ScenarioFormatException {
        String[] w = rest.split("\\s+");
        int sig = w.length >= 2 ? Signals.parse(w[0]) : 0;
        String usage = "expected 'handler SIGNAL return|reraise|exit CODE|default'";
        if (sig == 0) throw err(line, usage + ", got 'handler " + rest + "'");
        if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) throw err(line, Signals.name(sig) + " cannot be caught");
        if (handlers.containsKey(sig)) throw err(line, "a second handler for " + Signals.name(sig));
        SignalHandler h = null;
        for (SignalHandler.Kind k : SignalHandler.Kind.values()) {
            if (!k.word.equals(w[1])) continue;
            if (k == SignalHandler.Kind.EXIT) {
                if (w.length != 3 || !w[2].matches("[0-9]+") || Integer.parseInt(w[2]) > 255) throw err(line, usage);
                h = new SignalHandler(sig, k, Integer.parseInt(w[2]));
            } else {
                if (w.length != 2) throw err(line, usage);
                h = new SignalHandler(sig, k, 0);
            }
        }
        if (h == null) throw err(line, usage + ", got '" + w[1] + "'");
        handlers.put(sig, h);
    }

    /** Parses 'after ACTOR:K' / 'after tracee:STATE' (the word after 'after'). */
    private Guard guard(int line, String spec) throws ScenarioFormatException {
        String usage = "expected 'after ACTOR:K' (ACTOR ptrace or killer, K >= 1) or 'after tracee:stopped|traced|zombie|sleeping', got 'after "
            + spec + "'";
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) throw err(line, usage);
        String actor = spec.substring(0, colon);
        String what = spec.substring(colon + 1);
        Guard g;
        if (actor.equals("tracee")) {
            g = null;
            for (Guard.TraceeState st : Guard.TraceeState.values()) if (st.word.equals(what)) g = Guard.tracee(st);
            if (g == null) throw err(line, usage);
        } else {
            if (!actor.equals("ptrace") && !actor.equals("killer")) throw err(line, usage);
            if (!what.matches("[0-9]+") || Integer.parseInt(what) < 1) throw err(line, usage);
            g = Guard.after(actor, Integer.parseInt(what));
        }
        guards.add(g);
        guardLines.add(new int[] {line});
        return g;
    }

    /** Every guard names an actor the scenario has, and never its own actor. */
    private void checkGuards() throws ScenarioFormatException {
        for (int i = 0; i < guards.size(); i++) {
            Guard g = guards.get(i);
            int line = guardLines.get(i)[0];
            if (g.actor().equals("ptrace") && ptrace == null) throw err(line, "'after ptrace:K' but the scenario has no 'ptrace' line");
            if (g.actor().equals("ptrace") && g.count() > ptrace.size()) {
                throw err(line, "'after ptrace:" + g.count() + "' but the tracer has only " + ptrace.size() + " requests");
            }
            if (g.actor().equals("killer") && killers == 0) throw err(line, "'after killer:K' but the scenario has no 'killer' line");
            if (g.actor().equals("killer") && g.count() > killer.size()) {
                throw err(line, "'after killer:" + g.count() + "' but the killer sends only " + killer.size() + " signals");
            }
        }
    }

    private void owner(int line, String rest) throws ScenarioFormatException {
        String[] kv = rest.split("\\s+", 2);
        if (rest.isEmpty() || kv.length < 2) throw err(line, "expected 'owner ENGINE call; call; ...'");
        String ename = knownEngine(line, kv[0]);
        if (owners.containsKey(ename)) throw err(line, "a second 'owner " + ename + "' line; put all its calls on one line");
        List<OwnerOp> ops = new ArrayList<>();
        for (String call : kv[1].split(";", -1)) {
            String c = call.trim();
            if (c.isEmpty()) throw err(line, "an empty call in 'owner " + ename + " ...' (two ';' in a row, or one at the end)");
            String[] w = c.split("\\s+");
            // CALL [ARG] [after GUARD]: the guard orders the call after another actor's progress
            Guard guard = null;
            int after = java.util.Arrays.asList(w).indexOf("after");
            if (after >= 0) {
                if (after == 0) throw err(line, "expected a call before 'after' in 'owner " + ename + " ...'");
                if (after != w.length - 2) {
                    throw err(line, "expected 'CALL after ACTOR:K' or 'CALL after tracee:STATE' (one guard, last) in 'owner "
                        + ename + " ...', got '" + c + "'");
                }
                guard = guard(line, w[after + 1]);
                w = java.util.Arrays.copyOf(w, after);
            }
            int extra = w[0].equals("set_events") || w[0].equals("control") || w[0].equals("attach") && w.length > 1 && w[1].equals("exclusive") ? 2 : 1;
            if (w.length > extra && OWNER_CALLS.contains(w[extra])) {
                throw err(line, "a ';' is missing before '" + w[extra] + "' in 'owner " + ename + " ...' (calls are "
                    + "separated by ';': 'owner E1 control STOP; wait_stopped')");
            }
            switch (w[0]) {
                case "attach": {
                    boolean exclusive = w.length == 2 && w[1].equals("exclusive");
                    if (w.length > 1 && !exclusive) throw err(line, "expected 'attach' or 'attach exclusive', got '" + c + "'");
                    ops.add(new OwnerOp(OwnerOp.Kind.ATTACH, exclusive ? OwnerOp.ATTACH_EXCLUSIVE : 0, guard));
                    break;
                }
                case "barrier": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.BARRIER, 0, guard)); break;
                case "examine": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.EXAMINE, 0, guard)); break;
                case "put": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.PUT, 0, guard)); break;
                case "wait_stopped": noArg(line, w); ops.add(new OwnerOp(OwnerOp.Kind.WAIT_STOPPED, 0, guard)); break;
                case "set_events": {
                    if (w.length != 2) throw err(line, "expected 'set_events EV|EV...'");
                    int ev = parseEvents(line, w[1]);
                    askLater(ename, ev);
                    ops.add(new OwnerOp(OwnerOp.Kind.SET_EVENTS, ev, guard));
                    break;
                }
                case "control": {
                    if (w.length != 2) throw err(line, "expected 'control ACTION' with ACTION one of " + Actions.knownNames());
                    int a = Actions.parse(w[1]);
                    if (a < 0) throw err(line, "unknown action '" + w[1] + "'; expected one of " + Actions.knownNames());
                    ops.add(new OwnerOp(OwnerOp.Kind.CONTROL, a, guard));
                    break;
                }
                default:
                    throw err(line, "unknown engine call '" + w[0] + "'; expected attach, set_events, control, barrier, examine, put or wait_stopped");
            }
        }
        owners.put(ename, ops);
    }

    /** The calls an owner line may make, each the first word of a call. */
    private static final List<String> OWNER_CALLS =
        List.of("attach", "barrier", "examine", "put", "wait_stopped", "set_events", "control");

    private void noArg(int line, String[] w) throws ScenarioFormatException {
        if (w.length != 1) throw err(line, "'" + w[0] + "' takes no argument");
    }

    private void ptraceLine(int line, String rest) throws ScenarioFormatException {
        if (ptrace != null) throw err(line, "a second 'ptrace' line; put all requests on one line");
        ptrace = new ArrayList<>();
        for (String call : rest.split(";", -1)) {
            String c = call.trim();
            if (c.isEmpty()) {
                if (rest.trim().isEmpty()) break;
                throw err(line, "an empty request in 'ptrace ...' (two ';' in a row, or one at the end)");
            }
            if (!ptrace.isEmpty() && ptrace.get(ptrace.size() - 1).op() == PtraceOp.EXIT) {
                throw err(line, "nothing can follow 'exit' in the tracer's requests (exit_ptrace: the tracer is gone)");
            }
            ptrace.add(ptraceRequest(line, c));
        }
        if (ptrace.isEmpty()) throw err(line, "expected 'ptrace attach; wait; cont ...'");
    }

    /** REQUEST [nohang] [until SIG] [SIG] [after GUARD] [-> RESULT|RESULT...] */
    private PtraceRequest ptraceRequest(int line, String text) throws ScenarioFormatException {
        String expectText = null;
        int arrow = text.indexOf("->");
        if (arrow >= 0) {
            expectText = text.substring(arrow + 2).trim();
            text = text.substring(0, arrow).trim();
        }
        String[] w = text.split("\\s+");
        PtraceOp op = PtraceOp.parse(w[0]);
        if (op == null) {
            throw err(line, "unknown ptrace request '" + w[0]
                + "'; expected attach, wait, cont, syscall, singlestep, singleblock, sysemu, detach, kill, peek or exit");
        }
        int signal = 0;
        int until = 0;
        boolean nohang = false;
        Guard guard = null;
        for (int i = 1; i < w.length; i++) {
            if (w[i].equals("after") && i + 1 < w.length) {
                guard = guard(line, w[++i]);
                if (guard.actor().equals("ptrace")) throw err(line, "a ptrace request cannot wait for the tracer itself");
            } else if (op == PtraceOp.WAIT && w[i].equals("nohang")) {
                nohang = true;
            } else if (op == PtraceOp.WAIT && w[i].equals("until") && i + 1 < w.length && Signals.parse(w[i + 1]) != 0) {
                until = Signals.parse(w[++i]);
            } else if (op.takesSignal() && signal == 0 && Signals.parse(w[i]) != 0) {
                signal = Signals.parse(w[i]);
            } else {
                throw err(line, "unexpected '" + w[i] + "' in '" + text + "'; " + (op == PtraceOp.WAIT
                    ? "wait takes 'nohang', 'until SIGNAL', 'after ACTOR:K' and '-> RESULT'"
                    : op.takesSignal() ? op.word + " takes a signal (its data argument) and 'after ACTOR:K'"
                    : op.word + " takes only 'after ACTOR:K'"));
            }
        }
        if (nohang && until != 0) throw err(line, "'wait nohang' and 'wait until' do not go together");
        if (until != 0 && expectText != null) throw err(line, "'wait until SIG' returns at SIG by definition: no '->' expectation");
        List<Integer> expect = new ArrayList<>();
        if (expectText != null && op != PtraceOp.WAIT) {
            // what the tracer's program asserts of the call's return ("i = ptrace (...); assert (i == 0)")
            if (op == PtraceOp.EXIT) throw err(line, "the tracer's exit returns nothing: no '->' expectation");
            for (String alt : expectText.split("\\|")) {
                int r = Errno.parse(alt);
                if (r == Errno.NONE) {
                    throw err(line, "expected a return value after '" + op.word + " ->' (0, or an errno such as ESRCH or EPERM), got '"
                        + alt.trim() + "'");
                }
                expect.add(r);
            }
        } else if (expectText != null) {
            for (String alt : expectText.split("\\|")) {
                int r = WaitResult.parse(alt);
                if (r < 0) {
                    throw err(line, "expected a wait result after '->' (stopped SIG, exited CODE, killed SIG, nothing, echild, blocks), got '"
                        + alt.trim() + "'");
                }
                expect.add(r);
            }
        }
        return new PtraceRequest(op, signal, nohang, until, List.copyOf(expect), guard);
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
        String usage = "expected 'killer SIGNAL...' with each SIGNAL one of " + Signals.knownNames()
            + " (tkill:SIGNAL for tkill(), 'after ACTOR:K' to order it)";
        if (rest.isEmpty()) throw err(line, usage);
        String[] w = rest.split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("after")) {
                if (killerItems.isEmpty() || i + 1 >= w.length) throw err(line, usage);
                KillerSend last = killerItems.remove(killerItems.size() - 1);
                if (last.guard() != null) throw err(line, "a second 'after' for " + Signals.name(last.signal()));
                Guard g = guard(line, w[++i]);
                if (g.actor().equals("killer")) throw err(line, "a killer's signal cannot wait for the killer itself");
                killerItems.add(new KillerSend(last.signal(), last.tkill(), g));
                continue;
            }
            boolean tkill = w[i].startsWith("tkill:");
            int sig = Signals.parse(tkill ? w[i].substring(6) : w[i]);
            if (sig == 0) throw err(line, "unknown signal '" + w[i] + "'; " + usage);
            killer.add(sig);
            killerItems.add(new KillerSend(sig, tkill, null));
        }
    }
}

package utrace.checker.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.ScenarioParser;

/**
 * One Lincheck scenario together with the model scenario it runs on.
 *
 * <p>Why a plan: the model builds each owner's script when it is
 * constructed, so the model scenario must already contain every call the
 * Lincheck threads will make. The plan generates both from one description:
 * the Lincheck {@link ExecutionScenario} (init, parallel threads, post) and the
 * scenario text whose owner lines list each engine's operations in order.
 *
 * <p>How a test instance finds its plan: Lincheck creates a fresh instance per
 * invocation with the no-argument constructor and tells it nothing, and one
 * Lincheck run checks many plans (one custom scenario each; a Lincheck run
 * costs seconds of set-up, an invocation milliseconds). So every scenario
 * starts with the init operation {@code begin(ID)}; the check installs its
 * plans by ID before it calls Lincheck and removes them after (Lincheck runs
 * one test at a time: one surefire fork), and {@code begin} looks the plan up.
 * The init part runs alone before the parallel part, so the model exists
 * before any operation races.
 */
public final class LincheckPlan {
    private static volatile Map<String, LincheckPlan> installed = Map.of();

    private final String id;
    private final String situation;
    private final String header;
    private final List<PlannedOp> init;
    private final List<List<PlannedOp>> parallel;
    private final List<PlannedOp> post;
    private final ModelConfig config;
    private final String scenarioText;
    private final Scenario scenario;
    private boolean coreInvariants;

    /**
     * @param header the scenario lines without owners, ptrace, killer and
     *     parent ("scenario", "description", "engine", "callback", "tracee");
     *     the plan adds an owner line per engine with calls, a ptrace line
     *     from the ptrace operations, a killer line from the kill operations
     *     and "parent wait" if there is a reap operation
     */
    public LincheckPlan(String id, String situation, String header, List<PlannedOp> init, List<List<PlannedOp>> parallel,
                        List<PlannedOp> post, ModelConfig config) {
        this.id = id;
        this.situation = situation;
        this.header = header.endsWith("\n") ? header : header + "\n";
        this.init = List.copyOf(init);
        List<List<PlannedOp>> par = new ArrayList<>();
        for (List<PlannedOp> t : parallel) if (!t.isEmpty()) par.add(List.copyOf(t));
        this.parallel = Collections.unmodifiableList(par);
        this.post = List.copyOf(post);
        this.config = config;
        checkOneThreadPerActor();
        this.scenarioText = buildScenarioText();
        try {
            this.scenario = ScenarioParser.parse("lincheck:" + situation, scenarioText);
        } catch (ScenarioFormatException e) {
            throw new IllegalArgumentException("plan for " + situation + " makes a bad scenario: " + e.getMessage()
                + "\n" + scenarioText, e);
        }
    }

    /** The installed plan with this ID (what {@code begin(ID)} looks up). */
    public static LincheckPlan byId(String id) {
        LincheckPlan p = installed.get(id);
        if (p == null) throw new IllegalStateException("no Lincheck plan '" + id + "' installed: run the check through LincheckCheck");
        return p;
    }

    static void install(List<LincheckPlan> plans) {
        Map<String, LincheckPlan> m = new HashMap<>();
        for (LincheckPlan p : plans) m.put(p.id, p);
        installed = m;
    }

    static void uninstall() { installed = Map.of(); }

    public String id() { return id; }

    public String situation() { return situation; }

    public Scenario scenario() { return scenario; }

    public String scenarioText() { return scenarioText; }

    public ModelConfig config() { return config; }

    /** Whether the run also checks the model's 'core' invariants at every step (off: Lincheck's checks alone). */
    public boolean coreInvariants() { return coreInvariants; }

    public LincheckPlan withCoreInvariants(boolean on) {
        this.coreInvariants = on;
        return this;
    }

    public List<PlannedOp> init() { return init; }

    public List<List<PlannedOp>> parallel() { return parallel; }

    public List<PlannedOp> post() { return post; }

    /** Every operation: init, then each parallel thread, then post. */
    public List<PlannedOp> allOps() {
        List<PlannedOp> all = new ArrayList<>(init);
        for (List<PlannedOp> t : parallel) all.addAll(t);
        all.addAll(post);
        return all;
    }

    /** For the runner: the actor of each operation, per phase (init, parallel, post) and thread. */
    public int[][][] layout(Model model) {
        Map<String, Integer> actors = actorIndex(model);
        int[][][] l = new int[3][][];
        l[0] = new int[][] {actorsOf(actors, init)};
        l[1] = new int[parallel.size()][];
        for (int t = 0; t < parallel.size(); t++) l[1][t] = actorsOf(actors, parallel.get(t));
        l[2] = new int[][] {actorsOf(actors, post)};
        return l;
    }

    private static int[] actorsOf(Map<String, Integer> actors, List<PlannedOp> ops) {
        int[] a = new int[ops.size()];
        for (int i = 0; i < a.length; i++) a[i] = actorOf(actors, ops.get(i));
        return a;
    }

    /** Model actor index by the key {@link #actorKey} gives an operation. */
    public static Map<String, Integer> actorIndex(Model model) {
        Map<String, Integer> m = new HashMap<>();
        for (int a = 0; a < model.actorCount(); a++) {
            String role = model.actorRole(a);
            m.put(role.equals("owner") ? model.actorName(a) : role, a);
        }
        return m;
    }

    /** Which model actor runs an operation: "owner E1", "tracee", "killer" or "parent". */
    public static String actorKey(PlannedOp op) {
        switch (op.kind()) {
            case TRACEE: return "tracee";
            case KILL: return "killer";
            case REAP: return "parent";
            case PTRACE: return "ptrace";
            default: return "owner " + op.engine();
        }
    }

    private static int actorOf(Map<String, Integer> actors, PlannedOp op) {
        Integer a = actors.get(actorKey(op));
        if (a == null) throw new IllegalStateException("no model actor for " + op + " (" + actorKey(op) + ")");
        return a;
    }

    /** The Lincheck scenario: same operations, same threads. */
    public ExecutionScenario toExecutionScenario() {
        List<Actor> first = new ArrayList<>();
        first.add(new Actor(beginMethod(), List.of(id)));
        first.addAll(actors(init));
        List<List<Actor>> par = new ArrayList<>();
        for (List<PlannedOp> t : parallel) par.add(actors(t));
        // The validation function is filled in by Lincheck from the test class's @Validate method.
        return new ExecutionScenario(first, par, actors(post), null);
    }

    private static Method beginMethod() {
        try {
            return EngineApiOperations.class.getMethod("begin", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Actor> actors(List<PlannedOp> ops) {
        List<Actor> out = new ArrayList<>();
        for (PlannedOp op : ops) out.add(new Actor(method(op), op.arguments()));
        return out;
    }

    static Method method(PlannedOp op) {
        Class<?>[] types = new Class<?>[op.arguments().size()];
        java.util.Arrays.fill(types, String.class);
        try {
            return EngineApiOperations.class.getMethod(op.kind().method, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("EngineApiOperations has no operation for " + op, e);
        }
    }

    /** An actor's operations must all run on one thread: its calls are one script, in order. */
    private void checkOneThreadPerActor() {
        Map<String, Integer> threadOf = new HashMap<>();
        for (int t = 0; t < parallel.size(); t++) {
            for (PlannedOp op : parallel.get(t)) {
                Integer prev = threadOf.putIfAbsent(actorKey(op), t);
                if (prev != null && prev != t) {
                    throw new IllegalArgumentException(actorKey(op) + " has operations on two parallel threads");
                }
            }
        }
        long reaps = allOps().stream().filter(o -> o.kind() == PlannedOp.Kind.REAP).count();
        if (reaps > 1) throw new IllegalArgumentException("at most one reap operation (there is one parent)");
    }

    private String buildScenarioText() {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        List<String> signals = new ArrayList<>();
        List<String> ptrace = new ArrayList<>();
        boolean parent = false;
        for (PlannedOp op : allOps()) {
            if (op.kind().ownerCall()) owners.computeIfAbsent(op.engine(), k -> new ArrayList<>()).add(op.scriptWord());
            else if (op.kind() == PlannedOp.Kind.PTRACE) ptrace.add(op.arg());
            else if (op.kind() == PlannedOp.Kind.KILL) signals.add(op.arg());
            else if (op.kind() == PlannedOp.Kind.REAP) parent = true;
        }
        StringBuilder b = new StringBuilder(header);
        for (Map.Entry<String, List<String>> e : owners.entrySet()) {
            b.append("owner ").append(e.getKey()).append(' ').append(String.join("; ", e.getValue())).append('\n');
        }
        if (!ptrace.isEmpty()) b.append("ptrace ").append(String.join("; ", ptrace)).append('\n');
        if (!signals.isEmpty()) b.append("killer ").append(String.join(" ", signals)).append('\n');
        if (parent) b.append("parent wait\n");
        return b.toString();
    }

    /** The Lincheck layout, one line per part, as the report shows it. */
    public String layout() {
        StringBuilder b = new StringBuilder();
        b.append("init:      begin(").append(id).append(")").append(init.isEmpty() ? "" : ", " + init.toString().substring(1, init.toString().length() - 1)).append('\n');
        for (int t = 0; t < parallel.size(); t++) b.append("thread ").append(t + 1).append(":  ").append(parallel.get(t)).append('\n');
        if (!post.isEmpty()) b.append("post:      ").append(post).append('\n');
        return b.toString();
    }

    @Override public String toString() {
        return id + " " + config + "\n" + layout() + scenarioText;
    }
}

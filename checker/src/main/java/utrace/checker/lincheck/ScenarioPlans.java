package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import utrace.model.Actions;
import utrace.model.Events;
import utrace.model.ModelConfig;
import utrace.model.OwnerOp;
import utrace.model.KillerSend;
import utrace.model.PtraceRequest;
import utrace.model.Scenario;
import utrace.model.Signals;

/**
 * A model scenario as a Lincheck plan: every actor becomes one parallel
 * thread whose operations are its script (each owner call, ptrace request
 * and signal one operation; the tracee's life and the parent's reap one each).
 */
final class ScenarioPlans {
    private ScenarioPlans() {}

    static LincheckPlan of(String id, String situation, Scenario sc, ModelConfig config) {
        if (sc.killers() > 1) {
            throw new IllegalArgumentException("scenario " + sc.name() + " has " + sc.killers() + " identical killers "
                + "('killers N'): a Lincheck plan gives each actor one thread, and the runner tells killers apart by "
                + "role only");
        }
        List<List<PlannedOp>> threads = new ArrayList<>();
        threads.add(List.of(PlannedOp.tracee()));
        for (int e = 0; e < sc.engines().size(); e++) {
            String name = sc.engines().get(e).name();
            List<PlannedOp> ops = new ArrayList<>();
            for (OwnerOp op : sc.owners().get(e)) {
                PlannedOp planned = ownerOp(name, op);
                ops.add(op.guard() == null ? planned : planned.after(op.guard().text()));
            }
            if (!ops.isEmpty()) threads.add(ops);
        }
        List<PlannedOp> ptrace = new ArrayList<>();
        for (PtraceRequest r : sc.ptrace()) ptrace.add(PlannedOp.ptrace(r.text()));
        if (!ptrace.isEmpty()) threads.add(ptrace);
        List<PlannedOp> kills = new ArrayList<>();
        for (KillerSend k : sc.killerItems()) kills.add(PlannedOp.kill(k.text()));
        if (!kills.isEmpty()) threads.add(kills);
        if (sc.parent()) threads.add(List.of(PlannedOp.reap()));
        LincheckPlan plan = new LincheckPlan(id, situation, header(sc.source()), List.of(), threads, List.of(), config);
        String changed = changed(sc, plan.scenario());
        if (changed != null) {
            throw new IllegalStateException("the Lincheck plan of scenario " + sc.name() + " would change its " + changed
                + " (a bug of the plan builder)");
        }
        return plan;
    }

    /**
     * The first part of the scenario the plan's model scenario does not keep as it was, or null: the plan
     * rewrites the owner, ptrace, killer and parent lines from its operations, and must not change what
     * is explored.
     */
    static String changed(Scenario a, Scenario b) {
        if (!a.engines().equals(b.engines())) return "engines or callbacks";
        if (!a.tracee().equals(b.tracee())) return "tracee line";
        if (!a.owners().equals(b.owners())) return "owner lines";
        if (!a.ptrace().equals(b.ptrace())) return "ptrace line";
        if (!a.killerItems().equals(b.killerItems()) || a.killers() != b.killers()) return "killer line";
        if (a.parent() != b.parent() || a.tracerIsParent() != b.tracerIsParent()
            || a.parentIgnoresSigchld() != b.parentIgnoresSigchld()) return "parent line";
        if (!a.handlers().equals(b.handlers())) return "handler lines";
        return null;
    }

    /**
     * The scenario text without the lines the plan writes itself (owner, ptrace, killer, and "parent wait",
     * which the plan writes for its reap operation). "parent ptrace" is kept: the tracer is the real parent,
     * and there is no parent actor (and no operation) for it.
     */
    static String header(String source) {
        StringBuilder b = new StringBuilder();
        for (String line : source.split("\n")) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (l.isEmpty()) continue;
            String first = l.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (first.equals("owner") || first.equals("ptrace") || first.equals("killer")) continue;
            if (first.equals("parent")) {
                String[] w = l.split("\\s+");
                if (w.length > 1 && w[1].equalsIgnoreCase("wait")) continue;
            }
            b.append(l).append('\n');
        }
        return b.toString();
    }

    private static PlannedOp ownerOp(String e, OwnerOp op) {
        switch (op.kind()) {
            case ATTACH: return op.arg() == OwnerOp.ATTACH_EXCLUSIVE ? PlannedOp.attachExclusive(e) : PlannedOp.attach(e);
            case SET_EVENTS: return PlannedOp.setEvents(e, Events.names(op.arg()));
            case CONTROL: return PlannedOp.control(e, Actions.name(op.arg()));
            case BARRIER: return PlannedOp.barrier(e);
            case EXAMINE: return PlannedOp.examine(e);
            case PUT: return PlannedOp.put(e);
            case WAIT_STOPPED: return PlannedOp.waitStopped(e);
            default: throw new IllegalArgumentException("no Lincheck operation for " + op);
        }
    }
}

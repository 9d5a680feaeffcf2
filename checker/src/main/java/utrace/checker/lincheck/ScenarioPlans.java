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
        return new LincheckPlan(id, situation, header(sc.source()), List.of(), threads, List.of(), config);
    }

    /** The scenario text without the lines the plan writes itself (owner, ptrace, killer, parent). */
    static String header(String source) {
        StringBuilder b = new StringBuilder();
        for (String line : source.split("\n")) {
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (l.isEmpty()) continue;
            String first = l.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (first.equals("owner") || first.equals("ptrace") || first.equals("killer") || first.equals("parent")) continue;
            b.append(l).append('\n');
        }
        return b.toString();
    }

    private static PlannedOp ownerOp(String e, OwnerOp op) {
        switch (op.kind()) {
            case ATTACH: return PlannedOp.attach(e);
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

package utrace.checker;

import org.junit.jupiter.api.Test;
import utrace.checker.explore.*;
import utrace.invariants.*;
import utrace.model.*;
import java.util.*;

class Scratch2Test {
    @Test void run() throws Exception {
        String sn = System.getProperty("sc");
        String mut = System.getProperty("mut", "");
        String inv = System.getProperty("inv", "core");
        Scenario sc = Scenarios.load(sn);
        ModelConfig cfg = ModelConfig.fullSeries();
        if (!mut.isEmpty()) cfg = cfg.withMutations(EnumSet.of(Mutation.byId(mut)));
        Model m = new Model(sc, cfg);
        List<Invariant> invs = inv.equals("sleep") ? List.of(new Invariant() {
            public String name() { return "sleep"; }
            public String statement() { return ""; }
            public String checkState(Model mm, State st) { return mm.traceeInUtraceStop(st) ? "sleeping" : null; }
        }) : InvariantSet.resolve(inv).invariants();
        ExplorationResult r = new Explorer(new Limits(2_000_000, 60_000), ProgressListener.NONE).explore(m, invs);
        System.out.println(r.verdict() + " " + r.stats());
        if (r.counterexample() == null) return;
        State s = m.initial();
        for (int a : r.counterexample().schedule()) {
            Transition t = m.step(s, a, true);
            System.out.println(String.format("%-10s %-28s %s | %s", m.actorName(a), t.info().function(), t.info().label(), t.detail()));
            s = t.after();
        }
        System.out.println(r.counterexample().violation().describe());
        System.out.println(m.describe(s));
    }
}

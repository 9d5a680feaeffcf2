package utrace.checker.explore;

import java.util.*;
import org.junit.jupiter.api.Test;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantSet;
import utrace.model.*;

class PorDiagTmpTest {
    @Test void diag() throws Exception {
        List<Invariant> inv = InvariantSet.resolve("all").invariants();
        for (String n : List.of("bench-small", "bench-killers", "detach-sigkill-race")) {
            Model m = new Model(Scenarios.load(n), ModelConfig.fullSeries());
            Footprint vis = new Footprint(m.stateSize());
            for (Invariant i : inv) i.visible(m, vis);
            Map<String, Integer> why = new TreeMap<>();
            Set<State> seen = new HashSet<>(); ArrayDeque<State> q = new ArrayDeque<>();
            seen.add(m.initial()); q.add(m.initial());
            int A = m.actorCount();
            while (!q.isEmpty()) {
                State s = q.poll();
                Footprint[] may = new Footprint[A];
                for (int a = 0; a < A; a++) { may[a] = new Footprint(m.stateSize()); m.mayFootprint(s, a, may[a]); }
                for (int p = 0; p < A; p++) {
                    Footprint fp = new Footprint(m.stateSize());
                    Transition t = m.step(s, p, fp);
                    if (t == null) continue;
                    if (seen.add(t.after())) q.add(t.after());
                    if (t.after().equals(s)) continue;
                    String r = m.actorRole(p);
                    if (!t.obs().isEmpty()) { why.merge(r + " obs", 1, Integer::sum); continue; }
                    int w = fp.writesInto(vis);
                    if (w >= 0) { why.merge(r + " visible slot " + w, 1, Integer::sum); continue; }
                    for (int o = 0; o < A; o++) {
                        if (o == p) continue;
                        int c = fp.conflictWith(may[o]);
                        if (c >= 0) why.merge(r + " vs " + m.actorRole(o) + " slot " + c + (c >= m.actorBase(0) ? "" : ""), 1, Integer::sum);
                    }
                }
            }
            System.out.println("DIAG " + n + " bases: " + java.util.stream.IntStream.range(0, A).mapToObj(a -> m.actorName(a) + "@" + m.actorBase(a)).toList());
            why.forEach((k, v) -> System.out.println("DIAG " + n + " " + k + " = " + v));
        }
    }
}

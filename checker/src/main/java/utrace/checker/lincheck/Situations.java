package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;

/** Every situation the Lincheck suite checks, in the order it runs them. */
public final class Situations {
    private Situations() {}

    public static List<Situation> all() {
        List<Situation> s = new ArrayList<>();
        s.add(new StoppedTracee());
        s.add(new ZombieReap());
        s.add(new ZombieKeepsDeathEvents());
        s.add(new DetachVsExit());
        s.add(new PtraceSyscallVsDetach());
        s.add(new StopEinprogressRace());
        s.add(new BarrierVsReap());
        s.add(new ExamineVsKill());
        s.add(new ShippedContracts());
        return s;
    }

    /** The situation of that name, or null. */
    public static Situation byName(String name) {
        for (Situation s : all()) if (s.name().equals(name)) return s;
        return null;
    }

    /** shipped-contracts restricted to some shipped scenarios (names as in default.list). */
    public static Situation shippedContracts(List<String> scenarios) {
        return new ShippedContracts(scenarios);
    }

    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Situation s : all()) n.add(s.name());
        return n;
    }
}

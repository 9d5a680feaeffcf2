package utrace.checker.lincheck;

import java.util.ArrayList;
import java.util.List;

import utrace.model.ModelConfig;

/**
 * Every situation the Lincheck suite checks, in the order it runs them ({@link #all}), and the targeted ones
 * ({@link #targeted}): written for one seeded bug's window, which the default run leaves out.
 */
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

    /**
     * Situations written for the window of one seeded bug that Lincheck's sampler does not meet on the bug's own
     * scenario: `checker lincheck --each-mutation` runs them for that mutation ({@link EachMutation}), and
     * `--situation NAME` by name; the default run (every situation of {@link #all}) leaves them out.
     */
    public static List<Situation> targeted() {
        return List.of(new DetachVsSigkillWake(), new PtraceResumeVsSetEvents());
    }

    /** The situation of that name (default or targeted), or null. */
    public static Situation byName(String name) {
        for (Situation s : all()) if (s.name().equals(name)) return s;
        for (Situation s : targeted()) if (s.name().equals(name)) return s;
        return null;
    }

    /** shipped-contracts restricted to some shipped scenarios (names as in default.list). */
    public static Situation shippedContracts(List<String> scenarios) {
        return new ShippedContracts(scenarios);
    }

    /**
     * Null if shipped-contracts can run this scenario (a shipped name of any list, or a scenario file),
     * else why not, in one line.
     */
    public static String scenarioProblem(String scenario, ModelConfig config) {
        return ShippedContracts.check(scenario, config);
    }

    /** Names of the default run's situations. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Situation s : all()) n.add(s.name());
        return n;
    }

    /** Names of every situation: the default run's, then the targeted ones. */
    public static List<String> allNames() {
        List<String> n = names();
        for (Situation s : targeted()) n.add(s.name());
        return n;
    }
}

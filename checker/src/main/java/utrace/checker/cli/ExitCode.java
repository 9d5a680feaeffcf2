package utrace.checker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exit codes of the CLI contract (docs/cli.md, "Exit codes"), the same on every command. */
public final class ExitCode {
    private ExitCode() {}

    /** Everything checked holds. */
    public static final int OK = 0;
    /** A violation was found (replay: the trace reproduces its violation). */
    public static final int VIOLATION = 1;
    /** Usage or input error, or an output that could not be written. */
    public static final int USAGE = 2;
    /** A limit, or a lack of memory or threads, ended a search before it was exhaustive: nothing is proven. */
    public static final int INCOMPLETE = 3;
    /** A recorded trace no longer matches the current model (replay, corpus). */
    public static final int DIVERGED = 4;

    /** The one description of code 2, 3, 4 and the signal codes, whichever command prints them. */
    static final String TWO = "  2  usage or input error (nothing is run), or an output could not be written";
    static final String THREE = "  3  incomplete: a limit or a lack of memory stopped a search; nothing is proven";
    static final String FOUR = "  4  a recorded trace no longer matches the current model";
    static final String SIGNALS = "  129, 130, 143  SIGHUP, SIGINT, SIGTERM: the rows finished so far are reported";

    /** Per command: what 0 and 1 mean there, and whether 3 and 4 can happen. */
    private record Codes(String zero, String one, boolean three, boolean four) {}

    private static final Map<String, Codes> BY_COMMAND = Map.ofEntries(
        Map.entry("checker", new Codes("everything checked holds", "a violation (or an unexpected result) was found", true, true)),
        Map.entry("verify", new Codes("every scenario passes", "a violation was found (trace written)", true, false)),
        Map.entry("replay", new Codes("-", "the trace reproduces its violation", false, true)),
        Map.entry("list", new Codes("listed", null, false, false)),
        Map.entry("corpus", new Codes("every golden trace reproduces and is shortest", null, true, true)),
        Map.entry("gate", new Codes("every row shows its expected outcome", "some row did not (a missed bug, or a violation of the "
            + "full series)", true, false)),
        Map.entry("bisect", new Codes("the invariant holds on the full series", "it is violated on the full series", true, false)),
        Map.entry("crosscheck", new Codes("both engines give every row its expected verdict", "a disagreement or an unexpected "
            + "verdict", true, false)),
        Map.entry("lincheck", new Codes("every claim held (--each-mutation: every mutation accounted for)",
            "Lincheck broke a claim (--each-mutation: a mutation not accounted for)", false, false)),
        Map.entry("bench", new Codes("every benchmark scenario passes", "one violates", true, false)),
        Map.entry("audit", new Codes("each scenario has an invariant a known bug makes fail there", "a scenario whose "
            + "PASS shows nothing (no known bug fails it)", true, false)),
        Map.entry("merge", new Codes("every gate shard ran, every row as expected", "a violation in some shard or swarm member",
            true, false)),
        Map.entry("fuzz", new Codes("nothing new: every violation is a known finding or a scenario problem",
            "a new candidate was written (to --out)", true, false)));

    /** Where 3 means something else than a search stopped early. */
    private static final Map<String, String> THREE_BY_COMMAND = Map.of(
        "merge", "  3  incomplete: a part missing, interrupted or limited; a swarm found nothing",
        "fuzz", "  3  a limit cut a search (listed); nothing is known past it");

    /** The footer lines of {@code command}'s help. */
    static String[] footer(String command) {
        Codes c = BY_COMMAND.getOrDefault(command, BY_COMMAND.get("checker"));
        List<String> lines = new ArrayList<>();
        if (!c.zero().equals("-")) lines.add("  0  " + c.zero());
        if (c.one() != null) lines.add("  1  " + c.one());
        lines.add(TWO);
        if (c.three()) lines.add(THREE_BY_COMMAND.getOrDefault(command, THREE));
        if (c.four()) lines.add(FOUR);
        if (!command.equals("list")) lines.add(SIGNALS);
        return lines.toArray(new String[0]);
    }
}

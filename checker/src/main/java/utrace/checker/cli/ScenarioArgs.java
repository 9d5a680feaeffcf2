package utrace.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import utrace.invariants.InvariantSet;
import utrace.invariants.InvariantSetException;
import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;

/** The scenarios and invariant set named on a command line, loaded; any problem is a one-line usage error. */
final class ScenarioArgs {
    private ScenarioArgs() {}

    static List<Scenario> load(List<String> names) {
        List<Scenario> out = new ArrayList<>();
        for (String n : names) out.add(loadOne(n));
        return out;
    }

    static Scenario loadOne(String n) {
        if (n.isBlank()) throw new UsageException("--scenario needs a shipped scenario name or a scenario file, not '" + n + "'");
        try {
            java.nio.file.Path p = java.nio.file.Path.of(n);
            if (!Scenarios.isShipped(n) && java.nio.file.Files.isSymbolicLink(p) && !java.nio.file.Files.exists(p)) {
                throw new UsageException(n + ": a symbolic link to a missing file (or a loop of links), not a scenario file");
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: Scenarios.load says it is no known name
        }
        try {
            return Scenarios.load(n);
        } catch (ScenarioFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("scenario file not found: " + e.getFile());
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * As {@link #load}, for a run that writes traces named after the scenarios: two scenarios of the same
     * name would write the same trace files (and the first row's replay hint would replay the other), so
     * that is refused. A file named like a shipped scenario is noted on {@code note} (null: quiet).
     */
    static List<Scenario> loadForRun(List<String> names, PrintStream note) {
        List<Scenario> out = load(names);
        Map<String, Scenario> byName = new LinkedHashMap<>();
        for (Scenario s : out) {
            Scenario before = byName.putIfAbsent(s.name(), s);
            if (before != null) {
                throw new UsageException("two scenarios are named '" + s.name() + "' (" + where(before) + " and "
                    + where(s) + "): their traces would overwrite each other; rename one (its 'scenario' line) or "
                    + "give it once");
            }
            if (note != null && !s.file().startsWith("model/scenarios/") && Scenarios.isShipped(s.name())) {
                note.println("checker: note: " + s.file() + " names its scenario '" + s.name() + "' like a shipped "
                    + "one: its traces take the shipped scenario's trace file names");
            }
        }
        return out;
    }

    private static String where(Scenario s) {
        return s.file().isEmpty() ? "a scenario" : s.file();
    }

    static InvariantSet invariants(String spec) {
        try {
            return InvariantSet.resolve(spec);
        } catch (InvariantSetException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

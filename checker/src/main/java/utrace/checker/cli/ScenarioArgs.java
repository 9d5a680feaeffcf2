package utrace.checker.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import utrace.model.Scenario;
import utrace.model.ScenarioFormatException;
import utrace.model.Scenarios;

/** The scenarios named on a command line (names or files), loaded; any problem is a one-line usage error. */
final class ScenarioArgs {
    private ScenarioArgs() {}

    static List<Scenario> load(List<String> names) {
        List<Scenario> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Scenarios.load(n));
            } catch (ScenarioFormatException e) {
                throw new UsageException(e.getMessage());
            } catch (NoSuchFileException e) {
                throw new UsageException("scenario file not found: " + e.getFile());
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return out;
    }
}

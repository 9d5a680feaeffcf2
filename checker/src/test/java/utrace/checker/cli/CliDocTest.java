package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** docs/cli.md names every command and every option of it, and gives every exit code. */
class CliDocTest {
    @Test
    void everyOptionOfEveryCommandIsInTheReference() throws Exception {
        String doc = Files.readString(Path.of("../docs/cli.md"));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            int at = doc.indexOf("### checker " + e.getKey() + "\n");
            if (at < 0) {
                missing.add("section ### checker " + e.getKey());
                continue;
            }
            int end = doc.indexOf("\n### ", at + 1);
            String section = doc.substring(at, end < 0 ? doc.length() : end);
            for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) continue; // every command has them: said once at the top
                String n = o.longestName().replace("--", o.negatable() ? "--[no-]" : "--");
                if (!section.contains(n)) missing.add(e.getKey() + " " + n);
            }
        }
        assertEquals(List.of(), missing, "docs/cli.md is behind the CLI (regenerate its option tables)");
        for (String code : new String[] {"| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 4 |", "| 129, 130, 143 |"}) {
            assertEquals(true, doc.contains(code), code);
        }
    }
}

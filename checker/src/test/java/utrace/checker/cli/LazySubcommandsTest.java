package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * `checker COMMAND ...` registers COMMAND alone (start-up: picocli reflects
 * over every option of every command it registers); anything else gets every
 * command. A command registered alone reads and prints exactly as it does
 * among the others.
 */
class LazySubcommandsTest {
    static final List<String> ALL = List.of("verify", "replay", "list", "corpus", "gate", "bisect", "crosscheck", "lincheck",
        "bench", "merge", "audit", "fuzz", "help");

    @Test
    void aNamedCommandIsRegisteredAlone() {
        for (String c : ALL) {
            if (c.equals("help")) continue;
            assertEquals(List.of(c), List.copyOf(Main.commandLine(c, "--whatever").getSubcommands().keySet()), c);
        }
    }

    @Test
    void everythingElseGetsEveryCommandInHelpOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"help", "verify"}, {"verfy"}, {""}}) {
            assertEquals(ALL, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void aCommandAloneHasTheSameHelpAsAmongTheOthers() {
        CommandLine all = Main.commandLine();
        for (String c : ALL) {
            if (c.equals("help")) continue;
            String alone = Main.commandLine(c).getSubcommands().get(c).getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertEquals(all.getSubcommands().get(c).getUsageMessage(CommandLine.Help.Ansi.OFF), alone, c);
        }
    }
}

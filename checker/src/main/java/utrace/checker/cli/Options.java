package utrace.checker.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Which options the user actually typed (as opposed to defaults). */
final class Options {
    private Options() {}

    /** True if any of {@code names} was given on the command line of {@code spec}'s command. */
    static boolean given(CommandSpec spec, String... names) {
        ParseResult pr = spec.commandLine().getParseResult();
        if (pr == null) return false;
        for (String n : names) {
            if (spec.findOption(n) != null && pr.hasMatchedOption(n)) return true;
        }
        return false;
    }
}

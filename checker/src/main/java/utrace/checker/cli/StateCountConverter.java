package utrace.checker.cli;

import picocli.CommandLine;

/** --max-states N: 0 (no limit) or a positive count; -1 used to mean "no limit" silently. */
public final class StateCountConverter implements CommandLine.ITypeConverter<Long> {
    @Override public Long convert(String value) {
        long n;
        try {
            n = Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + UsageException.shown(value) + "' is not a state count");
        }
        if (n < 0) {
            throw new CommandLine.TypeConversionException("'" + UsageException.shown(value)
                + "' is not a state count: give 1 or more, or 0 for no limit");
        }
        return n;
    }
}

package utrace.checker.cli;

import picocli.CommandLine;

/**
 * "90s", "5m", "1h", "250ms" or a bare number of seconds, in milliseconds. Only positive durations: a limit of
 * 0s or -1s used to mean "no limit" without saying so; no limit is the option left out.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override public Long convert(String value) {
        String v = value.trim().toLowerCase();
        long ms;
        try {
            if (v.endsWith("ms")) ms = Long.parseLong(v.substring(0, v.length() - 2));
            else if (v.endsWith("s")) ms = Math.multiplyExact(Long.parseLong(v.substring(0, v.length() - 1)), 1000L);
            else if (v.endsWith("m")) ms = Math.multiplyExact(Long.parseLong(v.substring(0, v.length() - 1)), 60_000L);
            else if (v.endsWith("h")) ms = Math.multiplyExact(Long.parseLong(v.substring(0, v.length() - 1)), 3_600_000L);
            else ms = Math.multiplyExact(Long.parseLong(v), 1000L);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + UsageException.shown(value)
                + "' is not a duration; use e.g. 250ms, 30s, 5m or 1h");
        }
        if (ms <= 0) {
            throw new CommandLine.TypeConversionException("'" + UsageException.shown(value)
                + "' is not a limit: give a positive duration such as 30s (leave the option out for no time limit)");
        }
        return ms;
    }
}

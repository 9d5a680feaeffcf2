package utrace.checker.cli;

import picocli.CommandLine;

/** "90s", "5m", "1h", "250ms" or a bare number of seconds, in milliseconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override public Long convert(String value) {
        String v = value.trim().toLowerCase();
        try {
            if (v.endsWith("ms")) return Long.parseLong(v.substring(0, v.length() - 2));
            if (v.endsWith("s")) return Long.parseLong(v.substring(0, v.length() - 1)) * 1000;
            if (v.endsWith("m")) return Long.parseLong(v.substring(0, v.length() - 1)) * 60_000;
            if (v.endsWith("h")) return Long.parseLong(v.substring(0, v.length() - 1)) * 3_600_000;
            return Long.parseLong(v) * 1000;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 250ms, 30s, 5m or 1h");
        }
    }
}

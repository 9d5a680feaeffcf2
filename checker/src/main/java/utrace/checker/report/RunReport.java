package utrace.checker.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.cli.Version;

/**
 * What one command run found, row by row, in the form every report is made
 * from: each row is one JUnit testcase (--junit) and one element of the JSON
 * document's "results" (--format json). Rows are added as they finish, so an
 * interrupted run can still report the rows it finished.
 */
public final class RunReport {
    /** How a row counts for CI: a failure is a wrong answer, an error a run that proves nothing. */
    public enum Status { PASS, FAILURE, ERROR, SKIPPED }

    /**
     * One row. {@code message} and {@code type} are the JUnit failure's (null for PASS); {@code systemOut}
     * is what CI shows under the testcase (trace path, replay command, counterexample text); {@code json}
     * is the row's element of the JSON "results".
     */
    public record Row(String name, long millis, Status status, String message, String type, String systemOut,
                      ObjectNode json) {}

    /**
     * Made on first use (rendering JSON): an ObjectMapper loads and links a few hundred classes, start-up time a
     * text-only run never needs. The nodes come from the node factory alone.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final String command;
    private final String suite;
    /** When the run started; turned into local time (time-zone rules, more start-up) only when printed. */
    private final long startedMillis = System.currentTimeMillis();
    private final ObjectNode header = object();
    private final List<String[]> properties = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> outputErrors = new ArrayList<>();
    private String stopped;

    /** {@code suite}: the JUnit suite and classname, e.g. "checker.gate". */
    public RunReport(String command, String suite) {
        this.command = command;
        this.suite = suite;
    }

    public String command() { return command; }

    public String suite() { return suite; }

    /** Command-specific fields of the JSON document (configuration, invariant set, ...), before "results". */
    public ObjectNode header() { return header; }

    /** A JUnit &lt;property&gt; (configuration worth seeing in CI). */
    public synchronized RunReport property(String name, String value) {
        properties.add(new String[] {name, value});
        return this;
    }

    public synchronized void add(Row row) { rows.add(row); }

    public synchronized List<Row> rows() { return List.copyOf(rows); }

    synchronized List<String[]> properties() { return List.copyOf(properties); }

    /**
     * The run was cut short (a signal, out of memory): {@code what} says by what and which rows did not finish.
     * The JUnit report then ends with an error testcase saying so, so that a CI that reads only the XML does
     * not show the finished rows as a green run.
     */
    public synchronized void stopped(String what) { stopped = what; }

    public synchronized String stopped() { return stopped; }

    /** An output (trace, report page, JUnit file) that could not be written: the run exits 2 and says so. */
    public synchronized void outputError(String message) { outputErrors.add(message); }

    public synchronized List<String> outputErrors() { return List.copyOf(outputErrors); }

    /** Local time the run started, ISO 8601 without zone (as JUnit's XSD wants it). */
    public String timestamp() {
        LocalDateTime started = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(startedMillis), ZoneId.systemDefault()).withNano(0);
        return started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /**
     * The JSON document: tool, command, timestamp, hostname, the header fields, "results", then
     * {@code verdict} and {@code exit_code}; {@code interrupted} (the signal) only when a signal ended the run.
     */
    public synchronized ObjectNode json(String verdict, int exitCode, String interrupted) {
        ObjectNode root = object();
        root.put("tool", Version.NAME + " " + Version.VERSION);
        root.put("command", command);
        root.put("timestamp", timestamp());
        root.put("hostname", hostname());
        root.setAll(header.deepCopy());
        ArrayNode rs = root.putArray("results");
        for (Row r : rows) rs.add(r.json());
        if (!outputErrors.isEmpty()) {
            ArrayNode errs = root.putArray("output_errors");
            for (String e : outputErrors) errs.add(e);
        }
        if (interrupted != null) root.put("interrupted", interrupted);
        root.put("verdict", verdict);
        root.put("exit_code", exitCode);
        return root;
    }

    public static String render(ObjectNode json) {
        try {
            return Mapper.MAPPER.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() { return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(); }

    /** This machine's name, as CI shows it: $HOSTNAME, /etc/hostname, else what the resolver says. */
    public static String hostname() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h.trim();
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isRegularFile(etc)) {
                String s = Files.readString(etc, StandardCharsets.UTF_8).trim();
                if (!s.isEmpty()) return s;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A counterexample's text file for system-out, cut at {@code max} characters; null if unreadable. */
    public static String readText(Path file, int max) {
        if (file == null) return null;
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() <= max ? s : s.substring(0, max) + "\n[... cut at " + max + " characters; the whole trace is in " + file + "]\n";
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

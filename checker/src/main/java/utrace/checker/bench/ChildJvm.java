package utrace.checker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import utrace.model.Scenario;

/**
 * Runs {@link ChildRun} in a fresh JVM (same java, same class path, the same
 * JVM options as this one: the collector and heap that bin/checker chose, so a
 * child measures what `verify` runs, not the JVM's G1 defaults) and reads its
 * result line. The whole process's
 * wall time is measured here too: start-up included, what a user of
 * `verify` waits.
 */
final class ChildJvm {
    /**
     * One child's figures: the search's own wall and CPU time, the process's wall time and peak RSS, the
     * warm-up runs made before the timed one and the JIT's compile time during it.
     */
    record Result(String verdict, long states, long transitions, long searchMillis, long cpuMillis, long processMillis,
                  long peakRssBytes, int warmups, long jitMillis) {
        double statesPerSecond() { return states * 1000.0 / Math.max(1, searchMillis); }
    }

    private final Path dir;

    ChildJvm() throws IOException {
        dir = Files.createTempDirectory("checker-bench");
        dir.toFile().deleteOnExit();
    }

    /** The scenario as a file a child can load (generated scenarios have no file of their own). */
    Path scenarioFile(Scenario s) throws IOException {
        Path f = dir.resolve(s.name() + ".scenario");
        if (!Files.exists(f)) {
            Files.writeString(f, s.source(), StandardCharsets.UTF_8);
            f.toFile().deleteOnExit();
        }
        return f;
    }

    Result run(Scenario s, String invariantSet, int workers, boolean level, long timeLimitMillis) throws IOException, InterruptedException {
        return run(s, invariantSet, workers, level, timeLimitMillis, JvmMode.FRESH);
    }

    Result run(Scenario s, String invariantSet, int workers, boolean level, long timeLimitMillis, JvmMode mode)
            throws IOException, InterruptedException {
        return run(s, invariantSet, workers, level ? "level" : "classic", timeLimitMillis, mode);
    }

    /** {@code copies} independent one-worker searches of {@code s} at once, each with its own model ({@link ChildRun}'s "independent"). */
    Result runIndependent(Scenario s, String invariantSet, int copies, long timeLimitMillis, JvmMode mode)
            throws IOException, InterruptedException {
        return run(s, invariantSet, copies, "independent", timeLimitMillis, mode);
    }

    private Result run(Scenario s, String invariantSet, int workers, String engine, long timeLimitMillis, JvmMode mode)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(inheritedOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildRun.class.getName());
        cmd.add(scenarioFile(s).toString());
        cmd.add(invariantSet);
        cmd.add(Integer.toString(workers));
        cmd.add(engine);
        cmd.add(Long.toString(timeLimitMillis));
        cmd.add(Integer.toString(mode.warmups));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        for (String line : out.split("\n")) {
            if (!line.startsWith("bench-child ")) continue;
            Map<String, String> kv = new HashMap<>();
            for (String part : line.substring(12).trim().split(" ")) {
                int eq = part.indexOf('=');
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            return new Result(kv.get("verdict"), Long.parseLong(kv.get("states")), Long.parseLong(kv.get("transitions")),
                Long.parseLong(kv.get("millis")), Long.parseLong(kv.get("cpu")), wall, Long.parseLong(kv.get("rss")),
                Integer.parseInt(kv.get("warmups")), Long.parseLong(kv.get("jit")));
        }
        throw new IOException("bench child (exit " + code + ") printed no result: " + out.strip());
    }

    /**
     * This JVM's options a child should share: heap and collector settings (bin/checker's defaults or the
     * user's CHECKER_JAVA_OPTS), with the maximum heap made explicit; not agents, recordings or a
     * class-data-sharing dump, which belong to this process.
     */
    static List<String> inheritedOptions() {
        List<String> out = new ArrayList<>();
        boolean heap = false;
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-XX:StartFlightRecording")
                || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:SharedArchiveFile")) {
                continue;
            }
            if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxHeapSize")) heap = true;
            out.add(a);
        }
        if (!heap) out.add("-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m");
        return out;
    }
}

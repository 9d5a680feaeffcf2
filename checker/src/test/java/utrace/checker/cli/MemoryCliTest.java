package utrace.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 16 item 2 / issue 14 item 2: a search that does not fit the heap ends INCOMPLETE (exit 3) with a hint
 * (more heap through CHECKER_JAVA_OPTS, --hash-compact/--bitstate, --max-states), in every explorer, never exit 1 or
 * a stack trace; the JSON row says how much memory the search counted. And bin/checker's class-data-sharing
 * archive is used silently and skipped silently when it does not fit.
 */
class MemoryCliTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallHeapGivesIncompleteWithAHintInEveryExplorer() throws Exception {
        // The heap for each: a depth-first search holds little besides its visited set, which bench-large fits in
        // 64 MB; at 32 MB it runs out before its count says so, which is the last resort's path (the caught
        // OutOfMemoryError); the breadth-first ones stop on their count at 64 MB.
        String[][] searches = {{"64m", "-w", "1"}, {"64m", "-w", "2"}, {"32m", "--search", "dfs"}};
        for (String[] s : searches) {
            String[] search = java.util.Arrays.copyOfRange(s, 1, s.length);
            List<String> args = new ArrayList<>(List.of("verify", "-q", "--format", "json", "-s", "bench-large",
                "--trace-dir", tmp.resolve("t").toString()));
            args.addAll(List.of(search));
            Process p = CheckerProcess.builder(tmp, List.of("-Xmx" + s[0]), args.toArray(new String[0])).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bench-large under 64 MB did not end");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String what = String.join(" ", search);
            assertEquals(3, p.exitValue(), what + ": " + out + err);
            assertFalse(err.contains("\tat ") || err.contains("OutOfMemoryError"), err);
            JsonNode row = new ObjectMapper().readTree(out).get("results").get(0);
            assertEquals("INCOMPLETE", row.get("verdict").asText(), what);
            String reason = row.get("incomplete_reason").asText();
            assertTrue(reason.contains("CHECKER_JAVA_OPTS=-Xmx") && reason.contains("--bitstate") && reason.contains("--hash-compact"),
                what + ": " + reason);
            assertTrue(reason.startsWith("memory budget reached") || reason.startsWith("out of memory"), reason);
            assertTrue(row.get("visited_bytes").asLong() + row.get("working_bytes").asLong() < 64L << 20, row.toString());
        }
    }

    /** bin/checker from a copy of the project layout, with the given checker.jsa (or none). */
    private Process launcher(Path root, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/checker").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("CHECKER_JAVA_OPTS");
        return pb.start();
    }

    @Test
    void theLauncherSkipsAMissingStaleOrBrokenArchiveSilently() throws Exception {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        Path jar = project.resolve("checker/target/checker.jar");
        // The jar is packaged after the tests run: on a clean clone's first `mvn test` there is none yet.
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no checker/target/checker.jar (run make build first)");
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("checker/target"));
        Files.copy(project.resolve("bin/checker"), root.resolve("bin/checker"));
        root.resolve("bin/checker").toFile().setExecutable(true);
        Path myJar = root.resolve("checker/target/checker.jar");
        Files.copy(jar, myJar);
        Path jsa = root.resolve("checker/target/checker.jsa");
        String[] verify = {"verify", "-q", "-s", "stop-then-resume", "--trace-dir", tmp.resolve("t").toString()};

        // none; then one made by the launcher itself (CHECKER_CDS_DUMP, as make build does)
        expectQuietPass(launcher(root, verify));
        List<String> cmd = new ArrayList<>(List.of(root.resolve("bin/checker").toString()));
        cmd.addAll(List.of(verify));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().put("CHECKER_CDS_DUMP", jsa.toString());
        expectQuietPass(pb.start());
        assertTrue(Files.size(jsa) > 0, "the archive was written");
        expectQuietPass(launcher(root, verify));
        // stale: the jar is newer (rebuilt); then broken: garbage newer than the jar
        assertTrue(myJar.toFile().setLastModified(System.currentTimeMillis() + 5000));
        expectQuietPass(launcher(root, verify));
        Files.writeString(jsa, "not an archive");
        assertTrue(jsa.toFile().setLastModified(System.currentTimeMillis() + 10_000));
        expectQuietPass(launcher(root, verify));
    }

    /**
     * The launcher's heap (issue 16, nineteenth round): the young generation fixed, not left to grow page by page
     * through a search, and transparent huge pages asked for where the kernel gives them on request; the user's
     * CHECKER_JAVA_OPTS replaces all of it. Read from the launcher's own `exec java` line (bash -x), against the
     * same rule worked out here from this machine's (or container's) memory.
     */
    @Test
    void theLauncherFixesTheYoungGenerationAndAsksForHugePagesOnlyWhereTheKernelGivesThem() throws Exception {
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        Path launcher = project.resolve("bin/checker");
        Assumptions.assumeTrue(Files.isRegularFile(project.resolve("checker/target/checker.jar")),
            "no checker/target/checker.jar (run make build first)");
        String javaLine = execLine(launcher, null);
        // No /proc/meminfo (not Linux): the launcher knows no memory size and keeps 256 MB, as this does.
        Path meminfo = Path.of("/proc/meminfo");
        long memMb = !Files.isReadable(meminfo) ? Long.MAX_VALUE : Files.readAllLines(meminfo).stream()
            .filter(l -> l.startsWith("MemTotal:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
            .findFirst().orElse(Long.MAX_VALUE);
        for (String limit : List.of("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")) {
            Path f = Path.of(limit);
            String v = Files.isReadable(f) ? Files.readString(f).strip() : "";
            if (v.matches("[0-9]+")) memMb = Math.min(memMb, Long.parseLong(v) >> 20);
        }
        long young = memMb < 4096 ? memMb / 16 : 256;
        assertTrue(javaLine.contains(" -XX:+UseParallelGC -XX:MaxRAMPercentage=50 -XX:NewSize=" + young + "m -XX:MaxNewSize="
            + young + "m"), javaLine);
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
        assertEquals(madvise, javaLine.contains(" -XX:+UseTransparentHugePages"), javaLine);
        assertEquals("java -Xmx300m -jar", execLine(launcher, "-Xmx300m").replaceAll(" -XX:SharedArchiveFile=\\S+"
            + " -Xlog:cds=off -Xlog:cds\\+dynamic=off", "").replaceAll(" \\S+checker\\.jar.*", ""));
    }

    /** The `exec java ...` line bash -x prints for `bin/checker --version`, with CHECKER_JAVA_OPTS unset or set. */
    private String execLine(Path launcher, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-x", launcher.toString(), "--version").directory(tmp.toFile());
        if (javaOpts == null) pb.environment().remove("CHECKER_JAVA_OPTS");
        else pb.environment().put("CHECKER_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        return err.lines().filter(l -> l.startsWith("+ exec java ")).map(l -> l.substring(7)).findFirst()
            .orElseThrow(() -> new AssertionError("no exec line in: " + err));
    }

    private static void expectQuietPass(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("", err, "no JVM warning reaches the user");
        assertTrue(out.contains("stop-then-resume") && out.contains("PASS"), out);
    }
}

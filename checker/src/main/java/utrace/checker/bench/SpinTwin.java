package utrace.checker.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SPIN twin of the model (a hand-written Promela copy kept outside this
 * repository: `checker bench --spin DIR` or CHECKER_SPIN_TWIN), built and run
 * by `checker bench` next to the native engine. Nothing of the twin is copied
 * here: DIR/twin.pml is read where it is, compiled with SPIN and gcc into a
 * temporary directory, and the verifiers `pan` run there.
 *
 * <p>The twin selects its scenario with a cpp define (its README): none for
 * detach-sigkill-race, BSMALL, BMEDIUM, BLARGE for bench-small/-medium/-large,
 * SIZE6 and SIZE8 for steps 6 and 8 of bench's size ladder (DIR/scenarios
 * holds those two as files). Each verifier is built as the twin's build.sh
 * builds its plain one: `spin -o2` (keep write-only variables, as the Java
 * model does) and `gcc -O2 -DSAFETY -DNOREDUCE` (exhaustive, no partial-order
 * reduction, full state storage).
 */
final class SpinTwin {
    /** The scenarios the twin knows and their defines (empty: the twin's default). */
    static final Map<String, String> DEFINES = new LinkedHashMap<>();

    static {
        DEFINES.put("detach-sigkill-race", "");
        DEFINES.put("bench-small", "BSMALL");
        DEFINES.put("bench-medium", "BMEDIUM");
        DEFINES.put("bench-large", "BLARGE");
        DEFINES.put("scale-size-6", "SIZE6");
        DEFINES.put("scale-size-8", "SIZE8");
    }

    /** One pan run: states stored, transitions, errors, pan's own search time, the process's wall time. */
    record Result(long states, long transitions, int errors, double searchSeconds, long processMillis, boolean timedOut) {
        double statesPerSecond() { return states / Math.max(0.01, searchSeconds); }
    }

    private final Path dir;
    private final Path work;
    private final String compiler;

    private SpinTwin(Path dir, Path work, String compiler) {
        this.dir = dir;
        this.work = work;
        this.compiler = compiler;
    }

    Path dir() { return dir; }

    String compiler() { return compiler; }

    /** The twin in {@code dir}, ready to build; or an IllegalStateException saying why not (bench prints it and skips). */
    static SpinTwin open(Path dir, String path) throws IOException {
        if (!Files.isRegularFile(dir.resolve("twin.pml"))) {
            throw new IllegalStateException(dir + " has no twin.pml (give the twin's directory: --spin DIR or CHECKER_SPIN_TWIN)");
        }
        if (onPath("spin", path) == null) throw new IllegalStateException("spin is not on PATH (Debian: apt-get install spin)");
        String cc = onPath("gcc", path) != null ? "gcc" : onPath("cc", path) != null ? "cc" : null;
        if (cc == null) throw new IllegalStateException("no C compiler (gcc or cc) on PATH (Debian: apt-get install gcc)");
        Path work = Files.createTempDirectory("checker-spin");
        return new SpinTwin(dir.toAbsolutePath(), work, cc);
    }

    static Path onPath(String exe, String path) {
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** The twin's scenario files (DIR/scenarios/*.scenario) whose names it has a define for. */
    List<Path> ladderFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path sc = dir.resolve("scenarios");
        if (!Files.isDirectory(sc)) return out;
        try (var s = Files.list(sc)) {
            s.filter(p -> p.getFileName().toString().endsWith(".scenario")).sorted().forEach(out::add);
        }
        out.removeIf(p -> !DEFINES.containsKey(p.getFileName().toString().replace(".scenario", "")));
        return out;
    }

    /** Builds pan for {@code scenario} in the temporary directory; returns it. */
    Path build(String scenario, long timeoutMillis) throws IOException, InterruptedException {
        String def = DEFINES.get(scenario);
        Path d = work.resolve(scenario);
        Files.createDirectories(d);
        List<String> spin = new ArrayList<>(List.of("spin", "-o2"));
        if (!def.isEmpty()) spin.add("-D" + def);
        spin.add("-a");
        spin.add(dir.resolve("twin.pml").toString());
        exec(d, spin, timeoutMillis, "spin");
        exec(d, List.of(compiler, "-O2", "-DSAFETY", "-DNOREDUCE", "-o", "pan", "pan.c"), timeoutMillis, compiler);
        return d.resolve("pan");
    }

    private static String exec(Path d, List<String> cmd, long timeoutMillis, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(Math.max(1000, timeoutMillis), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException(what + " failed (exit " + p.exitValue() + "): " + text.strip());
        return text;
    }

    private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
    private static final Pattern TRANS = Pattern.compile("(\\d+) transitions \\(");
    private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");
    private static final Pattern ELAPSED = Pattern.compile("pan: elapsed time ([\\d.e+-]+) seconds");

    /** Runs {@code pan} (exhaustive search; a 2^24-slot hash table, pan's default, grows its chains). */
    Result run(Path pan, long timeoutMillis) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(pan.toString(), "-m100000").directory(pan.getParent().toFile()).redirectErrorStream(true).start();
        // pan's output is a few KB, printed at the end: read it on a thread so that a timeout can still kill pan.
        StringBuilder text = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                text.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.start();
        boolean done = p.waitFor(Math.max(1000, timeoutMillis), TimeUnit.MILLISECONDS);
        if (!done) {
            // Whatever pan started goes too: a child holding the output pipe would keep the reader waiting.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        reader.join();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        if (!done) return new Result(0, 0, 0, wall / 1000.0, wall, true);
        String out = text.toString();
        Matcher s = STORED.matcher(out);
        Matcher t = TRANS.matcher(out);
        Matcher e = ERRORS.matcher(out);
        Matcher el = ELAPSED.matcher(out);
        if (!s.find() || !t.find() || !el.find()) throw new IOException("unexpected pan output: " + out.strip());
        return new Result(Long.parseLong(s.group(1)), Long.parseLong(t.group(1)), e.find() ? Integer.parseInt(e.group(1)) : -1,
            Double.parseDouble(el.group(1)), wall, false);
    }

    /** Removes the temporary build directory (pan.c of a large twin is megabytes). */
    void delete() {
        try (var walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no error
        }
    }

    /** spin -V's first line, for the table's header. */
    String version() {
        try {
            return exec(work, List.of("spin", "-V"), 10_000, "spin -V").lines().findFirst().orElse("spin").strip();
        } catch (IOException | InterruptedException e) {
            return "spin";
        }
    }
}

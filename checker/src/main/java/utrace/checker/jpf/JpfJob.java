package utrace.checker.jpf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import utrace.checker.explore.Limits;
import utrace.checker.threaded.ThreadedRun;
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;

/**
 * One JPF search in a child JVM: {@code java -jar $JPF_HOME/build/RunJPF.jar
 * run.jpf}, with an application properties file written for it. A child JVM
 * keeps JPF's class loaders and its JDK-17-only internals away from the
 * checker's own class path.
 */
public final class JpfJob {
    /** What came back: the report JPF printed, the wall time, and whether we had to stop it. */
    public record Outcome(String report, long millis, boolean killed, Path workDir) {}

    /** Extra time JPF gets past --time-limit to stop by itself (its budget listener) before it is killed. */
    static final long GRACE_MILLIS = 30_000;

    private final JpfHome home;
    private final JpfDriverKind driver;

    public JpfJob(JpfHome home, JpfDriverKind driver) {
        this.home = home;
        this.driver = driver;
    }

    /**
     * Runs JPF on one scenario. {@code progress} is told the elapsed
     * milliseconds every few seconds while JPF runs.
     */
    public Outcome run(Scenario s, ModelConfig config, List<Invariant> invariants, Limits limits, LongConsumer progress)
        throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("checker-jpf-");
        Path scenarioFile = work.resolve(s.name() + ".scenario");
        Files.writeString(scenarioFile, s.source(), StandardCharsets.UTF_8);
        Path app = work.resolve("run.jpf");
        Path cycleListener = null;
        if (driver == JpfDriverKind.CHOICES && invariants.stream().anyMatch(Invariant::judgesCycles)) {
            try {
                cycleListener = JpfCycleListener.classesFor(home);
            } catch (JpfCycleListener.BuildException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Files.writeString(app, applicationProperties(new DriverArgs(scenarioFile.toString(), config, invariants), limits, driver,
            cycleListener), StandardCharsets.UTF_8);
        Path log = work.resolve("jpf-output.txt");
        // jpf-core's own test tasks (build.gradle) open these: its Random peer (ChoiceDriver's choices) uses jdk.internal.misc.Unsafe.
        List<String> cmd = List.of(javaLauncher(), "-Xmx2g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-jar", home.runJpfJar().toString(), app.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        // Ctrl-C on the checker must not leave JPF running on its own.
        Thread reaper = new Thread(p::destroyForcibly, "jpf-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        long deadline = limits.timeLimitMillis() > 0 ? limits.timeLimitMillis() + GRACE_MILLIS : Long.MAX_VALUE;
        boolean killed = false;
        try {
            while (!p.waitFor(5, TimeUnit.SECONDS)) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > deadline) {
                    p.destroyForcibly().waitFor();
                    killed = true;
                    break;
                }
                progress.accept(ms);
            }
        } finally {
            if (p.isAlive()) p.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to undo
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String report = Files.readString(log, StandardCharsets.UTF_8);
        return new Outcome(report, millis, killed, work);
    }

    /**
     * The .jpf file. Besides target and class path:
     * <ul>
     * <li>path output instead of tree output: the error path's output is the schedule;</li>
     * <li>no scheduling points on field access in the checker's code
     *     ({@code never_break_methods}), on lock release, on notify or on
     *     Thread.start: every access to shared data happens under
     *     ThreadedRun's monitor, so the monitor entries (and waits, joins,
     *     terminations) are all the interleavings there are; the others only
     *     multiply states;</li>
     * <li>{@code cg.enumerate_random}: {@link ChoiceDriver}'s {@code Random.nextInt}
 *     becomes JPF's choice of the next actor;</li>
 * <li>jpf-core's BudgetChecker for --max-states / --time-limit;</li>
 * <li>{@code vm.time.class = ConstInsnPathTime}: JPF's default time model
 *     hands the program the host's clock, and {@code java.util.ImmutableCollections}
 *     seeds the iteration order of every {@code Set.of}/{@code Map.of} from
 *     {@code System.nanoTime()} in its static initializer. The orders changed
 *     how many bytecodes a step ran, so where JPF's MAX_TRANSITION_LENGTH break
 *     fell, and the state count with it (utrace-stop-relock [fidelity] under
 *     the choice driver: 788 or 789 new states from the same input). Time
 *     counted in instructions along the path is the same in every run.</li>
     * </ul>
     */
    static String applicationProperties(DriverArgs args, Limits limits, JpfDriverKind driver) {
        return applicationProperties(args, limits, driver, null);
    }

    /**
     * As above; {@code cycleListener}, when not null, is where {@link JpfCycleListener} compiled the listener that
     * reports livelock-freedom's cycles under {@link ChoiceDriver#runWatching}: it goes on JPF's native class path
     * and in its listeners.
     */
    static String applicationProperties(DriverArgs args, Limits limits, JpfDriverKind driver, Path cycleListener) {
        StringBuilder b = new StringBuilder();
        b.append("# written by `checker` for one JPF search; see utrace.checker.jpf.JpfJob\n");
        b.append("target = ").append(driver.mainClass.getName()).append('\n');
        b.append("target.args = ").append(String.join(",", args.encode())).append('\n');
        b.append("classpath = ").append(String.join(";", classPath())).append('\n');
        b.append("search.multiple_errors = false\n");
        b.append("vm.tree_output = false\n");
        b.append("vm.path_output = true\n");
        b.append("report.console.start =\n");
        b.append("report.console.property_violation = error,output\n");
        b.append("report.console.constraint = constraint\n");
        b.append("report.console.finished = result,statistics\n");
        b.append("vm.shared.never_break_methods+ = ,utrace.*.*\n");
        b.append("cg.break_lock_release = false\n");
        b.append("cg.break_notify = false\n");
        b.append("cg.threads.break_start = false\n");
        // ChoiceDriver's Random.nextInt(k) is JPF's choice of the next actor (a no-op for JpfDriver, which draws none).
        b.append("cg.enumerate_random = true\n");
        // The program's clock (and with it Set.of/Map.of orders) from the path's instruction count, not the host: same input, same counts.
        b.append("vm.time.class = gov.nasa.jpf.vm.ConstInsnPathTime\n");
        List<String> listeners = new ArrayList<>();
        if (limits.maxStates() > 0 || limits.timeLimitMillis() > 0) listeners.add("gov.nasa.jpf.listener.BudgetChecker");
        if (cycleListener != null) {
            // appended to JPF's own native class path (a "<project>.native_classpath" key of an application file is not read)
            b.append("native_classpath+=;").append(cycleListener).append('\n');
            listeners.add(JpfCycleListener.CLASS);
        }
        if (!listeners.isEmpty()) b.append("listener = ").append(String.join(",", listeners)).append('\n');
        if (limits.maxStates() > 0 || limits.timeLimitMillis() > 0) {
            if (limits.maxStates() > 0) b.append("budget.max_state = ").append(limits.maxStates()).append('\n');
            if (limits.timeLimitMillis() > 0) b.append("budget.max_time = ").append(limits.timeLimitMillis()).append('\n');
        }
        return b.toString();
    }

    /** Where the driver, the runner, the model and the invariants were loaded from (target/classes or the jar). */
    static List<String> classPath() {
        Set<String> out = new LinkedHashSet<>();
        for (Class<?> c : List.of(JpfDriver.class, ChoiceDriver.class, ThreadedRun.class, Model.class, Invariant.class)) {
            try {
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return new ArrayList<>(out);
    }

    /** The java launcher of the JVM we run in: JPF needs JDK 17, and {@link JpfEngine} checks ours is. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package utrace.checker.jpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import utrace.checker.explore.Counterexample;
import utrace.checker.explore.CycleSearch;
import utrace.checker.explore.Limits;
import utrace.checker.explore.Verdict;
import utrace.invariants.Invariant;
import utrace.invariants.InvariantChecker;
import utrace.invariants.Violation;
import utrace.model.Model;
import utrace.model.ModelConfig;
import utrace.model.Scenario;
import utrace.model.State;
import utrace.model.Transition;

/**
 * `--engine jpf` for one scenario: runs JPF ({@link JpfJob}), reads its
 * report ({@link JpfOutput}) and turns it into a verdict. A violation's
 * schedule is re-executed on the native model with the same invariant checks
 * as the threaded runner, so a counterexample is only accepted when the
 * native model reproduces it (and that replay yields the Violation the trace
 * is built from).
 */
public final class JpfEngine {
    /**
     * @param verdict null when JPF's answer could not be used ({@code error} says why)
     * @param counterexample for VIOLATION: the schedule JPF found, confirmed on the native model
     */
    public record Result(Verdict verdict, JpfOutput output, long millis, Counterexample counterexample,
                         String incompleteReason, String error) {}

    private final JpfJob job;
    private final JpfHome home;
    private final JpfDriverKind driver;

    /** JPF over the thread driver ({@link JpfDriverKind#THREADS}). */
    public JpfEngine(JpfHome home) {
        this(home, JpfDriverKind.THREADS);
    }

    public JpfEngine(JpfHome home, JpfDriverKind driver) {
        this.job = new JpfJob(home, driver);
        this.home = home;
        this.driver = driver;
    }

    public JpfDriverKind driver() { return driver; }

    /** JPF's java-17 branch runs on JDK 17 only; null if this JVM is one, else the one-line reason. */
    public static String jdkProblem() {
        int v = Runtime.version().feature();
        return v == 17 ? null : "JPF needs JDK 17 exactly (jpf-core java-17 branch); this checker runs on JDK " + v;
    }

    /**
     * With livelock-freedom (an invariant judged on cycles) in {@code invariants}, the choice driver searches for
     * its cycles in the same run ({@link ChoiceDriver#runWatching}). The thread driver cannot: its runner's
     * wait/notify loops are cycles of the program, not of the model. So under it the other invariants are
     * searched first, and if they pass, a second JPF search under the choice driver judges livelock-freedom
     * alone; the result counts both searches' states.
     */
    public Result run(Scenario s, ModelConfig config, List<Invariant> invariants, Limits limits, LongConsumer progress)
        throws IOException, InterruptedException {
        Invariant cycles = CycleSearch.cycleInvariant(invariants);
        if (cycles == null || driver == JpfDriverKind.CHOICES) return run(job, s, config, invariants, limits, progress);
        List<Invariant> rest = new ArrayList<>(invariants);
        rest.remove(cycles);
        Result first = rest.isEmpty() ? null : run(job, s, config, rest, limits, progress);
        if (first != null && first.verdict() != Verdict.PASS) return first;
        long spent = first == null ? 0 : first.millis();
        Limits left = limits.timeLimitMillis() <= 0 ? limits
            : new Limits(limits.maxStates(), Math.max(1, limits.timeLimitMillis() - spent));
        Result second = run(new JpfJob(home, JpfDriverKind.CHOICES), s, config, List.of(cycles), left, progress);
        if (first == null) return second;
        return new Result(second.verdict(), first.output().then(second.output()), spent + second.millis(),
            second.counterexample(), second.incompleteReason(), second.error());
    }

    private Result run(JpfJob job, Scenario s, ModelConfig config, List<Invariant> invariants, Limits limits,
                       LongConsumer progress) throws IOException, InterruptedException {
        JpfJob.Outcome o = job.run(s, config, invariants, limits, progress);
        JpfOutput out = JpfOutput.parse(o.report());
        if (o.killed()) {
            return new Result(Verdict.INCOMPLETE, out, o.millis(), null,
                "time limit: JPF did not stop within " + JpfJob.GRACE_MILLIS / 1000 + " s after it, so it was killed", null);
        }
        if (!out.statistics()) {
            return new Result(null, out, o.millis(), null, null,
                "JPF did not complete a search (" + firstProblemLine(o.report()) + "); its output: " + o.workDir().resolve("jpf-output.txt"));
        }
        if (out.hasError() && out.cycleError()) {
            Invariant cycles = CycleSearch.cycleInvariant(invariants);
            Confirmation c = confirmCycle(new Model(s, config), cycles, out.schedule(), out.watchedFrom());
            if (c.violation() == null) {
                return new Result(null, out, o.millis(), null, null, "JPF reports a cycle without progress after "
                    + out.schedule().size() + " steps, but the native model replaying that schedule " + c.problem()
                    + "; its output: " + o.workDir().resolve("jpf-output.txt"));
            }
            deleteWorkDir(o);
            return new Result(Verdict.VIOLATION, out, o.millis(), new Counterexample(c.violation(), out.schedule()), null, null);
        }
        if (out.hasError()) {
            if (out.violatedInvariant() == null) {
                return new Result(null, out, o.millis(), null, null, "JPF reports " + out.errorProperty() + ": " + out.errorMessage()
                    + " (not an invariant of the model); its output: " + o.workDir().resolve("jpf-output.txt"));
            }
            Model model = new Model(s, config);
            Confirmation c = confirm(model, invariants, out.schedule());
            if (c.violation() == null || !c.violation().invariant().name().equals(out.violatedInvariant())
                || !c.violation().kind().name().equals(out.violationKind())) {
                return new Result(null, out, o.millis(), null, null, "JPF reports " + out.violatedInvariant() + " after "
                    + out.schedule().size() + " steps, but the native model replaying that schedule "
                    + (c.problem() != null ? c.problem() : c.violation() == null ? "violates nothing"
                        : "violates " + c.violation().invariant().name() + " (" + c.violation().kind() + ")")
                    + "; its output: " + o.workDir().resolve("jpf-output.txt"));
            }
            deleteWorkDir(o);
            return new Result(Verdict.VIOLATION, out, o.millis(), new Counterexample(c.violation(), out.schedule()), null, null);
        }
        deleteWorkDir(o);
        if (out.constraints() > 0 || out.constraint() != null) {
            return new Result(Verdict.INCOMPLETE, out, o.millis(), null,
                out.constraint() != null ? out.constraint() : "JPF hit a search constraint", null);
        }
        return new Result(Verdict.PASS, out, o.millis(), null, null, null);
    }

    /** The violation a schedule reaches, checked exactly as ThreadedRun checks (or why it cannot be replayed). */
    record Confirmation(Violation violation, String problem) {}

    static Confirmation confirm(Model model, List<Invariant> invariants, List<Integer> schedule) {
        InvariantChecker check = new InvariantChecker(model, invariants);
        State s = model.initial();
        Violation v = check.state(s);
        for (int i = 0; i < schedule.size(); i++) {
            if (v != null) return new Confirmation(null, "is violated already after " + i + " steps (" + v.describe() + ")");
            int a = schedule.get(i);
            if (a < 0 || a >= model.actorCount()) return new Confirmation(null, "has no actor " + a + " (step " + (i + 1) + ")");
            Transition t = model.step(s, a);
            if (t == null || t.after().equals(s)) {
                return new Confirmation(null, "cannot move " + model.actorName(a) + " at step " + (i + 1));
            }
            v = check.transition(s, t);
            s = t.after();
            if (v == null) v = check.state(s);
        }
        if (v == null && !model.canProgress(s)) v = check.terminal(s);
        return new Confirmation(v, null);
    }

    /**
     * The cycle a schedule from the cycle listener ends with: the last step leads back to the state after some
     * step at or past {@code watchedFrom} (the first such), and {@code cycles} forbids the steps around it.
     */
    static Confirmation confirmCycle(Model model, Invariant cycles, List<Integer> schedule, int watchedFrom) {
        if (cycles == null) return new Confirmation(null, "was not asked to judge cycles");
        if (watchedFrom < 0) return new Confirmation(null, "never started watching (no \"" + ChoiceDriver.WATCH + "\" line)");
        CycleSearch.Lasso l = CycleSearch.lassoEnd(model, cycles, schedule, watchedFrom);
        return new Confirmation(l.violation(), l.problem());
    }

    private static String firstProblemLine(String report) {
        for (String line : report.split("\r?\n")) {
            String l = line.trim();
            if (l.startsWith("[SEVERE]") || l.contains("Exception") || l.contains("Error:")) return l;
        }
        return "no statistics in its report";
    }

    /** A run whose answer was used leaves nothing behind; an unusable one keeps its report for the error message. */
    private static void deleteWorkDir(JpfJob.Outcome o) {
        try (Stream<Path> files = Files.walk(o.workDir())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}

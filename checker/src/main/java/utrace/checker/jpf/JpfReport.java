package utrace.checker.jpf;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import utrace.checker.cli.Version;
import utrace.checker.explore.Verdict;
import utrace.checker.run.VerifyRequest;
import utrace.invariants.Invariant;
import utrace.model.Mutation;

/** What `checker verify --engine jpf` prints: the verdict table with JPF's own statistics, or one JSON document. */
public final class JpfReport {
    private JpfReport() {}

    public static void header(PrintStream out, VerifyRequest req, JpfHome home, JpfDriverKind driver) {
        out.printf(Locale.ROOT, "checker verify: %d scenario(s), invariant set '%s' (%d invariants), %s%n",
            req.scenarios().size(), req.invariants().name(), req.invariants().invariants().size(), req.config());
        if (driver == null) {
            out.printf(Locale.ROOT, "engine: Java PathFinder (%s), depth-first with state matching, driver 'auto': 'threads' "
                + "(one thread per actor) up to %d native states,%n        'choices' (JPF picks the next actor) above and "
                + "for weak memory; JPF states are program states, not the model's%n%n", home.dir(),
                JpfDriverKind.AUTO_THREADS_MAX_STATES);
        } else if (driver == JpfDriverKind.THREADS) {
            out.printf(Locale.ROOT, "engine: Java PathFinder (%s), depth-first with state matching, driver 'threads': one thread per actor%n",
                home.dir());
            out.printf(Locale.ROOT, "        (JPF states are program states: model state plus where each thread is)%n%n");
        } else {
            out.printf(Locale.ROOT, "engine: Java PathFinder (%s), depth-first with state matching, driver 'choices': JPF picks the next actor%n",
                home.dir());
            out.printf(Locale.ROOT, "        (JPF states are program states at each choice: the model state and the driver's locals)%n%n");
        }
        out.printf(Locale.ROOT, "%-30s %-8s %-10s %11s %11s %6s %9s%n", "scenario", "driver", "verdict", "new states", "visited",
            "depth", "time");
    }

    public static void row(PrintStream out, JpfRow r) {
        JpfEngine.Result x = r.result();
        out.printf(Locale.ROOT, "%-30s %-8s %-10s %11s %11s %6d %9s%n", r.scenario().name(), r.driver().id(), r.verdictName(),
            grouped(x.output().newStates()), grouped(x.output().visitedStates()), x.output().maxDepth(), millis(x.millis()));
        if (x.verdict() == Verdict.VIOLATION) {
            out.printf("    %s%n", x.counterexample().violation().describe());
            out.printf("    JPF trace (%d steps, depth-first, not shortest; confirmed on the native model): %s%n",
                x.counterexample().schedule().size(), r.traceJson());
            out.printf("    readable:  %s%n", r.traceText());
            out.printf("    replay:    bin/checker replay %s%n", r.traceJson());
        } else if (x.verdict() == Verdict.INCOMPLETE) {
            out.printf("    INCOMPLETE: %s - nothing is proven for this scenario%n", x.incompleteReason());
        } else if (x.verdict() == null) {
            out.printf("    ERROR: %s%n", x.error());
        }
    }

    public static void summary(PrintStream out, List<JpfRow> rows) {
        long pass = rows.stream().filter(r -> r.result().verdict() == Verdict.PASS).count();
        long viol = rows.stream().filter(r -> r.result().verdict() == Verdict.VIOLATION).count();
        long inc = rows.stream().filter(r -> r.result().verdict() == Verdict.INCOMPLETE).count();
        long err = rows.stream().filter(r -> r.result().verdict() == null).count();
        long states = rows.stream().mapToLong(r -> r.result().output().newStates()).sum();
        long ms = rows.stream().mapToLong(r -> r.result().millis()).sum();
        out.printf(Locale.ROOT, "%n%d PASS, %d VIOLATION, %d INCOMPLETE%s; %s JPF states in %s; exit code %d%n",
            pass, viol, inc, err == 0 ? "" : ", " + err + " ERROR", grouped(states), millis(ms), JpfRun.exitCode(rows));
    }

    /** One scenario's JPF result as a JSON object (schemas/verify.schema.json, engine jpf). */
    public static ObjectNode rowJson(JpfRow r) {
        JpfEngine.Result x = r.result();
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("scenario", r.scenario().name());
        n.put("driver", r.driver().id());
        n.put("verdict", r.verdictName());
        n.put("new_states", x.output().newStates());
        n.put("visited_states", x.output().visitedStates());
        n.put("end_states", x.output().endStates());
        n.put("max_depth", x.output().maxDepth());
        n.put("millis", x.millis());
        if (x.verdict() == Verdict.VIOLATION) {
            ObjectNode v = n.putObject("violation");
            v.put("invariant", x.counterexample().violation().invariant().name());
            v.put("kind", x.counterexample().violation().kind().name());
            v.put("message", x.counterexample().violation().message());
            if (x.counterexample().violation().cycleStart() >= 0) v.put("cycle_start", x.counterexample().violation().cycleStart());
            v.put("steps", x.counterexample().schedule().size());
            v.put("trace", r.traceJson().toString());
            v.put("trace_text", r.traceText().toString());
        }
        if (x.verdict() == Verdict.INCOMPLETE) n.put("incomplete_reason", x.incompleteReason());
        if (x.verdict() == null) n.put("error", x.error());
        return n;
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String millis(long ms) {
        if (ms < 1000) return ms + " ms";
        if (ms < 120_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
    }
}

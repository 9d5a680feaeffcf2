package utrace.checker.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import utrace.checker.explore.Counterexample;
import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.Explorer;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.Verdict;
import utrace.model.Model;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;
import utrace.traces.TraceWriter;

/** Runs every requested scenario through the native explorer and writes a trace for each violation. */
public final class VerifyRun {
    /** Told before each scenario and, on long runs, during it. */
    public interface Listener {
        void starting(Scenario s);

        ProgressListener progressFor(Scenario s);
    }

    private VerifyRun() {}

    public static List<ScenarioResult> run(VerifyRequest req, Listener listener) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : req.scenarios()) {
            listener.starting(s);
            Model model = new Model(s, req.config());
            ExplorationResult r = new Explorer(req.limits(), listener.progressFor(s)).explore(model, req.invariants().invariants());
            if (r.verdict() != Verdict.VIOLATION) {
                out.add(new ScenarioResult(s, r, null, null, 0));
                continue;
            }
            Counterexample cx = r.counterexample();
            Trace trace = TraceBuilder.build(model, cx.schedule(), cx.violation());
            String base = traceBaseName(s, req, cx);
            Path json = req.traceDir().resolve(base + ".json");
            Path text = req.traceDir().resolve(base + ".txt");
            try {
                TraceWriter.writeJson(trace, json);
                TraceWriter.writeText(trace, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write trace to " + req.traceDir() + ": " + e.getMessage(), e);
            }
            out.add(new ScenarioResult(s, r, json, text, cx.schedule().size()));
        }
        return out;
    }

    /** scenario[+mutation...].invariant: stable, so reruns overwrite the same files. */
    static String traceBaseName(Scenario s, VerifyRequest req, Counterexample cx) {
        String muts = req.config().mutations().stream().map(m -> m.id).sorted().collect(Collectors.joining("+"));
        return s.name() + (muts.isEmpty() ? "" : "+" + muts) + "." + cx.violation().invariant().name();
    }

    /** The exit code a set of results earns: any violation 1, else any incomplete 3, else 0. */
    public static int exitCode(List<ScenarioResult> results) {
        boolean incomplete = false;
        for (ScenarioResult r : results) {
            if (r.result().verdict() == Verdict.VIOLATION) return 1;
            if (r.result().verdict() == Verdict.INCOMPLETE) incomplete = true;
        }
        return incomplete ? 3 : 0;
    }

    static String mutations(List<Mutation> ms) {
        return ms.stream().map(m -> m.id).collect(Collectors.joining(","));
    }
}

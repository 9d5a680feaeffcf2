package utrace.checker.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import utrace.checker.explore.Counterexample;
import utrace.checker.explore.ExplorationResult;
import utrace.checker.explore.ProgressListener;
import utrace.checker.explore.ScaleOptions;
import utrace.checker.explore.SearchMode;
import utrace.checker.explore.TraceShortener;
import utrace.checker.explore.Verdict;
import utrace.model.Model;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;
import utrace.traces.TraceWriter;

/**
 * Runs every requested scenario through the native explorer and writes a
 * trace for each violation; a depth-first counterexample is shortened first
 * unless the options say to keep it raw.
 */
public final class VerifyRun {
    /** Told before each scenario and, on long runs, during it. */
    public interface Listener {
        void starting(Scenario s);

        ProgressListener progressFor(Scenario s);

        /** The scenario's result, as soon as it is known (reports print rows as they finish). */
        default void finished(ScenarioResult r) { }
    }

    private VerifyRun() {}

    /** Breadth-first, as {@link #run(VerifyRequest, Listener, RunOptions)} with {@link RunOptions#DEFAULT}. */
    public static List<ScenarioResult> run(VerifyRequest req, Listener listener) {
        return run(req, listener, RunOptions.DEFAULT);
    }

    public static List<ScenarioResult> run(VerifyRequest req, Listener listener, RunOptions opts) {
        return run(req, listener, opts, ScaleOptions.SEQUENTIAL);
    }

    /** As {@link #run(VerifyRequest, Listener, RunOptions)} with several workers, reductions or bitstate. */
    public static List<ScenarioResult> run(VerifyRequest req, Listener listener, RunOptions opts, ScaleOptions scale) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : req.scenarios()) {
            listener.starting(s);
            Model model = new Model(s, req.config());
            ExplorationResult r = scale.explore(opts.search(), model, req.invariants().invariants(), req.limits(), listener.progressFor(s));
            if (r.verdict() != Verdict.VIOLATION) {
                ScenarioResult res = new ScenarioResult(s, r, null, null, 0, null);
                out.add(res);
                listener.finished(res);
                continue;
            }
            Counterexample cx = r.counterexample();
            TraceOrigin origin;
            if (opts.search() == SearchMode.BFS && !scale.exactShortest()) {
                String reduction = scale.reductionName();
                if (opts.minimize()) {
                    TraceShortener.Result sh = TraceShortener.shorten(model, cx);
                    origin = new TraceOrigin(SearchMode.BFS, true, sh.rawSteps(), sh.steps(), reduction);
                    cx = sh.counterexample();
                    r = new ExplorationResult(r.verdict(), r.stats(), cx, r.incompleteReason());
                } else {
                    origin = new TraceOrigin(SearchMode.BFS, false, cx.schedule().size(), cx.schedule().size(), reduction);
                }
            } else if (opts.search() == SearchMode.BFS) {
                origin = TraceOrigin.breadthFirst(cx.schedule().size());
            } else if (opts.minimize()) {
                TraceShortener.Result sh = TraceShortener.shorten(model, cx);
                origin = new TraceOrigin(SearchMode.DFS, true, sh.rawSteps(), sh.steps());
                cx = sh.counterexample();
                r = new ExplorationResult(r.verdict(), r.stats(), cx, r.incompleteReason());
            } else {
                origin = new TraceOrigin(SearchMode.DFS, false, cx.schedule().size(), cx.schedule().size());
            }
            Trace trace = TraceBuilder.build(model, cx.schedule(), cx.violation());
            String base = TraceFileNames.safe(traceBaseName(s, req, cx));
            Path json = req.traceDir().resolve(base + ".json");
            Path text = req.traceDir().resolve(base + ".txt");
            ScenarioResult res;
            Path writing = json;
            try {
                TraceWriter.writeJson(trace, json);
                writing = text;
                if (opts.fullState()) {
                    TraceWriter.writeText(trace, text, true);
                } else {
                    TraceWriter.writeText(trace, text);
                }
                res = new ScenarioResult(s, r, json, text, cx.schedule().size(), origin);
            } catch (IOException e) {
                // One trace that cannot be written must not cost the other rows: the row says why, the run goes on.
                // The pair goes together: no JSON trace is left beside a text that is missing or from an older run.
                if (writing == text) deleteQuietly(json);
                res = new ScenarioResult(s, r, null, null, cx.schedule().size(), origin,
                    "cannot write " + writing + ": " + TraceFileNames.reason(e));
            }
            out.add(res);
            listener.finished(res);
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (IOException e) {
            // the row already reports the write that failed
        }
    }

    /** scenario[+mutation...].invariant: stable, so reruns overwrite the same files. */
    public static String traceBaseName(Scenario s, VerifyRequest req, Counterexample cx) {
        String muts = req.config().mutations().stream().map(m -> m.id).sorted().collect(Collectors.joining("+"));
        String patches = req.config().patchesSpec();
        return s.name() + (muts.isEmpty() ? "" : "+" + muts)
            + (patches.equals("all") ? "" : "@patches-" + patches.replace(',', '_'))
            + (req.config().weak() ? "@weak" + (req.config().removedBarriers().isEmpty() ? ""
                : "-without-" + utrace.model.Barrier.format(req.config().removedBarriers()).replace(',', '_')) : "")
            + "." + cx.violation().invariant().name();
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

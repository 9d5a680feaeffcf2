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
import utrace.invariants.Invariant;
import utrace.model.Model;
import utrace.model.Mutation;
import utrace.model.Scenario;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;
import utrace.traces.TraceWriter;

/**
 * Runs every requested scenario through the native explorer and writes a
 * trace for each violation; a depth-first counterexample is shortened first
 * unless the options say to keep it raw. With --continue, a scenario is
 * searched again after each violation until every violated invariant has
 * its own trace.
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

    /** The search that runs on each scenario (the options' explorer, or a swarm member's: verify --swarm). */
    public interface Search {
        ExplorationResult explore(Model model, List<Invariant> invariants, utrace.checker.explore.Limits limits,
                                  ProgressListener progress);
    }

    /** As {@link #run(VerifyRequest, Listener, RunOptions)} with several workers, reductions or bitstate. */
    public static List<ScenarioResult> run(VerifyRequest req, Listener listener, RunOptions opts, ScaleOptions scale) {
        return run(req, listener, opts, scale, (m, inv, lim, p) -> scale.explore(opts.search(), m, inv, lim, p));
    }

    /** As above with {@code engine} doing the searching; {@code scale} and {@code opts} still say how traces are shortened. */
    public static List<ScenarioResult> run(VerifyRequest req, Listener listener, RunOptions opts, ScaleOptions scale,
                                           Search engine) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : req.scenarios()) {
            listener.starting(s);
            Model model = new Model(s, req.config());
            if (!opts.keepGoing()) {
                ScenarioResult res = search(req, opts, scale, engine, model, req.invariants().invariants(), listener.progressFor(s));
                out.add(res);
                listener.finished(res);
                continue;
            }
            out.addAll(keepGoing(req, opts, scale, engine, model, listener));
        }
        return out;
    }

    /**
     * `verify --continue` (TLC's -continue): after a search finds invariant I violated, search again
     * without I, until a search passes (or stops at a limit) or no invariant is left; one result per search.
     *
     * <p>Why each trace is a shortest one for its own invariant: the order in which a search visits
     * states and tries transitions does not depend on the invariants (they only decide where it stops; the
     * explorers hold no other use of them, partial-order reduction aside, see below). Let p(J) be the first
     * point in that order where invariant J fails. A search checking a set S stops at the least p(J) over J
     * in S and reports the J failing there, which is exactly where a search for J alone stops, with the
     * same schedule. So search k, run without the invariants the earlier searches reported, reports for its
     * invariant the trace a breadth-first search for that invariant alone reports: a shortest one, as
     * shortest as breadth-first traces are. (VerifyContinueTest checks each trace against a naive
     * breadth-first search for that invariant alone.) Two invariants failing at the same point come out of
     * consecutive searches with the same trace length. Under partial-order reduction the reduced graph
     * depends on what the checked invariants read, so a later search may explore a different graph; its
     * traces are shortened afterwards, as with --por always, and say so. Depth-first traces are shortened
     * (or kept raw with --no-minimize) per invariant in the same way.
     */
    private static List<ScenarioResult> keepGoing(VerifyRequest req, RunOptions opts, ScaleOptions scale, Search engine,
                                                  Model model, Listener listener) {
        List<ScenarioResult> out = new ArrayList<>();
        List<Invariant> remaining = new ArrayList<>(req.invariants().invariants());
        List<String> reported = new ArrayList<>();
        for (int search = 1; !remaining.isEmpty(); search++) {
            ScenarioResult r = search(req, opts, scale, engine, model, List.copyOf(remaining), listener.progressFor(model.scenario()))
                .continued(new ScenarioResult.Continued(search, reported, remaining.size()));
            out.add(r);
            listener.finished(r);
            if (r.result().verdict() != Verdict.VIOLATION) break;
            String violated = r.result().counterexample().violation().invariant().name();
            remaining.removeIf(i -> i.name().equals(violated));
            reported.add(violated);
        }
        return out;
    }

    /** One search of one scenario; a violation's trace is shortened as the options say and written. */
    private static ScenarioResult search(VerifyRequest req, RunOptions opts, ScaleOptions scale, Search engine, Model model,
                                         List<Invariant> invariants, ProgressListener progress) {
        Scenario s = model.scenario();
        ExplorationResult r = engine.explore(model, invariants, req.limits(), progress);
        if (r.verdict() != Verdict.VIOLATION) return new ScenarioResult(s, r, null, null, 0, null);
        Counterexample cx = r.counterexample();
        TraceOrigin origin;
        if (cx.violation().kind() == utrace.invariants.Violation.Kind.CYCLE) {
            // the cycle search's lasso: no reduction touched it, and dropping a step would open the cycle
            origin = TraceOrigin.lasso(cx.violation().cycleStart(), cx.schedule().size());
        } else if (opts.search() == SearchMode.BFS && !scale.exactShortest()) {
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
            TraceWriter.writeText(trace, text, opts.textDetail());
            res = new ScenarioResult(s, r, json, text, cx.schedule().size(), origin);
        } catch (IOException e) {
            // One trace that cannot be written must not cost the other rows: the row says why, the run goes on.
            // The pair goes together: no JSON trace is left beside a text that is missing or from an older run.
            if (writing == text) deleteQuietly(json);
            res = new ScenarioResult(s, r, null, null, cx.schedule().size(), origin,
                "cannot write " + writing + ": " + TraceFileNames.reason(e));
        }
        return res;
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

package utrace.checker.jpf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import utrace.checker.explore.Counterexample;
import utrace.checker.explore.Verdict;
import utrace.checker.run.VerifyRequest;
import utrace.checker.run.VerifyRun;
import utrace.model.Model;
import utrace.model.Scenario;
import utrace.traces.Trace;
import utrace.traces.TraceBuilder;
import utrace.traces.TraceWriter;

/**
 * `checker verify --engine jpf`: every requested scenario through JPF; a
 * violation's schedule (already confirmed on the native model) becomes the
 * same JSON + text trace the native engine writes, named
 * SCENARIO[+MUTATIONS].INVARIANT.jpf.json so it never overwrites the native one.
 */
public final class JpfRun {
    /** Told the elapsed time every few seconds while JPF works on a scenario. */
    public interface Progress {
        LongConsumer forScenario(Scenario s);

        Progress NONE = s -> ms -> { };
    }

    private JpfRun() {}

    public static List<JpfRow> run(JpfEngine engine, VerifyRequest req, Progress progress) throws InterruptedException {
        List<JpfRow> out = new ArrayList<>();
        for (Scenario s : req.scenarios()) out.add(runOne(engine, req, s, progress));
        return out;
    }

    public static JpfRow runOne(JpfEngine engine, VerifyRequest req, Scenario s, Progress progress) throws InterruptedException {
        JpfEngine.Result r;
        try {
            r = engine.run(s, req.config(), req.invariants().invariants(), req.limits(), progress.forScenario(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run JPF: " + e.getMessage(), e);
        }
        if (r.verdict() != Verdict.VIOLATION) return new JpfRow(s, engine.driver(), r, null, null);
        Counterexample cx = r.counterexample();
        Model model = new Model(s, req.config());
        Trace trace = TraceBuilder.build(model, cx.schedule(), cx.violation());
        String base = VerifyRun.traceBaseName(s, req, cx) + ".jpf";
        Path json = req.traceDir().resolve(base + ".json");
        Path text = req.traceDir().resolve(base + ".txt");
        try {
            TraceWriter.writeJson(trace, json);
            TraceWriter.writeText(trace, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace to " + req.traceDir() + ": " + e.getMessage(), e);
        }
        return new JpfRow(s, engine.driver(), r, json, text);
    }

    /** Any unusable JPF answer 2, else any violation 1, else any incomplete 3, else 0. */
    public static int exitCode(List<JpfRow> rows) {
        boolean violation = false, incomplete = false;
        for (JpfRow r : rows) {
            if (r.result().verdict() == null) return 2;
            if (r.result().verdict() == Verdict.VIOLATION) violation = true;
            if (r.result().verdict() == Verdict.INCOMPLETE) incomplete = true;
        }
        return violation ? 1 : incomplete ? 3 : 0;
    }
}

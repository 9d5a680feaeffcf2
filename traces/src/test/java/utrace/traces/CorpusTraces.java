package utrace.traces;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import utrace.model.Model;
import utrace.model.Obs;
import utrace.model.State;
import utrace.model.Transition;

/** The golden traces of traces/corpus (written by older builds, without a summary), and what the model observed in them. */
final class CorpusTraces {
    private CorpusTraces() {}

    /** The corpus directory: tests run in the module directory. */
    static final Path DIR = Path.of("corpus");

    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(DIR, "*.json")) {
            for (Path p : ds) out.add(p);
        }
        out.sort(null);
        if (out.isEmpty()) throw new IllegalStateException("no traces in " + DIR.toAbsolutePath());
        return out;
    }

    static Trace read(String name) throws Exception {
        return TraceReader.read(DIR.resolve(name + ".json"));
    }

    /** The model a trace was written for (its embedded scenario and configuration). */
    static Model model(Trace t) throws TraceFormatException {
        TraceReferences.Resolved r = TraceReferences.resolve(t, (path, what) -> new TraceFormatException("test", 0, path + ": " + what));
        return new Model(r.scenario(), r.config());
    }

    /** The observations (callbacks made, API calls and ptrace requests returned...) of each step, by re-running it. */
    static List<List<Obs>> observations(Trace t) throws TraceFormatException {
        Model m = model(t);
        State s = m.initial();
        List<List<Obs>> out = new ArrayList<>();
        for (Trace.Step step : t.steps()) {
            Transition tr = m.step(s, step.actor(), true);
            out.add(tr.obs());
            s = tr.after();
        }
        return out;
    }
}

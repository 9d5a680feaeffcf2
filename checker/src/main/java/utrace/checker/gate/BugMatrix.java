package utrace.checker.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import utrace.checker.cli.UsageException;
import utrace.invariants.Invariants;
import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Scenarios;
import utrace.model.Series;

/** Reads checker/gate/bug-matrix (shipped in the jar) and turns a row's broken column into a configuration. */
public final class BugMatrix {
    private BugMatrix() {}

    public static final String FILE = "checker/gate/bug-matrix";

    public static List<MatrixRow> load() {
        try (InputStream in = BugMatrix.class.getResourceAsStream("/gate/bug-matrix")) {
            if (in == null) throw new IllegalStateException("the bug matrix is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bug matrix", e);
        }
    }

    static List<MatrixRow> parse(String text) {
        List<MatrixRow> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            l = l.trim();
            if (l.isEmpty()) continue;
            String[] w = l.split("\\s+");
            if (w.length != 4) throw bad(i + 1, "expected 4 columns: row broken-config scenario invariant");
            if (!Scenarios.isShipped(w[2])) throw bad(i + 1, "unknown scenario '" + w[2] + "'");
            if (Invariants.byName(w[3]) == null) throw bad(i + 1, "unknown invariant '" + w[3] + "'");
            MatrixRow row = new MatrixRow(w[0], w[1], w[2], w[3], i + 1);
            config(row);
            rows.add(row);
        }
        return rows;
    }

    private static IllegalStateException bad(int line, String what) {
        return new IllegalStateException(FILE + ":" + line + ": " + what);
    }

    /** The configuration that should show the bug. */
    public static ModelConfig config(MatrixRow row) {
        String b = row.broken();
        if (isBarrierRow(row)) {
            // barrier:B1.writer = the weak memory model without that barrier (a pair name removes both sides)
            try {
                return weak().withoutBarriers(Barrier.parseList(b.substring(BARRIER.length())));
            } catch (IllegalArgumentException e) {
                throw bad(row.line(), e.getMessage());
            }
        }
        if (b.startsWith("mutation:")) {
            Mutation m = Mutation.byId(b.substring(9));
            if (m == null) throw bad(row.line(), "unknown mutation '" + b.substring(9) + "'");
            return ModelConfig.fullSeries().withMutations(EnumSet.of(m));
        }
        try {
            return ModelConfig.fullSeries().withPatches(Series.select(b));
        } catch (IllegalArgumentException e) {
            throw bad(row.line(), e.getMessage());
        }
    }

    static final String BARRIER = "barrier:";

    /** A barrier row: its broken configuration removes a barrier of the weak memory model. */
    public static boolean isBarrierRow(MatrixRow row) {
        return row.broken().startsWith(BARRIER);
    }

    /**
     * The configuration under which the row's invariant must hold: the full
     * series, and for a barrier row the weak memory model with every barrier.
     */
    public static ModelConfig fullConfig(MatrixRow row) {
        return isBarrierRow(row) ? weak() : ModelConfig.fullSeries();
    }

    private static ModelConfig weak() {
        return ModelConfig.fullSeries().withMemoryModel(MemoryModel.WEAK);
    }

    /** Rows whose id or broken column names patch {@code patch} (for --patch filters). */
    public static boolean concerns(MatrixRow row, String filter) {
        return row.id().equals(filter) || row.broken().equals(filter) || row.scenario().equals(filter);
    }

    static UsageException usage(String msg) {
        return new UsageException(msg);
    }
}

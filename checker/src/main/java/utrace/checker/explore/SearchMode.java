package utrace.checker.explore;

import java.util.List;
import java.util.Locale;

import utrace.invariants.Invariant;
import utrace.model.Model;

/**
 * The order in which the native engine explores: breadth-first (the default,
 * shortest counterexamples by construction) or depth-first (keeps only the
 * current path, for deep scenarios; its counterexamples are shortened
 * afterwards). Both visit the same states.
 */
public enum SearchMode {
    BFS("bfs", "breadth-first"),
    DFS("dfs", "depth-first");

    /** The name on the command line (--search). */
    public final String id;
    /** How reports name it. */
    public final String words;

    SearchMode(String id, String words) {
        this.id = id;
        this.words = words;
    }

    public ExplorationResult explore(Model model, List<Invariant> invariants, Limits limits, ProgressListener progress) {
        return this == BFS ? new Explorer(limits, progress).explore(model, invariants)
            : new DepthFirstExplorer(limits, progress).explore(model, invariants);
    }

    /** @return the mode, or null if {@code id} names none */
    public static SearchMode byId(String id) {
        for (SearchMode m : values()) if (m.id.equals(id.toLowerCase(Locale.ROOT))) return m;
        return null;
    }
}

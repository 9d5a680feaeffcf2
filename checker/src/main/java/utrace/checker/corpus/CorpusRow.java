package utrace.checker.corpus;

import java.util.List;

/**
 * One row of the corpus index: a configuration that must violate an
 * invariant, and the name of its golden trace (NAME.json next to the index).
 *
 * @param scenario a shipped scenario name or a scenario file (relative to the corpus directory)
 * @param patches a patch selection as --patches takes it ("all", "upto:29", "without:10", "1-8,10")
 * @param line where the row is in the index, for messages
 */
public record CorpusRow(String name, String scenario, List<String> mutations, String patches, String invariant, int line) {
    public CorpusRow {
        mutations = List.copyOf(mutations);
    }

    /** "scenario [+mutations] [patches=...] -> invariant", for messages. */
    public String describe() {
        return scenario + (mutations.isEmpty() ? "" : " +" + String.join(",", mutations))
            + (patches.equals("all") ? "" : " patches=" + patches) + " -> " + invariant;
    }
}

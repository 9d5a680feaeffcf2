package utrace.checker.corpus;

import java.util.List;

/**
 * One row of the corpus index: a configuration that must violate an
 * invariant, and the name of its golden trace (NAME.json next to the index).
 *
 * @param scenario a shipped scenario name or a scenario file (relative to the corpus directory)
 * @param patches a patch selection as --patches takes it ("all", "upto:29", "without:10", "1-8,10")
 * @param line where the row is in the index, for messages
 * @param withoutBarriers "" for the sc memory model, else the weak model without these barriers ("B1.writer,B2.reader")
 */
public record CorpusRow(String name, String scenario, List<String> mutations, String patches, String invariant, int line,
                        String withoutBarriers) {
    public CorpusRow {
        mutations = List.copyOf(mutations);
    }

    public CorpusRow(String name, String scenario, List<String> mutations, String patches, String invariant, int line) {
        this(name, scenario, mutations, patches, invariant, line, "");
    }

    /** "scenario [+mutations] [patches=...] -> invariant", for messages. */
    public String describe() {
        return scenario + (mutations.isEmpty() ? "" : " +" + String.join(",", mutations))
            + (patches.equals("all") ? "" : " patches=" + patches)
            + (withoutBarriers.isEmpty() ? "" : " weak without-barriers=" + withoutBarriers) + " -> " + invariant;
    }
}

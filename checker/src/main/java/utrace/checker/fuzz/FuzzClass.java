package utrace.checker.fuzz;

/**
 * What a violation found by the fuzzer is: one of the known findings of
 * docs/findings.md ({@code finding} its number), a scenario problem (an
 * ordering guard that never holds: the generated scenario, not the kernel),
 * or new. {@code id} is stable across runs (it keys the table and the JSON);
 * a new class's id is its invariant and normalised message, so that the
 * same unknown problem met in many scenarios is one class with one
 * candidate.
 */
record FuzzClass(String id, Kind kind, int finding, String title) {
    enum Kind { KNOWN, SCENARIO, NEW }

    static FuzzClass known(int finding, String title) {
        return new FuzzClass("finding-" + finding, Kind.KNOWN, finding, title);
    }

    static final FuzzClass GUARD = new FuzzClass("guard-never-holds", Kind.SCENARIO, 0,
        "an ordering guard that never holds (a scenario problem, not the kernel's)");

    static FuzzClass fresh(String invariant, String normalisedMessage) {
        return new FuzzClass("new:" + invariant + ":" + normalisedMessage, Kind.NEW, 0, invariant + ": " + normalisedMessage);
    }

    /** The table's label: "finding 1: ...", "scenario: ...", "NEW deadlock-freedom: ...". */
    String label() {
        switch (kind) {
            case KNOWN: return "finding " + finding + ": " + title;
            case SCENARIO: return "scenario: " + title;
            default: return "NEW " + title;
        }
    }
}

package utrace.traces;

/**
 * Where in the kernel a step comes from, as every rendering shows it (text
 * cells, HTML tooltips, the HTML step table's "reference" column). Today a
 * step records its patch of the series only; a per-step reference
 * (file:function, seed line) goes here when the trace records one, and every
 * view picks it up.
 */
final class StepReference {
    private StepReference() {}

    /** "patch 03", or "" for a step not from the series. */
    static String of(Trace.Step s) {
        return s.patch() == 0 ? "" : "patch " + String.format("%02d", s.patch());
    }
}

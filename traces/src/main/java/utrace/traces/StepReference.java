package utrace.traces;

/**
 * Where in the kernel a step comes from, as every rendering shows it (text
 * cells, HTML tooltips, the HTML step table's "reference" column): its patch
 * of the series and the line of the seed where its code is, as SPIN's trail
 * shows file:line. The seed line is {@code steps[i].seed_line} (the model's
 * utrace.model.SeedRef; `checker list steps` prints them all), its kernel
 * file {@code steps[i].file}; traces written before steps carried them show
 * the patch only.
 */
final class StepReference {
    private StepReference() {}

    /** "patch 03, seed:3271", "seed:3268" for a step not from the series, "patch 03" without a seed line, else "". */
    static String of(Trace.Step s) {
        String patch = s.patch() == 0 ? "" : "patch " + String.format("%02d", s.patch());
        String seed = s.seedRef();
        if (patch.isEmpty() || seed.isEmpty()) return patch + seed;
        return patch + ", " + seed;
    }

    /** The kernel file of the step's seed line ("kernel/utrace.c"), "" if the trace does not say. */
    static String file(Trace.Step s) {
        return s.file();
    }
}

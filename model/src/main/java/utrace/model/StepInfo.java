package utrace.model;

import java.util.Objects;

/**
 * What a step is, for a kernel developer reading a trace: a label, the
 * kernel function it belongs to, the patch of the series it comes from and
 * where its code is in the series ({@link SeedRef}: a line of the seed, the
 * kernel file, and what the model simplifies).
 */
public record StepInfo(String label, String function, int patch, SeedRef ref) {
    public StepInfo {
        Objects.requireNonNull(ref, "every step has a reference (SeedRef) to the code it models");
    }

    public String patchName() {
        return patch == 0 ? "-" : String.format("%02d", patch);
    }

    /** The function the reference's line is checked against: the step's own unless the reference names another. */
    public String refFunction() {
        return ref.names() == null ? function : ref.names();
    }
}

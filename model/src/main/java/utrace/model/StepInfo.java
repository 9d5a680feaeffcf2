package utrace.model;

/**
 * What a step is, for a kernel developer reading a trace: a label, the
 * kernel function it belongs to and the patch of the series it comes from.
 */
public record StepInfo(String label, String function, int patch) {
    public String patchName() {
        return patch == 0 ? "-" : String.format("%02d", patch);
    }
}

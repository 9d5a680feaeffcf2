package utrace.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every step the model's actors can take, with where its code is in the
 * series ({@link SeedRef}): what `checker list steps` prints and what the
 * reference test checks against the seed, so a step cannot exist without a
 * reference a reader can open.
 */
public final class Steps {
    private Steps() {}

    /** One step: the kind of actor that takes it ({@code tracee}, {@code owner}, ...) and what it is. */
    public record Entry(String actor, StepInfo info) {}

    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (StepInfo i : Tracee.steps()) out.add(new Entry("tracee", i));
        for (StepInfo i : Owner.STEPS) out.add(new Entry("owner", i));
        for (StepInfo i : Ptracer.STEPS) out.add(new Entry("ptrace", i));
        for (StepInfo i : Killer.STEPS) out.add(new Entry("killer", i));
        for (StepInfo i : Parent.STEPS) out.add(new Entry("parent", i));
        for (StepInfo i : MemoryActor.steps()) out.add(new Entry("memory", i));
        out.add(new Entry("thread", new StepInfo("a litmus test's instruction (WRITE_ONCE, READ_ONCE, a barrier)",
            "litmus P<n>", 0, MemoryActor.LITMUS)));
        return out;
    }
}

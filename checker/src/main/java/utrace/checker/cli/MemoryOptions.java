package utrace.checker.cli;

import java.util.List;
import java.util.Set;

import utrace.model.Barrier;
import utrace.model.MemoryModel;
import utrace.model.ModelConfig;

/** --memory-model and --without-barrier, shared by the commands that build a configuration. */
final class MemoryOptions {
    private MemoryOptions() {}

    static final String MODEL_HELP = "sc (default): every step is atomic, stores are visible at once. weak: the stores of the "
        + "barrier pairs B1-B5 go through per-CPU store buffers and smp_rmb()'s later load may be performed early, so a "
        + "missing barrier shows as a violation (see `checker list barriers`).";

    static final String WITHOUT_HELP = "Remove a barrier (weak model only; repeatable, or several separated by commas): "
        + "an id such as B1.writer removes one side, a pair name such as B3 both. See `checker list barriers`.";

    /** {@code cfg} under the chosen memory model without the named barriers; a UsageException names what is wrong. */
    static ModelConfig apply(ModelConfig cfg, String memoryModel, List<String> without) {
        MemoryModel mm = MemoryModel.byId(memoryModel);
        if (mm == null) throw new UsageException("--memory-model must be sc or weak, not '" + memoryModel + "'");
        for (String w : without) {
            if (w.trim().isEmpty()) throw new UsageException("--without-barrier needs barrier ids (e.g. B1.writer), not ''");
        }
        Set<Barrier> removed;
        try {
            removed = Barrier.parseList(String.join(",", without));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--without-barrier: " + e.getMessage());
        }
        if (!removed.isEmpty() && mm != MemoryModel.WEAK) {
            throw new UsageException("--without-barrier needs --memory-model weak (under sc every step is atomic and a barrier orders nothing)");
        }
        try {
            return cfg.withMemoryModel(mm).withoutBarriers(removed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--without-barrier: " + e.getMessage());
        }
    }
}

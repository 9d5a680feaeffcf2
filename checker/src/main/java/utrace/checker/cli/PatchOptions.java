package utrace.checker.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import utrace.model.ModelConfig;
import utrace.model.Mutation;
import utrace.model.Series;

/** --patches and --mutation, the same on every command that builds a configuration. */
final class PatchOptions {
    private PatchOptions() {}

    static final String HELP = "Which patches of the series are applied: all, a prefix upto:N, all but some "
        + "without:N[,M], or a list such as 1-8,10 (patch 1 is always in). See `checker list patches`. Default: ${DEFAULT-VALUE}.";

    /** The full series under {@code patches} with {@code mutations} on; a UsageException names what is wrong. */
    static ModelConfig config(String patches, List<String> mutations) {
        Set<Mutation> ms = EnumSet.noneOf(Mutation.class);
        for (String m : mutations) {
            Mutation mu = Mutation.byId(m);
            if (mu == null) {
                List<String> known = new ArrayList<>();
                for (Mutation x : Mutation.values()) known.add(x.id);
                throw new UsageException("unknown mutation '" + UsageException.shown(m) + "'"
                    + utrace.model.Suggest.orKnown(m, known, "known mutations", "checker list mutations"));
            }
            ms.add(mu);
        }
        try {
            return ModelConfig.fullSeries().withPatches(Series.select(patches)).withMutations(ms);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--patches: " + e.getMessage());
        }
    }
}

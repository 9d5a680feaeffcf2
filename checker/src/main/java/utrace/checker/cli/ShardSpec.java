package utrace.checker.cli;

import java.util.Map;

/**
 * Parses K/N for `gate --shard` and `verify --swarm`, given on the command
 * line or, when the option is given without a value (or as "env"), read from
 * the scheduler's environment. The environment is read only on request: a
 * gate that quietly ran a third of its rows because it happened to run inside
 * a Slurm array or a Kubernetes Indexed Job would be a green run that checked
 * too little.
 *
 * <p>Where K and N come from, first match wins (docs/ci.md):
 * <ol>
 * <li>{@code CHECKER_SHARD=K/N}: set it from anything, e.g. a GitHub Actions
 *     matrix value ({@code CHECKER_SHARD: ${{ matrix.shard }}/3});</li>
 * <li>Slurm job arrays: {@code SLURM_ARRAY_TASK_ID}, {@code SLURM_ARRAY_TASK_COUNT},
 *     {@code SLURM_ARRAY_TASK_MIN} (ids need not start at 1: {@code --array=0-3}
 *     is K = ID - MIN + 1) and {@code SLURM_ARRAY_TASK_STEP} ({@code --array=0-15:4}
 *     has ids 0, 4, 8, 12: K = (ID - MIN) / STEP + 1);</li>
 * <li>Kubernetes Indexed Jobs: {@code JOB_COMPLETION_INDEX} (0-based, set by
 *     Kubernetes) and {@code CHECKER_SHARD_COUNT} (Kubernetes exports no count:
 *     set it to the Job's {@code completions} in the pod template).</li>
 * </ol>
 */
final class ShardSpec {
    /** The value of an option given without K/N: read the environment. */
    static final String FROM_ENV = "env";

    /** Shard {@code k} of {@code n} (1 <= k <= n) and where it came from ("--shard", "SLURM_ARRAY_TASK_ID=3 ..."). */
    record Shard(int k, int n, String source) {
        String text() { return k + "/" + n; }
    }

    private ShardSpec() {}

    /** {K, N} with 1 <= K <= N; a UsageException otherwise. */
    static int[] parse(String spec) {
        return parse(spec, "--shard");
    }

    /** {K, N} with 1 <= K <= N, as given to {@code option}; a UsageException otherwise. */
    static int[] parse(String spec, String option) {
        String[] p = spec.trim().split("/", -1);
        if (p.length != 2) throw new UsageException(option + " must look like K/N (e.g. 2/4), not '" + UsageException.shown(spec) + "'");
        int k;
        int n;
        try {
            k = Integer.parseInt(p[0].trim());
            n = Integer.parseInt(p[1].trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must look like K/N with whole numbers (e.g. 2/4), not '"
                + UsageException.shown(spec) + "'");
        }
        if (n < 1 || k < 1 || k > n) throw new UsageException(option + " " + UsageException.shown(spec) + ": need 1 <= K <= N");
        return new int[] {k, n};
    }

    /** {@code spec} (K/N or {@link #FROM_ENV}) resolved against {@code env}; a UsageException if it cannot be. */
    static Shard resolve(String spec, String option, Map<String, String> env) {
        if (!spec.trim().equals(FROM_ENV)) {
            int[] kn = parse(spec, option);
            return new Shard(kn[0], kn[1], option);
        }
        String own = env.get("CHECKER_SHARD");
        if (own != null) {
            int[] kn = parse(own, "CHECKER_SHARD (for " + option + ")");
            return new Shard(kn[0], kn[1], "CHECKER_SHARD=" + own.trim());
        }
        String slurm = env.get("SLURM_ARRAY_TASK_ID");
        if (slurm != null) return slurm(option, env);
        String index = env.get("JOB_COMPLETION_INDEX");
        if (index != null) {
            String count = env.get("CHECKER_SHARD_COUNT");
            if (count == null) {
                throw new UsageException(option + " from a Kubernetes Indexed Job: JOB_COMPLETION_INDEX=" + UsageException.shown(index)
                    + " is set but CHECKER_SHARD_COUNT is not (set it to the Job's completions; see docs/ci.md)");
            }
            int i = number(index, "JOB_COMPLETION_INDEX", option);
            int n = number(count, "CHECKER_SHARD_COUNT", option);
            return checked(i + 1, n, option, "JOB_COMPLETION_INDEX=" + i + " CHECKER_SHARD_COUNT=" + n);
        }
        throw new UsageException(option + " without K/N reads K and N from the environment, and none is set: "
            + "CHECKER_SHARD=K/N, SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with "
            + "CHECKER_SHARD_COUNT (see docs/ci.md)");
    }

    private static Shard slurm(String option, Map<String, String> env) {
        int id = number(env.get("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID", option);
        String countText = env.get("SLURM_ARRAY_TASK_COUNT");
        if (countText == null) {
            throw new UsageException(option + " from a Slurm array: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT "
                + "is not (this is not an array job?)");
        }
        int count = number(countText, "SLURM_ARRAY_TASK_COUNT", option);
        // Array ids start where --array says (0 is common), so K counts from SLURM_ARRAY_TASK_MIN.
        int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env.get("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN", option) : 0;
        int step = env.containsKey("SLURM_ARRAY_TASK_STEP") ? number(env.get("SLURM_ARRAY_TASK_STEP"), "SLURM_ARRAY_TASK_STEP", option) : 1;
        if (step < 1) throw new UsageException(option + ": SLURM_ARRAY_TASK_STEP must be at least 1, not " + step);
        if (id < min || (id - min) % step != 0) {
            throw new UsageException(option + ": SLURM_ARRAY_TASK_ID=" + id + " is not min + i*step (min " + min + ", step "
                + step + "); an array with irregular ids (--array=1,5,7) cannot be numbered: use CHECKER_SHARD=K/N");
        }
        return checked((id - min) / step + 1, count, option, "SLURM_ARRAY_TASK_ID=" + id + " SLURM_ARRAY_TASK_MIN=" + min
            + (step == 1 ? "" : " SLURM_ARRAY_TASK_STEP=" + step) + " SLURM_ARRAY_TASK_COUNT=" + count);
    }

    private static Shard checked(int k, int n, String option, String source) {
        if (n < 1 || k < 1 || k > n) {
            throw new UsageException(option + " from " + source + " gives " + k + "/" + n + ": need 1 <= K <= N");
        }
        return new Shard(k, n, source);
    }

    private static int number(String text, String var, String option) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": " + var + " must be a whole number, not '" + UsageException.shown(text) + "'");
        }
    }
}

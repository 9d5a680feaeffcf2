package utrace.checker.cli;

/** Parses --shard K/N. */
final class ShardSpec {
    private ShardSpec() {}

    /** {K, N} with 1 <= K <= N; a UsageException otherwise. */
    static int[] parse(String spec) {
        String[] p = spec.trim().split("/", -1);
        if (p.length != 2) throw new UsageException("--shard must look like K/N (e.g. 2/4), not '" + spec + "'");
        int k;
        int n;
        try {
            k = Integer.parseInt(p[0].trim());
            n = Integer.parseInt(p[1].trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--shard must look like K/N with whole numbers (e.g. 2/4), not '" + spec + "'");
        }
        if (n < 1 || k < 1 || k > n) throw new UsageException("--shard " + spec + ": need 1 <= K <= N");
        return new int[] {k, n};
    }
}

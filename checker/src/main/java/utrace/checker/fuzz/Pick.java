package utrace.checker.fuzz;

import java.util.List;
import java.util.Random;

/** Weighted and plain choices from a seeded {@link Random}: the only source of chance in the generators. */
final class Pick {
    private Pick() {}

    /** One of {@code items}, item i with weight {@code weights[i]}. */
    static String weighted(Random rng, String[] items, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = rng.nextInt(total);
        for (int i = 0; i < items.length; i++) {
            r -= weights[i];
            if (r < 0) return items[i];
        }
        throw new IllegalStateException("weights do not add up");
    }

    static <T> T one(Random rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    static String one(Random rng, String... items) {
        return items[rng.nextInt(items.length)];
    }

    static boolean chance(Random rng, double p) {
        return rng.nextDouble() < p;
    }

    /**
     * The generator of scenario {@code index} of a run seeded {@code seed} in mode {@code salt}: each scenario
     * has a generator of its own, so scenario i is the same whatever --count is (a longer run extends a
     * shorter one) and can be made again alone. SplitMix64's finaliser spreads nearby seeds apart.
     */
    static Random forScenario(long seed, long index, long salt) {
        return new Random(mix(mix(seed) ^ mix(index * 0x9E3779B97F4A7C15L + salt)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

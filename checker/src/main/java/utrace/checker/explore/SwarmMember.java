package utrace.checker.explore;

import java.util.SplittableRandom;

/**
 * One member of a swarm (Holzmann, Joshi, Groce: "Swarm verification"): job
 * K of N runs one independent depth-first bitstate search, and the N searches
 * differ so that together they cover more of a state space than one search
 * of the same total memory would. What member K's seed changes, and nothing
 * else (docs/performance.md, "Workers, swarm and bench"):
 * <ul>
 * <li>the actor order: at every state the actors are tried in a fixed
 *     permutation drawn from the seed (member 1 keeps the index order, the
 *     order of `verify --search dfs`);</li>
 * <li>the hash: the bitstate positions come from the state's fingerprint
 *     mixed with the seed, so two members do not lose the same states to the
 *     same bit collisions;</li>
 * <li>the depth bound, when a base bound D is given: member 1 searches to D,
 *     the others to a bound drawn from [D/2, D] (paths longer than their
 *     bound are cut, as SPIN's -m), so shallow and deep parts get
 *     different attention. Without D no member is bounded.</li>
 * </ul>
 * Member K's seed depends only on the swarm seed and K, not on N: growing a
 * swarm from 4 to 8 jobs keeps jobs 1-4 as they were.
 *
 * @param k this member, 1..n
 * @param n members in the swarm
 * @param swarmSeed the seed shared by every member (printed, checked by merge)
 * @param depthBase the base depth bound D, 0 for none
 * @param bitstateBits size of this member's bitstate table
 */
public record SwarmMember(int k, int n, long swarmSeed, int depthBase, long bitstateBits) {
    public SwarmMember {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("swarm member " + k + "/" + n);
        if (depthBase < 0) throw new IllegalArgumentException("depth bound " + depthBase);
        if (bitstateBits < 64 * VisitedTable.PARTITIONS || Long.bitCount(bitstateBits) != 1) {
            throw new IllegalArgumentException("bitstate size must be a power of two of at least 1024 bits, not " + bitstateBits);
        }
    }

    /** This member's own seed: the swarm seed and K through a 64-bit mixer (SplitMix64's). */
    public long seed() {
        return mix(swarmSeed + k * 0x9E3779B97F4A7C15L);
    }

    /** The order in which this member tries the actors at every state: a permutation of 0..actors-1. */
    public int[] actorOrder(int actors) {
        int[] order = new int[actors];
        for (int i = 0; i < actors; i++) order[i] = i;
        if (k == 1) return order;
        SplittableRandom r = new SplittableRandom(seed());
        for (int i = actors - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** This member's depth bound: 0 (none) without a base; D for member 1; else drawn from [D/2, D]. */
    public int depthBound() {
        if (depthBase == 0 || k == 1) return depthBase;
        int lo = Math.max(1, depthBase / 2);
        // A stream of its own (not the order's), so the bound does not depend on the actor count.
        return lo + new SplittableRandom(seed() ^ 0xD5A61266F0C9392CL).nextInt(depthBase - lo + 1);
    }

    /** The hash mixed into every fingerprint before it picks bitstate positions. */
    public long hashSeed() {
        return mix(seed() ^ 0x243F6A8885A308D3L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** "member 2/4 (seed 1a2b...): actor order [3, 0, 2, 1], depth bound 120, bitstate 32 MB" for reports. */
    public String describe(int actors) {
        int d = depthBound();
        return "swarm member " + k + "/" + n + " (seed " + utrace.model.State.hex(seed()) + "): actor order "
            + java.util.Arrays.toString(actorOrder(actors)) + ", " + (d == 0 ? "no depth bound" : "depth bound " + d)
            + ", bitstate " + (bitstateBits >> 23) + " MB";
    }
}

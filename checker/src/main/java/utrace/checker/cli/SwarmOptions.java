package utrace.checker.cli;

import java.util.Map;

import picocli.CommandLine.Option;

import utrace.checker.explore.SwarmMember;

/**
 * verify's --swarm K/N, --swarm-seed and --swarm-depth (picocli mixin): job
 * K of a swarm of N differently seeded depth-first bitstate searches
 * ({@link SwarmMember}); `checker merge` joins the members' JSON results.
 */
final class SwarmOptions {
    /** A member's bitstate table when --bitstate is not given: 64 MB holds tens of millions of states at a few % loss. */
    static final int DEFAULT_MB = 64;

    @Option(names = "--swarm", paramLabel = "K/N", arity = "0..1", fallbackValue = ShardSpec.FROM_ENV,
        description = "Run member K of a swarm of N independent searches (Holzmann's swarm verification): each is a "
            + "depth-first bitstate search whose actor order, hash and depth bound come from the swarm seed and K "
            + "(docs/performance.md). It hunts bugs: without a violation the verdict is INCOMPLETE (exit 3), never "
            + "PASS. Traces go to TRACE_DIR/swarm-K. --swarm alone reads K and N from the environment as gate --shard "
            + "does (docs/ci.md); "
            + "`checker merge` joins the N results. Takes --bitstate MB (default " + DEFAULT_MB + "), not --workers, "
            + "--symmetry, --por or --search.")
    String swarm;

    @Option(names = "--swarm-seed", paramLabel = "S", defaultValue = "1",
        description = "With --swarm: the seed every member of the swarm shares (members differ by K). Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--swarm-depth", paramLabel = "D", defaultValue = "0",
        description = "With --swarm: a base depth bound. Member 1 cuts paths at depth D, the others at a depth drawn "
            + "from D/2..D. 0 (default): no bound.")
    int depth;

    boolean on() { return swarm != null; }

    /** Where K/N came from, once {@link #member} has resolved it. */
    private String source;

    /** The member this job runs; a UsageException if the options do not make one. */
    SwarmMember member(long bitstateBits, Map<String, String> env) {
        ShardSpec.Shard s = ShardSpec.resolve(swarm, "--swarm", env);
        source = s.source();
        if (depth < 0) throw new UsageException("--swarm-depth must be 0 (no bound) or more, not " + depth);
        long bits = bitstateBits;
        if (bits == 0) {
            bits = Long.highestOneBit((long) DEFAULT_MB << 23);
            long heapMb = Runtime.getRuntime().maxMemory() >> 20;
            if ((bits >> 23) > heapMb * ScaleMixin.BITSTATE_HEAP_SHARE) {
                throw new UsageException("--swarm: the default " + DEFAULT_MB + " MB bitstate table does not fit in this JVM's heap ("
                    + heapMb + " MB); give a smaller --bitstate MB or more heap (CHECKER_JAVA_OPTS=-Xmx...)");
            }
        }
        return new SwarmMember(s.k(), s.n(), seed, depth, bits);
    }

    String source() { return source; }
}

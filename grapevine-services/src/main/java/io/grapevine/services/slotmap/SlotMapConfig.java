package io.grapevine.services.slotmap;

/**
 * The {@link SlotMap}'s timings (nanoseconds). Defaults are Redis Cluster's with
 * {@code cluster-node-timeout 1000}. Failure suspicion itself (PFAIL) is the core's detector, so
 * its speed is set in the core's {@code DetectorConfig}, not here.
 *
 * @param nodeTimeoutNanos Redis's node timeout: a master does not vote twice for replicas of the
 *     same master within 2× this, and an election lasts max(2× this, 2 s) before it is given up
 *     and retried. Default 1 s. Must be positive.
 * @param failoverBaseDelayNanos fixed wait of a replica between seeing its master FAIL and asking
 *     for votes, so the FAIL can spread. Default 500 ms (Redis). Must be ≥ 0.
 * @param failoverRandomDelayNanos upper bound of a random extra wait drawn uniformly in
 *     [0, this), so replicas do not ask at once. Default 500 ms (Redis). Must be ≥ 0.
 * @param failoverRankDelayNanos extra wait per rank: the replica with the highest replication offset
 *     has rank 0, the next rank 1, ... Default 1 s (Redis). Must be ≥ 0.
 * @param minElectionTimeoutNanos the least an election lasts (Redis's 2 s floor). Default 2 s. Must be positive.
 * @param maxNodes the most announcements a view takes in (a bound on memory from peers' state);
 *     further ones are ignored. Default 1,024. Must be in 1..65,536.
 */
public record SlotMapConfig(long nodeTimeoutNanos, long failoverBaseDelayNanos, long failoverRandomDelayNanos,
                            long failoverRankDelayNanos, long minElectionTimeoutNanos, int maxNodes) {
    private static final long MS = 1_000_000L;

    /** Validates every option. @throws IllegalArgumentException naming the option and its value */
    public SlotMapConfig {
        positive("nodeTimeoutNanos", nodeTimeoutNanos);
        nonNegative("failoverBaseDelayNanos", failoverBaseDelayNanos);
        nonNegative("failoverRandomDelayNanos", failoverRandomDelayNanos);
        nonNegative("failoverRankDelayNanos", failoverRankDelayNanos);
        positive("minElectionTimeoutNanos", minElectionTimeoutNanos);
        if (maxNodes < 1 || maxNodes > 65_536) {
            throw new IllegalArgumentException("maxNodes must be in 1..65536: " + maxNodes);
        }
    }

    /** Redis's defaults for {@code cluster-node-timeout 1000}. */
    public static SlotMapConfig defaults() {
        return new SlotMapConfig(1000 * MS, 500 * MS, 500 * MS, 1000 * MS, 2000 * MS, 1024);
    }

    /** A copy with {@code nodeTimeoutNanos} set. */
    public SlotMapConfig withNodeTimeoutNanos(long value) {
        return new SlotMapConfig(value, failoverBaseDelayNanos, failoverRandomDelayNanos, failoverRankDelayNanos,
                minElectionTimeoutNanos, maxNodes);
    }

    /** A copy with the three failover delays set. */
    public SlotMapConfig withFailoverDelays(long baseNanos, long randomNanos, long rankNanos) {
        return new SlotMapConfig(nodeTimeoutNanos, baseNanos, randomNanos, rankNanos, minElectionTimeoutNanos, maxNodes);
    }

    /** A copy with {@code minElectionTimeoutNanos} set. */
    public SlotMapConfig withMinElectionTimeoutNanos(long value) {
        return new SlotMapConfig(nodeTimeoutNanos, failoverBaseDelayNanos, failoverRandomDelayNanos,
                failoverRankDelayNanos, value, maxNodes);
    }

    /** A copy with {@code maxNodes} set. */
    public SlotMapConfig withMaxNodes(int value) {
        return new SlotMapConfig(nodeTimeoutNanos, failoverBaseDelayNanos, failoverRandomDelayNanos,
                failoverRankDelayNanos, minElectionTimeoutNanos, value);
    }

    /** How long an election waits for a majority: max(2× node timeout, the floor). */
    public long electionTimeoutNanos() {
        return Math.max(2 * nodeTimeoutNanos, minElectionTimeoutNanos);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }
}
